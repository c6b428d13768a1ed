import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { historyGroupings } from '../../../shared/domain/stats.js';
import { createKeyFile } from '../../../electron/core/keystore/index.js';
import { openSite } from '../../../electron/core/open-site.js';
import { hashPin } from '../../../electron/core/pins.js';
import type { Site } from '../../../electron/core/site.js';
import { parseSiteFile, SiteFileError } from '../../../electron/core/site-transfer/site-file.js';
import { exportSite, importSite } from '../../../electron/core/site-transfer/site-transfer.js';
import { advisorAtDesk, issue, issueInput, lateManager, managerPin, managerToken, openAllHours, tuesday } from '../../fixtures/queue-fixtures.js';
import { storeDigest } from '../../fixtures/hub-fixtures.js';
import { openTestSite, tempDir, type TestSite } from '../../fixtures/temp-site.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** Every field of each visitor is distinctive, so a copy of any of it in the file is found. */
const visitors = [
  { name: 'Oluwaseun Fairweather', addressLines: ['17 Quarrybank Terrace', 'Kirkdale'], postcode: 'L4 3QZ', reason: 'Housing benefit backdating request' },
  { name: 'Zofia Wiśniewska-Łęcka', addressLines: ['5 Rue de Paris', 'Toxteth'], postcode: 'L8 0SY', reason: 'Parking permit for a carer' },
  { name: 'Dafydd ap Gwilym', addressLines: ['9 Duke Street'], postcode: 'L1 5AA', reason: 'Blue badge renewal appeal' },
];

/**
 * A site with a history: visits 40 days ago (purged into the anonymous figures since), visits
 * a week ago and today still held, served at desks; staff of every role.
 */
async function siteWithHistory(): Promise<TestSite> {
  const t = await openTestSite({ now: tuesday(9, 0, -40) });
  cleanups.push(() => t.close());
  await openAllHours(t);
  const rita = await t.site.call('createStaff', { name: 'Rita Reception', role: 'receptionist', pin: '1357', managerPin }, managerToken(t));
  await t.site.call('createStaff', { name: 'Max Manager', role: 'manager', pin: '9753', managerPin }, managerToken(t));
  for (const dayOffset of [-40, -7, 0]) {
    t.clock.set(tuesday(9, 0, dayOffset));
    t.site.tick();
    const reception = await t.site.call('signIn', { staffId: rita.id, pin: '1357' }, null);
    const desk = await advisorAtDesk(t, `Adam Advisor ${String(40 + dayOffset)}`, 'Desk 1', ['C', 'B']);
    for (const [i, visitor] of visitors.entries()) {
      t.clock.set(tuesday(9, 10 * i, dayOffset));
      await issue(t, reception.token, i === 1 ? 'B' : 'C', visitor);
    }
    t.clock.set(tuesday(10, 0, dayOffset));
    const called = await t.site.call('callNext', { deskId: desk.deskId }, desk.session.token);
    await t.site.call('startService', { visitId: called!.visitId }, desk.session.token);
    t.clock.set(tuesday(10, 12, dayOffset));
    await t.site.call('finishService', { visitId: called!.visitId, outcome: 'resolved' }, desk.session.token);
    t.clock.set(tuesday(11, 0, dayOffset));
  }
  return t;
}

/** A new hub PC's store: made, never set up. */
async function freshStore(): Promise<{ site: Site; dir: string }> {
  const { dir, remove } = tempDir('osq-new-hub-');
  cleanups.push(remove);
  const keyFile = path.join(dir, 'site.key');
  createKeyFile(keyFile);
  const site = await openSite({ dataDir: path.join(dir, 'store'), unlock: { kind: 'key-file', path: keyFile }, create: true });
  cleanups.push(() => site.close());
  return { site, dir };
}

function reports(site: Site, token: string): unknown {
  const range = { from: '2026-10-01', to: '2026-12-31' };
  return {
    report: site.callSync('getReport', range, token),
    history: historyGroupings.map((groupBy) => site.callSync('getHistory', { ...range, groupBy }, token)),
  };
}

