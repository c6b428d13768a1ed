import { afterEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../shared/events.js';
import { errorText } from '../../../shared/i18n/errors.en-GB.js';
import { openTestSite, staffSession, type TestSite } from '../../fixtures/temp-site.js';
import { advisorAtDesk, deskIdOf, expectRefused, issue, minute, refusal, tuesday } from '../../fixtures/queue-fixtures.js';

/** pauseDesk / resumeDesk: an open desk that calls nobody for a while, and leaves the wait estimate. */
let t: TestSite | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

async function world() {
  t = await openTestSite({ now: tuesday(10) });
  const s = t;
  const rec = await staffSession(s, 'Rita Reception', 'receptionist');
  const desk = await advisorAtDesk(s, 'Adam Advisor', 'Desk 3', ['C']);
  return { s, rec, desk, token: desk.session.token };
}

function events(s: TestSite): DeskEvent[] {
  const seen: DeskEvent[] = [];
  s.site.subscribe((event) => seen.push(event));
  return seen;
}

const deskAudit = (s: TestSite) =>
  s.site.database.prepare("SELECT staff_id, action, target_type, target_id, outcome FROM audit WHERE action LIKE 'desk.%' ORDER BY id").all();

describe('pausing a desk', () => {
  it('pauses the desk for a reason, shows it in the desk list, audits it against the desk and tells staff screens', async () => {
    const { s, desk, token } = await world();
    const seen = events(s);
    const paused = await s.site.call('pauseDesk', { deskId: desk.deskId, reason: 'break' }, token);
    expect(paused).toMatchObject({ deskId: desk.deskId, current: null, paused: { reason: 'break', since: tuesday(10) } });
    expect((await s.site.call('listDeskSessions', {}, token)).find((d) => d.deskId === desk.deskId)?.paused).toEqual({ reason: 'break', since: tuesday(10) });
    expect(deskAudit(s).at(-1)).toEqual({ staff_id: desk.session.staff.id, action: 'desk.pause', target_type: 'desk', target_id: desk.deskId, outcome: 'ok' });
    expect(seen).toEqual([{ type: 'queue-changed', at: tuesday(10) }]);
  });

  it('changes the reason when paused again with another, from then; the same reason again changes nothing', async () => {
    const { s, desk, token } = await world();
    await s.site.call('pauseDesk', { deskId: desk.deskId, reason: 'break' }, token);
    s.clock.advance(5 * minute);
    const again = await s.site.call('pauseDesk', { deskId: desk.deskId, reason: 'break' }, token);
    expect(again.paused).toEqual({ reason: 'break', since: tuesday(10) });
    s.clock.advance(5 * minute);
    const training = await s.site.call('pauseDesk', { deskId: desk.deskId, reason: 'training' }, token);
    expect(training.paused).toEqual({ reason: 'training', since: tuesday(10, 10) });
    expect(deskAudit(s).map((a) => (a as { action: string }).action)).toEqual(['desk.open', 'desk.pause', 'desk.pause']);
  });

  it('resumes the desk: it calls again, audited; resuming a desk that is not paused changes nothing', async () => {
    const { s, rec, desk, token } = await world();
    await issue(s, rec.token, 'C');
    await s.site.call('pauseDesk', { deskId: desk.deskId, reason: 'admin' }, token);
    const resumed = await s.site.call('resumeDesk', { deskId: desk.deskId }, token);
    expect(resumed.paused).toBeNull();
    expect(await s.site.call('resumeDesk', { deskId: desk.deskId }, token)).toEqual(resumed);
    expect(deskAudit(s).map((a) => (a as { action: string }).action)).toEqual(['desk.open', 'desk.pause', 'desk.resume']);
    expect(await s.site.call('callNext', { deskId: desk.deskId }, token)).toMatchObject({ number: 'C001', status: 'called' });
  });

  it('refuses a pause while a ticket is called or being served there, naming the ticket', async () => {
    const { s, rec, desk, token } = await world();
    await issue(s, rec.token, 'C');
    const called = await s.site.call('callNext', { deskId: desk.deskId }, token);
    const whileCalled = await refusal(s.site.call('pauseDesk', { deskId: desk.deskId, reason: 'break' }, token));
    expect(whileCalled).toMatchObject({ code: 'conflict', message: errorText.deskBusyPausing('C001') });
    await s.site.call('startService', { visitId: called!.visitId }, token);
    await expectRefused(s, () => s.site.call('pauseDesk', { deskId: desk.deskId, reason: 'break' }, token), 'conflict');
    await s.site.call('finishService', { visitId: called!.visitId, outcome: 'resolved' }, token);
    expect((await s.site.call('pauseDesk', { deskId: desk.deskId, reason: 'break' }, token)).paused?.reason).toBe('break');
  });

  it('answers not-found for a desk that is not open, and forbidden for another advisor’s desk; a manager may pause it', async () => {
    const { s, desk, token } = await world();
    const closed = await refusal(s.site.call('pauseDesk', { deskId: deskIdOf(s, 'Desk 1'), reason: 'break' }, token));
    expect(closed).toMatchObject({ code: 'not-found', issues: [{ path: ['deskId'] }] });
    expect(await refusal(s.site.call('resumeDesk', { deskId: deskIdOf(s, 'Desk 1') }, token))).toMatchObject({ code: 'not-found' });
    const other = await advisorAtDesk(s, 'Bea Advisor', 'Desk 2', ['C']);
    await expectRefused(s, () => s.site.call('pauseDesk', { deskId: desk.deskId, reason: 'break' }, other.session.token), 'forbidden');
    await expectRefused(s, () => s.site.call('resumeDesk', { deskId: desk.deskId }, other.session.token), 'forbidden');
    const byManager = await s.site.call('pauseDesk', { deskId: desk.deskId, reason: 'admin' }, s.manager.token);
    expect(byManager.paused?.reason).toBe('admin');
    expect(deskAudit(s).at(-1)).toMatchObject({ staff_id: s.manager.staff.id, action: 'desk.pause' });
  });

  it('refuses a reason that is not break, admin or training, on the reason field', async () => {
    const { s, desk, token } = await world();
    const error = await refusal(s.site.call('pauseDesk', { deskId: desk.deskId, reason: 'lunch' }, token));
    expect(error).toMatchObject({ code: 'invalid-input', issues: [{ path: ['reason'] }] });
  });
});

describe('a paused desk', () => {
  it('refuses callNext, callTicket and resumeTicket there, saying the desk is paused, and changes nothing', async () => {
    const { s, rec, desk, token } = await world();
    const first = (await issue(s, rec.token, 'C')).ticket;
    const second = (await issue(s, rec.token, 'C')).ticket;
    const parked = await s.site.call('callTicket', { deskId: desk.deskId, visitId: second.visitId }, token);
    await s.site.call('parkTicket', { visitId: parked.visitId }, token);
    await s.site.call('pauseDesk', { deskId: desk.deskId, reason: 'break' }, token);

    const error = await refusal(s.site.call('callNext', { deskId: desk.deskId }, token));
    expect(error).toMatchObject({ code: 'conflict', message: errorText.deskPaused('Desk 3') });
    expect(error.message).toBe('Desk 3 is paused. Resume it to call the next ticket.');
    await expectRefused(s, () => s.site.call('callNext', { deskId: desk.deskId }, token), 'conflict');
    await expectRefused(s, () => s.site.call('callTicket', { deskId: desk.deskId, visitId: first.visitId }, token), 'conflict');
    await expectRefused(s, () => s.site.call('resumeTicket', { deskId: desk.deskId, visitId: parked.visitId }, token), 'conflict');
    // Nor may a manager covering the desk call to it while it is paused.
    await expectRefused(s, () => s.site.call('callNext', { deskId: desk.deskId }, s.manager.token), 'conflict');
  });

  it('is not counted in a new ticket’s wait estimate, and counts again once resumed', async () => {
    const { s, rec, desk, token } = await world();
    await advisorAtDesk(s, 'Bea Advisor', 'Desk 2', ['C']);
    for (let i = 0; i < 4; i += 1) await issue(s, rec.token, 'C');
    // Four ahead, two desks: 4 × 10 minutes / 2.
    expect((await issue(s, rec.token, 'C')).estimatedWaitMinutes).toBe(20);
    await s.site.call('pauseDesk', { deskId: desk.deskId, reason: 'break' }, token);
    // Five ahead, one desk calling.
    expect((await issue(s, rec.token, 'C')).estimatedWaitMinutes).toBe(50);
    await s.site.call('resumeDesk', { deskId: desk.deskId }, token);
    expect((await issue(s, rec.token, 'C')).estimatedWaitMinutes).toBe(30);
  });

  it('still closes: the pause goes with the desk, and the desk opens again unpaused', async () => {
    const { s, desk, token } = await world();
    await s.site.call('pauseDesk', { deskId: desk.deskId, reason: 'training' }, token);
    await s.site.call('closeDesk', { deskId: desk.deskId }, token);
    expect(await s.site.call('listDeskSessions', {}, token)).toEqual([]);
    const reopened = await s.site.call('openDesk', { deskId: desk.deskId, serviceIds: [1] }, token);
    expect(reopened.paused).toBeNull();
  });

  it('keeps its pause when the advisor changes the services it serves', async () => {
    const { s, desk, token } = await world();
    await s.site.call('pauseDesk', { deskId: desk.deskId, reason: 'admin' }, token);
    const changed = await s.site.call('openDesk', { deskId: desk.deskId, serviceIds: [1, 2] }, token);
    expect(changed.paused).toEqual({ reason: 'admin', since: tuesday(10) });
  });
});
