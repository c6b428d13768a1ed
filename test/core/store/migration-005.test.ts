import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { latestVersion, migrations, schemaFunctions } from '../../../electron/core/store/migrations/index.js';
import { openDatabase } from '../../../electron/core/store/open-database.js';
import { tempDir, tuesdayMorning } from '../../fixtures/temp-site.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

/** A database as version 4 of the app left it: the same cipher settings, migrations 1 to 4 only. */
function versionFourDatabase(file: string, key: Buffer): Database.Database {
  const db = new Database(file);
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
  db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  for (const [name, fn] of Object.entries(schemaFunctions)) {
    db.function(name, { deterministic: true }, (text: unknown) => (typeof text === 'string' ? fn(text) : null));
  }
  for (const migration of migrations.filter((m) => m.version <= 4)) {
    db.exec(migration.up);
    migration.finish?.(db);
  }
  db.pragma('user_version = 4');
  return db;
}

describe('migration 5 on a version-4 file with data in it', () => {
  function build(): { file: string; key: Buffer } {
    const t = tempDir();
    cleanups.push(t.remove);
    const file = path.join(t.dir, 'v4.db');
    const key = Buffer.alloc(32, 4);
    const v4 = versionFourDatabase(file, key);
    v4.prepare("INSERT INTO services (name, letter, target_wait_minutes, sort_order) VALUES ('Council Tax', 'C', 15, 10)").run();
    v4.prepare("INSERT INTO desks (name) VALUES ('Desk 1'), ('Desk 2')").run();
    v4.prepare("INSERT INTO staff (name, role, pin_hash, created_at) VALUES ('Adam Advisor', 'advisor', 'x', 1), ('Bea Advisor', 'advisor', 'x', 2)").run();
    const open = v4.prepare('INSERT INTO desk_sessions (desk_id, advisor_id, service_ids, opened_at) VALUES (?, ?, ?, ?)');
    open.run(1, 1, '[1]', tuesdayMorning);
    open.run(2, 2, '[1]', tuesdayMorning + 1);
    v4.close();
    return { file, key };
  }

  it('keeps every open desk, unpaused, and adds the alerts table with its index for open alerts', () => {
    const { file, key } = build();
    const db = openDatabase({ file, key: { kind: 'key', key }, create: false });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
      expect(db.prepare('SELECT * FROM desk_sessions ORDER BY desk_id').all()).toEqual([
        { desk_id: 1, advisor_id: 1, service_ids: '[1]', opened_at: tuesdayMorning, paused_reason: null, paused_at: null },
        { desk_id: 2, advisor_id: 2, service_ids: '[1]', opened_at: tuesdayMorning + 1, paused_reason: null, paused_at: null },
      ]);
      expect(db.prepare('SELECT count(*) AS n FROM safety_alerts').get()).toEqual({ n: 0 });
      const index = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'safety_alerts_open'").get() as { sql: string };
      expect(index.sql).toMatch(/WHERE acknowledged_at IS NULL/);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('holds a pause to a known reason with its time, and an alert to real staff and desks, answered by someone at a time', () => {
    const { file, key } = build();
    const db = openDatabase({ file, key: { kind: 'key', key }, create: false });
    try {
      const pause = db.prepare('UPDATE desk_sessions SET paused_reason = ?, paused_at = ? WHERE desk_id = 1');
      expect(() => pause.run('lunch', tuesdayMorning)).toThrow(/CHECK constraint/);
      expect(() => pause.run('break', null)).toThrow(/CHECK constraint/);
      expect(() => pause.run(null, tuesdayMorning)).toThrow(/CHECK constraint/);
      pause.run('training', tuesdayMorning);
      expect(db.prepare('SELECT paused_reason FROM desk_sessions WHERE desk_id = 1').get()).toEqual({ paused_reason: 'training' });

      const raise = db.prepare('INSERT INTO safety_alerts (raised_by, desk_id, place, raised_at) VALUES (?, ?, ?, ?)');
      expect(() => raise.run(99, null, 'Reception', tuesdayMorning)).toThrow(/FOREIGN KEY/);
      expect(() => raise.run(1, 99, 'Desk 99', tuesdayMorning)).toThrow(/FOREIGN KEY/);
      const id = Number(raise.run(1, 1, 'Desk 1', tuesdayMorning).lastInsertRowid);
      expect(() => db.prepare('UPDATE safety_alerts SET acknowledged_by = 2 WHERE id = ?').run(id)).toThrow(/CHECK constraint/);
      db.prepare('UPDATE safety_alerts SET acknowledged_by = 2, acknowledged_at = ? WHERE id = ?').run(tuesdayMorning, id);
      // Alert ids are never handed out twice, like visit ids (migration 3).
      db.prepare('DELETE FROM safety_alerts').run();
      expect(Number(raise.run(1, null, 'Reception', tuesdayMorning).lastInsertRowid)).toBe(id + 1);
    } finally {
      db.close();
    }
  });
});
