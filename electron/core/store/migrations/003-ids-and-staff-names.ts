import type Database from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './migration.js';

/*
 * Written out in full, not built from today's code, so this migration means the same forever.
 * `staffNameKey` is also what the `staff_name_key` SQL function computes for the triggers below
 * (registered on every connection by open-database.ts): changing what counts as "the same name"
 * needs a new migration that recomputes `staff.name_key`, never an edit here.
 */

const whitespaceRun = /\s+/gu;
// Control characters, format characters (zero-width spaces and joiners, soft hyphen, BOM, bidi
// marks, overrides and isolates) and the other code points Unicode says to draw as nothing.
const invisible = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** A staff name as the sign-in list should show it: NFC, nothing invisible, single spaces. */
function tidyStaffName(name: string): string {
  return name.normalize('NFC').replace(whitespaceRun, ' ').replace(invisible, '').replace(whitespaceRun, ' ').trim();
}

/**
 * Two names with the same key would look alike on the sign-in list. NFKC folds compatibility
 * forms (full-width letters, ligatures, non-breaking spaces); lower case folds case, and the
 * final sigma is folded to σ as full case folding does. Confusables across scripts (Cyrillic а
 * for Latin a) are not folded: that needs Unicode's confusables table.
 */
export function staffNameKey(name: string): string {
  return tidyStaffName(name).normalize('NFKC').toLowerCase().replace(/ς/gu, 'σ').normalize('NFKC').replace(whitespaceRun, ' ').trim();
}

const visitColumns = `id, day, hour, letter, seq, number, service_id, first_service_id, status, visitor_name, address_lines,
  postcode, no_fixed_abode, reason, interpreter, interpreter_language, hearing, mobility, priority, call_by_number_only,
  issued_by, issued_at, queued_at, first_called_at, called_at, started_at, finished_at, desk_id, advisor_id, outcome, note,
  recalls, transfers`;

const receiptColumns = 'id, visit_id, day, seq, reference, received_at, received_by, items';

/** The sequence starts above every id the table holds and every id the audit log names for it. */
const seedSequence = (table: string, targetType: string) => `
    DELETE FROM sqlite_sequence WHERE name = '${table}';
    INSERT INTO sqlite_sequence (name, seq) VALUES ('${table}', max(
      coalesce((SELECT max(id) FROM ${table}), 0),
      coalesce((SELECT max(target_id) FROM audit WHERE target_type = '${targetType}'), 0)));`;

/**
 * Visit and receipt ids are never handed out twice. With a plain INTEGER PRIMARY KEY, SQLite
 * reuses the highest id once its row is gone, so after the newest visits were purged or erased
 * a new visitor took an old id and the audit rows about the old one pointed at them.
 * AUTOINCREMENT keeps the highest id ever used in sqlite_sequence
 * (https://sqlite.org/autoinc.html); for the ids used before this migration, the audit log is
 * the record (every visit is issued with a `visit.issue` row, and a target id is only ever
 * written after its row was read).
 *
 * The rebuild runs inside the migrations' one transaction, where `PRAGMA foreign_keys` cannot be
 * switched off (https://sqlite.org/lang_altertable.html#otheralter). With it on, DROP TABLE
 * visits would cascade-delete every receipt through `ON DELETE CASCADE`. So both old tables are
 * renamed first — a rename carries the receipts' foreign key along to `visits_old` — the new
 * tables are filled, and the old ones dropped child first, when nothing refers to them any more.
 * Indexes follow their table on rename, so they are made again after the drop.
 */
