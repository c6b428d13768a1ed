import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/clock.js';
import { addSlot, createKeyFile, type Unlock } from '../../electron/core/keystore/index.js';
import { resetManagerPin } from '../../electron/core/manager-recovery.js';
import { openSite } from '../../electron/core/open-site.js';
import { storePaths } from '../../electron/core/store/paths.js';
import type { Site } from '../../electron/core/site.js';
import { tempDir, testPassphrase, tuesdayMorning } from '../fixtures/temp-site.js';

let dir: string;
let dataDir: string;
let remove: () => void;
let clock: ManualClock;
let managerId: number;
/** The tests open the site with a key file (fast); the reset itself needs the passphrase slot. */
let viaKeyFile: Unlock;

async function withSite<T>(work: (site: Site) => Promise<T>): Promise<T> {
  const site = await openSite({ dataDir, unlock: viaKeyFile, clock });
  try {
    return await work(site);
  } finally {
    site.close();
  }
}

function snapshot(): Map<string, Buffer> {
  return new Map(fs.readdirSync(dataDir).map((name) => [name, fs.readFileSync(path.join(dataDir, name))]));
}

async function signInFails(staffId: number, pin: string): Promise<unknown> {
  return withSite((site) => site.call('signIn', { staffId, pin }, null).then(() => null, (error: unknown) => error));
}

beforeEach(async () => {
  ({ dir, remove } = tempDir('osq-recovery-'));
  dataDir = path.join(dir, 'store');
  clock = new ManualClock(tuesdayMorning);
  const keyFile = path.join(dir, 'site.key');
  createKeyFile(keyFile);
  viaKeyFile = { kind: 'key-file', path: keyFile };
  const site = await openSite({ dataDir, unlock: viaKeyFile, create: true, clock });
  await addSlot(storePaths(dataDir).keystore, viaKeyFile, { kind: 'passphrase', passphrase: testPassphrase });
  const session = await site.call('setupSite', { siteName: 'Kirkby One Stop Shop', timeZone: 'Europe/London', manager: { name: 'Mia Manager', pin: '2468' } }, null);
  managerId = session.staff.id;
  site.close();
});

afterEach(() => remove());

