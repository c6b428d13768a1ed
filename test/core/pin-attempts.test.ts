import { afterEach, describe, expect, it } from 'vitest';
import type { CallName } from '../../shared/contract/index.js';
import type { DeskFailure } from '../../shared/errors.js';
import { openTestSite, staffSession, type TestSite } from '../fixtures/temp-site.js';
import { minute, day, managerPin } from '../fixtures/queue-fixtures.js';
import { errorText } from '../../shared/i18n/errors.en-GB.js';

let t: TestSite;
afterEach(() => t?.close());

async function refusal(promise: Promise<unknown>): Promise<DeskFailure> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error as DeskFailure,
  );
}

function staffRow(id: number) {
  return t.site.database.prepare('SELECT failed_pins, lockouts, locked_until FROM staff WHERE id = ?').get(id) as {
    failed_pins: number;
    lockouts: number;
    locked_until: number | null;
  };
}

async function fiveWrong(staffId: number): Promise<DeskFailure[]> {
  const answers: DeskFailure[] = [];
  for (let i = 0; i < 5; i += 1) answers.push(await refusal(t.site.call('signIn', { staffId, pin: '0000' }, null)));
  return answers;
}

async function newStaff(name: string, role: 'receptionist' | 'advisor' | 'manager', pin = '1357'): Promise<number> {
  return (await t.site.call('createStaff', { name, role, pin, managerPin }, t.manager.token)).id;
}

async function member(id: number) {
  return (await t.site.call('listStaff', {}, t.manager.token)).find((m) => m.id === id)!;
}

describe('lockouts grow', () => {
  it('locks for 5 minutes, then 30, then until a manager unlocks, refusing even the right PIN meanwhile', async () => {
    t = await openTestSite();
    const rita = await newStaff('Rita Reception', 'receptionist');

    const first = await fiveWrong(rita);
    expect(first.map((f) => f.code)).toEqual(['unauthenticated', 'unauthenticated', 'unauthenticated', 'unauthenticated', 'locked']);
    expect(first[4]!.message).toContain('5 minutes');
    t.clock.advance(5 * minute - 1);
    expect((await refusal(t.site.call('signIn', { staffId: rita, pin: '1357' }, null))).code).toBe('locked');
    t.clock.advance(1);

    const second = await fiveWrong(rita);
    expect(second[4]!.code).toBe('locked');
    expect(second[4]!.message).toContain('30 minutes');
    t.clock.advance(30 * minute - 1);
    expect((await refusal(t.site.call('signIn', { staffId: rita, pin: '1357' }, null))).code).toBe('locked');
    t.clock.advance(1);

    const third = await fiveWrong(rita);
    expect(third[4]!.code).toBe('locked');
    expect(third[4]!.message).toContain('until a manager unlocks');
    t.clock.advance(30 * day);
    const stillLocked = await refusal(t.site.call('signIn', { staffId: rita, pin: '1357' }, null));
    expect(stillLocked.code).toBe('locked');
    expect(stillLocked.message).toContain('Ask a manager');
    t.manager = await t.site.call('signIn', { staffId: t.manager.staff.id, pin: managerPin }, null);
    const listed = await member(rita);
    expect(listed).toMatchObject({ lockedUntil: null, needsUnlock: true });

    await t.site.call('unlockStaff', { staffId: rita, managerPin }, t.manager.token);
    expect(await member(rita)).toMatchObject({ lockedUntil: null, needsUnlock: false });
    expect(staffRow(rita)).toEqual({ failed_pins: 0, lockouts: 0, locked_until: null });
    // After an unlock the ladder starts again at five minutes.
    expect((await fiveWrong(rita))[4]!.message).toContain('5 minutes');
  });

  it('starts again from nothing after a good sign-in', async () => {
    t = await openTestSite();
    const rita = await newStaff('Rita Reception', 'receptionist');
    await fiveWrong(rita);
    t.clock.advance(5 * minute);
    await t.site.call('signIn', { staffId: rita, pin: '1357' }, null);
    expect(staffRow(rita)).toEqual({ failed_pins: 0, lockouts: 0, locked_until: null });
    t.manager = await t.site.call('signIn', { staffId: t.manager.staff.id, pin: managerPin }, null);
    expect((await fiveWrong(rita))[4]!.message).toContain('5 minutes');
  });

  it('never checks the PIN of a locked account, and audits each refusal by id', async () => {
    t = await openTestSite();
    const rita = await newStaff('Rita Reception', 'receptionist');
    await fiveWrong(rita);
    const before = staffRow(rita);
    for (let i = 0; i < 20; i += 1) await refusal(t.site.call('signIn', { staffId: rita, pin: '0000' }, null));
    expect(staffRow(rita)).toEqual(before);
    const audit = await t.site.call('listAudit', { limit: 200 }, t.manager.token);
    expect(audit.filter((a) => a.targetId === rita && a.action === 'sign-in.locked' && a.outcome === 'denied')).toHaveLength(20);
  });

  it('a PIN reset by a manager clears the ladder', async () => {
    t = await openTestSite();
    const rita = await newStaff('Rita Reception', 'receptionist');
    await fiveWrong(rita);
    await t.site.call('setStaffPin', { staffId: rita, pin: '8642', managerPin }, t.manager.token);
    expect(staffRow(rita)).toEqual({ failed_pins: 0, lockouts: 0, locked_until: null });
    expect((await t.site.call('signIn', { staffId: rita, pin: '8642' }, null)).staff.id).toBe(rita);
  });
});

