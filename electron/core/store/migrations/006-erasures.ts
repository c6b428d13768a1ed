import type { Migration } from './migration.js';

/**
 * Erasures on request (right to erasure): who, when, how many records, why and the council's case
 * reference — never whose records, which are gone. Why is `ground` (the call's `reason`), a code
 * from a fixed list, never free text. The reference is checked against the site's pattern before
 * it is written, so it cannot hold a name; the audit log points here by id.
 */
export const erasures: Migration = {
  version: 6,
  name: 'erasures on request',
  up: `
    CREATE TABLE erasures (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at INTEGER NOT NULL,
      staff_id INTEGER REFERENCES staff(id),
      visits_erased INTEGER NOT NULL CHECK (visits_erased >= 0),
      receipts_erased INTEGER NOT NULL CHECK (receipts_erased >= 0),
      ground TEXT NOT NULL CHECK (ground IN ('subject-request', 'recorded-in-error', 'objection', 'legal-obligation')),
      case_reference TEXT NOT NULL
    ) STRICT;
  `,
};
