import type { Migration } from './migration.js';

/**
 * Personal data lives only in `visits` and `receipts`; `audit`, `daily_stats` and `purge_log`
 * hold ids, codes and figures, with no foreign key to visits, so a purge leaves them whole.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial schema',
  up: `
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE staff (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      role TEXT NOT NULL CHECK (role IN ('receptionist', 'advisor', 'manager')),
      pin_hash TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1,
      failed_pins INTEGER NOT NULL DEFAULT 0,
      locked_until INTEGER,
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE services (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      letter TEXT NOT NULL UNIQUE,
      target_wait_minutes INTEGER NOT NULL,
      sort_order INTEGER NOT NULL,
      active INTEGER NOT NULL DEFAULT 1
    ) STRICT;

    CREATE TABLE desks (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      active INTEGER NOT NULL DEFAULT 1
    ) STRICT;

    CREATE TABLE desk_sessions (
      desk_id INTEGER PRIMARY KEY REFERENCES desks(id),
      advisor_id INTEGER NOT NULL REFERENCES staff(id),
      service_ids TEXT NOT NULL,
      opened_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE visits (
      id INTEGER PRIMARY KEY,
      day TEXT NOT NULL,
      hour INTEGER NOT NULL,
      letter TEXT NOT NULL,
      seq INTEGER NOT NULL,
      number TEXT NOT NULL,
      service_id INTEGER NOT NULL REFERENCES services(id),
      first_service_id INTEGER NOT NULL REFERENCES services(id),
      status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'parked', 'finished', 'no-show', 'cancelled', 'closed')),
      visitor_name TEXT NOT NULL,
      address_lines TEXT NOT NULL,
      postcode TEXT,
      no_fixed_abode INTEGER NOT NULL,
      reason TEXT NOT NULL,
      interpreter INTEGER NOT NULL,
      interpreter_language TEXT,
      hearing INTEGER NOT NULL,
      mobility INTEGER NOT NULL,
      priority TEXT,
      call_by_number_only INTEGER NOT NULL,
      issued_by INTEGER REFERENCES staff(id),
      issued_at INTEGER NOT NULL,
      queued_at INTEGER NOT NULL,
      first_called_at INTEGER,
      called_at INTEGER,
      started_at INTEGER,
      finished_at INTEGER,
      desk_id INTEGER REFERENCES desks(id),
      advisor_id INTEGER REFERENCES staff(id),
      outcome TEXT,
      note TEXT,
      recalls INTEGER NOT NULL DEFAULT 0,
      transfers INTEGER NOT NULL DEFAULT 0,
      UNIQUE (day, letter, seq)
    ) STRICT;
    CREATE INDEX visits_open ON visits (status, service_id, queued_at);
    CREATE INDEX visits_issued_at ON visits (issued_at);
    CREATE INDEX visits_day ON visits (day);
    CREATE INDEX visits_called_at ON visits (called_at);

    CREATE TABLE receipts (
      id INTEGER PRIMARY KEY,
      visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
      day TEXT NOT NULL,
      seq INTEGER NOT NULL,
      reference TEXT NOT NULL UNIQUE,
      received_at INTEGER NOT NULL,
      received_by INTEGER NOT NULL REFERENCES staff(id),
      items TEXT NOT NULL,
      UNIQUE (day, seq)
    ) STRICT;
    CREATE INDEX receipts_visit ON receipts (visit_id);

    CREATE TABLE audit (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      staff_id INTEGER,
      action TEXT NOT NULL,
      target_type TEXT,
      target_id INTEGER,
      outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed'))
    ) STRICT;
    CREATE INDEX audit_at ON audit (at);

    CREATE TABLE daily_stats (
      day TEXT NOT NULL,
      hour INTEGER NOT NULL,
      service_id INTEGER NOT NULL,
      desk_id INTEGER NOT NULL,
      advisor_id INTEGER NOT NULL,
      priority INTEGER NOT NULL,
      outcome TEXT NOT NULL,
      issued INTEGER NOT NULL DEFAULT 0,
      served INTEGER NOT NULL DEFAULT 0,
      no_show INTEGER NOT NULL DEFAULT 0,
      cancelled INTEGER NOT NULL DEFAULT 0,
      transferred INTEGER NOT NULL DEFAULT 0,
      called INTEGER NOT NULL DEFAULT 0,
      within_target INTEGER NOT NULL DEFAULT 0,
      wait_ms_sum INTEGER NOT NULL DEFAULT 0,
      wait_ms_max INTEGER NOT NULL DEFAULT 0,
      service_ms_sum INTEGER NOT NULL DEFAULT 0,
      service_ms_max INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (day, hour, service_id, desk_id, advisor_id, priority, outcome)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE purge_log (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      cutoff INTEGER NOT NULL,
      visits_deleted INTEGER NOT NULL,
      receipts_deleted INTEGER NOT NULL,
      audit_deleted INTEGER NOT NULL,
      stats_deleted INTEGER NOT NULL,
      duration_ms INTEGER NOT NULL,
      trigger TEXT NOT NULL
    ) STRICT;
  `,
};
