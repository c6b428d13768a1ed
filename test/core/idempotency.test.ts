import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../shared/events.js';
import { staffSession, type TestSite } from '../fixtures/temp-site.js';
import { advisorAtDesk, hour, issueInput, managerToken, openTuesdaySite as site, refusal, reopen, serviceIdOf } from '../fixtures/queue-fixtures.js';

const visitCount = (t: TestSite) => (t.site.database.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n;
const keptCount = (t: TestSite) => (t.site.database.prepare('SELECT count(*) AS n FROM call_answers').get() as { n: number }).n;

const keyA = 'c9a1f0e2-6b1d-4f8e-9d3a-000000000001';
const keyB = 'c9a1f0e2-6b1d-4f8e-9d3a-000000000002';

describe('idempotency keys', () => {
  it('apply a retried issueTicket once and answer it the same, with no second event', async () => {
    const t = await site();
    const rec = await staffSession(t, 'Rita Reception', 'receptionist');
    const input = issueInput(serviceIdOf(t, 'C'), { name: 'Ada Lovelace' });
    const events: DeskEvent[] = [];
    t.site.subscribe((event) => events.push(event));

    const first = await t.site.call('issueTicket', input, rec.token, { idempotencyKey: keyA });
    const eventsAfterFirst = events.length;
    // A retry after a lost answer: the clock has moved, the queue has not.
    t.clock.advance(30_000);
    const again = await t.site.call('issueTicket', input, rec.token, { idempotencyKey: keyA });
    expect(again).toEqual(first);
    expect(visitCount(t)).toBe(1);
    expect(events.length).toBe(eventsAfterFirst);

    // A new key is a new action.
    const second = await t.site.call('issueTicket', input, rec.token, { idempotencyKey: keyB });
    expect(second.ticket.number).not.toBe(first.ticket.number);
    expect(visitCount(t)).toBe(2);
  });

  it('answer the same across a restart, in a new session of the same person', async () => {
    const t = await site();
    const adam = await advisorAtDesk(t, 'Adam Advisor', 'Desk 1', ['C']);
    const rec = await staffSession(t, 'Rita Reception', 'receptionist');
    await t.site.call('issueTicket', issueInput(serviceIdOf(t, 'C')), rec.token);
    await t.site.call('issueTicket', issueInput(serviceIdOf(t, 'C')), rec.token);
    const called = await t.site.call('callNext', { deskId: adam.deskId }, adam.session.token, { idempotencyKey: keyA });

    // The hub restarts before the desk hears the answer: sessions are gone, the key is not.
    await reopen(t);
    const session = await t.site.call('signIn', { staffId: adam.session.staff.id, pin: '1357' }, null);
    const retried = await t.site.call('callNext', { deskId: adam.deskId }, session.token, { idempotencyKey: keyA });
    expect(retried).toEqual(called);
    const statuses = t.site.database.prepare('SELECT status FROM visits ORDER BY id').all();
    expect(statuses).toEqual([{ status: 'called' }, { status: 'waiting' }]);
  });

  it('are refused for another call or another person, and in a bad form, changing nothing', async () => {
    const t = await site();
    const rec = await staffSession(t, 'Rita Reception', 'receptionist');
    const other = await staffSession(t, 'Rob Reception', 'receptionist');
    const input = issueInput(serviceIdOf(t, 'C'));
    const first = await t.site.call('issueTicket', input, rec.token, { idempotencyKey: keyA });

    const otherPerson = await refusal(t.site.call('issueTicket', input, other.token, { idempotencyKey: keyA }));
    expect(otherPerson.code).toBe('conflict');
    const otherCall = await refusal(t.site.call('cancelTicket', { visitId: first.ticket.visitId }, rec.token, { idempotencyKey: keyA }));
    expect(otherCall.code).toBe('conflict');
    for (const bad of ['short', 'x'.repeat(129), 'has spaces in it here!', 'key-with-ünïcode-0000']) {
      const failure = await refusal(t.site.call('issueTicket', input, rec.token, { idempotencyKey: bad }));
      expect(failure.code).toBe('invalid-input');
      expect(failure.issues?.[0]?.path).toEqual(['idempotencyKey']);
    }
    expect(visitCount(t)).toBe(1);
    expect(t.site.database.prepare('SELECT status FROM visits').get()).toEqual({ status: 'waiting' });
    expect(keptCount(t)).toBe(1);
  });

  it('keep nothing for a refused call, so the same key works once the refusal is put right', async () => {
    const t = await site();
    const adam = await advisorAtDesk(t, 'Adam Advisor', 'Desk 1', ['C']);
    await t.site.call('closeDesk', { deskId: adam.deskId }, adam.session.token);
    const refused = await refusal(t.site.call('callNext', { deskId: adam.deskId }, adam.session.token, { idempotencyKey: keyA }));
    expect(refused.code).toBe('conflict');
    expect(keptCount(t)).toBe(0);
    await t.site.call('openDesk', { deskId: adam.deskId, serviceIds: [serviceIdOf(t, 'C')] }, adam.session.token);
    await t.site.call('issueTicket', issueInput(serviceIdOf(t, 'C')), managerToken(t));
    const called = await t.site.call('callNext', { deskId: adam.deskId }, adam.session.token, { idempotencyKey: keyA });
    expect(called).not.toBeNull();
  });

  it('are not kept for reads, nor for a sign-in, whose token never goes to disk', async () => {
    const t = await site();
    const token = managerToken(t);
    await t.site.call('getQueue', {}, token, { idempotencyKey: keyA });
    await t.site.call('getQueue', {}, token, { idempotencyKey: keyA });
    const one = await t.site.call('signIn', { staffId: t.manager.staff.id, pin: '2468' }, null, { idempotencyKey: keyB });
    const two = await t.site.call('signIn', { staffId: t.manager.staff.id, pin: '2468' }, null, { idempotencyKey: keyB });
    expect(one.token).not.toBe(two.token);
    expect(keptCount(t)).toBe(0);
  });

  it('are kept a day, then dropped by the purge; an erasure drops them all', async () => {
    const t = await site();
    const rec = await staffSession(t, 'Rita Reception', 'receptionist');
    const input = issueInput(serviceIdOf(t, 'C'), { name: 'Ada Lovelace' });
    const ticket = await t.site.call('issueTicket', input, rec.token, { idempotencyKey: keyA });
    t.clock.advance(23 * hour);
    t.site.purge('hourly');
    expect(keptCount(t)).toBe(1);
    t.clock.advance(2 * hour);
    t.site.purge('hourly');
    expect(keptCount(t)).toBe(0);

    // A kept answer quotes the visitor; erasing the visit must not leave it behind.
    const rec2 = await t.site.call('signIn', { staffId: rec.staff.id, pin: '1357' }, null);
    await t.site.call('cancelTicket', { visitId: ticket.ticket.visitId }, rec2.token, { idempotencyKey: keyB });
    expect(keptCount(t)).toBe(1);
    const manager = await t.site.call('signIn', { staffId: t.manager.staff.id, pin: '2468' }, null);
    await t.site.call(
      'eraseVisits',
      { visitIds: [ticket.ticket.visitId], reason: 'subject-request', caseReference: 'SAR-2026-0001', managerPin: '2468' },
      manager.token,
    );
    const answers = t.site.database.prepare('SELECT answer FROM call_answers').all() as Array<{ answer: string }>;
    expect(answers.some((row) => row.answer.includes('Ada Lovelace'))).toBe(false);
    expect(keptCount(t)).toBe(0);
  });
});
