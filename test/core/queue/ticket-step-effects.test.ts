import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/domain/staff.js';
import type { VisitStatus } from '../../../shared/domain/visit.js';
import type { DeskEvent } from '../../../shared/events.js';
import { openTestSite, staffSession, type TestSite } from '../../fixtures/temp-site.js';
import { advisorAtDesk, deskIdOf, issue, london, serviceIdOf, visitRow } from '../../fixtures/queue-fixtures.js';

/*
 * What each step of a ticket's life does, written out again from docs/design.md rather than read from
 * the table in ticket-steps.ts (ticket-step-table.test.ts checks the calls against that table;
 * this checks the table against the design): the columns it sets, the events it sends and the
 * audit line it writes. Statuses each step may start from are ticket-steps.test.ts's.
 */

type Row = Record<string, unknown>;

let t: TestSite;
let rec: Session;
let adv: { session: Session; deskId: number };
let desk2: number;
let events: DeskEvent[];

beforeEach(async () => {
  t = await openTestSite({ now: london(2026, 11, 24, 10) });
  rec = await staffSession(t, 'Rita Reception', 'receptionist');
  adv = await advisorAtDesk(t, 'Adam Advisor', 'Desk 1', ['C']);
  desk2 = deskIdOf(t, 'Desk 2');
  await t.site.call('openDesk', { deskId: desk2, serviceIds: [serviceIdOf(t, 'C')] }, t.manager.token);
  events = [];
  t.site.subscribe((event) => events.push(event));
});
afterEach(() => t.close());

const row = (visitId: number): Row => visitRow(t, visitId)!;
const m = () => t.manager.token;
const me = () => t.manager.staff.id;
const tick = () => t.clock.advance(60_000);

/** A ticket brought to `status` by Adam at Desk 1, a minute passing between steps. */
async function ticketIn(status: 'waiting' | 'called' | 'serving' | 'parked' | 'no-show'): Promise<number> {
  const visitId = (await issue(t, rec.token, 'C')).ticket.visitId;
  const a = adv.session.token;
  tick();
  if (status === 'waiting') return visitId;
  await t.site.call('callTicket', { deskId: adv.deskId, visitId }, a);
  tick();
  if (status === 'no-show') await t.site.call('markNoShow', { visitId }, a);
  if (status === 'called' || status === 'no-show') return tick(), visitId;
  await t.site.call('startService', { visitId }, a);
  tick();
  if (status === 'parked') await t.site.call('parkTicket', { visitId }, a);
  return tick(), visitId;
}

/** The audit lines a step wrote, newest last. */
function auditSince(id: number): Array<{ action: string; target_id: number | null; staff_id: number | null }> {
  return t.site.database.prepare('SELECT action, target_id, staff_id FROM audit WHERE id > ? ORDER BY id').all(id) as never;
}
const lastAuditId = () => (t.site.database.prepare('SELECT coalesce(max(id), 0) AS id FROM audit').get() as { id: number }).id;

/** Takes `step` and checks the row became `before` with `changes`, and the events and audit line given. */
async function expectStep(
  visitId: number,
  take: () => Promise<unknown>,
  expected: { status: VisitStatus; changes: (before: Row, now: number) => Row; events: (after: Row, now: number) => DeskEvent[]; audit: string | null },
): Promise<void> {
  const before = row(visitId);
  const auditFrom = lastAuditId();
  events.length = 0;
  await take();
  const now = t.clock.now();
  const after = row(visitId);
  expect(after).toEqual({ ...before, status: expected.status, ...expected.changes(before, now) });
  expect(events).toEqual(expected.events(after, now));
  expect(auditSince(auditFrom).filter((a) => a.action.startsWith('visit.'))).toEqual(
    expected.audit === null ? [] : [{ action: expected.audit, target_id: visitId, staff_id: me() }],
  );
}