describe('what a locked account is told', () => {
  it('says how many whole minutes are left, rounded up, and how long each new lockout lasts', async () => {
    t = await openTestSite();
    const rita = await newStaff('Rita Reception', 'receptionist');
    const signIn = (pin: string) => refusal(t.site.call('signIn', { staffId: rita, pin }, null));

    expect((await fiveWrong(rita))[4]!.message).toBe(errorText.nowLockedFor(5));
    t.clock.advance(2 * minute + 30_000);
    expect((await signIn('1357')).message).toBe(errorText.lockedFor(3));
    t.clock.advance(2 * minute + 29_999);
    expect((await signIn('1357')).message).toBe(errorText.lockedFor(1));
    t.clock.advance(1);

    expect((await fiveWrong(rita))[4]!.message).toBe(errorText.nowLockedFor(30));
    t.clock.advance(minute);
    expect((await signIn('0000')).message).toBe(errorText.lockedFor(29));
    t.clock.advance(29 * minute);

    expect((await fiveWrong(rita))[4]!.message).toBe(errorText.nowLockedUntilUnlocked);
    t.clock.advance(day);
    expect((await signIn('1357')).message).toBe(errorText.lockedUntilUnlocked);
  });

  it('audits the wrong PIN that locks as a failure, and each refusal while locked as denied', async () => {
    t = await openTestSite();
    const rita = await newStaff('Rita Reception', 'receptionist');
    await fiveWrong(rita);
    await refusal(t.site.call('signIn', { staffId: rita, pin: '1357' }, null));
    const lines = t.site.database
      .prepare("SELECT action, outcome, target_id FROM audit WHERE target_id = ? AND action LIKE 'sign-in%' ORDER BY id")
      .all(rita) as Array<{ action: string; outcome: string }>;
    expect(lines.map((l) => `${l.action} ${l.outcome}`)).toEqual([
      'sign-in failed',
      'sign-in failed',
      'sign-in failed',
      'sign-in failed',
      'sign-in.locked failed',
      'sign-in.locked denied',
    ]);
  });
});

