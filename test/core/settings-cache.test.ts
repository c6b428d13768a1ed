import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSettings, writeSettings } from '../../electron/core/settings.js';
import { openDatabase, type Db } from '../../electron/core/store/open-database.js';
import { tempDir } from '../fixtures/temp-site.js';

/*
 * readSettings keeps the parsed settings while the stored rows are the same (settings.ts): it
 * must see every change, however it was made, and never one that was rolled back.
 */

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function openStore(): Db {
  const t = tempDir();
  const db = openDatabase({ file: path.join(t.dir, 'store.db'), key: { kind: 'key', key: Buffer.alloc(32, 5) }, create: true });
  cleanups.push(() => {
    db.close();
    t.remove();
  });
  return db;
}

describe('the settings as every call reads them', () => {
  it('answer with one unchanged object while the rows are the same, and it cannot be changed by a caller', () => {
    const db = openStore();
    writeSettings(db, { siteName: 'Kept', priorityHeadStartMinutes: 10 });
    const first = readSettings(db);
    expect(readSettings(db)).toBe(first);
    expect(() => {
      (first as { priorityHeadStartMinutes: number }).priorityHeadStartMinutes = 99;
    }).toThrow(TypeError);
    expect(() => {
      (first.openingHours.monday as { close: string }).close = '23:00';
    }).toThrow(TypeError);
    expect(readSettings(db).priorityHeadStartMinutes).toBe(10);
  });

  it('see a change made through writeSettings, inside the same transaction and after it', () => {
    const db = openStore();
    writeSettings(db, { priorityHeadStartMinutes: 10 });
    expect(readSettings(db).priorityHeadStartMinutes).toBe(10);
    db.transaction(() => {
      writeSettings(db, { priorityHeadStartMinutes: 20, timeZone: 'America/New_York' });
      expect(readSettings(db)).toMatchObject({ priorityHeadStartMinutes: 20, timeZone: 'America/New_York' });
    }).immediate();
    expect(readSettings(db)).toMatchObject({ priorityHeadStartMinutes: 20, timeZone: 'America/New_York' });
  });

  it('see a row changed or deleted by plain SQL, and the default again once it is gone', () => {
    const db = openStore();
    writeSettings(db, { sessionIdleMinutes: 45 });
    expect(readSettings(db).sessionIdleMinutes).toBe(45);
    db.prepare("UPDATE settings SET value = '50' WHERE key = 'sessionIdleMinutes'").run();
    expect(readSettings(db).sessionIdleMinutes).toBe(50);
    db.prepare("DELETE FROM settings WHERE key = 'sessionIdleMinutes'").run();
    expect(readSettings(db).sessionIdleMinutes).toBe(30);
  });

  it('forget a change that was rolled back, even one read inside its transaction, and see the same change made again', () => {
    const db = openStore();
    writeSettings(db, { priorityHeadStartMinutes: 10 });
    expect(readSettings(db).priorityHeadStartMinutes).toBe(10);
    expect(() =>
      db.transaction(() => {
        writeSettings(db, { priorityHeadStartMinutes: 25 });
        expect(readSettings(db).priorityHeadStartMinutes).toBe(25);
        throw new Error('the call failed');
      }).immediate(),
    ).toThrow('the call failed');
    expect(readSettings(db).priorityHeadStartMinutes).toBe(10);
    writeSettings(db, { priorityHeadStartMinutes: 25 });
    expect(readSettings(db).priorityHeadStartMinutes).toBe(25);
  });

  it('are kept apart for two stores open at once', () => {
    const a = openStore();
    const b = openStore();
    writeSettings(a, { siteName: 'A' });
    writeSettings(b, { siteName: 'B' });
    expect([readSettings(a).siteName, readSettings(b).siteName, readSettings(a).siteName]).toEqual(['A', 'B', 'A']);
  });

  it('still hold a hand-edited retention to the 28 days the council promised', () => {
    const db = openStore();
    db.prepare("INSERT INTO settings (key, value) VALUES ('retentionDays', '90')").run();
    expect(readSettings(db).retentionDays).toBe(28);
    expect(readSettings(db).retentionDays).toBe(28);
  });
});