export const idsAndStaffNames: Migration = {
  version: 3,
  name: 'ids never reused; staff name keys; lockout count',
  up: `
    ALTER TABLE receipts RENAME TO receipts_old;
    ALTER TABLE visits RENAME TO visits_old;

    CREATE TABLE visits (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    INSERT INTO visits (${visitColumns}) SELECT ${visitColumns} FROM visits_old ORDER BY id;

    CREATE TABLE receipts (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
      day TEXT NOT NULL,
      seq INTEGER NOT NULL,
      reference TEXT NOT NULL UNIQUE,
      received_at INTEGER NOT NULL,
      received_by INTEGER NOT NULL REFERENCES staff(id),
      items TEXT NOT NULL,
      UNIQUE (day, seq)
    ) STRICT;
    INSERT INTO receipts (${receiptColumns}) SELECT ${receiptColumns} FROM receipts_old ORDER BY id;

    DROP TABLE receipts_old;
    DROP TABLE visits_old;

    CREATE INDEX visits_open ON visits (status, service_id, queued_at);
    CREATE INDEX visits_issued_at ON visits (issued_at);
    CREATE INDEX visits_day ON visits (day);
    CREATE INDEX visits_called_at ON visits (called_at);
    CREATE INDEX receipts_visit ON receipts (visit_id);

    ${seedSequence('visits', 'visit')}
    ${seedSequence('receipts', 'receipt')}

    -- How many lockouts since the last good sign-in (each one longer than the last).
    ALTER TABLE staff ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0;
    -- staffNameKey(name), kept by the triggers made in finish(); unique, so no two look alike.
    ALTER TABLE staff ADD COLUMN name_key TEXT;
  `,
  finish: tidyExistingStaffNames,
};

interface StaffName {
  id: number;
  name: string;
}

/**
 * Existing names are tidied the way the schema now tidies new ones, and given their keys. Where
 * two fold to the same key, the one created first keeps its name and each later one gets " (2)",
 * " (3)"… (the first suffix whose key is free): nobody is locked out or merged, the sign-in list
 * tells them apart, and a manager can rename them. Each renamed row gets a `staff.update` audit
 * row with no acting staff (the upgrade did it).
 */
function tidyExistingStaffNames(db: Database.Database): void {
  const rows = db.prepare('SELECT id, name FROM staff ORDER BY created_at, id').all() as StaffName[];
  const tidy = rows.map((row) => {
    const name = tidyStaffName(row.name);
    return { ...row, final: name === '' ? `Staff member ${String(row.id)}` : name };
  });
  const taken = new Set(tidy.map((row) => staffNameKey(row.final)));
  const kept = new Set<string>();
  for (const row of tidy) {
    const key = staffNameKey(row.final);
    if (!kept.has(key)) {
      kept.add(key);
      continue;
    }
    let n = 2;
    while (taken.has(staffNameKey(`${row.final} (${String(n)})`))) n += 1;
    row.final = `${row.final} (${String(n)})`;
    taken.add(staffNameKey(row.final));
  }
  const changed = tidy.filter((row) => row.final !== row.name);
  // Two passes, so that no intermediate state breaks the old UNIQUE (name COLLATE NOCASE): first
  // every changing row steps aside to a name no person can have (it starts with a control
  // character), then each takes its final name.
  const setName = db.prepare('UPDATE staff SET name = ? WHERE id = ?');
  for (const row of changed) setName.run(`\u0001${String(row.id)}`, row.id);
  for (const row of changed) setName.run(row.final, row.id);
  const setKey = db.prepare('UPDATE staff SET name_key = ? WHERE id = ?');
  for (const row of tidy) setKey.run(staffNameKey(row.final), row.id);
  const audit = db.prepare("INSERT INTO audit (at, staff_id, action, target_type, target_id, outcome) VALUES (?, NULL, 'staff.update', 'staff', ?, 'ok')");
  for (const row of changed) audit.run(Date.now(), row.id);

  db.exec(`
    CREATE UNIQUE INDEX staff_name_key ON staff (name_key);
    -- Every way a name is written (setup, createStaff, updateStaff, a recovery) keeps its key.
    CREATE TRIGGER staff_name_key_insert AFTER INSERT ON staff
      WHEN NEW.name_key IS NOT staff_name_key(NEW.name)
      BEGIN UPDATE staff SET name_key = staff_name_key(NEW.name) WHERE id = NEW.id; END;
    CREATE TRIGGER staff_name_key_update AFTER UPDATE OF name, name_key ON staff
      WHEN NEW.name_key IS NOT staff_name_key(NEW.name)
      BEGIN UPDATE staff SET name_key = staff_name_key(NEW.name) WHERE id = NEW.id; END;
  `);
}
