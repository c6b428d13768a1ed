import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../../electron/core/clock.js';
import { createKeyFile } from '../../../electron/core/keystore/index.js';
import { openSite } from '../../../electron/core/open-site.js';
import type * as pinAttempts from '../../../electron/core/pin-attempts.js';
import { spendPinCheck } from '../../../electron/core/pin-attempts.js';
import { verifyPin } from '../../../electron/core/pins.js';
import type { Site } from '../../../electron/core/site.js';
import type { DeskFailure } from '../../../shared/errors.js';
import { managerPin, minute } from '../../fixtures/queue-fixtures.js';
import { openTestSite, tempDir, tuesdayMorning, type TestSite } from '../../fixtures/temp-site.js';

/*
 * Setting a site up, signing in and out, and changing one's own PIN, as the calls answer them and
 * as the store and the audit log record them. The lockout ladder is pin-attempts.test.ts's.
 */

// Passed through, and watched: an unknown name must cost what a wrong PIN costs.
vi.mock('../../../electron/core/pin-attempts.js', async (importOriginal) => {
  const actual = await importOriginal<typeof pinAttempts>();
  return { ...actual, spendPinCheck: vi.fn(actual.spendPinCheck) };
});

let t: TestSite | undefined;
let fresh: { site: Site; clock: ManualClock; remove: () => void } | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
  fresh?.site.close();
  fresh?.remove();
  fresh = undefined;
});

async function refusal(promise: Promise<unknown>): Promise<DeskFailure> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error as DeskFailure,
  );
}

/** A new encrypted store, opened but not yet set up: what the first run of the app finds. */
async function notSetUp(): Promise<{ site: Site; clock: ManualClock }> {
  const { dir, remove } = tempDir();
  const clock = new ManualClock(tuesdayMorning);
  const keyFile = path.join(dir, 'site.key');
  createKeyFile(keyFile);
  const site = await openSite({ dataDir: path.join(dir, 'store'), unlock: { kind: 'key-file', path: keyFile }, create: true, clock });
  fresh = { site, clock, remove };
  return fresh;
}

interface AuditLine {
  at: number;
  staff_id: number | null;
  action: string;
  target_type: string | null;
  target_id: number | null;
  outcome: string;
}

function auditLines(site: Site, action: string): AuditLine[] {
  return site.database.prepare('SELECT at, staff_id, action, target_type, target_id, outcome FROM audit WHERE action = ? ORDER BY id').all(action) as AuditLine[];
}

function newStaff(s: TestSite, name: string, role: 'receptionist' | 'advisor' | 'manager', pin = '1357'): Promise<{ id: number }> {
  return s.site.call('createStaff', { name, role, pin, managerPin }, s.manager.token);
}

describe('first-run setup', () => {
  it('says a new store needs setting up and has no name yet', async () => {
    const { site } = await notSetUp();
    expect(await site.call('getSetupState', {}, null)).toEqual({ needsSetup: true, siteName: null });
    expect(await site.call('listSignInStaff', {}, null)).toEqual([]);
  });

  it('names the site, seeds its services, makes the first manager with a hashed PIN and signs them in', async () => {
    const { site, clock } = await notSetUp();
    const session = await site.call(
      'setupSite',
      { siteName: 'Bootle One Stop Shop', timeZone: 'Europe/London', manager: { name: 'Mia Manager', pin: '2468' } },
      null,
    );
    expect(session.staff).toEqual({ id: session.staff.id, name: 'Mia Manager', role: 'manager' });
    // The default idle time is 30 minutes.
    expect(session.expiresAt).toBe(clock.now() + 30 * minute);
    expect(await site.call('getSession', {}, session.token)).toEqual(session);
    expect(await site.call('getSetupState', {}, null)).toEqual({ needsSetup: false, siteName: 'Bootle One Stop Shop' });
    expect((await site.call('getSettings', {}, session.token)).timeZone).toBe('Europe/London');
    expect((await site.call('listServices', {}, session.token)).length).toBeGreaterThan(0);

    const row = site.database.prepare('SELECT name, role, pin_hash, created_at, active FROM staff WHERE id = ?').get(session.staff.id) as {
      name: string;
      role: string;
      pin_hash: string;
      created_at: number;
      active: number;
    };
    expect(row).toMatchObject({ name: 'Mia Manager', role: 'manager', created_at: clock.now(), active: 1 });
    expect(row.pin_hash).not.toContain('2468');
    expect(verifyPin('2468', row.pin_hash)).toBe(true);
    expect(auditLines(site, 'site.setup')).toEqual([
      { at: clock.now(), staff_id: null, action: 'site.setup', target_type: 'staff', target_id: session.staff.id, outcome: 'ok' },
    ]);
  });

  it('refuses a second setup and changes nothing', async () => {
    t = await openTestSite();
    const staffBefore = t.site.database.prepare('SELECT * FROM staff').all();
    const again = await refusal(t.site.call('setupSite', { siteName: 'Other', timeZone: 'Europe/Paris', manager: { name: 'Eve', pin: '1234' } }, null));
    expect(again).toMatchObject({ code: 'conflict', message: 'This site is already set up. Sign in instead.' });
    expect(t.site.database.prepare('SELECT * FROM staff').all()).toEqual(staffBefore);
    expect(await t.site.call('getSetupState', {}, null)).toEqual({ needsSetup: false, siteName: 'Liverpool One Stop Shop' });
  });
});

