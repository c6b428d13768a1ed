import type { FinalOutcome, PriorityReason, TicketView, VisitDetails, VisitStatus } from '../../../shared/domain/visit.js';
import { DeskFailure } from '../../../shared/errors.js';
import type { Db } from '../store/open-database.js';
import { errorText as t } from '../../../shared/i18n/catalogue.js';

export interface VisitRow {
  id: number;
  day: string;
  hour: number;
  letter: string;
  seq: number;
  number: string;
  service_id: number;
  first_service_id: number;
  status: VisitStatus;
  visitor_name: string;
  address_lines: string;
  postcode: string | null;
  no_fixed_abode: number;
  reason: string;
  interpreter: number;
  interpreter_language: string | null;
  hearing: number;
  mobility: number;
  priority: PriorityReason | null;
  call_by_number_only: number;
  issued_by: number | null;
  issued_at: number;
  queued_at: number;
  first_called_at: number | null;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  desk_id: number | null;
  /** Kept through park, transfer and finish: who may read the visitor's details (visit-access.ts). */
  last_desk_id: number | null;
  advisor_id: number | null;
  outcome: FinalOutcome | null;
  note: string | null;
  recalls: number;
  transfers: number;
}

/** The columns a queue screen may see: no name, address or free text. One list for the SELECT and the row type. */
export const ticketColumns = [
  'id',
  'number',
  'service_id',
  'status',
  'priority',
  'call_by_number_only',
  'interpreter',
  'interpreter_language',
  'hearing',
  'mobility',
  'issued_at',
  'queued_at',
  'called_at',
  'started_at',
  'finished_at',
  'desk_id',
  'advisor_id',
  'recalls',
  'transfers',
  'outcome',
] as const satisfies ReadonlyArray<keyof VisitRow>;

export type TicketRow = Pick<VisitRow, (typeof ticketColumns)[number]>;

/** `ticketColumns` as a SELECT list. */
export const ticketColumnList = ticketColumns.join(', ');

export function toTicketView(row: TicketRow): TicketView {
  return {
    visitId: row.id,
    number: row.number,
    serviceId: row.service_id,
    status: row.status,
    priority: row.priority,
    callByNumberOnly: row.call_by_number_only === 1,
    needs: {
      interpreter: row.interpreter === 1,
      language: row.interpreter_language,
      hearing: row.hearing === 1,
      mobility: row.mobility === 1,
    },
    issuedAt: row.issued_at,
    queuedAt: row.queued_at,
    calledAt: row.called_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    deskId: row.desk_id,
    advisorId: row.advisor_id,
    recalls: row.recalls,
    transfers: row.transfers,
    outcome: row.outcome,
  };
}

export function toVisitDetails(row: VisitRow): VisitDetails {
  return {
    ...toTicketView(row),
    visitor: {
      name: row.visitor_name,
      addressLines: JSON.parse(row.address_lines) as string[],
      postcode: row.postcode,
      noFixedAbode: row.no_fixed_abode === 1,
    },
    reason: row.reason,
    note: row.note,
  };
}

export function getVisitRow(db: Db, id: number): VisitRow {
  const row = db.prepare('SELECT * FROM visits WHERE id = ?').get(id) as VisitRow | undefined;
  if (row === undefined) {
    throw new DeskFailure('not-found', t.noSuchTicket, [{ path: ['visitId'], message: t.unknownTicketField }]);
  }
  return row;
}

export function getTicket(db: Db, id: number): TicketView {
  return toTicketView(getVisitRow(db, id));
}
