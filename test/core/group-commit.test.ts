import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/clock.js';
import type { Site } from '../../electron/core/site.js';
import { storePaths } from '../../electron/core/store/paths.js';
import type { Session } from '../../shared/domain/staff.js';
import type { DeskEvent } from '../../shared/events.js';
import { openPlainTestSite, tempDir, tuesdayMorning } from '../fixtures/temp-site.js';
import { everyDayAllDay, issueInput, refusal } from '../fixtures/queue-fixtures.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

interface World {
  site: Site;
  walFile: string;
  dbFile: string;
  manager: Session;
  serviceId: number;
}

/** An unencrypted store, so the test can read the -wal file's frame headers as SQLite wrote them. */
async function world(): Promise<World> {
  const { dir, remove } = tempDir();
  const site = openPlainTestSite(path.join(dir, 'store'), new ManualClock(tuesdayMorning));
  // Closing twice is allowed: a test may close the site itself.
  cleanups.push(() => {
    site.close();
    remove();
  });
  const manager = await site.call('setupSite', { siteName: 'Group Commit', timeZone: 'Europe/London', manager: { name: 'Mia Manager', pin: '2468' } }, null);
  await site.call('updateSettings', { openingHours: everyDayAllDay }, manager.token);
  const services = await site.call('listServices', {}, manager.token);
  const dbFile = storePaths(path.join(dir, 'store')).database;
  return { site, walFile: `${dbFile}-wal`, dbFile, manager, serviceId: services[0]!.id };
}

/**
 * Commits in the -wal since it was last reset: frames whose salt is the header's (older frames
 * past them are left over from before the reset) and whose "database size after commit" field
 * is set, which SQLite writes on the last frame of each commit (https://sqlite.org/fileformat.html#wal_file_format).
 */
function commitsInWal(walFile: string): number {
  const wal = fs.readFileSync(walFile);
  if (wal.length < 32) return 0;
  const pageSize = wal.readUInt32BE(8);
  const salt = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt[0] || wal.readUInt32BE(at + 12) !== salt[1]) break;
    if (wal.readUInt32BE(at + 4) !== 0) commits += 1;
  }
  return commits;
}

function emptyWal(w: World): void {
  w.site.database.pragma('wal_checkpoint(TRUNCATE)');
  expect(commitsInWal(w.walFile)).toBe(0);
}

/** Another connection to the same file: what it sees is on disk, not in the site's transaction. */
function visitsSeenFromOutside(w: World): number {
  const other = new Database(w.dbFile, { readonly: true });
  try {
    return (other.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n;
  } finally {
    other.close();
  }
}

describe('group commit', () => {
  it('runs calls that arrive together in one durable commit, and answers each only once it is on disk', async () => {
    const w = await world();
    emptyWal(w);
    const seenWhenAnswered: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, () =>
        w.site.call('issueTicket', issueInput(w.serviceId), w.manager.token).then(() => seenWhenAnswered.push(visitsSeenFromOutside(w))),
      ),
    );
    expect(commitsInWal(w.walFile)).toBe(1);
    expect(seenWhenAnswered).toEqual(Array.from({ length: 20 }, () => 20));

    // One at a time, each call is its own commit, as before.
    emptyWal(w);
    for (let i = 0; i < 5; i += 1) await w.site.call('issueTicket', issueInput(w.serviceId), w.manager.token);
    expect(commitsInWal(w.walFile)).toBe(5);
  });

  it('keeps each call’s failure its own: the others in the commit stand, and what a refusal must leave stays', async () => {
    const w = await world();
    const receptionist = await w.site.call('createStaff', { name: 'Rita Reception', role: 'receptionist', pin: '1357', managerPin: '2468' }, w.manager.token);
    const rec = await w.site.call('signIn', { staffId: receptionist.id, pin: '1357' }, null);
    const events: DeskEvent[] = [];
    w.site.subscribe((event) => events.push(event));
    const denials = () => (w.site.database.prepare("SELECT count(*) AS n FROM audit WHERE action = 'access.denied'").get() as { n: number }).n;
    emptyWal(w);

    const issueOne = () => w.site.call('issueTicket', issueInput(w.serviceId), rec.token);
    const outcomes = await Promise.allSettled([
      issueOne(),
      issueOne(),
      // Not a receptionist's call: refused, and the refusal is audited.
      w.site.call('markNoShow', { visitId: 1 }, rec.token),
      // No such service: refused after the input was read.
      w.site.call('issueTicket', issueInput(999_999), rec.token),
      issueOne(),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((await refusal(w.site.call('markNoShow', { visitId: 1 }, rec.token))).code).toBe('forbidden');
    expect(((outcomes[2] as PromiseRejectedResult).reason as { code: string }).code).toBe('forbidden');
    expect(((outcomes[3] as PromiseRejectedResult).reason as { code: string }).code).toBe('not-found');
    expect(visitsSeenFromOutside(w)).toBe(3);
    expect(denials()).toBe(2);
    // The batch was one commit; the lone refusal after it wrote its audit line in one more.
    expect(commitsInWal(w.walFile)).toBe(2);
    // The refused ticket took no number: the three that stood are 1, 2 and 3 of the day.
    const numbers = (w.site.database.prepare('SELECT seq FROM visits ORDER BY id').all() as Array<{ seq: number }>).map((r) => r.seq);
    expect(numbers).toEqual([1, 2, 3]);
    // One event for each ticket that stood, none for the refusals.
    expect(events.filter((e) => e.type === 'queue-changed')).toHaveLength(3);
  });

  it('refuses calls queued when the site closes, and never half-runs them', async () => {
    const w = await world();
    const pending = w.site.call('issueTicket', issueInput(w.serviceId), w.manager.token);
    w.site.close();
    expect((await refusal(pending)).code).toBe('unavailable');
  });
});