describe('changing one’s own PIN', () => {
  it('counts a wrong current PIN toward the same lockout as sign-in', async () => {
    t = await openTestSite();
    const rec = await staffSession(t, 'Rita Reception', 'receptionist');
    for (let i = 1; i <= 4; i += 1) {
      const wrong = await refusal(t.site.call('changeOwnPin', { currentPin: '0000', newPin: '9753' }, rec.token));
      expect(wrong.code).toBe('invalid-input');
      expect(wrong.issues?.[0]?.path).toEqual(['currentPin']);
    }
    expect(staffRow(rec.staff.id).failed_pins).toBe(4);
    // The fifth wrong PIN, typed at sign-in, locks the account: one count for every door.
    expect((await refusal(t.site.call('signIn', { staffId: rec.staff.id, pin: '0000' }, null))).code).toBe('locked');
    // Even the right current PIN is refused while locked.
    expect((await refusal(t.site.call('changeOwnPin', { currentPin: '1357', newPin: '9753' }, rec.token))).code).toBe('locked');
  });

  it('ends the person’s other sessions and keeps this one', async () => {
    t = await openTestSite();
    const here = await staffSession(t, 'Rita Reception', 'receptionist');
    const elsewhere = await t.site.call('signIn', { staffId: here.staff.id, pin: '1357' }, null);
    await t.site.call('changeOwnPin', { currentPin: '1357', newPin: '9753' }, here.token);
    expect((await t.site.call('getSession', {}, here.token)).staff.id).toBe(here.staff.id);
    expect((await refusal(t.site.call('getSession', {}, elsewhere.token))).code).toBe('unauthenticated');
  });
});

describe('sign-in', () => {
  it('lists names only, not roles', async () => {
    t = await openTestSite();
    await newStaff('Rita Reception', 'receptionist');
    const list = await t.site.call('listSignInStaff', {}, null);
    for (const entry of list) expect(Object.keys(entry).sort()).toEqual(['id', 'name']);
  });

  it('answers an unknown or inactive name without touching any account', async () => {
    t = await openTestSite();
    const gone = await newStaff('Gary Gone', 'advisor');
    await t.site.call('updateStaff', { staffId: gone, active: false }, t.manager.token);
    expect((await refusal(t.site.call('signIn', { staffId: 999, pin: '0000' }, null))).code).toBe('not-found');
    expect((await refusal(t.site.call('signIn', { staffId: gone, pin: '1357' }, null))).code).toBe('not-found');
    expect(staffRow(gone).failed_pins).toBe(0);
  });
});

/** Each call that takes the acting manager's PIN again, with an input that would otherwise succeed. */
const powerCalls: Array<{ call: CallName; input: (ids: { rita: number }) => Record<string, unknown> }> = [
  { call: 'createStaff', input: () => ({ name: 'Nina New', role: 'receptionist', pin: '4321' }) },
  { call: 'createStaff', input: () => ({ name: 'Max Manager', role: 'manager', pin: '4321' }) },
  { call: 'updateStaff', input: ({ rita }) => ({ staffId: rita, role: 'manager' }) },
  { call: 'setStaffPin', input: ({ rita }) => ({ staffId: rita, pin: '4321' }) },
  { call: 'unlockStaff', input: ({ rita }) => ({ staffId: rita }) },
  { call: 'updateSettings', input: () => ({ retentionDays: 14 }) },
  { call: 'setRecoveryPassphrase', input: () => ({ passphrase: 'a long recovery passphrase' }) },
];

