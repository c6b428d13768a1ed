import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/core/clock.js';
import { createKeyFile, createKeystore } from '../../../electron/core/keystore/index.js';
import { openSite } from '../../../electron/core/open-site.js';
import { hashPin } from '../../../electron/core/pins.js';
import { initial } from '../../../electron/core/store/migrations/001-initial.js';
import { dailyTotals } from '../../../electron/core/store/migrations/002-daily-totals.js';
import { latestVersion } from '../../../electron/core/store/migrations/index.js';
import { openDatabase, type Db } from '../../../electron/core/store/open-database.js';
import { storePaths } from '../../../electron/core/store/paths.js';
import { issue, managerPin, reopen } from '../../fixtures/queue-fixtures.js';
import { openTestSite, tempDir, tuesdayMorning, type TestSite } from '../../fixtures/temp-site.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

const day = 24 * 60 * 60_000;

/** The visit columns a version-2 store has (later migrations may add more). */
const visitColumns = `id, day, hour, letter, seq, number, service_id, first_service_id, status, visitor_name, address_lines,
  postcode, no_fixed_abode, reason, interpreter, interpreter_language, hearing, mobility, priority, call_by_number_only,
  issued_by, issued_at, queued_at, first_called_at, called_at, started_at, finished_at, desk_id, advisor_id, outcome, note,
  recalls, transfers`;

/** A database as version 2 of the app left it: the same cipher settings, migrations 1 and 2 only. */
function versionTwoDatabase(file: string, key: Buffer): Database.Database {
  const db = new Database(file);
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
  db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(initial.up);
  db.exec(dailyTotals.up);
  db.pragma('user_version = 2');
  return db;
}

/** A waiting visit numbered C<seq>; a null id lets SQLite choose it. */
function insertVisit(db: Database.Database, id: number | null, seq: number, issuedAt: number, serviceId = 1): void {
  db.prepare(
    `INSERT INTO visits (id, day, hour, letter, seq, number, service_id, first_service_id, status, visitor_name, address_lines,
       postcode, no_fixed_abode, reason, interpreter, interpreter_language, hearing, mobility, priority, call_by_number_only,
       issued_by, issued_at, queued_at)
     VALUES (?, '2026-11-24', 10, 'C', ?, ?, ?, ?, 'waiting', ?, '["1 Dale Street"]', 'L1 1JQ', 0, 'A bill', 0, NULL, 0, 0, NULL, 0, 1, ?, ?)`,
  ).run(id, seq, `C${String(seq).padStart(3, '0')}`, serviceId, serviceId, `Visitor ${seq}`, issuedAt, issuedAt);
}

function audit(db: Database.Database, action: string, type: string, id: number): void {
  db.prepare("INSERT INTO audit (at, staff_id, action, target_type, target_id, outcome) VALUES (?, 1, ?, ?, ?, 'ok')").run(tuesdayMorning, action, type, id);
}