describe('resetManagerPin', () => {
  it("sets the only active manager's new PIN: the new one signs in, the old one no longer does", async () => {
    const result = await resetManagerPin({ dataDir, passphrase: testPassphrase, newPin: '97531', clock });

    expect(result).toEqual({ staffId: managerId, reactivated: false });
    expect(await signInFails(managerId, '2468')).toMatchObject({ code: 'unauthenticated' });
    expect(await signInFails(managerId, '97531')).toBeNull();
  });

  it('clears a lockout at once, without waiting the five minutes', async () => {
    await withSite(async (site) => {
      for (let i = 0; i < 5; i += 1) await site.call('signIn', { staffId: managerId, pin: '0000' }, null).catch(() => undefined);
      await expect(site.call('signIn', { staffId: managerId, pin: '2468' }, null)).rejects.toMatchObject({ code: 'locked' });
    });

    await resetManagerPin({ dataDir, passphrase: testPassphrase, newPin: '1122', clock });

    expect(await signInFails(managerId, '1122')).toBeNull();
  });

  it('clears a lockout that waits for a manager (the third in a row), and the ladder with it', async () => {
    await withSite(async (site) => {
      for (let i = 0; i < 15; i += 1) {
        await site.call('signIn', { staffId: managerId, pin: '0000' }, null).catch(() => undefined);
        if (i % 5 === 4) clock.advance(31 * 60_000);
      }
      await expect(site.call('signIn', { staffId: managerId, pin: '2468' }, null)).rejects.toMatchObject({ code: 'locked' });
      expect(site.database.prepare('SELECT lockouts FROM staff WHERE id = ?').pluck().get(managerId)).toBe(3);
    });

    await resetManagerPin({ dataDir, passphrase: testPassphrase, newPin: '1122', clock });

    expect(await signInFails(managerId, '1122')).toBeNull();
    const after = await withSite(async (site) => site.database.prepare('SELECT failed_pins, lockouts, locked_until FROM staff WHERE id = ?').get(managerId));
    expect(after).toEqual({ failed_pins: 0, lockouts: 0, locked_until: null });
  });

  it('writes an audit entry with the staff id only', async () => {
    await resetManagerPin({ dataDir, passphrase: testPassphrase, newPin: '1122', clock });

    const entries = await withSite(async (site) =>
      site.database.prepare("SELECT * FROM audit WHERE action = 'pin.reset-with-passphrase'").all(),
    );
    expect(entries).toEqual([
      expect.objectContaining({ at: tuesdayMorning, staff_id: null, target_type: 'staff', target_id: managerId, outcome: 'ok' }),
    ]);
    expect(JSON.stringify(entries)).not.toContain('Mia');
  });

  it('with a wrong passphrase gives wrong-passphrase and leaves every file byte-for-byte unchanged', async () => {
    const before = snapshot();
    await expect(resetManagerPin({ dataDir, passphrase: 'not the site passphrase', newPin: '1122', clock })).rejects.toMatchObject({
      name: 'KeystoreError',
      reason: 'wrong-passphrase',
    });
    expect(snapshot()).toEqual(before);
    expect(await signInFails(managerId, '2468')).toBeNull();
  });

  it('accepts only a passphrase slot: a store opened by a key file alone cannot be used', async () => {
    const { dir: other, remove: removeOther } = tempDir('osq-recovery-keyfile-');
    try {
      const keyFile = path.join(other, 'site.key');
      createKeyFile(keyFile);
      const store = path.join(other, 'store');
      const site = await openSite({ dataDir: store, unlock: { kind: 'key-file', path: keyFile }, create: true, clock });
      await site.call('setupSite', { siteName: 'Huyton', timeZone: 'Europe/London', manager: { name: 'Mia Manager', pin: '2468' } }, null);
      site.close();
      await expect(resetManagerPin({ dataDir: store, passphrase: testPassphrase, newPin: '1122', clock })).rejects.toMatchObject({ reason: 'no-such-slot' });
    } finally {
      removeOther();
    }
  });

  it('refuses a PIN that is not 4 to 8 digits, before anything is opened', async () => {
    const before = snapshot();
    for (const newPin of ['123', '123456789', '12a4', '']) {
      await expect(resetManagerPin({ dataDir, passphrase: testPassphrase, newPin, clock })).rejects.toMatchObject({ reason: 'invalid-pin' });
    }
    expect(snapshot()).toEqual(before);
  });

  describe('with several managers', () => {
    let secondId: number;
    let receptionistId: number;

    beforeEach(async () => {
      await withSite(async (site) => {
        const token = (await site.call('signIn', { staffId: managerId, pin: '2468' }, null)).token;
        secondId = (await site.call('createStaff', { name: 'Bob Boss', role: 'manager', pin: '1357', managerPin: '2468' }, token)).id;
        receptionistId = (await site.call('createStaff', { name: 'Rita Reception', role: 'receptionist', pin: '1111', managerPin: '2468' }, token)).id;
      });
    });

    it('asks which one when more than one is active, and changes nothing', async () => {
      await expect(resetManagerPin({ dataDir, passphrase: testPassphrase, newPin: '9999', clock })).rejects.toMatchObject({ reason: 'choose-manager' });
      expect(await signInFails(managerId, '2468')).toBeNull();
      expect(await signInFails(secondId, '1357')).toBeNull();
    });

    it('resets only the manager named, whatever the case of the name', async () => {
      const result = await resetManagerPin({ dataDir, passphrase: testPassphrase, managerName: 'bob boss', newPin: '9999', clock });
      expect(result.staffId).toBe(secondId);
      expect(await signInFails(secondId, '9999')).toBeNull();
      expect(await signInFails(managerId, '2468')).toBeNull();
    });

    it('refuses a name that is not a manager, or nobody at all', async () => {
      await expect(
        resetManagerPin({ dataDir, passphrase: testPassphrase, managerName: 'Rita Reception', newPin: '9999', clock }),
      ).rejects.toMatchObject({ reason: 'not-a-manager' });
      await expect(resetManagerPin({ dataDir, passphrase: testPassphrase, managerName: 'Nobody', newPin: '9999', clock })).rejects.toMatchObject({
        reason: 'no-such-manager',
      });
      expect(await signInFails(receptionistId, '1111')).toBeNull();
    });

    it('when no manager is active, re-activates the most recently added one', async () => {
      await withSite(async (site) => {
        site.database.prepare("UPDATE staff SET active = 0 WHERE role = 'manager'").run();
      });

      const result = await resetManagerPin({ dataDir, passphrase: testPassphrase, newPin: '8642', clock });

      expect(result).toEqual({ staffId: secondId, reactivated: true });
      expect(await signInFails(secondId, '8642')).toBeNull();
      expect(await signInFails(managerId, '2468')).toMatchObject({ code: 'not-found' });
    });

    it('when no manager is active, re-activates the one named', async () => {
      await withSite(async (site) => {
        site.database.prepare("UPDATE staff SET active = 0 WHERE role = 'manager'").run();
      });

      const result = await resetManagerPin({ dataDir, passphrase: testPassphrase, managerName: 'Mia Manager', newPin: '8642', clock });

      expect(result).toEqual({ staffId: managerId, reactivated: true });
      expect(await signInFails(managerId, '8642')).toBeNull();
    });

    it('refuses to re-activate a deactivated manager while another manager is active', async () => {
      await withSite(async (site) => {
        site.database.prepare('UPDATE staff SET active = 0 WHERE id = ?').run(secondId);
      });
      await expect(
        resetManagerPin({ dataDir, passphrase: testPassphrase, managerName: 'Bob Boss', newPin: '8642', clock }),
      ).rejects.toMatchObject({ reason: 'inactive-manager' });
    });
  });
});
