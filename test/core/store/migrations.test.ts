import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/open-database.js';
import { latestVersion, migrations } from '../../../electron/core/store/migrations/index.js';
import { tempDir } from '../../fixtures/temp-site.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

describe('migrations', () => {
  it('are numbered 1, 2, 3… in the order they are listed', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('take an empty file to the latest schema, with personal data only in visits and receipts', () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const db = openDatabase({ file: path.join(t.dir, 'new.db'), key: { kind: 'key', key: Buffer.alloc(32, 7) }, create: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
      expect(tables).toEqual(['audit', 'daily_stats', 'desk_sessions', 'desks', 'purge_log', 'receipts', 'services', 'settings', 'staff', 'visits']);
      const columns = (table: string) => (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((c) => c.name);
      for (const table of ['audit', 'daily_stats', 'purge_log']) {
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
