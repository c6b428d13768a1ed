import { afterEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../shared/events.js';
import { openTestSite, staffSession, type TestSite } from '../../fixtures/temp-site.js';
import { advisorAtDesk, day, issue, minute, openAllHours, tuesday } from '../../fixtures/queue-fixtures.js';

/** getDisplayState: what the waiting-area screen shows, and the ticket-called event that updates it. */
let t: TestSite | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

async function world() {
  t = await openTestSite({ now: tuesday(10) });
  const s = t;
  await openAllHours(s);
  const rec = await staffSession(s, 'Rita Reception', 'receptionist');
  const desk = await advisorAtDesk(s, 'Adam Advisor', 'Desk 3', ['C']);
  return { s, rec, desk, token: desk.session.token };
}

const display = (s: TestSite) => s.site.call('getDisplayState', {}, null);
const calls = async (s: TestSite) => (await display(s)).recentCalls.map((c) => [c.number, c.deskName, c.current]);

describe('the display’s recent calls', () => {
  it('keeps a finished call as an earlier call at its desk, and marks only the ticket still called as current', async () => {
    const { s, rec, desk, token } = await world();
    await issue(s, rec.token, 'C');
    await issue(s, rec.token, 'C');
    const first = await s.site.call('callNext', { deskId: desk.deskId }, token);
    expect(await calls(s)).toEqual([['C001', 'Desk 3', true]]);
    s.clock.advance(minute);
    await s.site.call('startService', { visitId: first!.visitId }, token);
    // At the desk now: no longer calling, still on the list.
    expect(await calls(s)).toEqual([['C001', 'Desk 3', false]]);
    s.clock.advance(minute);
    await s.site.call('finishService', { visitId: first!.visitId, outcome: 'resolved' }, token);
    await s.site.call('callNext', { deskId: desk.deskId }, token);
    expect(await display(s)).toMatchObject({
      recentCalls: [
        { number: 'C002', deskName: 'Desk 3', calledAt: tuesday(10, 2), recall: false, current: true },
        { number: 'C001', deskName: 'Desk 3', calledAt: tuesday(10), recall: false, current: false },
      ],
    });
  });

  it('keeps a no-show and a parked ticket as earlier calls at the desk that called them', async () => {
    const { s, rec, desk, token } = await world();
    for (let i = 0; i < 3; i += 1) await issue(s, rec.token, 'C');
    const gone = await s.site.call('callNext', { deskId: desk.deskId }, token);
    await s.site.call('markNoShow', { visitId: gone!.visitId }, token);
    s.clock.advance(minute);
    const parked = await s.site.call('callNext', { deskId: desk.deskId }, token);
    await s.site.call('parkTicket', { visitId: parked!.visitId }, token);
    s.clock.advance(minute);
    await s.site.call('callNext', { deskId: desk.deskId }, token);
    expect(await calls(s)).toEqual([
      ['C003', 'Desk 3', true],
      ['C002', 'Desk 3', false],
      ['C001', 'Desk 3', false],
    ]);
  });

  it('lists the latest six calls, newest first; a recall comes back to the top as a recall', async () => {
    const { s, rec, desk, token } = await world();
    for (let i = 0; i < 8; i += 1) await issue(s, rec.token, 'C');
    for (let i = 0; i < 8; i += 1) {
      s.clock.advance(minute);
      const called = await s.site.call('callNext', { deskId: desk.deskId }, token);
      if (i < 7) await s.site.call('markNoShow', { visitId: called!.visitId }, token);
    }
    expect((await calls(s)).map(([n]) => n)).toEqual(['C008', 'C007', 'C006', 'C005', 'C004', 'C003']);
    s.clock.advance(minute);
    const latest = (await display(s)).recentCalls[0]!;
    await s.site.call('recallTicket', { visitId: (await s.site.call('getQueue', {}, token)).find((q) => q.number === 'C008')!.visitId }, token);
    expect((await display(s)).recentCalls[0]).toEqual({ ...latest, calledAt: tuesday(10, 9), recall: true });
  });

  it('shows the same call as the ticket-called event announced', async () => {
    const { s, rec, desk, token } = await world();
    await issue(s, rec.token, 'C');
    const seen: DeskEvent[] = [];
    s.site.subscribe((event) => seen.push(event));
    await s.site.call('callNext', { deskId: desk.deskId }, token);
    const announced = seen.find((e) => e.type === 'ticket-called');
    expect(announced).toEqual({ type: 'ticket-called', call: (await display(s)).recentCalls[0] });
    expect(announced).toMatchObject({ call: { current: true } });
  });

  it('starts each day empty: yesterday’s calls are not shown', async () => {
    const { s, rec, desk, token } = await world();
    await issue(s, rec.token, 'C');
    const called = await s.site.call('callNext', { deskId: desk.deskId }, token);
    await s.site.call('startService', { visitId: called!.visitId }, token);
    await s.site.call('finishService', { visitId: called!.visitId, outcome: 'resolved' }, token);
    s.clock.set(tuesday(9, 0, 1));
    expect((await display(s)).recentCalls).toEqual([]);
  });

  it('goes through indexes only, never a scan of the visits', async () => {
    const { s, rec, desk, token } = await world();
    await issue(s, rec.token, 'C');
    await s.site.call('callNext', { deskId: desk.deskId }, token);
    const db = s.site.database;
    const prepare = db.prepare.bind(db);
    const texts: string[] = [];
    db.prepare = ((sql: string) => {
      texts.push(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    try {
      await display(s);
    } finally {
      db.prepare = prepare;
    }
    const visitQueries = texts.filter((sql) => /\bvisits v\b/.test(sql));
    expect(visitQueries).toHaveLength(2);
    for (const sql of visitQueries) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ day: '2026-11-24', startsAt: tuesday(0) }) as Array<{ detail: string }>).map((r) => r.detail);
      expect(plan.filter((d) => /^(SCAN|SEARCH) v\b/.test(d)).every((d) => /USING INDEX/.test(d)), plan.join('\n')).toBe(true);
      expect(plan.some((d) => /^SEARCH v\b/.test(d)), plan.join('\n')).toBe(true);
    }
  });
});

