import type { CallName } from '../../shared/contract/index.js';

/**
 * A call whose answer feeds another: the target, and the target's input fields taken from the
 * answer (JSON Pointers into `{ result }`). Only whole inputs, so that a client — or a fuzzer
 * walking the links — can make the next call from the answer alone; where the next call needs
 * more than the answer holds, or a header, the description says so.
 */
export interface CallLink {
  to: CallName;
  description: string;
  body?: Readonly<Record<string, string>>;
}

const theSession = 'Send result.token as "Authorization: Bearer <token>" on this and every staff call.';
const visitOfTicket = { visitId: '/result/ticket/visitId' };
const calledVisit = { visitId: '/result/visitId' };

export const linkTable: Readonly<Partial<Record<CallName, readonly CallLink[]>>> = {
  setupSite: [{ to: 'getSession', description: theSession }],
  signIn: [
    { to: 'getSession', description: theSession },
    { to: 'signOut', description: theSession },
  ],
  issueTicket: [
    { to: 'getVisit', description: 'The visitor’s record behind the new ticket.', body: visitOfTicket },
    { to: 'cancelTicket', description: 'Cancels the new ticket.', body: visitOfTicket },
    { to: 'listReceipts', description: 'The receipts of the new ticket’s visit.', body: visitOfTicket },
  ],
  recordEvidence: [{ to: 'getReceipt', description: 'The same receipt again, for a reprint.', body: { receiptId: '/result/id' } }],
  openDesk: [
    { to: 'callNext', description: 'Calls the next ticket to the desk just opened.', body: { deskId: '/result/deskId' } },
    { to: 'closeDesk', description: 'Closes the desk again.', body: { deskId: '/result/deskId' } },
  ],
  callNext: [
    { to: 'startService', description: 'The called visitor has arrived (when a ticket was called).', body: calledVisit },
    { to: 'recallTicket', description: 'Calls the same ticket again.', body: calledVisit },
    { to: 'markNoShow', description: 'The called visitor did not come.', body: calledVisit },
  ],
  callTicket: [{ to: 'startService', description: 'The called visitor has arrived.', body: calledVisit }],
  startService: [{ to: 'parkTicket', description: 'Sets the ticket aside without losing it.', body: calledVisit }],
  createStaff: [{ to: 'updateStaff', description: 'Changes the new member of staff.', body: { staffId: '/result/id' } }],
  createService: [{ to: 'updateService', description: 'Changes the new service.', body: { serviceId: '/result/id' } }],
  createDesk: [{ to: 'updateDesk', description: 'Changes the new desk.', body: { deskId: '/result/id' } }],
};

/** The OpenAPI `links` of a call's 200 answer, or null when it feeds none. */
export function callLinks(name: CallName): Record<string, unknown> | null {
  const links = linkTable[name];
  if (links === undefined) return null;
  return Object.fromEntries(
    links.map((link) => [
      link.to,
      {
        operationId: link.to,
        description: link.description,
        ...(link.body === undefined
          ? {}
          : { requestBody: Object.fromEntries(Object.entries(link.body).map(([field, pointer]) => [field, `$response.body#${pointer}`])) }),
      },
    ]),
  );
}