describe('the sign-in list', () => {
  it('lists active staff by name, whatever their case, and leaves out those deactivated', async () => {
    t = await openTestSite();
    await newStaff(t, 'bob Baker', 'advisor');
    await newStaff(t, 'Alice Adams', 'receptionist');
    const gone = await newStaff(t, 'Carl Cole', 'advisor');
    await newStaff(t, 'Zoe Zhang', 'advisor');
    await t.site.call('updateStaff', { staffId: gone.id, active: false }, t.manager.token);
    const list = await t.site.call('listSignInStaff', {}, null);
    expect(list.map((s) => s.name)).toEqual(['Alice Adams', 'bob Baker', 'Mia Manager', 'Zoe Zhang']);
  });
});

describe('signing in', () => {
  it('starts a session for the idle time set, tells who is signed in and audits the sign-in against them', async () => {
    t = await openTestSite();
    await t.site.call('updateSettings', { sessionIdleMinutes: 45 }, t.manager.token);
    const rita = await newStaff(t, 'Rita Reception', 'receptionist');
    const session = await t.site.call('signIn', { staffId: rita.id, pin: '1357' }, null);
    expect(session).toEqual({ token: session.token, expiresAt: t.clock.now() + 45 * minute, staff: { id: rita.id, name: 'Rita Reception', role: 'receptionist' } });
    expect(session.token).not.toBe(t.manager.token);
    expect(auditLines(t.site, 'sign-in').filter((a) => a.target_id === rita.id)).toEqual([
      { at: t.clock.now(), staff_id: null, action: 'sign-in', target_type: 'staff', target_id: rita.id, outcome: 'ok' },
    ]);
  });

  it('gives each role its own session', async () => {
    t = await openTestSite();
    const adam = await newStaff(t, 'Adam Advisor', 'advisor');
    const session = await t.site.call('signIn', { staffId: adam.id, pin: '1357' }, null);
    expect(await t.site.call('getSession', {}, session.token)).toEqual({ token: session.token, expiresAt: session.expiresAt, staff: { id: adam.id, name: 'Adam Advisor', role: 'advisor' } });
  });

  it('refuses a wrong PIN, pointing at the PIN field and saying how many tries are left', async () => {
    t = await openTestSite();
    const rita = await newStaff(t, 'Rita Reception', 'receptionist');
    const wrong = await refusal(t.site.call('signIn', { staffId: rita.id, pin: '0000' }, null));
    expect(wrong).toMatchObject({
      code: 'unauthenticated',
      message: 'That PIN is wrong. 4 more wrong PINs will lock this account.',
      issues: [{ path: ['pin'], message: 'That PIN is wrong.' }],
    });
  });

  it('sends an unknown name back to the list, after checking the PIN typed against nothing, so that timing tells no names apart', async () => {
    t = await openTestSite();
    vi.mocked(spendPinCheck).mockClear();
    const unknown = await refusal(t.site.call('signIn', { staffId: 4242, pin: '1357' }, null));
    expect(unknown).toMatchObject({ code: 'not-found', message: 'Choose your name from the list.' });
    expect(vi.mocked(spendPinCheck).mock.calls).toEqual([['1357']]);
  });

  it('forgets the wrong PINs typed before a good sign-in', async () => {
    t = await openTestSite();
    const rita = await newStaff(t, 'Rita Reception', 'receptionist');
    for (let i = 0; i < 3; i += 1) await refusal(t.site.call('signIn', { staffId: rita.id, pin: '0000' }, null));
    await t.site.call('signIn', { staffId: rita.id, pin: '1357' }, null);
    const row = t.site.database.prepare('SELECT failed_pins FROM staff WHERE id = ?').get(rita.id);
    expect(row).toEqual({ failed_pins: 0 });
    // Four more wrong PINs are needed again before the fifth locks.
    const next = await refusal(t.site.call('signIn', { staffId: rita.id, pin: '0000' }, null));
    expect(next.message).toContain('4 more wrong PINs');
  });
});

