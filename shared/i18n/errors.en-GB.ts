import type { VisitStatus } from '../domain/visit.js';

/**
 * UK English text of the errors the core gives: what a receptionist reads when a call is
 * refused. One catalogue per language (docs/contributing.md, "Words on screen"), chosen in
 * catalogue.ts; a Welsh one is another object of the type `ErrorText`. The error's code, not
 * this text, is what programs act on.
 */
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A ticket's status, as said in "Ticket C014 is …". */
const visitStatusWords: Record<VisitStatus, string> = {
  waiting: 'waiting',
  called: 'called to a desk',
  serving: 'being served',
  parked: 'parked',
  finished: 'finished',
  'no-show': 'a no-show',
  cancelled: 'cancelled',
  closed: 'closed at the end of the day',
};

/**
 * Each step a ticket can take (electron/core/queue/ticket-steps.ts, which checks at compile time
 * that this names every step it declares and no other), as said in "… so it cannot be …".
 */
const ticketStepWords = {
  call: 'called',
  'call-out-of-order': 'called',
  recall: 'recalled',
  start: 'started',
  finish: 'finished',
  transfer: 'transferred',
  park: 'parked',
  resume: 'resumed',
  'no-show': 'marked as a no-show',
  reinstate: 'reinstated',
  cancel: 'cancelled',
  'return-to-queue': 'put back in the queue',
  close: 'closed at the end of the day',
};

