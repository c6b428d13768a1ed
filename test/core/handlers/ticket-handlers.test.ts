import { afterEach, describe, expect, it } from 'vitest';
import { errorText } from '../../../shared/i18n/errors.en-GB.js';
import { openTestSite, staffSession, type TestSite } from '../../fixtures/temp-site.js';
import { advisorAtDesk, expectRefused, issue, managerPin, minute, refusal, tuesday } from '../../fixtures/queue-fixtures.js';

/** reprintTicket: the same waiting ticket again, with its place in the queue as it is now. */
let t: TestSite | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

describe('reprinting a ticket', () => {
  it('prints the same ticket with the same place and wait issueTicket gave, and its place now once someone ahead is called', async () => {
    t = await openTestSite({ now: tuesday(10) });
    const s = t;
    const rec = await staffSession(s, 'Rita Reception', 'receptionist');
    const desk = await advisorAtDesk(s, 'Adam Advisor', 'Desk 1', ['C']);
    await issue(s, rec.token, 'C');
    s.clock.advance(minute);
    await issue(s, rec.token, 'C');
    s.clock.advance(minute);
    const third = await issue(s, rec.token, 'C');
    expect(third.position).toBe(3);
    expect(await s.site.call('reprintTicket', { visitId: third.ticket.visitId }, rec.token)).toEqual(third);

    s.clock.advance(minute);
    await s.site.call('callNext', { deskId: desk.deskId }, desk.session.token);
    const again = await s.site.call('reprintTicket', { visitId: third.ticket.visitId }, rec.token);
    expect(again.ticket).toEqual(third.ticket);
    expect(again.position).toBe(2);
    expect(again.estimatedWaitMinutes).toBeLessThanOrEqual(third.estimatedWaitMinutes);
  });

  it('audits each reprint against the visit, by whom, and changes nothing else', async () => {
    t = await openTestSite({ now: tuesday(10) });
    const s = t;
    const rec = await staffSession(s, 'Rita Reception', 'receptionist');
    const { ticket } = await issue(s, rec.token, 'C');
    const visitsBefore = s.site.database.prepare('SELECT * FROM visits').all();
    await s.site.call('reprintTicket', { visitId: ticket.visitId }, rec.token);
    expect(s.site.database.prepare('SELECT staff_id, action, target_type, target_id, outcome FROM audit ORDER BY id DESC LIMIT 1').get()).toEqual({
      staff_id: rec.staff.id,
      action: 'visit.reprint',
      target_type: 'visit',
      target_id: ticket.visitId,
      outcome: 'ok',
    });
    expect(s.site.database.prepare('SELECT * FROM visits').all()).toEqual(visitsBefore);
  });

  it('refuses a ticket that is no longer waiting, saying why, and an unknown one', async () => {
    t = await openTestSite({ now: tuesday(10) });
    const s = t;
    const rec = await staffSession(s, 'Rita Reception', 'receptionist');
    const desk = await advisorAtDesk(s, 'Adam Advisor', 'Desk 1', ['C']);
    const called = (await issue(s, rec.token, 'C')).ticket;
    const cancelled = (await issue(s, rec.token, 'C')).ticket;
    await s.site.call('callNext', { deskId: desk.deskId }, desk.session.token);
    await s.site.call('cancelTicket', { visitId: cancelled.visitId }, rec.token);
    expect(await refusal(s.site.call('reprintTicket', { visitId: called.visitId }, rec.token))).toMatchObject({
      code: 'conflict',
      message: errorText.reprintNotWaiting('C001', 'called'),
    });
    expect(errorText.reprintNotWaiting('C001', 'called')).toBe('Ticket C001 is called to a desk, so it has no place in the queue to print.');
    await expectRefused(s, () => s.site.call('reprintTicket', { visitId: cancelled.visitId }, rec.token), 'conflict');
    await expectRefused(s, () => s.site.call('reprintTicket', { visitId: 9999 }, rec.token), 'not-found');
  });

  it('keeps yesterday’s tickets from a receptionist (forbidden, audited) and from a manager (no place in today’s queue)', async () => {
    t = await openTestSite({ now: tuesday(10, 0, -1) });
    const s = t;
    const rec = await staffSession(s, 'Rita Reception', 'receptionist');
    const yesterday = (await issue(s, rec.token, 'C')).ticket;
    // The next morning, before anything has closed yesterday's queue.
    s.clock.set(tuesday(9, 5));
    const rita = await s.site.call('signIn', { staffId: rec.staff.id, pin: '1357' }, null);
    const manager = await s.site.call('signIn', { staffId: s.manager.staff.id, pin: managerPin }, null);
    await expectRefused(s, () => s.site.call('reprintTicket', { visitId: yesterday.visitId }, rita.token), 'forbidden');
    expect(
      s.site.database.prepare("SELECT staff_id, target_id, outcome FROM audit WHERE action = 'visit.view' ORDER BY id DESC LIMIT 1").get(),
    ).toEqual({ staff_id: rec.staff.id, target_id: yesterday.visitId, outcome: 'denied' });
    expect(await refusal(s.site.call('reprintTicket', { visitId: yesterday.visitId }, manager.token))).toMatchObject({
      code: 'conflict',
      message: errorText.earlierDay('C001'),
    });
    s.site.tick();
    expect(await refusal(s.site.call('reprintTicket', { visitId: yesterday.visitId }, manager.token))).toMatchObject({
      code: 'conflict',
      message: errorText.reprintNotWaiting('C001', 'closed'),
    });
  });
});
