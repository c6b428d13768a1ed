import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/open-database.js';
import Database from 'better-sqlite3-multiple-ciphers';
import { latestVersion, migrations } from '../../../electron/core/store/migrations/index.js';
import { initial } from '../../../electron/core/store/migrations/001-initial.js';
import { tempDir } from '../../fixtures/temp-site.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

describe('migrations', () => {
  it('are numbered 1, 2, 3… in the order they are listed', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('take an empty file to the latest schema, with personal data only in visits, receipts and a day of kept answers', () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const db = openDatabase({ file: path.join(t.dir, 'new.db'), key: { kind: 'key', key: Buffer.alloc(32, 7) }, create: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
      // sqlite_sequence is SQLite's own: the highest visit and receipt ids ever used (migration 3).
      expect(tables).toEqual(['audit', 'call_answers', 'closed_day_totals', 'daily_stats', 'daily_totals', 'desk_sessions', 'desks', 'erasures', 'lan_certificates', 'lan_devices', 'lan_pairing_codes', 'purge_log', 'receipts', 'safety_alerts', 'services', 'settings', 'sqlite_sequence', 'staff', 'visits']);
      const columns = (table: string) => (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((c) => c.name);
      for (const table of ['audit', 'closed_day_totals', 'daily_stats', 'daily_totals', 'erasures', 'lan_certificates', 'lan_devices', 'lan_pairing_codes', 'purge_log', 'safety_alerts']) {
        expect(columns(table).filter((c) => /name|address|postcode|reason|note|description/.test(c))).toEqual([]);
      }
      // The audit log has no foreign key to visits: the visit goes, the entry stays.
      expect(db.prepare("SELECT * FROM pragma_foreign_key_list('audit')").all()).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('run once: reopening a migrated file changes nothing and keeps its data', () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const file = path.join(t.dir, 'kept.db');
    const key = { kind: 'key' as const, key: Buffer.alloc(32, 9) };
    const first = openDatabase({ file, key, create: true });
    first.prepare("INSERT INTO settings (key, value) VALUES ('siteName', '\"Kept\"')").run();
    first.close();
    const second = openDatabase({ file, key, create: false });
    try {
      expect(second.pragma('user_version', { simple: true })).toBe(latestVersion);
      expect(second.prepare("SELECT value FROM settings WHERE key = 'siteName'").get()).toEqual({ value: '"Kept"' });
    } finally {
      second.close();
    }
  });
});

describe('migrating a version-1 file with data in it', () => {
  it('reaches the latest schema, keeps every row and backfills the daily totals from daily_stats', () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const file = path.join(t.dir, 'v1.db');
    const hex = Buffer.alloc(32, 3).toString('hex');
    // Made as version 1 of the app made it: the same cipher settings, migration 1 only.
    const v1 = new Database(file);
    v1.pragma("cipher='sqlcipher'");
    v1.pragma('legacy=4');
    v1.pragma(`key="x'${hex}'"`);
    v1.pragma('auto_vacuum = INCREMENTAL');
    v1.pragma('journal_mode = WAL');
    v1.exec(initial.up);
    v1.pragma('user_version = 1');
    const stat = v1.prepare(
      `INSERT INTO daily_stats (day, hour, service_id, desk_id, advisor_id, priority, outcome, issued, served, called, within_target,
         wait_ms_sum, wait_ms_max, service_ms_sum, service_ms_max) VALUES (?, ?, ?, ?, ?, 0, 'resolved', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    stat.run('2026-10-01', 9, 1, 1, 7, 3, 3, 3, 2, 900_000, 400_000, 1_200_000, 500_000);
    stat.run('2026-10-01', 10, 2, 1, 8, 2, 1, 2, 2, 300_000, 200_000, 600_000, 600_000);
    stat.run('2026-10-02', 9, 1, 2, 7, 1, 1, 1, 1, 60_000, 60_000, 300_000, 300_000);
    v1.prepare("INSERT INTO staff (name, role, pin_hash, created_at) VALUES ('Kept Manager', 'manager', 'x', 0)").run();
    v1.close();

    const db = openDatabase({ file, key: { kind: 'key', key: Buffer.from(hex, 'hex') }, create: false });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
      expect(db.prepare('SELECT name FROM staff').all()).toEqual([{ name: 'Kept Manager' }]);
      expect(db.prepare('SELECT count(*) AS n FROM daily_stats').get()).toEqual({ n: 3 });
      const totals = (grouping: string) =>
        db.prepare('SELECT day, k, issued, served, wait_ms_sum, wait_ms_max FROM daily_totals WHERE grouping = ? ORDER BY day, k').all(grouping);
      expect(totals('day')).toEqual([
        { day: '2026-10-01', k: 0, issued: 5, served: 4, wait_ms_sum: 1_200_000, wait_ms_max: 400_000 },
        { day: '2026-10-02', k: 0, issued: 1, served: 1, wait_ms_sum: 60_000, wait_ms_max: 60_000 },
      ]);
      expect(totals('advisor')).toEqual([
        { day: '2026-10-01', k: 7, issued: 3, served: 3, wait_ms_sum: 900_000, wait_ms_max: 400_000 },
        { day: '2026-10-01', k: 8, issued: 2, served: 1, wait_ms_sum: 300_000, wait_ms_max: 200_000 },
        { day: '2026-10-02', k: 7, issued: 1, served: 1, wait_ms_sum: 60_000, wait_ms_max: 60_000 },
      ]);
      expect(totals('desk').map((r) => (r as { k: number }).k)).toEqual([1, 2]);
    } finally {
      db.close();
    }
  });
});