const queueChanged = (_after: Row, now: number): DeskEvent[] => [{ type: 'queue-changed', at: now }];
const deskName = (deskId: unknown) => (t.site.database.prepare('SELECT name FROM desks WHERE id = ?').get(deskId) as { name: string }).name;
const announced =
  (recall: boolean) =>
  (after: Row, now: number): DeskEvent[] => [
    { type: 'ticket-called', call: { number: after.number as string, deskName: deskName(after.desk_id), calledAt: now, recall, current: true } },
    { type: 'queue-changed', at: now },
  ];
/** Called to a desk: the desk (also as the last desk, which decides who may read the visitor), the advisor, when. */
const calledTo = (deskId: number) => (before: Row, now: number) => ({
  desk_id: deskId,
  last_desk_id: deskId,
  advisor_id: me(),
  called_at: now,
  first_called_at: before.first_called_at ?? now,
});

describe('calling', () => {
  it('calls the next ticket to the desk, for the advisor calling, announcing it', async () => {
    const visitId = await ticketIn('waiting');
    await expectStep(visitId, () => t.site.call('callNext', { deskId: desk2 }, m()), {
      status: 'called',
      changes: calledTo(desk2),
      events: announced(false),
      audit: 'visit.call',
    });
  });

  it('calls a chosen ticket out of order the same way', async () => {
    const visitId = await ticketIn('waiting');
    await expectStep(visitId, () => t.site.call('callTicket', { deskId: desk2, visitId }, m()), {
      status: 'called',
      changes: calledTo(desk2),
      events: announced(false),
      audit: 'visit.call',
    });
  });

  it('recalls a called ticket to the same desk, counting the recall, keeping the first call time and announcing it as a recall', async () => {
    const visitId = await ticketIn('called');
    const first = row(visitId).first_called_at;
    await expectStep(visitId, () => t.site.call('recallTicket', { visitId }, m()), {
      status: 'called',
      changes: (before, now) => ({ ...calledTo(adv.deskId)(before, now), recalls: (before.recalls as number) + 1 }),
      events: announced(true),
      audit: 'visit.recall',
    });
    expect(row(visitId).first_called_at).toBe(first);
  });

  it('resumes a parked ticket at a desk, as a new call', async () => {
    const visitId = await ticketIn('parked');
    await expectStep(visitId, () => t.site.call('resumeTicket', { visitId, deskId: desk2 }, m()), {
      status: 'called',
      changes: calledTo(desk2),
      events: announced(false),
      audit: 'visit.resume',
    });
  });
});

describe('serving', () => {
  it('starts serving a called ticket', async () => {
    const visitId = await ticketIn('called');
    await expectStep(visitId, () => t.site.call('startService', { visitId }, m()), {
      status: 'serving',
      changes: (_b, now) => ({ started_at: now }),
      events: queueChanged,
      audit: 'visit.start',
    });
  });

  it('finishes with the outcome and the note given', async () => {
    const visitId = await ticketIn('serving');
    await expectStep(visitId, () => t.site.call('finishService', { visitId, outcome: 'referred', note: 'Sent to Benefits' }, m()), {
      status: 'finished',
      changes: (_b, now) => ({ finished_at: now, outcome: 'referred', note: 'Sent to Benefits' }),
      events: queueChanged,
      audit: 'visit.finish',
    });
  });

  it('finishes with a blank note keeping the note written before', async () => {
    const visitId = await ticketIn('called');
    await t.site.call('openDesk', { deskId: desk2, serviceIds: [serviceIdOf(t, 'C'), serviceIdOf(t, 'B')] }, m());
    await t.site.call('transferTicket', { visitId, serviceId: serviceIdOf(t, 'B'), note: 'Needs a letter' }, m());
    await t.site.call('callTicket', { deskId: desk2, visitId }, m());
    await t.site.call('startService', { visitId }, m());
    tick();
    await expectStep(visitId, () => t.site.call('finishService', { visitId, outcome: 'resolved', note: ' ' }, m()), {
      status: 'finished',
      changes: (_b, now) => ({ finished_at: now, outcome: 'resolved' }),
      events: queueChanged,
      audit: 'visit.finish',
    });
    expect(row(visitId).note).toBe('Needs a letter');
  });

  it('transfers a called or served ticket back to waiting for another service, off the desk, keeping its place and its last desk', async () => {
    for (const from of ['called', 'serving'] as const) {
      const visitId = await ticketIn(from);
      const housing = serviceIdOf(t, 'H');
      await expectStep(visitId, () => t.site.call('transferTicket', { visitId, serviceId: housing, note: 'Rent arrears' }, m()), {
        status: 'waiting',
        changes: (before) => ({
          service_id: housing,
          desk_id: null,
          advisor_id: null,
          called_at: null,
          started_at: null,
          transfers: (before.transfers as number) + 1,
          note: 'Rent arrears',
        }),
        events: queueChanged,
        audit: 'visit.transfer',
      });
    }
  });

  it('parks a called or served ticket off the desk, keeping its advisor', async () => {
    for (const from of ['called', 'serving'] as const) {
      const visitId = await ticketIn(from);
      await expectStep(visitId, () => t.site.call('parkTicket', { visitId }, m()), {
        status: 'parked',
        changes: () => ({ desk_id: null }),
        events: queueChanged,
        audit: 'visit.park',
      });
    }
  });
});

