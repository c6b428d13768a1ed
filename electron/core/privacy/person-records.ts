import type { PersonRecord, SubjectAccessVisit } from '../../../shared/domain/privacy.js';
import type { EvidenceItem } from '../../../shared/domain/receipt.js';
import type { Visitor } from '../../../shared/domain/visit.js';
import { DeskFailure } from '../../../shared/errors.js';
import { errorText as t } from '../../../shared/i18n/catalogue.js';
import { localDay, retentionExpiry } from '../local-time.js';
import { nameKey, postcodeKey } from '../queue/visit-search.js';
import type { VisitRow } from '../queue/visit-records.js';
import type { Db } from '../store/open-database.js';

/** At most this many visits answer one search: a person's 28 days of visits fit many times over. */
const maxFound = 500;

type PersonRow = VisitRow & { service_name: string; desk_name: string | null; receipts: number };

const select = `SELECT v.*, s.name AS service_name, d.name AS desk_name,
    (SELECT count(*) FROM receipts r WHERE r.visit_id = v.id) AS receipts
  FROM visits v JOIN services s ON s.id = v.service_id LEFT JOIN desks d ON d.id = v.last_desk_id`;

function visitorOf(row: VisitRow): Visitor {
  return {
    name: row.visitor_name,
    addressLines: JSON.parse(row.address_lines) as string[],
    postcode: row.postcode,
    noFixedAbode: row.no_fixed_abode === 1,
  };
}

export interface PersonSearch {
  name?: string | undefined;
  postcode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * Every visit still held that matches all that was given: any part of the name (compared as
 * reception compares names: any case, accents kept, spaces folded), the start of the postcode
 * (spaces ignored), and the local issue dates. In JavaScript over the date-narrowed rows, as
 * reception's search: SQLite folds ASCII only. Newest first.
 */
export function findPersonRecords(db: Db, search: PersonSearch): PersonRecord[] {
  const rows = db
    .prepare(`${select} WHERE v.day >= @from AND v.day <= @to ORDER BY v.issued_at DESC, v.id DESC`)
    .all({ from: search.from ?? '0000-01-01', to: search.to ?? '9999-12-31' }) as PersonRow[];
  const name = search.name === undefined ? '' : nameKey(search.name);
  const postcode = search.postcode === undefined ? '' : postcodeKey(search.postcode);
  return rows
    .filter((row) => (name === '' || nameKey(row.visitor_name).includes(name)) && (postcode === '' || (row.postcode !== null && postcodeKey(row.postcode).startsWith(postcode))))
    .slice(0, maxFound)
    .map((row) => ({
      visitId: row.id,
      number: row.number,
      serviceName: row.service_name,
      issuedAt: row.issued_at,
      day: row.day,
      status: row.status,
      visitor: visitorOf(row),
      receipts: row.receipts,
    }));
}

/** The rows of exactly these visits, or `not-found` naming none of them if any is gone. */
export function personRows(db: Db, visitIds: readonly number[]): PersonRow[] {
  const rows = db.prepare(`${select} WHERE v.id IN (SELECT value FROM json_each(?)) ORDER BY v.issued_at, v.id`).all(JSON.stringify(visitIds)) as PersonRow[];
  if (rows.length !== visitIds.length) throw new DeskFailure('not-found', t.someVisitsGone);
  return rows;
}

/** Everything held for these visits, for the person they are about. Staff are third parties: named by desk only. */
export function subjectAccessVisits(db: Db, rows: readonly PersonRow[], timeZone: string, retentionDays: number): SubjectAccessVisit[] {
  const receipts = db.prepare('SELECT reference, received_at, items FROM receipts WHERE visit_id = ? ORDER BY received_at, id');
  return rows.map((row) => ({
    visitId: row.id,
    number: row.number,
    serviceName: row.service_name,
    visitor: visitorOf(row),
    reason: row.reason,
    needs: { interpreter: row.interpreter === 1, language: row.interpreter_language, hearing: row.hearing === 1, mobility: row.mobility === 1 },
    priority: row.priority,
    callByNumberOnly: row.call_by_number_only === 1,
    issuedAt: row.issued_at,
    calledAt: row.first_called_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    deskName: row.desk_name,
    outcome: row.outcome,
    note: row.note,
    recalls: row.recalls,
    transfers: row.transfers,
    deleteAfter: localDay(retentionExpiry(row.issued_at, timeZone, retentionDays), timeZone),
    receipts: (receipts.all(row.id) as Array<{ reference: string; received_at: number; items: string }>).map((r) => ({
      reference: r.reference,
      receivedAt: r.received_at,
      items: JSON.parse(r.items) as EvidenceItem[],
    })),
  }));
}
