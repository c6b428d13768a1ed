import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visitStatuses, type VisitStatus } from '../../../shared/domain/visit.js';
import type { Session } from '../../../shared/domain/staff.js';
import type { DeskEvent } from '../../../shared/events.js';
import { writeAudit } from '../../../electron/core/audit.js';
import { takeStep, ticketSteps, type StepContext, type StepParams, type TicketStep } from '../../../electron/core/queue/ticket-steps.js';
import { getVisitRow } from '../../../electron/core/queue/visit-records.js';
import { openTestSite, staffSession, type TestSite } from '../../fixtures/temp-site.js';
import { advisorAtDesk, deskIdOf, issue, london, queueState, serviceIdOf, visitRow } from '../../fixtures/queue-fixtures.js';

/**
 * Every step from every status against the table in electron/core/queue/ticket-steps.ts, on a real
 * encrypted store: an allowed step lands in the declared status with exactly the declared columns
 * changed, the declared events sent and the declared audit line written; any other is a
 * `conflict` in the front desk's words that changes nothing at all.
 */

type Row = Record<string, unknown>;

/** The existing refusal, word for word: "Ticket C001 is parked, so it cannot be started." */
const statusWords: Record<VisitStatus, string> = {
  waiting: 'waiting',
  called: 'called to a desk',
  serving: 'being served',
  parked: 'parked',
  finished: 'finished',
  'no-show': 'a no-show',
  cancelled: 'cancelled',
  closed: 'closed at the end of the day',
};
const verbs: Record<TicketStep, string> = {
  call: 'called',
  'call-out-of-order': 'called',
  recall: 'recalled',
  start: 'started',
  finish: 'finished',
  transfer: 'transferred',
  park: 'parked',
  resume: 'resumed',
  'no-show': 'marked as a no-show',
  reinstate: 'reinstated',
  cancel: 'cancelled',
  'return-to-queue': 'put back in the queue',
  close: 'closed at the end of the day',
};
const allSteps = Object.keys(verbs) as TicketStep[];

/** What a declared column's SQL comes to, worked out by hand from the row before and the step's parameters. */
function valueOf(sql: string, before: Row, params: Row): unknown {
  let m: RegExpExecArray | null;
  if (sql === 'NULL') return null;
  if ((m = /^'([^']*)'$/.exec(sql))) return m[1];
  if ((m = /^@(\w+)$/.exec(sql))) {
    if (!(m[1]! in params)) throw new Error(`no parameter ${m[1]}`);
    return params[m[1]!];
  }
  if ((m = /^coalesce\((.+), (.+)\)$/.exec(sql))) return valueOf(m[1]!, before, params) ?? valueOf(m[2]!, before, params);
  if ((m = /^(\w+) \+ 1$/.exec(sql))) return (before[m[1]!] as number) + 1;
  if ((m = /^(\w+)$/.exec(sql)) && m[1]! in before) return before[m[1]!];
  throw new Error(`this test cannot read ${sql}`);
}

function expectLanded(step: TicketStep, before: Row, after: Row, params: Row): void {
  const declared = ticketSteps[step];
  const set = declared.set as Readonly<Record<string, string>>;
  expect(after.status, `${step} from ${String(before.status)}`).toBe(declared.to);
  for (const column of Object.keys(before).filter((c) => c !== 'status')) {
    const expected = column in set ? valueOf(set[column]!, before, params) : before[column];
    expect(after[column], `${step} from ${String(before.status)}: ${column}`).toEqual(expected);
  }
}

let t: TestSite;
let rec: Session;
let adv: { session: Session; deskId: number };
let managerDesk: number;
let events: DeskEvent[];

beforeEach(async () => {
  t = await openTestSite();
  rec = await staffSession(t, 'Rita Reception', 'receptionist');
  adv = await advisorAtDesk(t, 'Adam Advisor', 'Desk 1', ['C']);
  managerDesk = deskIdOf(t, 'Desk 2');
  await t.site.call('openDesk', { deskId: managerDesk, serviceIds: [serviceIdOf(t, 'C')] }, t.manager.token);
  events = [];
  t.site.subscribe((event) => events.push(event));
});
afterEach(() => t.close());

