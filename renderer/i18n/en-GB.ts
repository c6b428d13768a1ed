/**
 * Every word the renderer puts on screen, in UK English. A Welsh council adds `cy-GB.ts` of the
 * same shape (`Catalogue`) and no component changes (CONVENTIONS.md, "Words on screen").
 * Input errors come from the contract's schemas (`shared/i18n/validation.en-GB.ts`), and the
 * core's own messages (a wrong PIN, a lockout) arrive already written for the person at the desk.
 */
export const enGB = {
  locale: 'en-GB',
  appName: 'One Stop Queue',
  pageTitle: (screen: string, siteName: string | null): string =>
    siteName ? `${screen} – ${siteName} – One Stop Queue` : `${screen} – One Stop Queue`,
  skipLink: 'Skip to main content',
  loading: 'Loading…',

  roles: {
    receptionist: 'Receptionist',
    advisor: 'Advisor',
    manager: 'Manager',
  },

  connection: {
    down: 'No connection to the One Stop Queue hub. Trying again… Nothing on this screen is lost.',
    connecting: 'Connecting to One Stop Queue…',
  },

  errors: {
    summaryTitle: 'There is a problem',
    fieldPrefix: 'Error:',
    unreachable: 'The One Stop Queue hub cannot be reached, so nothing was sent. Check the network and try again.',
    unexpected: 'Something went wrong and nothing was saved. Try again; if it happens again, tell IT.',
    pinsDiffer: 'The two PINs are not the same. Type them again.',
    pickName: 'Choose your name from the list.',
  },

  setup: {
    title: 'Set up this site',
    intro: 'This is the first time One Stop Queue has been opened here. Name the site and add its first manager, who is signed in straight away.',
    siteSection: 'The site',
    siteName: 'Site name',
    siteNameHint: 'As visitors know it, for example “Liverpool One Stop Shop”.',
    timeZone: 'Time zone',
    timeZoneHint: 'Sets when the day starts for ticket numbers and when records are deleted.',
    managerSection: 'The first manager',
    managerName: 'Your name',
    managerNameHint: 'Staff pick their name from a list to sign in, so use the name colleagues know you by.',
    pin: 'Choose a PIN',
    pinHint: '4 to 8 digits. Do not share it.',
    pinAgain: 'Type the PIN again',
    submit: 'Set up and sign in',
    submitting: 'Setting up…',
  },

  signIn: {
    title: 'Sign in',
    chooseName: 'Choose your name',
    chooseNameHint: 'Use Tab or the arrow keys, then Enter.',
    noStaff: 'Nobody can sign in yet. Ask a manager to add you.',
    pinTitle: (name: string): string => `Enter your PIN, ${name}`,
    pin: 'PIN',
    pinHint: '4 to 8 digits.',
    submit: 'Sign in',
    submitting: 'Signing in…',
    back: 'Not you? Choose another name',
    backHint: 'Press Escape to go back to the list of names.',
    locked: 'Account locked',
    notices: {
      'signed-out': 'You have signed out.',
      idle: 'You were signed out because this screen was not used for a while. Sign in again to carry on.',
      expired: 'Your session has ended. Sign in again to carry on.',
    },
  },

  frame: {
    sections: 'Sections',
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    later: 'Coming in a later update.',
  },

  reception: {
    title: 'Reception',
    intro: 'Greet each visitor, record why they came and give them a ticket.',
    sections: [
      { heading: 'Issue a ticket', body: 'Find or type the visitor’s name, address and reason, choose the service and print the ticket.' },
      { heading: 'Today’s queue', body: 'Tickets waiting, called and being served, with any needs noted.' },
      { heading: 'Evidence receipts', body: 'Record documents a visitor hands in and print a receipt.' },
    ],
  },

  desk: {
    title: 'Desk',
    intro: 'Open your desk, choose the services you serve and call the next ticket.',
    sections: [
      { heading: 'Open your desk', body: 'Pick your desk and the services you serve today.' },
      { heading: 'Call the next ticket', body: 'Call, recall, start, finish with an outcome, transfer or mark a no-show.' },
      { heading: 'Current visitor', body: 'The visitor’s details, a short note and evidence receipts.' },
    ],
  },

  manager: {
    title: 'Manager',
    intro: 'Look after the site: staff, services, desks, reports and how long records are kept.',
    sections: [
      { heading: 'Live board', body: 'The queue now: waiting per service, longest wait and desks.' },
      { heading: 'Services and desks', body: 'Add and change services, their letters and target waits, and desks.' },
      { heading: 'Reports', body: 'Waits and service times by day, hour, service, desk and advisor.' },
      { heading: 'Settings and records', body: 'Opening hours, retention, the recovery passphrase, subject access and the audit log.' },
    ],
    staff: {
      heading: 'Staff',
      caption: 'Everyone who can sign in at this site',
      name: 'Name',
      role: 'Role',
      status: 'Status',
      action: 'Action',
      active: 'Active',
      inactive: 'No longer active',
      lockedUntil: (time: string): string => `Locked until ${time}`,
      lockedUntilUnlocked: 'Locked until a manager unlocks',
      unlock: 'Unlock',
      unlockTitle: (name: string): string => `Unlock ${name}`,
      unlockLabel: (name: string): string => `Unlock ${name}`,
      unlocked: (name: string): string => `${name} can sign in again.`,
      none: 'No staff yet.',
    },
    addStaff: {
      heading: 'Add a member of staff',
      name: 'Name',
      nameHint: 'Names are unique on a site: add an initial or a surname if two people share one.',
      role: 'Role',
      pin: 'First PIN',
      pinHint: '4 to 8 digits. Tell them the PIN in person.',
      managerPin: 'Your PIN',
      managerPinHint: 'Your own PIN, to confirm that you are adding someone who can sign in.',
      submit: 'Add member of staff',
      submitting: 'Adding…',
      clear: 'Clear',
      added: (name: string): string => `${name} has been added and can sign in.`,
    },
  },

  confirmPin: {
    label: 'Your PIN',
    hint: 'Type your own PIN again to confirm. A wrong PIN counts toward locking your account.',
    cancel: 'Cancel',
  },

  display: {
    title: 'Waiting area',
    nowCalling: 'Now calling',
    goTo: 'go to',
    recall: 'Called again',
    earlier: 'Earlier calls',
    none: 'Please take a seat. Your ticket number will appear here when it is your turn.',
    waiting: 'Waiting',
    waitingCount: (count: number): string => (count === 1 ? '1 waiting' : `${count} waiting`),
    announce: (number: string, deskName: string): string => `Ticket ${number}, please go to ${deskName}.`,
  },

  /** Reception's "Today's visits" (renderer/reception/todays-visits.tsx). */
  visits: {
    heading: 'Today’s visits',
    searchForm: 'Search today’s visits',
    search: 'Search by name, postcode or ticket',
    searchHint: 'For example Smith, L1 1JQ or C14. Leave it empty and press Enter to list all of today’s visits.',
    searchButton: 'Search',
    searching: 'Searching…',
    searchAgain: 'Search again',
    notSearched: 'Search to see today’s visits. Each search is recorded in the audit log.',
    found: (count: number): string => (count === 0 ? 'No visits found.' : count === 1 ? '1 visit found.' : `${count} visits found.`),
    caption: (query: string, count: number): string =>
      query === '' ? `All of today’s visits (${count}), latest first` : `Today’s visits matching “${query}” (${count}), latest first`,
    atMost: (count: number): string => `Only the latest ${count} are shown. Search by name, postcode or ticket to find an earlier one.`,
    none: 'No visits today match that search.',
    noneToday: 'No visits yet today.',
    columns: {
      ticket: 'Ticket',
      name: 'Name',
      postcode: 'Postcode',
      service: 'Service',
      status: 'Status',
      issued: 'Issued',
      receipts: 'Receipts',
      actions: 'Actions',
    },
    noFixedAbode: 'No fixed abode',
    service: (letter: string, name: string): string => `${letter} – ${name}`,
    unknownService: 'Service no longer listed',
    statuses: {
      waiting: 'Waiting',
      called: 'Called to a desk',
      serving: 'Being served',
      parked: 'Set aside',
      finished: 'Finished',
      'no-show': 'Did not come',
      cancelled: 'Cancelled',
      closed: 'Closed at end of day',
    },
    reprint: 'Reprint',
    reprintLabel: (number: string): string => `Reprint ticket ${number}`,
    cancel: 'Cancel',
    cancelLabel: (number: string): string => `Cancel ${number}`,
    evidence: 'Evidence',
    evidenceLabel: (number: string): string => `Evidence for ${number}`,
    confirmCancel: (number: string): string => `Cancel ticket ${number}? It leaves the queue.`,
    confirm: 'Confirm',
    confirmLabel: (number: string): string => `Confirm: cancel ticket ${number}`,
    keep: 'Keep',
    keepLabel: (number: string): string => `Keep ticket ${number}`,
    escapeKeeps: 'Esc keeps it.',
    cancelled: (number: string): string => `${number} cancelled.`,
    reprinted: (number: string, ahead: number): string =>
      `${number} reprinted: ${ahead === 0 ? 'next to be called' : ahead === 1 ? '1 person ahead' : `${ahead} people ahead`}.`,
    notPrinted: (number: string, problem: string): string => `${number} was not reprinted. ${problem}`,
  },

  /** Reception's evidence panel (renderer/reception/evidence-panel.tsx); kinds are `print.kinds`. */
  evidence: {
    heading: (number: string, name: string): string => `Evidence for ${number} — ${name}`,
    receiptsHeading: 'Receipts for this visit',
    noReceipts: 'No evidence recorded for this visit yet.',
    receivedAt: (time: string, name: string): string => `received at ${time} by ${name}`,
    itemLine: (kind: string, description: string, pages: number, original: boolean, returned: boolean): string =>
      `${kind}: ${description} (${pages === 1 ? '1 page' : `${pages} pages`}, ${original ? 'original' : 'copy'}, ${returned ? 'returned to the visitor' : 'kept'})`,
    reprint: 'Reprint',
    reprintLabel: (reference: string): string => `Reprint ${reference}`,
    backOffice: 'Back-office copy',
    backOfficeLabel: (reference: string): string => `Back-office copy of ${reference}`,
    reprinted: (reference: string): string => `${reference} reprinted.`,
    backOfficePrinted: (reference: string): string => `Back-office copy of ${reference} printed.`,
    notPrinted: (reference: string, problem: string): string => `${reference} was not printed. ${problem}`,
    printFailed: 'The printer did not answer.',
    formHeading: 'Record evidence handed in',
    keys: 'Alt+A adds another item. Enter records and prints the receipt. Esc closes this panel while nothing is typed in it.',
    item: (n: number): string => `Item ${n}`,
    fieldOfItem: (n: number, field: string): string => `Item ${n}, ${field.toLowerCase()}`,
    kind: 'Kind of document',
    chooseKind: 'Choose a kind',
    kindRequired: 'Choose what kind of document this is.',
    description: 'Description',
    descriptionHint: 'For example “March payslip”.',
    pages: 'Pages',
    pagesHint: '1 to 500.',
    original: 'Original or copy',
    originalOptions: { original: 'Original', copy: 'Copy' },
    returned: 'Returned to the visitor or kept',
    returnedOptions: { returned: 'Returned to the visitor', kept: 'Kept' },
    addItem: 'Add another item',
    removeItem: (n: number): string => `Remove item ${n}`,
    submit: 'Record and print receipt',
    submitting: 'Recording…',
    close: 'Close',
    recorded: (reference: string): string => `Receipt ${reference} recorded and printed.`,
    recordedNotPrinted: (reference: string, problem: string): string =>
      `Receipt ${reference} recorded, but not printed. ${problem} Use “Reprint” beside ${reference} to try again.`,
  },

  /** The printed ticket and evidence receipt (renderer/print/), and why a print did not happen. */
  print: {
    // date-fns patterns (https://date-fns.org/docs/format), in the site's time zone.
    formats: { time: 'HH:mm', day: 'EEE d MMM yyyy', longDate: 'd MMMM yyyy' },
    problems: {
      'no-printer': 'Nothing was printed: no ticket printer is set up on this computer. Ask IT to set one in the desktop app’s settings.',
      'printer-not-found':
        'Nothing was printed: the ticket printer set up for this computer cannot be found. Check it is switched on and plugged in, then print again; if it still fails, ask IT.',
      failed: 'The printer did not print. Check it is switched on and has paper, then print again.',
      'not-allowed': 'Nothing was printed: this window is not allowed to print. Print from the reception or desk screen, or ask IT.',
    },
    noSettings: 'Nothing was printed because the site’s settings have not loaded yet. Wait a moment and print again.',
    notShown: 'Nothing was printed because the print layout did not load. Print again; if it happens again, tell IT.',
    ticket: {
      heading: 'Your ticket',
      issued: (time: string, day: string): string => `Issued ${time}, ${day}`,
      peopleAhead: (count: number): string =>
        count === 0 ? 'You are next' : count === 1 ? '1 person ahead of you' : `${count} people ahead of you`,
      waitUnder: 'Estimated wait: under 5 minutes',
      waitAbout: (hours: number, minutes: number): string => {
        const h = hours === 0 ? '' : hours === 1 ? '1 hour' : `${hours} hours`;
        const m = minutes === 0 ? '' : `${minutes} minutes`;
        return `Estimated wait: about ${[h, m].filter(Boolean).join(' ')}`;
      },
      watchScreen: 'Please watch the screen for your number',
      reprinted: (time: string): string => `Reprinted ${time}`,
      retention: (days: number): string => `Your details are kept for ${days === 1 ? '1 day' : `${days} days`}, then deleted.`,
    },
    receipt: {
      heading: 'Evidence receipt',
      reference: 'Reference',
      received: (time: string, day: string): string => `Received ${time}, ${day}`,
      visitor: 'Visitor',
      ticket: 'Ticket',
      items: (count: number): string => (count === 1 ? '1 document received' : `${count} documents received`),
      noItems: 'No documents listed.',
      pages: (count: number): string => (count === 1 ? '1 page' : `${count} pages`),
      itemSummary: (kind: string, pages: string): string => `${kind} — ${pages}`,
      itemHandling: (originalOrCopy: string, returnedOrKept: string): string => `${originalOrCopy} · ${returnedOrKept}`,
      original: 'Original',
      copy: 'Copy',
      returned: 'Returned to you',
      kept: 'Kept by us',
      receivedBy: (name: string): string => `Received by ${name}`,
      retention: (days: number, until: string): string =>
        `We keep a record of this receipt for ${days === 1 ? '1 day' : `${days} days`}, until ${until}, then delete it.`,
      backOffice: 'BACK-OFFICE COPY — not for the visitor',
    },
    kinds: {
      id: 'Proof of identity',
      'proof-of-address': 'Proof of address',
      payslip: 'Payslip',
      'bank-statement': 'Bank statement',
      'tenancy-agreement': 'Tenancy agreement',
      'benefit-letter': 'Benefit letter',
      other: 'Other document',
    },
  },
};

export type Catalogue = typeof enGB;