describe('moving a site to a new hub PC', () => {
  it('writes no PIN hash and no visitor’s data into the file, and leaves the old store as it was', async () => {
    const t = await siteWithHistory();
    const before = storeDigest(t.site.database);
    const file = exportSite(t.site.database, t.clock.now());
    const text = JSON.stringify(file);

    expect(text).not.toMatch(/scrypt\$|pin_hash|failed_pins|locked_until/);
    for (const visitor of visitors) for (const value of [visitor.name, ...visitor.addressLines, visitor.postcode, visitor.reason]) expect(text).not.toContain(value);
    expect(text).not.toContain('Quarrybank');
    expect(Object.keys(file.tables).sort()).toEqual(['audit', 'daily_stats', 'daily_totals', 'desks', 'erasures', 'purge_log', 'services', 'settings', 'staff']);
    expect(file.tables.staff.map((member) => member.name)).toEqual(expect.arrayContaining(['Mia Manager', 'Rita Reception', 'Max Manager']));
    // The visits still held were counted into the figures inside a savepoint that was rolled
    // back: the export's own audit line is the one change.
    expect(t.site.database.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 6 });
    expect(t.site.database.prepare("DELETE FROM audit WHERE action = 'site.export'").run().changes).toBe(1);
    expect(storeDigest(t.site.database)).toBe(before);
  });

  it('audits an export only once its file was written: a failed write leaves the store as it was', async () => {
    const t = await siteWithHistory();
    const before = storeDigest(t.site.database);
    expect(() =>
      exportSite(t.site.database, t.clock.now(), () => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(storeDigest(t.site.database)).toBe(before);
    let delivered = false;
    exportSite(t.site.database, t.clock.now(), () => (delivered = true));
    expect(delivered).toBe(true);
    expect(t.site.database.prepare("SELECT count(*) AS n FROM audit WHERE action = 'site.export'").get()).toEqual({ n: 1 });
  });

  it('gives the new hub the same reports, staff, services, desks, settings and audit log, with nobody able to sign in until a PIN is set', async () => {
    const t = await siteWithHistory();
    const oldReports = reports(t.site, managerToken(t));
    const oldStaff = t.site.callSync('listStaff', {}, managerToken(t));
    const oldServices = t.site.callSync('listServices', {}, managerToken(t));
    const oldSettings = t.site.callSync('getSettings', {}, managerToken(t));
    const file = exportSite(t.site.database, t.clock.now());

    const fresh = await freshStore();
    const imported = importSite(fresh.site.database, JSON.stringify(file), t.clock.now());
    expect(imported).toMatchObject({ siteName: 'Liverpool One Stop Shop', managers: 2 });

    const mia = t.manager.staff.id;
    // Nobody has a PIN here: a sign-in is refused plainly, and not counted as a wrong PIN.
    await expect(fresh.site.call('signIn', { staffId: mia, pin: managerPin }, null)).rejects.toMatchObject({ code: 'locked', message: expect.stringMatching(/No PIN has been set/) });
    expect(fresh.site.database.prepare('SELECT failed_pins FROM staff WHERE id = ?').get(mia)).toEqual({ failed_pins: 0 });
    // What reset-manager-pin does with the site passphrase (tested in test/cli/site-transfer-commands.test.ts).
    fresh.site.database.prepare('UPDATE staff SET pin_hash = ? WHERE id = ?').run(hashPin(managerPin), mia);
    const session = await fresh.site.call('signIn', { staffId: mia, pin: managerPin }, null);

    expect(reports(fresh.site, session.token)).toEqual(oldReports);
    const newStaff = fresh.site.callSync('listStaff', {}, session.token);
    expect(newStaff.map(({ needsPin: _, ...member }) => member)).toEqual(oldStaff.map(({ needsPin: _, ...member }) => member));
    expect(newStaff.filter((member) => member.needsPin).map((member) => member.name).sort()).toEqual(oldStaff.filter((member) => member.id !== mia).map((member) => member.name).sort());
    expect(fresh.site.callSync('listServices', {}, session.token)).toEqual(oldServices);
    expect(fresh.site.callSync('getSettings', {}, session.token)).toEqual(oldSettings);
    const audit = fresh.site.database.prepare('SELECT id, at, staff_id, action, target_type, target_id, outcome FROM audit ORDER BY id').all();
    expect(audit.slice(0, file.tables.audit.length)).toEqual(file.tables.audit);
    expect(audit.map((row) => (row as { action: string }).action)).toContain('site.import');
    expect(fresh.site.database.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 0 });
  });

  it('never hands a new visit, receipt or safety alert an id that the audit log brought along already names', async () => {
    const t = await siteWithHistory();
    const token = managerToken(t);
    // A receipt and a safety alert on the old hub, so that the audit log names one of each.
    const desk = await advisorAtDesk(t, 'Ada Advisor', 'Desk 2', ['C']);
    const waiting = await issue(t, token, 'C', { afterHours: lateManager(t) });
    await t.site.call('recordEvidence', { visitId: waiting.ticket.visitId, items: [{ kind: 'payslip', description: 'Payslips', count: 2, original: false, returned: true }] }, token);
    await t.site.call('raiseSafetyAlert', { deskId: desk.deskId }, desk.session.token);
    const file = exportSite(t.site.database, t.clock.now());
    const named = (type: string): number => Math.max(0, ...file.tables.audit.filter((row) => row.target_type === type).map((row) => row.target_id ?? 0));
    expect([named('visit'), named('receipt'), named('alert')].every((id) => id > 0)).toBe(true);

    const fresh = await freshStore();
    importSite(fresh.site.database, JSON.stringify(file), t.clock.now());
    fresh.site.database.prepare('UPDATE staff SET pin_hash = ? WHERE id = ?').run(hashPin(managerPin), t.manager.staff.id);
    const session = await fresh.site.call('signIn', { staffId: t.manager.staff.id, pin: managerPin }, null);
    const services = fresh.site.callSync('listServices', {}, session.token);
    const issued = await fresh.site.call('issueTicket', issueInput(services[0]!.id, { afterHours: { managerId: t.manager.staff.id, managerPin } }), session.token);
    const receipt = await fresh.site.call('recordEvidence', { visitId: issued.ticket.visitId, items: [{ kind: 'id', description: 'Passport', count: 1, original: true, returned: true }] }, session.token);
    const desks = fresh.site.callSync('listDesks', {}, session.token);
    await fresh.site.call('openDesk', { deskId: desks[0]!.id, serviceIds: [services[0]!.id] }, session.token);
    const alert = await fresh.site.call('raiseSafetyAlert', { deskId: desks[0]!.id }, session.token);
    expect(issued.ticket.visitId).toBeGreaterThan(named('visit'));
    expect(receipt.id).toBeGreaterThan(named('receipt'));
    expect(alert.id).toBeGreaterThan(named('alert'));
  });

  it('refuses a store that already holds a site, and changes nothing', async () => {
    const t = await siteWithHistory();
    const file = JSON.stringify(exportSite(t.site.database, t.clock.now()));
    const other = await openTestSite();
    cleanups.push(() => other.close());
    const before = storeDigest(other.site.database);
    expect(() => importSite(other.site.database, file, other.clock.now())).toThrow(/already holds a site/);
    expect(storeDigest(other.site.database)).toBe(before);
  });

  /** The file as JSON, for spoiling one field of it. */
  type Loose = { format: string; schemaVersion: number; tables: Record<string, Record<string, unknown>[]> };
  it.each([
    ['a staff member’s PIN hash put back', (f: Loose) => (f.tables.staff![0]!.pin_hash = 'scrypt$1$2$3$x$y'), 'tables.staff.0.pin_hash'],
    ['a role that does not exist', (f: Loose) => (f.tables.staff![1]!.role = 'admin'), 'tables.staff.1.role'],
    ['a name with a hidden right-to-left mark', (f: Loose) => (f.tables.staff![1]!.name = 'Rita\u202eReception'), 'tables.staff.1.name'],
    ['a staff name padded with spaces', (f: Loose) => (f.tables.staff![1]!.name = '  Rita Reception'), 'tables.staff.1.name'],
    ['a blank desk name', (f: Loose) => (f.tables.desks![0]!.name = '   '), 'tables.desks.0.name'],
    ['a visit smuggled in', (f: Loose) => (f.tables.visits = [{ id: 1 }]), 'tables.visits'],
    ['a figure below zero', (f: Loose) => (f.tables.daily_stats![0]!.served = -1), 'tables.daily_stats.0.served'],
    ['another format', (f: Loose) => (f.format = 'something-else'), 'format'],
    ['another schema version', (f: Loose) => (f.schemaVersion = 999), 'schemaVersion'],
    ['a retention past the council’s 28 days', (f: Loose) => f.tables.settings!.push({ key: 'retentionDays', value: '90' }), 'tables.settings.'],
    ['opening hours out of order', (f: Loose) => (f.tables.settings!.find((row) => row.key === 'openingHours')!.value = JSON.stringify({ monday: { open: '17:00', lastTicket: '09:00', close: '18:00' } })), 'tables.settings.'],
    ['a setting the app does not have', (f: Loose) => f.tables.settings!.push({ key: 'adminBackdoor', value: 'true' }), 'tables.settings.'],
    ['a duplicate service letter', (f: Loose) => f.tables.services!.push({ ...f.tables.services![0], id: 99 }), 'tables.services.'],
  ] as [string, (f: Loose) => unknown, string][])('refuses %s, naming the field, and writes nothing', async (_what, spoil, field) => {
    const t = await siteWithHistory();
    const file = exportSite(t.site.database, t.clock.now()) as unknown as Loose;
    spoil(file);
    const fresh = await freshStore();
    const before = storeDigest(fresh.site.database);
    let error: unknown;
    try {
      importSite(fresh.site.database, JSON.stringify(file), t.clock.now());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SiteFileError);
    expect((error as SiteFileError).field.startsWith(field)).toBe(true);
    expect((error as SiteFileError).message).toContain(field);
    expect(storeDigest(fresh.site.database)).toBe(before);
  });

  it('refuses what is not a site file at all', () => {
    expect(() => parseSiteFile('not json')).toThrow(SiteFileError);
    expect(() => parseSiteFile('{"format":"x"}')).toThrow(/format/);
  });

  it('counts each day once: the days already rolled up and the days still held add up as on the old hub', async () => {
    const t = await siteWithHistory();
    const file = exportSite(t.site.database, t.clock.now());
    const days = new Set(file.tables.daily_totals.filter((row) => row.grouping === 'day').map((row) => row.day));
    expect([...days].sort()).toEqual(['2026-10-15', '2026-11-17', '2026-11-24']);
  });
});
