import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/clock.js';
import type { Site } from '../../electron/core/site.js';
import { storePaths } from '../../electron/core/store/paths.js';
import { openPlainTestSite, openTestSite, tempDir, tuesdayMorning } from '../fixtures/temp-site.js';
import { day, issueInput } from '../fixtures/queue-fixtures.js';

/** Personal data no other row could contain by chance, in every field that holds some. */
const secrets = {
  name: 'Zebedee Quillfeather-Ormondroyd',
  address: '17 Xylophone Mews',
  reason: 'Quarrelsome-landlord-dispute',
  evidence: 'Payslip-from-Umbrellacorp',
  note: 'Follow-up-with-Marchbanks',
};

function fileBytes(file: string): Buffer {
  return fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0);
}

/** Which secrets appear, as UTF-8, in the database, its -wal and its -shm file. */
function secretsOnDisk(dir: string): string[] {
  const db = storePaths(dir).database;
  const bytes = Buffer.concat([fileBytes(db), fileBytes(`${db}-wal`), fileBytes(`${db}-shm`)]);
  return Object.values(secrets).filter((s) => bytes.includes(Buffer.from(s, 'utf8')));
}

/** A visitor served at a desk, with a note and an evidence receipt: personal data in every table that holds any. */
async function serveVisitor(site: Site, token: string): Promise<number> {
  const services = await site.call('listServices', {}, token);
  const desks = await site.call('listDesks', {}, token);
  const issued = await site.call(
    'issueTicket',
    issueInput(services[0]!.id, { name: secrets.name, addressLines: [secrets.address], reason: secrets.reason }),
    token,
  );
  const visitId = issued.ticket.visitId;
  await site.call('openDesk', { deskId: desks[0]!.id, serviceIds: [services[0]!.id] }, token);
  await site.call('callNext', { deskId: desks[0]!.id }, token);
  await site.call('startService', { visitId }, token);
  await site.call('recordEvidence', { visitId, items: [{ kind: 'payslip', description: secrets.evidence, count: 1, original: false, returned: true }] }, token);
  await site.call('finishService', { visitId, outcome: 'needs-follow-up', note: secrets.note }, token);
  return visitId;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

describe('retention: the purged visitor leaves no bytes behind', () => {
  it('finds the visitor in the unencrypted file before the purge, so the search can fail', async () => {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    const clock = new ManualClock(tuesdayMorning);
    const site = openPlainTestSite(path.join(dir, 'store'), clock);
    const manager = await site.call('setupSite', { siteName: 'Test', timeZone: 'Europe/London', manager: { name: 'Mia', pin: '2468' } }, null);
    await serveVisitor(site, manager.token);
    expect(secretsOnDisk(path.join(dir, 'store'))).toEqual(Object.values(secrets));
    site.close();
    expect(secretsOnDisk(path.join(dir, 'store'))).toEqual(Object.values(secrets));
  });

  it('leaves the name, address, reason, note and evidence in neither the .db nor the -wal file after the purge (unencrypted, raw bytes)', async () => {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    const store = path.join(dir, 'store');
    const clock = new ManualClock(tuesdayMorning);
    const site = openPlainTestSite(store, clock);
    const manager = await site.call('setupSite', { siteName: 'Test', timeZone: 'Europe/London', manager: { name: 'Mia', pin: '2468' } }, null);
    const visitId = await serveVisitor(site, manager.token);
    // A second, later visitor stays: the purge must pick out only the expired one.
    clock.advance(2 * day);
    const again = await site.call('signIn', { staffId: manager.staff.id, pin: '2468' }, null);
    const keeper = await site.call('issueTicket', issueInput(1, { name: 'Kept Visitor' }), again.token);

    clock.set(tuesdayMorning + 29 * day);
    const entry = site.purge('hourly');
    expect(entry).toMatchObject({ visitsDeleted: 1, receiptsDeleted: 1 });
    // Even while the site is still open.
    expect(secretsOnDisk(store)).toEqual([]);
    site.close();

    expect(secretsOnDisk(store)).toEqual([]);
    const wal = `${storePaths(store).database}-wal`;
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
    expect(fileBytes(storePaths(store).database).includes(Buffer.from('Kept Visitor'))).toBe(true);
    expect(visitId).not.toBe(keeper.ticket.visitId);
  });

  it('never writes the visitor in clear to the encrypted .db or -wal file, even before the purge', async () => {
    const t = await openTestSite();
    cleanups.push(() => t.close());
    await serveVisitor(t.site, t.manager.token);
    const store = path.join(t.dir, 'store');
    expect(fileBytes(`${storePaths(store).database}-wal`).length).toBeGreaterThan(0);
    expect(secretsOnDisk(store)).toEqual([]);
    t.site.close();
    expect(secretsOnDisk(store)).toEqual([]);
  });
});
