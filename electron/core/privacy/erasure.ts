import type { Erasure, ErasureReason } from '../../../shared/domain/privacy.js';
import { DeskFailure } from '../../../shared/errors.js';
import { errorText as t } from '../../../shared/i18n/catalogue.js';
import { forgetAllAnswers } from '../call-answers.js';
import { rollUpVisits } from '../retention.js';
import type { Db } from '../store/open-database.js';

/** A visit still in the queue's hands: it must be finished or cancelled before it can be erased. */
const inQueue = new Set(['waiting', 'called', 'serving', 'parked']);

export interface ErasureRequest {
  visitIds: readonly number[];
  reason: ErasureReason;
  caseReference: string;
  staffId: number;
  at: number;
}

/** The council's pattern checks the reference (so it cannot hold a name); the schema already refused spaces. */
export function checkCaseReference(reference: string, pattern: string): void {
  if (!new RegExp(pattern, 'u').test(reference)) {
    throw new DeskFailure('invalid-input', t.caseReferenceMismatch(pattern), [{ path: ['caseReference'], message: t.caseReferenceField }]);
  }
}

/**
 * Erases visits on request, as the purge deletes them (retention.ts): their figures are rolled
 * into the anonymous statistics first, so reports keep their totals; the days they were on lose
 * their `closed_day_totals`, which counted them, and are added up again from the visits left; then
 * receipts and visits are deleted with `secure_delete` on, with every answer kept by idempotency
 * key (call-answers.ts). Runs inside the call's transaction; the
 * caller checkpoints the WAL after it (a checkpoint cannot run inside a transaction).
 */
export function eraseVisits(db: Db, request: ErasureRequest, statuses: ReadonlyArray<{ status: string }>): Erasure {
  if (statuses.some((row) => inQueue.has(row.status))) throw new DeskFailure('conflict', t.eraseInQueue);
  const ids = JSON.stringify(request.visitIds);
  const chosen = 'v.id IN (SELECT value FROM json_each(@ids))';
  rollUpVisits(db, chosen, { ids });
  db.prepare('DELETE FROM closed_day_totals WHERE day IN (SELECT DISTINCT day FROM visits WHERE id IN (SELECT value FROM json_each(?)))').run(ids);
  const receiptsErased = db.prepare('DELETE FROM receipts WHERE visit_id IN (SELECT value FROM json_each(?))').run(ids).changes;
  const visitsErased = db.prepare('DELETE FROM visits WHERE id IN (SELECT value FROM json_each(?))').run(ids).changes;
  // A kept answer (an issued ticket) can quote the visitor: none may outlive the visits.
  forgetAllAnswers(db);
  const info = db
    .prepare('INSERT INTO erasures (at, staff_id, visits_erased, receipts_erased, ground, case_reference) VALUES (?, ?, ?, ?, ?, ?)')
    .run(request.at, request.staffId, visitsErased, receiptsErased, request.reason, request.caseReference);
  return {
    id: Number(info.lastInsertRowid),
    at: request.at,
    staffId: request.staffId,
    visitsErased,
    receiptsErased,
    reason: request.reason,
    caseReference: request.caseReference,
  };
}

export function listErasures(db: Db, page: { limit?: number | undefined; beforeId?: number | undefined }): Erasure[] {
  return db
    .prepare(
      `SELECT id, at, staff_id AS staffId, visits_erased AS visitsErased, receipts_erased AS receiptsErased, ground AS reason, case_reference AS caseReference
       FROM erasures WHERE id < ? ORDER BY id DESC LIMIT ?`,
    )
    .all(page.beforeId ?? Number.MAX_SAFE_INTEGER, page.limit ?? 100) as Erasure[];
}
