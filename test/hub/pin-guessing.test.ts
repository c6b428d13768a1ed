import { afterEach, describe, expect, it } from 'vitest';
import { callOk, postCall, startTestHub, type HubWorld } from '../fixtures/hub-fixtures.js';
import { managerPin } from '../fixtures/queue-fixtures.js';
import type { Session } from '../../shared/domain/staff.js';

let w: HubWorld | undefined;
afterEach(async () => w?.close());

const minute = 60_000;

/** Checked guesses at an account: the audit's failed PIN attempts (a locked account's refusals are `denied`, never checked). */
function checkedGuesses(staffId: number): number {
  return (
    w!.t.site.database
      .prepare("SELECT count(*) AS n FROM audit WHERE target_type = 'staff' AND target_id = ? AND outcome = 'failed'")
      .get(staffId) as { n: number }
  ).n;
}

describe('guessing PINs over the hub', () => {
  it('gives an attacker holding a receptionist session at most 15 guesses at any account in a day, then waits for a manager', async () => {
    // The per-address flood guard is not what is under test here: the per-person lockout is.
    w = await startTestHub({ signInLimit: { max: 100_000, timeWindowMs: 60_000 } });
    const rita = await callOk<{ id: number }>(w.url, 'createStaff', { name: 'Rita Reception', role: 'receptionist', pin: '1357', managerPin }, w.t.manager.token);
    const attacker = await callOk<Session>(w.url, 'signIn', { staffId: rita.id, pin: '1357' }, null);
    const managerId = w.t.manager.staff.id;

    // Every call that takes a PIN, from the attacker's session: sign-in as anyone, the attacker's
    // own PIN change (a session alone does not tell them the PIN), and each call that asks a
    // manager's PIN again (refused by role before any PIN is looked at).
    const tries: Array<{ target: number; send(guess: string): Promise<{ status: number }> }> = [
      { target: managerId, send: (guess) => postCall(w!.url, 'signIn', { staffId: managerId, pin: guess }) },
      { target: rita.id, send: (guess) => postCall(w!.url, 'changeOwnPin', { currentPin: guess, newPin: '9999' }, { token: attacker.token }) },
      { target: managerId, send: (guess) => postCall(w!.url, 'setStaffPin', { staffId: rita.id, pin: '9999', managerPin: guess }, { token: attacker.token }) },
      { target: managerId, send: (guess) => postCall(w!.url, 'unlockStaff', { staffId: managerId, managerPin: guess }, { token: attacker.token }) },
    ];

    // A simulated day, a few guesses every ten minutes at each door, each a different wrong PIN.
    let guess = 0;
    const statuses = new Set<number>();
    for (let at = 0; at < 24 * 60; at += 10) {
      for (const attempt of tries) {
        for (let i = 0; i < 3; i += 1) {
          guess += 1;
          statuses.add((await attempt.send(String(guess).padStart(4, '0'))).status);
        }
      }
      w.t.clock.advance(10 * minute);
      // The attacker keeps their own session alive, as a desk left open would.
      await postCall(w.url, 'getSession', {}, { token: attacker.token });
    }

    expect(checkedGuesses(managerId)).toBeLessThanOrEqual(15);
    expect(checkedGuesses(rita.id)).toBeLessThanOrEqual(15);
    // Both accounts are now locked until a manager acts: the right PIN is refused.
    expect((await postCall(w.url, 'signIn', { staffId: managerId, pin: managerPin })).status).toBe(423);
    expect((await postCall(w.url, 'signIn', { staffId: rita.id, pin: '1357' })).status).toBe(423);
    expect(statuses).toEqual(new Set([401, 400, 403, 423]));
  });
});