const row = (visitId: number): Row => visitRow(t, visitId)!;
const deskNameOf = (deskId: unknown) => (t.site.database.prepare('SELECT name FROM desks WHERE id = ?').get(deskId) as { name: string }).name;
const lastAudit = () => t.site.database.prepare('SELECT action, target_type, target_id, staff_id FROM audit ORDER BY id DESC LIMIT 1').get();

function expectedEvents(step: TicketStep, after: Row, now: number): DeskEvent[] {
  return ticketSteps[step].events.map((type): DeskEvent =>
    type === 'queue-changed'
      ? { type, at: now }
      : { type, call: { number: after.number as string, deskName: deskNameOf(after.desk_id), calledAt: now, recall: step === 'recall', current: true } },
  );
}

/** A new ticket brought to `target` by real steps at Desk 1 — or, for closed, set so in the store. */
async function ticketIn(target: VisitStatus): Promise<number> {
  const visitId = (await issue(t, rec.token, 'C')).ticket.visitId;
  const a = adv.session.token;
  if (target === 'cancelled') await t.site.call('cancelTicket', { visitId }, rec.token);
  if (target === 'closed') {
    t.site.database
      .prepare("UPDATE visits SET status = 'closed', outcome = 'closed-end-of-day', finished_at = @now WHERE id = @visitId")
      .run({ visitId, now: t.clock.now() });
  }
  if (target === 'waiting' || target === 'cancelled' || target === 'closed') return visitId;
  await t.site.call('callTicket', { deskId: adv.deskId, visitId }, a);
  if (target === 'no-show') await t.site.call('markNoShow', { visitId }, a);
  if (target === 'called' || target === 'no-show') return visitId;
  await t.site.call('startService', { visitId }, a);
  if (target === 'parked') await t.site.call('parkTicket', { visitId }, a);
  if (target === 'finished') await t.site.call('finishService', { visitId, outcome: 'resolved' }, a);
  return visitId;
}

/** Out of the way for the next case: no ticket left waiting or holding a desk. */
async function clearAway(visitId: number): Promise<void> {
  const m = t.manager.token;
  const status = row(visitId).status as VisitStatus;
  if (status === 'waiting' || status === 'parked') await t.site.call('cancelTicket', { visitId }, m);
  if (status === 'called') await t.site.call('markNoShow', { visitId }, m);
  if (status === 'serving') await t.site.call('finishService', { visitId, outcome: 'resolved' }, m);
}

/** Expects `attempt` to be refused as a conflict in the existing words, changing nothing and telling nobody. */
async function expectConflict(step: TicketStep, visitId: number, attempt: () => unknown): Promise<void> {
  const before = row(visitId);
  const store = queueState(t);
  const failure = await Promise.resolve().then(attempt).then(() => 'taken', (error: unknown) => error);
  expect(failure, `${step} from ${String(before.status)}`).toMatchObject({
    code: 'conflict',
    message: `Ticket ${before.number as string} is ${statusWords[before.status as VisitStatus]}, so it cannot be ${verbs[step]}.`,
  });
  expect(queueState(t)).toEqual(store);
  expect(events).toEqual([]);
}

/** The steps the front desk takes through a call, by the manager at Desk 2, with the parameters the call gives the step. */
type CalledStep = Exclude<TicketStep, 'return-to-queue' | 'close'>;
function byCall(step: CalledStep, visitId: number): { attempt: () => Promise<unknown>; params: Row } {
  const m = t.manager.token;
  const manager = t.manager.staff.id;
  const atManagerDesk = { deskId: managerDesk, advisorId: manager };
  const note = 'Brought a bill from March';
  const calls: { [S in CalledStep]: [() => Promise<unknown>, StepParams[S]] } = {
    call: [() => t.site.call('callNext', { deskId: managerDesk }, m), atManagerDesk],
    'call-out-of-order': [() => t.site.call('callTicket', { deskId: managerDesk, visitId }, m), atManagerDesk],
    recall: [() => t.site.call('recallTicket', { visitId }, m), { deskId: row(visitId).desk_id as number, advisorId: manager }],
    start: [() => t.site.call('startService', { visitId }, m), {}],
    finish: [() => t.site.call('finishService', { visitId, outcome: 'referred', note }, m), { outcome: 'referred', note }],
    transfer: [() => t.site.call('transferTicket', { visitId, serviceId: serviceIdOf(t, 'H'), note }, m), { serviceId: serviceIdOf(t, 'H'), note }],
    park: [() => t.site.call('parkTicket', { visitId }, m), {}],
    resume: [() => t.site.call('resumeTicket', { visitId, deskId: managerDesk }, m), atManagerDesk],
    'no-show': [() => t.site.call('markNoShow', { visitId }, m), {}],
    reinstate: [() => t.site.call('reinstateTicket', { visitId }, m), {}],
    cancel: [() => t.site.call('cancelTicket', { visitId }, m), {}],
  };
  const [attempt, params] = calls[step];
  return { attempt, params: { ...params, now: t.clock.now() } };
}