describe('signing out', () => {
  it('ends this session only, and audits the sign-out against the person', async () => {
    t = await openTestSite();
    const rita = await newStaff(t, 'Rita Reception', 'receptionist');
    const here = await t.site.call('signIn', { staffId: rita.id, pin: '1357' }, null);
    const there = await t.site.call('signIn', { staffId: rita.id, pin: '1357' }, null);
    expect(await t.site.call('signOut', {}, here.token)).toEqual({ ok: true });
    expect((await refusal(t.site.call('getSession', {}, here.token))).code).toBe('unauthenticated');
    expect((await t.site.call('getSession', {}, there.token)).staff.id).toBe(rita.id);
    expect(auditLines(t.site, 'sign-out')).toEqual([
      { at: t.clock.now(), staff_id: rita.id, action: 'sign-out', target_type: 'staff', target_id: rita.id, outcome: 'ok' },
    ]);
  });

  it('needs a session to sign out of', async () => {
    t = await openTestSite();
    expect((await refusal(t.site.call('signOut', {}, null))).code).toBe('unauthenticated');
    expect(auditLines(t.site, 'sign-out')).toEqual([]);
  });
});

describe('the session', () => {
  it('tells the caller who they are and when the session ends, moved on by the call itself', async () => {
    t = await openTestSite();
    t.clock.advance(10 * minute);
    const session = await t.site.call('getSession', {}, t.manager.token);
    expect(session).toEqual({ token: t.manager.token, expiresAt: t.clock.now() + 30 * minute, staff: t.manager.staff });
  });
});

describe('changing one’s own PIN', () => {
  it('stores the new PIN hashed, ends the person’s other sessions, keeps this one and audits the change', async () => {
    t = await openTestSite();
    const rita = await newStaff(t, 'Rita Reception', 'receptionist');
    const here = await t.site.call('signIn', { staffId: rita.id, pin: '1357' }, null);
    const elsewhere = await t.site.call('signIn', { staffId: rita.id, pin: '1357' }, null);
    const colleague = await t.site.call('signIn', { staffId: (await newStaff(t, 'Adam Advisor', 'advisor')).id, pin: '1357' }, null);
    expect(await t.site.call('changeOwnPin', { currentPin: '1357', newPin: '97531' }, here.token)).toEqual({ ok: true });

    const { pin_hash: hash } = t.site.database.prepare('SELECT pin_hash FROM staff WHERE id = ?').get(rita.id) as { pin_hash: string };
    expect(verifyPin('97531', hash)).toBe(true);
    expect(verifyPin('1357', hash)).toBe(false);
    expect((await t.site.call('getSession', {}, here.token)).staff.id).toBe(rita.id);
    expect((await refusal(t.site.call('getSession', {}, elsewhere.token))).code).toBe('unauthenticated');
    expect((await t.site.call('getSession', {}, colleague.token)).staff.name).toBe('Adam Advisor');
    expect(auditLines(t.site, 'pin.change')).toEqual([
      { at: t.clock.now(), staff_id: rita.id, action: 'pin.change', target_type: 'staff', target_id: rita.id, outcome: 'ok' },
    ]);
  });

  it('refuses a wrong current PIN on the current-PIN field, keeping the old PIN and every session', async () => {
    t = await openTestSite();
    const rita = await newStaff(t, 'Rita Reception', 'receptionist');
    const here = await t.site.call('signIn', { staffId: rita.id, pin: '1357' }, null);
    const elsewhere = await t.site.call('signIn', { staffId: rita.id, pin: '1357' }, null);
    const wrong = await refusal(t.site.call('changeOwnPin', { currentPin: '0000', newPin: '97531' }, here.token));
    expect(wrong).toMatchObject({ code: 'invalid-input', issues: [{ path: ['currentPin'], message: 'That PIN is wrong.' }] });
    expect(wrong.message).toContain('4 more wrong PINs');
    expect((await t.site.call('signIn', { staffId: rita.id, pin: '1357' }, null)).staff.id).toBe(rita.id);
    expect((await t.site.call('getSession', {}, elsewhere.token)).staff.id).toBe(rita.id);
    expect(auditLines(t.site, 'pin.change').map((a) => a.outcome)).toEqual(['failed']);
  });
});
