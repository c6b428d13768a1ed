import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exitCodes } from '../../electron/cli/exit-codes.js';
import type { Session, StaffMember } from '../../shared/domain/staff.js';
import { historyGroupings } from '../../shared/domain/stats.js';
import { tempDir, testPassphrase } from '../fixtures/temp-site.js';
import { call, runProgram, snapshot, spawnTimeout, startServe, stopServe } from './program.js';

const env = { ONE_STOP_QUEUE_PASSPHRASE: testPassphrase };
let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir('osq-transfer-')));
afterEach(() => remove());

/** Every personal value the old hub holds is distinctive, so a copy of any of it in the file is found. */
const personal = {
  name: 'Oluwaseun Fairweather',
  address: '17 Quarrybank Terrace',
  postcode: 'L4 3QZ',
  reason: 'Housing benefit backdating request',
  language: 'Tigrinya-Xq',
  note: 'Promised a callback about Yewtree arrears',
  evidence: 'Tenancy agreement for Marrowbone Court',
};

/** What the manager's reports say, from the hub's own calls, for the days around today. */
async function reportsOf(url: string, token: string): Promise<unknown> {
  const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const range = { from: day(-2), to: day(2) };
  return {
    report: await call(url, 'getReport', range, token),
    history: await Promise.all(historyGroupings.map((groupBy) => call(url, 'getHistory', { ...range, groupBy }, token))),
  };
}

interface AuditRow {
  id: number;
}

/**
 * The old hub: set up through serve, a receptionist added, two visitors issued tickets, one of
 * them served at a desk with a note and evidence handed in. Returns its reports and audit log
 * as the manager saw them just before it stopped.
 */
async function oldHub(dataDir: string): Promise<{ reports: unknown; audit: AuditRow[]; purges: AuditRow[]; tokens: string[] }> {
  const hub = await startServe(dataDir, env);
  try {
    const manager = await call<Session>(hub.url, 'setupSite', { siteName: 'Walton One Stop Shop', timeZone: 'Europe/London', manager: { name: 'Mia Manager', pin: '2468' } });
    const rita = await call<StaffMember>(hub.url, 'createStaff', { name: 'Rita Reception', role: 'receptionist', pin: '1357', managerPin: '2468' }, manager.token);
    const reception = await call<Session>(hub.url, 'signIn', { staffId: rita.id, pin: '1357' });
    const services = await call<{ id: number }[]>(hub.url, 'listServices', {}, reception.token);
    const serviceId = services[0]!.id;
    for (const interpreter of [true, false]) {
      await call(
        hub.url,
        'issueTicket',
        {
          visitor: { name: personal.name, addressLines: [personal.address], postcode: personal.postcode, noFixedAbode: false },
          serviceId,
          reason: personal.reason,
          needs: { interpreter, language: interpreter ? personal.language : null, hearing: false, mobility: false },
          priority: null,
          callByNumberOnly: false,
          afterHours: { managerId: manager.staff.id, managerPin: '2468' },
        },
        reception.token,
      );
    }
    const desks = await call<{ id: number }[]>(hub.url, 'listDesks', {}, manager.token);
    const deskId = desks[0]!.id;
    await call(hub.url, 'openDesk', { deskId, serviceIds: [serviceId] }, manager.token);
    const called = await call<{ visitId: number }>(hub.url, 'callNext', { deskId }, manager.token);
    await call(hub.url, 'startService', { visitId: called.visitId }, manager.token);
    await call(hub.url, 'recordEvidence', { visitId: called.visitId, items: [{ kind: 'other', description: personal.evidence, count: 1, original: true, returned: true }] }, manager.token);
    await call(hub.url, 'finishService', { visitId: called.visitId, outcome: 'resolved', note: personal.note }, manager.token);
    return { reports: await reportsOf(hub.url, manager.token), audit: await call<AuditRow[]>(hub.url, 'listAudit', { limit: 500 }, manager.token),
      purges: await call<AuditRow[]>(hub.url, 'listPurgeLog', {}, manager.token),
      tokens: [manager.token, reception.token] };
  } finally {
    expect((await stopServe(hub)).code).toBe(0);
  }
}

