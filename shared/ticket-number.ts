/** `C014`: the service letter and the day's number, at least three digits, going on past 999. */
export function formatTicketNumber(letter: string, sequence: number): string {
  return `${letter}${String(sequence).padStart(3, '0')}`;
}

/** `R-20261124-007`: local date of receipt and that day's receipt number. */
export function formatReceiptReference(localDate: string, sequence: number): string {
  return `R-${localDate.replaceAll('-', '')}-${String(sequence).padStart(3, '0')}`;
}
