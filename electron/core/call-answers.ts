import { idempotencyKeyLifetimeMs, idempotencyKeyPattern } from '../../shared/contract/index.js';
import { DeskFailure } from '../../shared/errors.js';
import { errorText as t } from '../../shared/i18n/catalogue.js';
import type { Db } from './store/open-database.js';

/**
 * Idempotency keys (migration 7): a changing call that carries a key has its answer kept with the
 * key, in the call's own transaction, for a day. The same call retried with the same key by the
 * same member of staff — in any session of theirs, since sessions do not survive a restart — is
 * not run again and gets the kept answer. A key used for another call, or by someone else, is
 * refused: answers are never handed across people.
 */

export function checkIdempotencyKey(key: string): void {
  if (!idempotencyKeyPattern.test(key)) {
    throw new DeskFailure('invalid-input', t.invalidInput, [{ path: ['idempotencyKey'], message: t.badIdempotencyKey }]);
  }
}

/** The kept answer for `key`, or `undefined` when the key is new. */
export function keptAnswer(db: Db, key: string, call: string, staffId: number | null): { answer: unknown } | undefined {
  const row = db.prepare('SELECT call, staff_id AS staffId, answer FROM call_answers WHERE key = ?').get(key) as
    | { call: string; staffId: number | null; answer: string }
    | undefined;
  if (row === undefined) return undefined;
  if (row.call !== call || row.staffId !== staffId) throw new DeskFailure('conflict', t.idempotencyKeyReused);
  return { answer: JSON.parse(row.answer) as unknown };
}

/**
 * Keeps the answer as both doors send it: JSON. An answer is plain data (the contract's result
 * schemas), so the JSON round trip gives a retry the same answer the first call got.
 */
export function keepAnswer(db: Db, key: string, call: string, staffId: number | null, at: number, answer: unknown): void {
  db.prepare('INSERT INTO call_answers (key, call, staff_id, at, answer) VALUES (?, ?, ?, ?, ?)').run(key, call, staffId, at, JSON.stringify(answer ?? null));
}

/** Drops answers older than a day; run with the purge and the scheduler's tick. */
export function forgetOldAnswers(db: Db, now: number): number {
  return db.prepare('DELETE FROM call_answers WHERE at < ?').run(now - idempotencyKeyLifetimeMs).changes;
}

/**
 * Drops every kept answer: an erasure cannot tell which answers quote the erased visits, and a
 * kept answer must never outlive the visit it names. A retry after an erasure is then applied as
 * a new call, which for a call about an erased visit is refused as `not-found`.
 */
export function forgetAllAnswers(db: Db): void {
  db.prepare('DELETE FROM call_answers').run();
}