describe('export-site and import-site', { timeout: spawnTimeout }, () => {
  it('move a site to a new hub with the same reports and audit log: no visitor data, no PIN hash or secret goes with it, managers set their PINs first with the site passphrase', async () => {
    const oldStore = path.join(dir, 'old');
    const newStore = path.join(dir, 'new');
    const file = path.join(dir, 'walton.osq-site.json');
    const before = await oldHub(oldStore);
    // Two tickets issued and one served today: there are figures to compare.
    expect(before.reports).toMatchObject({ report: { totals: { issued: 2, served: 1 } } });

    const exported = await runProgram(['export-site', '--data-dir', oldStore, '--out', file], env);
    expect(exported.code, exported.stderr).toBe(exitCodes.ok);
    expect(exported.stdout).toMatch(/2 staff \(without PINs\)/);
    // The file's bytes, searched as bytes: no visitor's data, no PIN hash, no passphrase, no token.
    const bytes = fs.readFileSync(file);
    for (const value of [...Object.values(personal), 'Quarrybank', 'Yewtree', 'Marrowbone', 'scrypt$', 'pin_hash', testPassphrase, ...before.tokens]) {
      expect(bytes.includes(Buffer.from(value, 'utf8')), value).toBe(false);
    }
    expect((fs.statSync(file).mode & 0o077).toString(8)).toBe('0');
    expect(fs.readdirSync(dir).sort()).toEqual(['old', 'walton.osq-site.json']);

    // Never over an existing file without --force; with it, replaced whole.
    const again = await runProgram(['export-site', '--data-dir', oldStore, '--out', file], env);
    expect(again.code).toBe(exitCodes.refused);
    expect(again.stderr).toContain('--force');
    expect(fs.readFileSync(file)).toEqual(bytes);
    const forced = await runProgram(['export-site', '--data-dir', oldStore, '--out', file, '--force'], env);
    expect(forced.code, forced.stderr).toBe(exitCodes.ok);
    expect(fs.readdirSync(dir).sort()).toEqual(['old', 'walton.osq-site.json']);

    const imported = await runProgram(['import-site', file, '--data-dir', newStore], env);
    expect(imported.code, imported.stderr).toBe(exitCodes.ok);
    expect(imported.stdout).toContain('Walton One Stop Shop');

    // A second import into the same store is refused, and changes nothing.
    const stored = snapshot(newStore);
    const twice = await runProgram(['import-site', file, '--data-dir', newStore], env);
    expect(twice.code).toBe(exitCodes.refused);
    expect(twice.stderr).toMatch(/already holds a site.*Nothing was changed/s);
    expect(snapshot(newStore)).toEqual(stored);

    const reset = await runProgram(['reset-manager-pin', '--data-dir', newStore], { ...env, ONE_STOP_QUEUE_NEW_PIN: '8642' });
    expect(reset.code, reset.stderr).toBe(exitCodes.ok);

    const hub = await startServe(newStore, env);
    try {
      const staff = await call<{ id: number; name: string }[]>(hub.url, 'listSignInStaff', {});
      const mia = staff.find((member) => member.name === 'Mia Manager')!;
      const rita = staff.find((member) => member.name === 'Rita Reception')!;
      // Rita has no PIN here: refused with what to do, whatever she types.
      await expect(call(hub.url, 'signIn', { staffId: rita.id, pin: '1357' })).rejects.toThrow(/No PIN has been set for you on this hub yet\. Ask a manager/);
      const session = await call<Session>(hub.url, 'signIn', { staffId: mia.id, pin: '8642' });

      expect(await reportsOf(hub.url, session.token)).toEqual(before.reports);
      // The old hub's purges carry on, newest first, after this hub's own.
      const purges = await call<AuditRow[]>(hub.url, 'listPurgeLog', {}, session.token);
      expect(purges.slice(-before.purges.length)).toEqual(before.purges);
      expect(purges.length).toBeGreaterThan(before.purges.length);
      // The old hub's audit log, entry for entry, then what happened here: export, import, the PIN reset, the sign-ins.
      const audit = await call<(AuditRow & { action: string })[]>(hub.url, 'listAudit', { limit: 500 }, session.token);
      const oldestFirst = audit.slice().reverse();
      expect(oldestFirst.slice(0, before.audit.length)).toEqual(before.audit.slice().reverse());
      expect(oldestFirst.slice(before.audit.length).map((entry) => entry.action)).toEqual(expect.arrayContaining(['site.export', 'site.import', 'pin.reset-with-passphrase']));

      const list = await call<StaffMember[]>(hub.url, 'listStaff', {}, session.token);
      expect(list.map((member) => [member.name, member.needsPin])).toEqual([
        ['Mia Manager', false],
        ['Rita Reception', true],
      ]);
      await call(hub.url, 'setStaffPin', { staffId: rita.id, pin: '4321', managerPin: '8642' }, session.token);
      await call(hub.url, 'signIn', { staffId: rita.id, pin: '4321' });
    } finally {
      await stopServe(hub);
    }
  });

  it('refuses a spoiled file by its field, and makes no store', async () => {
    const oldStore = path.join(dir, 'old');
    const newStore = path.join(dir, 'new');
    const file = path.join(dir, 'site.json');
    await oldHub(oldStore);
    expect((await runProgram(['export-site', '--data-dir', oldStore, '--out', file], env)).code).toBe(exitCodes.ok);
    const spoiled = JSON.parse(fs.readFileSync(file, 'utf8')) as { tables: { staff: { role: string }[] } };
    spoiled.tables.staff[0]!.role = 'superuser';
    fs.writeFileSync(file, JSON.stringify(spoiled));

    const result = await runProgram(['import-site', '--data-dir', newStore, '--file', file], env);
    expect(result.code).toBe(exitCodes.refused);
    expect(result.stderr).toContain('tables.staff.0.role');
    expect(result.stderr).toContain('Nothing was changed');
    expect(fs.existsSync(newStore)).toBe(false);

    // A file from another store version is only found out once the new store is open: the store
    // made for it goes again, folder and all.
    spoiled.tables.staff[0]!.role = 'manager';
    fs.writeFileSync(file, JSON.stringify({ ...spoiled, schemaVersion: 999 }));
    const other = await runProgram(['import-site', file, '--data-dir', newStore], env);
    expect(other.code).toBe(exitCodes.refused);
    expect(other.stderr).toMatch(/schemaVersion: the file comes from a store at schema version 999/);
    expect(fs.existsSync(newStore)).toBe(false);
  });

  it('writes no file from a store that has no site yet, and takes the site file once', async () => {
    const store = path.join(dir, 'empty');
    const file = path.join(dir, 'site.json');
    const serve = await startServe(store, env);
    expect((await stopServe(serve)).code).toBe(0);

    const result = await runProgram(['export-site', '--data-dir', store, '--out', file], env);
    expect(result.code).toBe(exitCodes.refused);
    expect(result.stderr).toMatch(/No site file was written: this store has no site set up yet/);
    expect(fs.readdirSync(dir)).toEqual(['empty']);

    const nowhere = await runProgram(['export-site', '--data-dir', store, '--out', path.join(dir, 'no-such-folder', 'site.json')], env);
    expect(nowhere.code).toBe(exitCodes.usage);
    expect(nowhere.stderr).toContain('no-such-folder does not exist');

    // Not a site file: refused before any store is opened or made.
    const notSite = path.join(dir, 'notes.json');
    fs.writeFileSync(notSite, JSON.stringify({ hello: 'world' }));
    const wrong = await runProgram(['import-site', notSite, '--data-dir', path.join(dir, 'new')], env);
    expect(wrong.code).toBe(exitCodes.refused);
    expect(wrong.stderr).toContain('this is not a One Stop Queue site file');
    expect(fs.readdirSync(dir).sort()).toEqual(['empty', 'notes.json']);

    const twice = await runProgram(['import-site', file, '--file', file, '--data-dir', store], env);
    expect(twice.code).toBe(exitCodes.usage);
    expect(twice.stderr).toContain('--file was given twice');
    const two = await runProgram(['import-site', file, 'other.json', '--data-dir', store], env);
    expect(two.code).toBe(exitCodes.usage);
    expect(two.stderr).toContain('Unexpected argument "other.json"');
  });
});