function sequence(db: Db, table: string): number | undefined {
  return (db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').get(table) as { seq: number } | undefined)?.seq;
}

describe('migration 3 on a version-2 file with data in it', () => {
  function build(): { file: string; key: Buffer } {
    const t = tempDir();
    cleanups.push(t.remove);
    const file = path.join(t.dir, 'v2.db');
    const key = Buffer.alloc(32, 5);
    const v2 = versionTwoDatabase(file, key);
    v2.prepare("INSERT INTO services (name, letter, target_wait_minutes, sort_order) VALUES ('Council Tax', 'C', 15, 10)").run();
    v2.prepare("INSERT INTO desks (name) VALUES ('Desk 1')").run();
    const staff = v2.prepare('INSERT INTO staff (name, role, pin_hash, created_at) VALUES (?, ?, ?, ?)');
    staff.run('Mia Manager', 'manager', 'x', 1);
    staff.run('Alice', 'advisor', 'x', 2);
    staff.run('Mandy   Manager ', 'manager', 'x', 3);
    staff.run('alice ', 'receptionist', 'x', 4); // the same as Alice once folded: the newer is renamed
    staff.run('Bo\u200bb', 'advisor', 'x', 5); // an invisible character, taken out
    staff.run('Bob', 'advisor', 'x', 6); // then the same as the older one, tidied
    staff.run('ＡＬＩＣＥ', 'advisor', 'x', 7); // full-width: the same as Alice under NFKC
    for (let id = 1; id <= 5; id += 1) insertVisit(v2, id, id, tuesdayMorning + id);
    const receipt = v2.prepare(
      "INSERT INTO receipts (id, visit_id, day, seq, reference, received_at, received_by, items) VALUES (?, ?, '2026-11-24', ?, ?, ?, 1, '[]')",
    );
    receipt.run(1, 2, 1, 'R-1', tuesdayMorning);
    receipt.run(2, 5, 2, 'R-2', tuesdayMorning);
    // Visits 6 and 7 were issued and erased earlier; 4 and 5 go now, with 5's receipt.
    for (let id = 1; id <= 7; id += 1) audit(v2, 'visit.issue', 'visit', id);
    audit(v2, 'receipt.create', 'receipt', 1);
    audit(v2, 'receipt.create', 'receipt', 2);
    audit(v2, 'receipt.create', 'receipt', 3);
    v2.prepare('DELETE FROM visits WHERE id >= 4').run();
    v2.close();
    return { file, key };
  }

  it('keeps every visit and receipt row exactly, with the indexes, the cascade and no foreign key left dangling', () => {
    const { file, key } = build();
    const raw = new Database(file);
    raw.pragma("cipher='sqlcipher'");
    raw.pragma('legacy=4');
    raw.pragma(`key="x'${key.toString('hex')}'"`);
    const visitsBefore = raw.prepare(`SELECT ${visitColumns} FROM visits ORDER BY id`).all();
    const receiptsBefore = raw.prepare('SELECT * FROM receipts ORDER BY id').all();
    raw.close();
    expect(visitsBefore).toHaveLength(3);
    expect(receiptsBefore).toHaveLength(1);

    const db = openDatabase({ file, key: { kind: 'key', key }, create: false });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
      expect(db.prepare(`SELECT ${visitColumns} FROM visits ORDER BY id`).all()).toEqual(visitsBefore);
      expect(db.prepare('SELECT * FROM receipts ORDER BY id').all()).toEqual(receiptsBefore);
      const sql = (name: string) => (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(name) as { sql: string }).sql;
      expect(sql('visits')).toMatch(/id INTEGER PRIMARY KEY AUTOINCREMENT/);
      expect(sql('receipts')).toMatch(/id INTEGER PRIMARY KEY AUTOINCREMENT/);
      expect(sql('receipts')).toMatch(/REFERENCES visits\(id\) ON DELETE CASCADE/);
      const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map(
        (r) => r.name,
      );
      expect(indexes).toEqual(expect.arrayContaining(['receipts_visit', 'staff_name_key', 'visits_called_at', 'visits_day', 'visits_issued_at', 'visits_open']));
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%_old'").all()).toEqual([]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // The receipt still goes with its visit.
      db.prepare('DELETE FROM visits WHERE id = 2').run();
      expect(db.prepare('SELECT count(*) AS n FROM receipts').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('starts the visit and receipt ids above the highest the table or the audit log has ever named', () => {
    const { file, key } = build();
    const db = openDatabase({ file, key: { kind: 'key', key }, create: false });
    try {
      expect(sequence(db, 'visits')).toBe(7);
      expect(sequence(db, 'receipts')).toBe(3);
      insertVisit(db, null, 99, tuesdayMorning);
      expect(db.prepare('SELECT max(id) AS id FROM visits').get()).toEqual({ id: 8 });
    } finally {
      db.close();
    }
  });

  it('tidies existing staff names, renames the newer of two look-alikes, and adds the lockout count', () => {
    const { file, key } = build();
    const db = openDatabase({ file, key: { kind: 'key', key }, create: false });
    try {
      const staff = db.prepare('SELECT id, name, name_key AS nameKey, lockouts FROM staff ORDER BY id').all();
      expect(staff).toEqual([
        { id: 1, name: 'Mia Manager', nameKey: 'mia manager', lockouts: 0 },
        { id: 2, name: 'Alice', nameKey: 'alice', lockouts: 0 },
        { id: 3, name: 'Mandy Manager', nameKey: 'mandy manager', lockouts: 0 },
        { id: 4, name: 'alice (2)', nameKey: 'alice (2)', lockouts: 0 },
        { id: 5, name: 'Bob', nameKey: 'bob', lockouts: 0 },
        { id: 6, name: 'Bob (2)', nameKey: 'bob (2)', lockouts: 0 },
        { id: 7, name: 'ＡＬＩＣＥ (3)', nameKey: 'alice (3)', lockouts: 0 },
      ]);
      const renamed = db.prepare("SELECT staff_id AS staffId, target_id AS id FROM audit WHERE action = 'staff.update' ORDER BY target_id").all();
      expect(renamed).toEqual([3, 4, 5, 6, 7].map((id) => ({ staffId: null, id })));
    } finally {
      db.close();
    }
  });

  it('keeps every later name’s key in the database itself, so no path can write a look-alike', () => {
    const { file, key } = build();
    const db = openDatabase({ file, key: { kind: 'key', key }, create: false });
    try {
      const insert = db.prepare("INSERT INTO staff (name, role, pin_hash, created_at) VALUES (?, 'advisor', 'x', 9)");
      expect(() => insert.run('MANDY  MANAGER')).toThrow(/UNIQUE constraint failed: staff.name_key/);
      const id = Number(insert.run('Carol').lastInsertRowid);
      expect(db.prepare('SELECT name_key FROM staff WHERE id = ?').get(id)).toEqual({ name_key: 'carol' });
      db.prepare("UPDATE staff SET name = 'Caroline' WHERE id = ?").run(id);
      expect(db.prepare('SELECT name_key FROM staff WHERE id = ?').get(id)).toEqual({ name_key: 'caroline' });
      db.prepare("UPDATE staff SET name_key = 'forged' WHERE id = ?").run(id);
      expect(db.prepare('SELECT name_key FROM staff WHERE id = ?').get(id)).toEqual({ name_key: 'caroline' });
      expect(() => db.prepare("UPDATE staff SET name = 'mia manager' WHERE id = ?").run(id)).toThrow(/UNIQUE/);
    } finally {
      db.close();
    }
  });
});

describe('visit ids are never handed out twice', () => {
  let t: TestSite | undefined;
  afterEach(() => t?.close());

  it('gives a new visitor a new id after every earlier visit was purged', async () => {
    t = await openTestSite();
    const first = await issue(t, t.manager.token, 'C');
    const second = await issue(t, t.manager.token, 'C');
    // Closed for 29 days: the startup purge takes every visit, the newest included.
    t.clock.set(tuesdayMorning + 29 * day);
    await reopen(t);
    expect(t.site.database.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 0 });
    const next = await issue(t, t.manager.token, 'C');
    expect(next.ticket.visitId).toBeGreaterThan(second.ticket.visitId);
    expect([first.ticket.visitId, second.ticket.visitId]).not.toContain(next.ticket.visitId);
  });

  it('does the same for a store made by version 2, whose newest visits were erased before the upgrade', async () => {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    const keyFile = path.join(dir, 'site.key');
    createKeyFile(keyFile);
    const dataDir = path.join(dir, 'store');
    const paths = storePaths(dataDir);
    fs.mkdirSync(dataDir, { recursive: true });
    const key = await createKeystore(paths.keystore, { kind: 'key-file', path: keyFile });
    const v2 = versionTwoDatabase(paths.database, key);
    const setting = v2.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    setting.run('siteName', JSON.stringify('Old Shop'));
    setting.run('timeZone', JSON.stringify('Europe/London'));
    v2.prepare("INSERT INTO services (name, letter, target_wait_minutes, sort_order) VALUES ('Council Tax', 'C', 15, 10)").run();
    v2.prepare("INSERT INTO staff (name, role, pin_hash, created_at) VALUES ('Mia Manager', 'manager', ?, 0)").run(hashPin(managerPin));
    for (let id = 1; id <= 3; id += 1) insertVisit(v2, id, id, tuesdayMorning - 60_000 + id);
    for (let id = 1; id <= 5; id += 1) audit(v2, 'visit.issue', 'visit', id);
    audit(v2, 'visit.view', 'visit', 5);
    v2.prepare('DELETE FROM visits WHERE id = 3').run(); // erased; 4 and 5 went the same way earlier
    v2.close();
    key.fill(0);

    const site = await openSite({ dataDir, unlock: { kind: 'key-file', path: keyFile }, clock: new ManualClock(tuesdayMorning) });
    try {
      const manager = await site.call('signIn', { staffId: 1, pin: managerPin }, null);
      const issued = await site.call(
        'issueTicket',
        {
          visitor: { name: 'New Visitor', addressLines: ['2 Dale Street'], postcode: 'L1 1JQ', noFixedAbode: false },
          serviceId: 1,
          reason: 'A bill',
          needs: { interpreter: false, language: null, hearing: false, mobility: false },
          priority: null,
          callByNumberOnly: false,
        },
        manager.token,
      );
      expect(issued.ticket.visitId).toBe(6);
      // The audit rows about visit 5 still name nobody alive.
      expect(site.database.prepare('SELECT count(*) AS n FROM visits WHERE id = 5').get()).toEqual({ n: 0 });
    } finally {
      site.close();
    }
  });
});
