import type { Migration } from './migration.js';

/**
 * Answers kept by idempotency key, so that a call retried after its answer was lost (a dropped
 * connection, a hub restart) is applied once and answers the same. The key and the answer are
 * written in the call's own transaction. An answer can quote a visitor (a ticket names them), so
 * rows live a day (`idempotencyKeyLifetimeMs`), go with every purge that finds them older, and
 * all go at an erasure — never longer than the visits they describe. `staff_id` is who made the
 * call: a key is theirs alone. No foreign key: a key outlives nothing, and a staff row is never
 * deleted.
 */
export const callAnswers: Migration = {
  version: 7,
  name: 'answers kept by idempotency key',
  up: `
    CREATE TABLE call_answers (
      key TEXT PRIMARY KEY,
      call TEXT NOT NULL,
      staff_id INTEGER,
      at INTEGER NOT NULL,
      answer TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX call_answers_at ON call_answers (at);
  `,
};
