import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exitCodes } from '../../electron/cli/exit-codes.js';
import type { Session, StaffMember } from '../../shared/domain/staff.js';
import { tempDir, testPassphrase } from '../fixtures/temp-site.js';
import { call, runProgram, spawnTimeout, startServe, stopServe } from './program.js';

const env = { ONE_STOP_QUEUE_PASSPHRASE: testPassphrase };
let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir('osq-transfer-')));
afterEach(() => remove());

const visitor = { name: 'Oluwaseun Fairweather', addressLines: ['17 Quarrybank Terrace'], postcode: 'L4 3QZ', noFixedAbode: false };

/** The old hub: set up through serve, a receptionist added, a visitor issued a ticket. */
async function oldHub(dataDir: string): Promise<void> {
  const hub = await startServe(dataDir, env);
  const manager = await call<Session>(hub.url, 'setupSite', { siteName: 'Walton One Stop Shop', timeZone: 'Europe/London', manager: { name: 'Mia Manager', pin: '2468' } });
  const rita = await call<StaffMember>(hub.url, 'createStaff', { name: 'Rita Reception', role: 'receptionist', pin: '1357', managerPin: '2468' }, manager.token);
  const reception = await call<Session>(hub.url, 'signIn', { staffId: rita.id, pin: '1357' });
  const services = await call<{ id: number }[]>(hub.url, 'listServices', {}, reception.token);
  await call(
    hub.url,
    'issueTicket',
    {
      visitor,
      serviceId: services[0]!.id,
      reason: 'Housing benefit backdating request',
      needs: { interpreter: false, language: null, hearing: false, mobility: false },
      priority: null,
      callByNumberOnly: false,
      afterHours: { managerId: manager.staff.id, managerPin: '2468' },
    },
    reception.token,
  );
  expect((await stopServe(hub)).code).toBe(0);
}

describe('export-site and import-site', { timeout: spawnTimeout }, () => {
  it('move a site to a new hub: no visitor goes with it, everyone needs a new PIN, managers first with the site passphrase', async () => {
    const oldStore = path.join(dir, 'old');
    const newStore = path.join(dir, 'new');
    const file = path.join(dir, 'walton.osq-site.json');
    await oldHub(oldStore);

    const exported = await runProgram(['export-site', '--data-dir', oldStore, '--out', file], env);
    expect(exported.code, exported.stderr).toBe(exitCodes.ok);
    expect(exported.stdout).toMatch(/2 staff \(without PINs\)/);
    const text = fs.readFileSync(file, 'utf8');
    for (const value of ['Oluwaseun', 'Quarrybank', 'L4 3QZ', 'backdating', 'scrypt$']) expect(text).not.toContain(value);
    expect((fs.statSync(file).mode & 0o077).toString(8)).toBe('0');

    // Never over an existing file without --force.
    const again = await runProgram(['export-site', '--data-dir', oldStore, '--out', file], env);
    expect(again.code).toBe(exitCodes.refused);
    expect(again.stderr).toContain('--force');

    const imported = await runProgram(['import-site', '--data-dir', newStore, '--file', file], env);
    expect(imported.code, imported.stderr).toBe(exitCodes.ok);
    expect(imported.stdout).toContain('Walton One Stop Shop');

    const reset = await runProgram(['reset-manager-pin', '--data-dir', newStore], { ...env, ONE_STOP_QUEUE_NEW_PIN: '8642' });
    expect(reset.code, reset.stderr).toBe(exitCodes.ok);

    const hub = await startServe(newStore, env);
    try {
      const staff = await call<{ id: number; name: string }[]>(hub.url, 'listSignInStaff', {});
      const mia = staff.find((member) => member.name === 'Mia Manager')!;
      const rita = staff.find((member) => member.name === 'Rita Reception')!;
      const session = await call<Session>(hub.url, 'signIn', { staffId: mia.id, pin: '8642' });
      const list = await call<StaffMember[]>(hub.url, 'listStaff', {}, session.token);
      expect(list.map((member) => [member.name, member.needsPin])).toEqual([
        ['Mia Manager', false],
        ['Rita Reception', true],
      ]);
      await expect(call(hub.url, 'signIn', { staffId: rita.id, pin: '1357' })).rejects.toThrow(/No PIN has been set/);
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
  });
});
