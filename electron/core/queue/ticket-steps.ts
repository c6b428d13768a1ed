import type { ServiceOutcome, TicketView, VisitStatus } from '../../../shared/domain/visit.js';
import { DeskFailure } from '../../../shared/errors.js';
import type { DeskEvent } from '../../../shared/events.js';
import { errorText as t, type ErrorText } from '../../../shared/i18n/catalogue.js';
import type { AuditAction } from '../audit.js';
import type { CallContext } from '../call-context.js';
import type { Db } from '../store/open-database.js';
import { deskName } from './desk-sessions.js';
import { getTicket, type VisitRow } from './visit-records.js';

/**
 * A ticket's life, in one place: every step a ticket can take, declared once — the statuses it
 * may start from, the status it leaves the ticket in, the columns it sets, the events it sends
 * and what the audit log records. `takeStep` is the only code that changes a visit's status
 * (`UPDATE visits SET status` is written in this file and nowhere else).
 */

/** What a step's SQL may set: anything but the id and the status (which is the step's `to`). */
type StepColumn = Exclude<keyof VisitRow, 'id' | 'status'>;

interface StepDeclaration {
  from: readonly VisitStatus[];
  to: VisitStatus;
  /** Each column set and its SQL, over the step's named parameters plus `@now`. */
  set: Readonly<Partial<Record<StepColumn, string>>>;
  /** Sent after the call commits. `ticket-called` tells the waiting-area screen, `recall` when a recall. */
  events: ReadonlyArray<'ticket-called' | 'queue-changed'>;
  audit: AuditAction | null;
}

type NoParams = Record<never, never>;
/** The desk a ticket is called to and the advisor calling it. */
interface AtDesk {
  deskId: number;
  advisorId: number;
}
/** A blank note leaves the visit's note as it was. */
interface WithNote {
  note: string | null;
}

/** The named parameters each step's `set` uses, besides `@now` (always the call's clock). */
export interface StepParams {
  call: AtDesk;
  'call-out-of-order': AtDesk;
  recall: AtDesk;
  start: NoParams;
  finish: WithNote & { outcome: ServiceOutcome };
  transfer: WithNote & { serviceId: number };
  park: NoParams;
  resume: AtDesk;
  'no-show': NoParams;
  reinstate: NoParams;
  cancel: NoParams;
  /** A desk closing puts the ticket it called, not yet started, back in its place in line. */
  'return-to-queue': NoParams;
  /** End of day (site-day.ts): what the day left open is closed so tomorrow starts empty. */
  close: NoParams;
}

/**
 * Called to a desk. `last_desk_id` is the desk a visit was last called to, which decides who may
 * read the visitor's details (visit-access.ts): set on every call, kept through park, transfer and
 * finish, never cleared.
 */
const calledTo = {
  desk_id: '@deskId',
  last_desk_id: '@deskId',
  advisor_id: '@advisorId',
  called_at: '@now',
  first_called_at: 'coalesce(first_called_at, @now)',
} as const;

const announced = ['ticket-called', 'queue-changed'] as const;
const changed = ['queue-changed'] as const;

export const ticketSteps = {
  call: { from: ['waiting'], to: 'called', set: calledTo, events: announced, audit: 'visit.call' },
  'call-out-of-order': { from: ['waiting'], to: 'called', set: calledTo, events: announced, audit: 'visit.call' },
  recall: { from: ['called'], to: 'called', set: { ...calledTo, recalls: 'recalls + 1' }, events: announced, audit: 'visit.recall' },
  start: { from: ['called'], to: 'serving', set: { started_at: '@now' }, events: changed, audit: 'visit.start' },
  finish: {
    from: ['serving'],
    to: 'finished',
    set: { finished_at: '@now', outcome: '@outcome', note: 'coalesce(@note, note)' },
    events: changed,
    audit: 'visit.finish',
  },
  // The visitor keeps the number on their paper and their original place in line (queued_at).
  transfer: {
    from: ['called', 'serving'],
    to: 'waiting',
    set: {
      service_id: '@serviceId',
      desk_id: 'NULL',
      advisor_id: 'NULL',
      called_at: 'NULL',
      started_at: 'NULL',
      transfers: 'transfers + 1',
      note: 'coalesce(@note, note)',
    },
    events: changed,
    audit: 'visit.transfer',
  },
  park: { from: ['called', 'serving'], to: 'parked', set: { desk_id: 'NULL' }, events: changed, audit: 'visit.park' },
  resume: { from: ['parked'], to: 'called', set: calledTo, events: announced, audit: 'visit.resume' },
  'no-show': { from: ['called'], to: 'no-show', set: { outcome: "'no-show'", finished_at: '@now' }, events: changed, audit: 'visit.no-show' },
  reinstate: {
    from: ['no-show'],
    to: 'waiting',
    set: { outcome: 'NULL', finished_at: 'NULL', desk_id: 'NULL', advisor_id: 'NULL', called_at: 'NULL' },
    events: changed,
    audit: 'visit.reinstate',
  },
  cancel: {
    from: ['waiting', 'parked', 'called'],
    to: 'cancelled',
    set: { outcome: "'cancelled'", finished_at: '@now' },
    events: changed,
    audit: 'visit.cancel',
  },
  // Audited as the desk's closing (desk.close), by the handler that closes it.
  'return-to-queue': {
    from: ['called'],
    to: 'waiting',
    set: { desk_id: 'NULL', advisor_id: 'NULL', called_at: 'NULL' },
    events: changed,
    audit: null,
  },
  // Run by the site's clock, not by anyone: nothing to audit. A ticket being served is closed only on a later day.
  close: {
    from: ['waiting', 'called', 'serving', 'parked'],
    to: 'closed',
    set: { outcome: "'closed-end-of-day'", finished_at: '@now' },
    events: changed,
    audit: null,
  },
} as const satisfies { [S in keyof StepParams]: StepDeclaration };