describe('the ticket step table', () => {
  it('declares every step of a ticket’s life, each from statuses a ticket can be in', () => {
    expect(Object.keys(ticketSteps).sort()).toEqual([...allSteps].sort());
    for (const step of allSteps) {
      expect(ticketSteps[step].from.length, step).toBeGreaterThan(0);
      expect(ticketSteps[step].from.every((s) => visitStatuses.includes(s)), step).toBe(true);
    }
  });

  it('takes every step the front desk calls from every status: declared status, columns, events and audit, or a conflict that changes nothing', async () => {
    const calledSteps = allSteps.filter((s): s is CalledStep => s !== 'return-to-queue' && s !== 'close');
    let taken = 0;
    for (const step of calledSteps) {
      for (const from of visitStatuses) {
        const visitId = await ticketIn(from);
        t.clock.advance(1000);
        const { attempt, params } = byCall(step, visitId);
        const before = row(visitId);
        events.length = 0;
        if ((ticketSteps[step].from as readonly VisitStatus[]).includes(from)) {
          await attempt();
          const after = row(visitId);
          expectLanded(step, before, after, params);
          expect(events, `${step} from ${from}`).toEqual(expectedEvents(step, after, t.clock.now()));
          expect(lastAudit()).toEqual({ action: ticketSteps[step].audit, target_type: 'visit', target_id: visitId, staff_id: t.manager.staff.id });
          taken += 1;
        } else if (step === 'call') {
          // Calling next only ever picks a waiting ticket: from any other status there is nobody to call.
          const store = queueState(t);
          expect(await attempt()).toBeNull();
          expect(queueState(t)).toEqual(store);
          expect(events).toEqual([]);
        } else {
          await expectConflict(step, visitId, attempt);
        }
        await clearAway(visitId);
      }
    }
    // The pairs docs/design.md's state machine allows: the 14 of ticket-steps.test.ts, and calling out of order from waiting.
    expect(taken).toBe(15);
  });

  it('has takeStep itself refuse every step from every status the table does not allow, and take the others as declared', async () => {
    const db = t.site.database;
    const manager = t.manager.staff.id;
    const params: { [S in TicketStep]: StepParams[S] } = {
      call: { deskId: managerDesk, advisorId: manager },
      'call-out-of-order': { deskId: managerDesk, advisorId: manager },
      recall: { deskId: adv.deskId, advisorId: manager },
      start: {},
      finish: { outcome: 'resolved', note: null },
      transfer: { serviceId: serviceIdOf(t, 'H'), note: null },
      park: {},
      resume: { deskId: managerDesk, advisorId: manager },
      'no-show': {},
      reinstate: {},
      cancel: {},
      'return-to-queue': {},
      close: {},
    };
    for (const step of allSteps) {
      for (const from of visitStatuses) {
        const visitId = await ticketIn(from);
        t.clock.advance(1000);
        const now = t.clock.now();
        const sent: DeskEvent[] = [];
        const ctx: StepContext = {
          db,
          now,
          audit: (action, target) => writeAudit(db, { at: now, staffId: manager, action, ...(target ? { target } : {}) }),
          emit: (event) => sent.push(event),
        };
        // As the site runs a call: in one transaction, rolled back when refused.
        events.length = 0;
        const take = () => db.transaction(() => takeStep(ctx, getVisitRow(db, visitId), step, params[step])).immediate();
        const before = row(visitId);
        if ((ticketSteps[step].from as readonly VisitStatus[]).includes(from)) {
          const auditLines = queueState(t) as { audit: { n: number } };
          const ticket = take();
          const after = row(visitId);
          expectLanded(step, before, after, { ...params[step], now });
          expect(ticket).toMatchObject({ visitId, status: ticketSteps[step].to });
          expect(sent).toEqual(expectedEvents(step, after, now));
          const audit = ticketSteps[step].audit;
          expect((queueState(t) as { audit: { n: number } }).audit.n).toBe(auditLines.audit.n + (audit === null ? 0 : 1));
          if (audit !== null) expect(lastAudit()).toMatchObject({ action: audit, target_id: visitId });
        } else {
          await expectConflict(step, visitId, take);
          expect(sent).toEqual([]);
        }
        await clearAway(visitId);
      }
    }
  });

  it('puts a closing desk’s called ticket back in the queue as declared, and leaves its others alone', async () => {
    for (const from of visitStatuses) {
      const visitId = await ticketIn(from);
      t.clock.advance(1000);
      const before = row(visitId);
      events.length = 0;
      const closing = () => t.site.call('closeDesk', { deskId: adv.deskId }, adv.session.token);
      if (from === 'serving') {
        // A desk with someone at it does not close at all.
        const store = queueState(t);
        await expect(closing()).rejects.toMatchObject({ code: 'conflict' });
        expect(queueState(t)).toEqual(store);
      } else {
        await closing();
        if ((ticketSteps['return-to-queue'].from as readonly VisitStatus[]).includes(from)) {
          expectLanded('return-to-queue', before, row(visitId), { now: t.clock.now() });
        } else {
          expect(row(visitId)).toEqual(before);
        }
        expect(events).toEqual([{ type: 'queue-changed', at: t.clock.now() }]);
        await t.site.call('openDesk', { deskId: adv.deskId, serviceIds: [serviceIdOf(t, 'C')] }, adv.session.token);
      }
      await clearAway(visitId);
    }
  });

  it('closes at the end of the day, in bulk, what the declared close step may close: today’s queue at closing, the rest on a later day', async () => {
    // One ticket in every status, side by side: the one being served at Desk 1 last, the called one at Desk 2.
    const ids = new Map<VisitStatus, number>();
    for (const status of visitStatuses.filter((s) => s !== 'called' && s !== 'serving')) ids.set(status, await ticketIn(status));
    ids.set('serving', await ticketIn('serving'));
    const called = (await issue(t, rec.token, 'C')).ticket.visitId;
    await t.site.call('callTicket', { deskId: managerDesk, visitId: called }, t.manager.token);
    ids.set('called', called);
    const closes = ticketSteps.close.from as readonly VisitStatus[];

    const atClosing = london(2026, 11, 24, 17, 0);
    const nextMorning = london(2026, 11, 25, 8, 45);
    const ticks: Array<[number, readonly VisitStatus[]]> = [
      [atClosing, ['waiting', 'parked']],
      [nextMorning, closes],
    ];
    for (const [now, closing] of ticks) {
      const before = new Map([...ids].map(([status, id]) => [status, row(id)]));
      events.length = 0;
      t.clock.set(now);
      t.site.tick();
      for (const [status, id] of ids) {
        const was = before.get(status)!;
        if (closing.includes(status) && closes.includes(was.status as VisitStatus)) {
          expectLanded('close', was, row(id), { now });
        } else {
          expect(row(id), `${status} at ${new Date(now).toISOString()}`).toEqual(was);
        }
      }
      expect(events).toEqual([{ type: 'queue-changed', at: now }]);
    }
    // By the next morning every ticket the day left open is closed; the rest kept their ending.
    expect(visitStatuses.map((s) => row(ids.get(s)!).status)).toEqual(visitStatuses.map((s) => (closes.includes(s) ? 'closed' : s)));
  });
});

describe('where a ticket’s status changes', () => {
  it('writes UPDATE visits SET status in one source file under electron/, the step table’s', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
    const files = fs
      .readdirSync(path.join(root, 'electron'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|tsx|mts|cts|js|mjs)$/.test(f))
      .map((f) => path.join('electron', f));
    const setsStatus = (pattern: RegExp) =>
      files.filter((f) => pattern.test(fs.readFileSync(path.join(root, f), 'utf8'))).map((f) => f.split(path.sep).join('/'));
    expect(setsStatus(/UPDATE\s+visits\s+SET\s+status\b/i)).toEqual(['electron/core/queue/ticket-steps.ts']);
    // Nor does any other file set the status further along an UPDATE's SET list.
    expect(setsStatus(/UPDATE\s+visits\s+SET\s(?:(?!\bWHERE\b)[^;])*?\bstatus\s*=/i)).toEqual(['electron/core/queue/ticket-steps.ts']);
  });
});