describe('the display’s waiting counts', () => {
  it('omits a service no open desk serves and nobody waits for, and keeps one with people waiting', async () => {
    const { s, rec } = await world();
    // Desk 3 serves Council Tax; nobody serves Benefits, but someone waits for it.
    await issue(s, rec.token, 'B');
    await issue(s, rec.token, 'B');
    expect((await display(s)).waiting).toEqual([
      { serviceName: 'Council Tax', letter: 'C', count: 0 },
      { serviceName: 'Benefits', letter: 'B', count: 2 },
    ]);
  });

  it('drops a service whose only desk is paused once nobody waits for it, and keeps it while someone does', async () => {
    const { s, rec, desk, token } = await world();
    await s.site.call('pauseDesk', { deskId: desk.deskId, reason: 'break' }, token);
    expect((await display(s)).waiting).toEqual([]);
    await issue(s, rec.token, 'C');
    expect((await display(s)).waiting).toEqual([{ serviceName: 'Council Tax', letter: 'C', count: 1 }]);
    await s.site.call('resumeDesk', { deskId: desk.deskId }, token);
    await s.site.call('callNext', { deskId: desk.deskId }, token);
    expect((await display(s)).waiting).toEqual([{ serviceName: 'Council Tax', letter: 'C', count: 0 }]);
  });

  it('starts the next day empty once the site’s clock has closed the day: its tickets and its desks', async () => {
    const { s, rec } = await world();
    await issue(s, rec.token, 'C');
    await issue(s, rec.token, 'B');
    s.clock.advance(day);
    s.site.tick();
    expect((await display(s)).waiting).toEqual([]);
  });
});