describe('endings and second chances', () => {
  it('marks a called ticket a no-show', async () => {
    const visitId = await ticketIn('called');
    await expectStep(visitId, () => t.site.call('markNoShow', { visitId }, m()), {
      status: 'no-show',
      changes: (_b, now) => ({ outcome: 'no-show', finished_at: now }),
      events: queueChanged,
      audit: 'visit.no-show',
    });
  });

  it('reinstates a no-show as waiting, with no outcome, no desk and no call', async () => {
    const visitId = await ticketIn('no-show');
    await expectStep(visitId, () => t.site.call('reinstateTicket', { visitId }, m()), {
      status: 'waiting',
      changes: () => ({ outcome: null, finished_at: null, desk_id: null, advisor_id: null, called_at: null }),
      events: queueChanged,
      audit: 'visit.reinstate',
    });
  });

  it('cancels a waiting, parked or called ticket', async () => {
    for (const from of ['waiting', 'parked', 'called'] as const) {
      const visitId = await ticketIn(from);
      await expectStep(visitId, () => t.site.call('cancelTicket', { visitId }, m()), {
        status: 'cancelled',
        changes: (_b, now) => ({ outcome: 'cancelled', finished_at: now }),
        events: queueChanged,
        audit: 'visit.cancel',
      });
    }
  });
});

describe('steps the site takes', () => {
  it('puts a closing desk’s called ticket back in line, off the desk, audited as the desk’s closing only', async () => {
    const visitId = await ticketIn('called');
    const auditFrom = lastAuditId();
    await expectStep(visitId, () => t.site.call('closeDesk', { deskId: adv.deskId }, adv.session.token), {
      status: 'waiting',
      changes: () => ({ desk_id: null, advisor_id: null, called_at: null }),
      events: queueChanged,
      audit: null,
    });
    expect(auditSince(auditFrom).map((a) => a.action)).toEqual(['desk.close']);
  });

  it('closes what the day left open, as closed at the end of the day, unaudited', async () => {
    const waiting = await ticketIn('waiting');
    const parked = await ticketIn('parked');
    const serving = await ticketIn('serving');
    const closing = london(2026, 11, 24, 17, 0);
    for (const [visitId, at] of [
      [waiting, closing],
      [serving, london(2026, 11, 25, 8, 0)],
    ] as const) {
      const before = row(visitId);
      const parkedBefore = row(parked);
      const auditFrom = lastAuditId();
      t.clock.set(at);
      events.length = 0;
      t.site.tick();
      expect(row(visitId)).toEqual({ ...before, status: 'closed', outcome: 'closed-end-of-day', finished_at: at });
      if (visitId === waiting) expect(row(parked)).toEqual({ ...parkedBefore, status: 'closed', outcome: 'closed-end-of-day', finished_at: at });
      expect(events).toContainEqual({ type: 'queue-changed', at });
      expect(auditSince(auditFrom).filter((a) => a.action.startsWith('visit.'))).toEqual([]);
    }
  });
});
