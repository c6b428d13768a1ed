import type { Migration } from './migration.js';

/**
 * A desk can be paused (break, admin, training) while it stays open: it calls nobody and leaves
 * the wait estimate; both columns are set together or not at all. `safety_alerts` holds staff
 * calls for help: staff ids and a place (a desk's name or "Reception"), never a visitor's data, so
 * an acknowledged alert is kept as long as the audit log (retention.ts). The partial index holds
 * only the alerts still open, which every staff screen lists.
 */
export const deskPauseAndSafetyAlerts: Migration = {
  version: 5,
  name: 'desk pause; staff-safety alerts',
  up: `
    ALTER TABLE desk_sessions ADD COLUMN paused_reason TEXT CHECK (paused_reason IN ('break', 'admin', 'training'));
    ALTER TABLE desk_sessions ADD COLUMN paused_at INTEGER CHECK ((paused_at IS NULL) = (paused_reason IS NULL));

    CREATE TABLE safety_alerts (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      raised_by INTEGER NOT NULL REFERENCES staff(id),
      desk_id INTEGER REFERENCES desks(id),
      place TEXT NOT NULL,
      raised_at INTEGER NOT NULL,
      acknowledged_by INTEGER REFERENCES staff(id),
      acknowledged_at INTEGER,
      CHECK ((acknowledged_by IS NULL) = (acknowledged_at IS NULL))
    ) STRICT;
    CREATE INDEX safety_alerts_open ON safety_alerts (raised_at) WHERE acknowledged_at IS NULL;
  `,
};
