/**
 * UK English text for input errors: the words a receptionist sees next to a field. Chosen in
 * catalogue.ts; a Welsh one is another object of the type `ValidationText`.
 */
export const validationText = {
  required: 'This is required.',
  blank: 'This cannot be blank.',
  tooLong: (max: number) => `Use at most ${max} characters.`,
  controlCharacters: 'This contains characters that cannot be printed. Retype it.',
  notWellFormed: 'This contains a broken character (half of a symbol or emoji). Retype it.',
  invisibleCharacters: 'This contains an invisible character (such as a zero-width space or a text-direction mark). Retype it.',
  pin: 'A PIN is 4 to 8 digits.',
  letter: 'A service letter is one capital letter, A to Z.',
  time: 'Use a 24-hour time such as 09:00.',
  timeZone: 'Choose a time zone from the list, for example Europe/London.',
  postcode: 'This is not a UK postcode. Check it, or tick “No fixed abode”.',
  postcodeOrNoFixedAbode: 'Enter a postcode, or tick “No fixed abode”.',
  language: 'Say which language the interpreter is for.',
  priorityReason: 'Choose why this visitor is served first.',
  pauseReason: 'Choose why the desk is paused: break, admin or training.',
  wholeNumber: 'Enter a whole number.',
  range: (min: number, max: number) => `Enter a number from ${min} to ${max}.`,
  retention: (max: number) => `Records cannot be kept longer than ${max} days.`,
  hoursOrder: 'Opening, last ticket and closing times must come in that order.',
  atLeastOneService: 'Choose at least one service.',
  atLeastOneItem: 'Add at least one item of evidence.',
  tooManyItems: (max: number) => `At most ${max} items on one receipt.`,
  tooManyLines: (max: number) => `At most ${max} address lines.`,
  passphrase: 'A site passphrase needs at least 12 characters.',
  unknownField: 'This field is not expected here.',
  invalid: 'This value is not valid.',
  dateOrder: 'The start date must be on or before the end date.',
  date: 'Use a date such as 2026-11-24.',
  searchCriteria: 'Enter a name, a postcode or a date to search by.',
  visitChoice: 'Choose at least one visit.',
  tooManyVisits: (max: number) => `At most ${max} visits at once.`,
  erasureReason: 'Choose why the records are erased.',
  caseReferenceShape: 'A case reference is letters, digits and - / . _ only, with no spaces (for example SAR-2026-0042).',
  pairingCode: 'A pairing code is 20 letters and digits, such as 7KQ4-9XMP-2C3D-8F1A-QW7R. Ask a manager on the hub PC for a new one.',
  caseReferencePattern: 'Write the pattern as a regular expression from ^ to $, such as ^SAR-[0-9]{4}-[0-9]{4}$, that a person’s name cannot match.',
};

export type ValidationText = typeof validationText;