export type TicketStep = keyof typeof ticketSteps;

// The catalogue words every step, and names no step that is not declared here: a step added
// without its words, or words left for a step that is gone, does not compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _everyStepWorded: Same<TicketStep, keyof ErrorText['ticketStep']> = true;
void _everyStepWorded;

export function canStep(status: VisitStatus, step: TicketStep): boolean {
  return (ticketSteps[step].from as readonly VisitStatus[]).includes(status);
}

/** A step from a status it may not start from is a `conflict`, said in the front desk's words. */
export function assertStep(ticket: Pick<VisitRow, 'number' | 'status'>, step: TicketStep): void {
  if (!canStep(ticket.status, step)) {
    throw new DeskFailure('conflict', t.impossibleStep(ticket.number, ticket.status, step));
  }
}

/** Statuses are the table's own constants, never input; quoted here so the SQL can be cached by its text. */
function sqlList(statuses: readonly VisitStatus[]): string {
  return statuses.map((s) => `'${s}'`).join(', ');
}

function updateSql(step: TicketStep, where: string, from: readonly VisitStatus[]): string {
  const { to, set } = ticketSteps[step];
  const columns = Object.entries(set).map(([column, value]) => `, ${column} = ${value}`).join('');
  return `UPDATE visits SET status = '${to}'${columns} WHERE status IN (${sqlList(from)}) AND ${where}`;
}

const oneVisit = Object.fromEntries(
  (Object.keys(ticketSteps) as TicketStep[]).map((step) => [step, updateSql(step, 'id = @id', ticketSteps[step].from)]),
) as Record<TicketStep, string>;

export type StepContext = Pick<CallContext, 'db' | 'now' | 'audit' | 'emit'>;

/**
 * Takes one declared step on one visit inside the call's transaction: refuses it as a `conflict`
 * (changing nothing) unless the ticket is in a status the step may start from, then sets the
 * declared columns, audits and sends the declared events. Checks the caller may act on the
 * ticket are the handler's, before this.
 */
export function takeStep<S extends TicketStep>(ctx: StepContext, visit: Pick<VisitRow, 'id' | 'number' | 'status'>, step: S, params: StepParams[S]): TicketView {
  assertStep(visit, step);
  const { changes } = ctx.db.prepare(oneVisit[step]).run({ ...params, id: visit.id, now: ctx.now });
  // The status is checked again in the WHERE; a stale `visit` would be a bug, not a user's mistake.
  if (changes !== 1) throw new Error(`ticket step ${step} changed ${changes} visits`);
  const declared: StepDeclaration = ticketSteps[step];
  if (declared.audit !== null) ctx.audit(declared.audit, { type: 'visit', id: visit.id });
  const ticket = getTicket(ctx.db, visit.id);
  for (const type of declared.events) ctx.emit(eventOf(ctx, type, ticket, step));
  return ticket;
}

function eventOf(ctx: StepContext, type: StepDeclaration['events'][number], ticket: TicketView, step: TicketStep): DeskEvent {
  if (type === 'queue-changed') return { type, at: ctx.now };
  // Announced as it is called: the display shows it as calling now until a later state says otherwise.
  return {
    type,
    call: { number: ticket.number, deskName: deskName(ctx.db, ticket.deskId ?? 0), calledAt: ctx.now, recall: step === 'recall', current: true },
  };
}

/**
 * The bulk form of a declared step, for the two moments the site moves many tickets at once: the
 * end of the day and a desk closing. Same columns, from the declared statuses or fewer; neither
 * audited nor announced per ticket — the caller says once that the queue changed. Returns how many.
 */
function takeStepInBulk(db: Db, step: TicketStep, where: string, from: readonly VisitStatus[], params: Record<string, unknown>): number {
  if (!from.every((status) => canStep(status, step))) throw new Error(`${step} cannot start from ${from.join(', ')}`);
  return db.prepare(updateSql(step, where, from)).run(params).changes;
}

/** Closes every visit still open from a day before `day`, whatever state it was left in. */
export function closeEarlierDays(db: Db, now: number, day: string): number {
  return takeStepInBulk(db, 'close', 'day < @day', ticketSteps.close.from, { now, day });
}

/** Closes `day`'s tickets still waiting or parked; one being served is left to its advisor. */
export function closeTodaysQueue(db: Db, now: number, day: string): number {
  return takeStepInBulk(db, 'close', 'day = @day', ['waiting', 'parked'], { now, day });
}

/** A visitor called to a closing desk but not yet there keeps their place in line. */
export function returnCalledToQueue(db: Db, deskId: number, now: number): number {
  return takeStepInBulk(db, 'return-to-queue', 'desk_id = @deskId', ticketSteps['return-to-queue'].from, { now, deskId });
}