export const errorText = {
  shuttingDown: 'The site is shutting down. Try again in a moment.',
  noSuchCall: (name: string) => `There is no call named ${JSON.stringify(name)}.`,
  invalidInput: 'Some details need correcting.',
  badIdempotencyKey: 'The idempotency key must be 16 to 128 letters, digits, hyphens or underscores.',
  idempotencyKeyReused: 'This idempotency key was already used for a different call or by someone else. Send a new key.',
  sessionEnded: 'Your session has ended. Sign in again.',
  signInFirst: 'Sign in first.',
  roleCannot: 'Your role cannot do that. Ask a manager.',
  databaseBusy: 'The database is busy. Try again in a moment; nothing was saved.',
  databaseUnwritable: 'The database could not be written (disk full or failing). Nothing was saved; tell IT.',
  internal: 'Something went wrong and nothing was saved. Try again; if it happens again, tell IT.',

  alreadySetUp: 'This site is already set up. Sign in instead.',
  chooseYourName: 'Choose your name from the list.',
  lockedFor: (minutes: number) => `Too many wrong PINs. Try again in ${plural(minutes, 'minute')}, or ask a manager to unlock you.`,
  nowLockedFor: (minutes: number) => `Too many wrong PINs. This account is locked for ${plural(minutes, 'minute')}, or until a manager unlocks it.`,
  nowLockedUntilUnlocked: 'Too many wrong PINs, again. This account is now locked until a manager unlocks it.',
  lockedUntilUnlocked: 'This account is locked after too many wrong PINs. Ask a manager to unlock it.',
  noPinYet: 'No PIN has been set for you on this hub yet. Ask a manager to set one (Settings, Staff, Reset PIN).',
  confirmPin: 'Type your own PIN again to confirm this.',
  confirmPinField: 'Type your PIN to confirm.',
  wrongConfirmPin: (left: number) =>
    `That is not your PIN; nothing was changed. ${left} more wrong PIN${left === 1 ? '' : 's'} will lock your account.`,
  wrongPin: (left: number) => `That PIN is wrong. ${left} more wrong PIN${left === 1 ? '' : 's'} will lock this account.`,
  wrongPinField: 'That PIN is wrong.',

  noSuchStaff: 'There is no member of staff with that id.',
  staffNameTaken: 'Someone on this site already has that name. Add an initial or a surname.',
  nameTakenField: 'This name is already used.',
  lastManager: 'This is the last active manager. Make someone else a manager first.',

  noSuchService: 'There is no service with that id.',
  unknownServiceField: 'Unknown service.',
  letterTaken: 'Another service already uses that letter.',
  letterTakenField: 'This letter is already used.',
  serviceOff: (service: string) => `${service} is not taking visitors at the moment. Choose another service.`,
  serviceOffField: 'This service is switched off.',
  noSuchDesk: 'There is no desk with that id.',
  unknownDeskField: 'Unknown desk.',
  deskNameTaken: 'Another desk already has that name.',
  deskOpenCannotDeactivate: 'This desk is open. Close it before deactivating it.',

  closedToday: 'The site is closed today, so no tickets can be issued. A manager can override this for a visitor already inside.',
  ticketsStopAt: (time: string) => `Tickets stop at ${time}. A manager can override this for a visitor already inside.`,
  afterHoursChooseManager: 'Choose the manager who is letting this visitor in after hours.',
  chooseManagerField: 'Choose a manager.',
  wrongAfterHoursPin: (left: number) =>
    `That is not the chosen manager’s PIN; no ticket was issued. ${left} more wrong PIN${left === 1 ? '' : 's'} will lock the manager’s account.`,
  /** Takes the status key, like impossibleStep, so that a language can fit the word to the sentence. */
  reprintNotWaiting: (ticket: string, status: VisitStatus): string =>
    `Ticket ${ticket} is ${visitStatusWords[status]}, so it has no place in the queue to print.`,
  noSuchTicket: 'That ticket is not on record (it may have been purged).',
  unknownTicketField: 'Unknown ticket.',
  ticketWithOtherAdvisor: (ticket: string) => `Ticket ${ticket} is with another advisor.`,
  deskBusy: (ticket: string) => `Finish, transfer or park ${ticket} before calling someone else.`,
  deskBusyClosing: (ticket: string) => `Finish, transfer or park ${ticket} before closing the desk.`,
  deskBusyPausing: (ticket: string) => `Finish, transfer or park ${ticket} before pausing the desk.`,
  deskPaused: (desk: string) => `${desk} is paused. Resume it to call the next ticket.`,
  deskNotOpen: 'This desk is not open. Open it first.',
  deskNotOpenField: 'Desk not open.',
  deskOpenForOther: (desk: string) => `${desk} is open for someone else.`,
  deskTaken: (desk: string, advisor: string) => `${desk} is already open for ${advisor}.`,
  otherDeskOpen: 'You already have another desk open. Close it first.',
  noDeskInUse: 'There is no such desk in use.',
  sameService: 'Choose a different service to transfer to.',
  sameServiceField: 'Same service.',
  earlierDay: (ticket: string) => `Ticket ${ticket} was for an earlier day. Issue a new ticket.`,
  visitStatus: visitStatusWords,
  ticketStep: ticketStepWords,
  /** Takes the keys, not the words, so that a language can change a word's form to fit the sentence. */
  impossibleStep: (ticket: string, status: VisitStatus, step: keyof typeof ticketStepWords): string =>
    `Ticket ${ticket} is ${visitStatusWords[status]}, so it cannot be ${ticketStepWords[step]}.`,

  notYourVisit: 'You can open a visitor’s details only while they are yours to serve. Ask a manager if you need this record.',
  recoveryPassphraseSet: 'A recovery passphrase is already set. Choose to replace it: the old one will stop working.',

  noSuchAlert: 'That safety alert is not on record.',
  unknownAlertField: 'Unknown alert.',
  alertDeskNotOpen: 'That desk is not open for you. Raise the alert from the desk you have open, or from reception.',

  noSuchReceipt: 'That receipt is not on record (it may have been purged).',
  pastRetention: 'This visit is past its retention period and is about to be deleted.',

  someVisitsGone: 'One or more of the chosen visits is no longer held (purged or erased). Search again.',
  eraseInQueue: 'A chosen visit is still waiting or at a desk. Finish or cancel its ticket first, then erase it.',
  caseReferenceMismatch: (pattern: string) => `The case reference does not match this council’s pattern (${pattern}). Nothing was erased.`,
  caseReferenceField: 'This does not match the council’s case reference pattern.',

  // LAN access: the core's refusals.
  lanOff: 'LAN access is off. A manager turns it on in Settings, under “Desk PCs on the network”.',
  lanStarting: 'LAN access is still starting (the hub is making its certificate). Try again in a moment.',
  pairingCodeRefused: 'That pairing code is wrong, already used or more than ten minutes old. Ask a manager on the hub PC for a new one.',
  deskMustUpdate: (desk: string, hub: string) => `This desk PC runs One Stop Queue ${desk}, which cannot work with the hub’s ${hub}. Update this desk PC.`,
  hubMustUpdate: (desk: string, hub: string) => `The hub PC runs One Stop Queue ${hub}, which is older than this desk PC’s ${desk}. Update the hub PC.`,
  noSuchDevice: 'That desk PC is not on record.',
  deviceField: 'Unknown desk PC.',

  // LAN access: the hub's doors (electron/hub).
  lanDisplayOnly: 'Only the waiting-area display is served here. To use this PC as a desk, join it to the site with a pairing code from a manager.',
  lanNotPaired: 'This PC is not a paired desk PC of this hub, or a manager has withdrawn it. Ask a manager for a new pairing code and join the site again.',
  lanNoVersion: (hub: string) => `This desk PC did not say which version of One Stop Queue it runs; the hub runs ${hub}. Update this desk PC.`,

  // LAN access: the desk PC's link to the hub (electron/desk-link).
  joinBadAddress: 'That is not a hub address. Type the hub PC’s name or IP address, for example hub-pc or 192.168.1.20, with :port only if it is not 4781.',
  joinBadCode: 'A pairing code is 20 letters and digits, like 7KQ4-9XMP-2C3D-8F1A-QW7R. Check it and type it again.',
  joinHubUnreachable: 'The hub cannot be reached at that address. Check the address, that the hub PC is on, and that LAN access is turned on there.',
  joinHubCertificate: 'The PC at that address is not the hub this pairing code was made on: its certificate does not match, so nothing was sent to it. Check the address with a manager or IT.',
  joinNotAHub: 'The PC at that address did not answer as a One Stop Queue hub. Check the address.',
  linkHubUnreachable: 'The hub PC cannot be reached. Nothing is lost: try again when the connection is back.',
  linkHubCertificate: 'The hub PC showed a certificate this desk PC does not trust, so nothing was sent. Ask a manager or IT: this desk PC may need to be paired again.',

  // The hub's own refusals, before a call reaches the core.
  hubWrongHost: 'This hub answers only to its own address.',
  hubNothingHere: 'There is nothing at this address.',
  hubSendJson: 'Send the call’s input as JSON (Content-Type: application/json).',
  hubBadJson: 'The request body is not valid JSON.',
  hubUnreadable: 'The request could not be read.',
  hubTooLarge: 'That request is too large for the hub (64 KB at most).',
  hubRateLimited: 'Too many attempts from this computer. Wait a minute, then try again.',
  hubNoSuchCall: 'There is no such call.',
  hubPostOnly: 'Calls are made with POST.',
  hubClosing: 'The hub is shutting down. Try again in a moment.',

  // The desktop app's and the events socket's own refusals.
  windowMayNotCall: 'This window may not call the site.',
  windowMayNotUnlock: 'This window may not unlock the store.',
  sayWhoYouAre: 'Say who you are first.',
  badHello: 'The first message must be {"type":"auth","token":…} or {"type":"display"}.',
};

export type ErrorText = typeof errorText;