describe('power asks for the manager’s PIN again', () => {
  it.each(powerCalls.map((p) => [p.call, p] as const))('%s is refused without the PIN and with a wrong one, changing nothing', async (_name, power) => {
    t = await openTestSite();
    const rita = await newStaff('Rita Reception', 'receptionist');
    const before = t.site.database.prepare('SELECT id, name, role, pin_hash, active FROM staff ORDER BY id').all();
    const settingsBefore = await t.site.call('getSettings', {}, t.manager.token);

    const missing = await refusal(t.site.call(power.call, power.input({ rita }), t.manager.token));
    expect(missing.code).toBe('invalid-input');
    expect(missing.issues?.map((i) => i.path.join('.'))).toContain('managerPin');

    const wrong = await refusal(t.site.call(power.call, { ...power.input({ rita }), managerPin: '0000' }, t.manager.token));
    expect(wrong.code).toBe('invalid-input');
    expect(wrong.issues?.map((i) => i.path.join('.'))).toEqual(['managerPin']);
    expect(staffRow(t.manager.staff.id).failed_pins).toBe(1);

    expect(t.site.database.prepare('SELECT id, name, role, pin_hash, active FROM staff ORDER BY id').all()).toEqual(before);
    expect(await t.site.call('getSettings', {}, t.manager.token)).toEqual(settingsBefore);
    const audit = await t.site.call('listAudit', { limit: 50 }, t.manager.token);
    expect(audit.some((a) => a.action === 'pin.confirm' && a.outcome === 'failed' && a.targetId === t.manager.staff.id)).toBe(true);

    // With the right PIN the same call goes through.
    await t.site.call(power.call, { ...power.input({ rita }), managerPin }, t.manager.token);
  });

  it('locks the manager after five wrong confirmations, like five wrong sign-ins', async () => {
    t = await openTestSite();
    const rita = await newStaff('Rita Reception', 'receptionist');
    for (let i = 0; i < 4; i += 1) {
      expect((await refusal(t.site.call('setStaffPin', { staffId: rita, pin: '4321', managerPin: '0000' }, t.manager.token))).code).toBe('invalid-input');
    }
    expect((await refusal(t.site.call('setStaffPin', { staffId: rita, pin: '4321', managerPin: '0000' }, t.manager.token))).code).toBe('locked');
    expect((await refusal(t.site.call('setStaffPin', { staffId: rita, pin: '4321', managerPin }, t.manager.token))).code).toBe('locked');
    expect((await refusal(t.site.call('signIn', { staffId: t.manager.staff.id, pin: managerPin }, null))).code).toBe('locked');
  });

  it('does not ask for a PIN to rename someone, lengthen retention or change other settings', async () => {
    t = await openTestSite();
    const rita = await newStaff('Rita Reception', 'receptionist');
    await t.site.call('updateStaff', { staffId: rita, name: 'Rita Rowe' }, t.manager.token);
    await t.site.call('updateSettings', { retentionDays: 14, managerPin }, t.manager.token);
    await t.site.call('updateSettings', { retentionDays: 28, priorityHeadStartMinutes: 10 }, t.manager.token);
    expect((await t.site.call('getSettings', {}, t.manager.token)).retentionDays).toBe(28);
  });

  it('asks again to re-activate a manager, but not a receptionist', async () => {
    t = await openTestSite();
    const boss = await newStaff('Bob Boss', 'manager');
    const rita = await newStaff('Rita Reception', 'receptionist');
    await t.site.call('updateStaff', { staffId: boss, active: false }, t.manager.token);
    await t.site.call('updateStaff', { staffId: rita, active: false }, t.manager.token);
    expect((await refusal(t.site.call('updateStaff', { staffId: boss, active: true }, t.manager.token))).code).toBe('invalid-input');
    await t.site.call('updateStaff', { staffId: rita, active: true }, t.manager.token);
    await t.site.call('updateStaff', { staffId: boss, active: true, managerPin }, t.manager.token);
  });

  it('replacing a recovery passphrase must be asked for: otherwise a conflict, and the first one still set', async () => {
    t = await openTestSite();
    await t.site.call('setRecoveryPassphrase', { passphrase: 'the first recovery passphrase', managerPin }, t.manager.token);
    const again = await refusal(t.site.call('setRecoveryPassphrase', { passphrase: 'a second recovery passphrase', managerPin }, t.manager.token));
    expect(again.code).toBe('conflict');
    await t.site.call('setRecoveryPassphrase', { passphrase: 'a second recovery passphrase', managerPin, replace: true }, t.manager.token);
    expect((await t.site.call('getSettings', {}, t.manager.token)).recoveryPassphraseSet).toBe(true);
  });
});
