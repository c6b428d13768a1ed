import { z } from 'zod';
import { counter, recordId, utcMs } from './result-fields.js';

export const visitStatuses = [
  'waiting',
  'called',
  'serving',
  'parked',
  'finished',
  'no-show',
  'cancelled',
  'closed',
] as const;
export type VisitStatus = (typeof visitStatuses)[number];

/** How an advisor ends a visit. */
export const serviceOutcomes = ['resolved', 'referred', 'needs-follow-up'] as const;
export type ServiceOutcome = (typeof serviceOutcomes)[number];

/** Every way a visit can end, for stats: the advisor's outcomes plus what the queue decides. */
export const finalOutcomes = [...serviceOutcomes, 'no-show', 'cancelled', 'closed-end-of-day'] as const;
export type FinalOutcome = (typeof finalOutcomes)[number];

export const priorityReasons = ['vulnerable', 'safeguarding', 'mobility', 'other'] as const;
export type PriorityReason = (typeof priorityReasons)[number];

export const visitorNeedsSchema = z.object({
  interpreter: z.boolean(),
  language: z.string().nullable().meta({ description: 'The interpreter’s language; only when `interpreter`.' }),
  hearing: z.boolean(),
  mobility: z.boolean(),
});
export type VisitorNeeds = z.infer<typeof visitorNeedsSchema>;

export const visitorSchema = z.object({
  name: z.string(),
  addressLines: z.array(z.string()),
  postcode: z.string().nullable().meta({ description: 'Normalised (`L1 1JQ`), or null for no fixed abode.' }),
  noFixedAbode: z.boolean(),
});
export type Visitor = z.infer<typeof visitorSchema>;

/** A ticket as the queue sees it: no personal data, so it may be listed on any staff screen. */
export const ticketViewSchema = z
  .object({
    visitId: recordId,
    number: z.string().meta({ description: 'As printed on the ticket: service letter and the day’s sequence (`C014`).' }),
    serviceId: recordId.meta({ description: 'The service the ticket waits for now (it keeps its number across transfers).' }),
    status: z.enum(visitStatuses),
    priority: z.enum(priorityReasons).nullable(),
    callByNumberOnly: z.boolean(),
    needs: visitorNeedsSchema,
    issuedAt: utcMs,
    queuedAt: utcMs.meta({ description: 'UTC ms of the place in line (kept across transfers).' }),
    calledAt: utcMs.nullable(),
    startedAt: utcMs.nullable(),
    finishedAt: utcMs.nullable(),
    deskId: recordId.nullable(),
    advisorId: recordId.nullable(),
    recalls: counter,
    transfers: counter,
    outcome: z.enum(finalOutcomes).nullable(),
  })
  .meta({ description: 'A ticket as the queue sees it: numbers and needs, no name, address or free text.' });
export type TicketView = z.infer<typeof ticketViewSchema>;

/** The full record, opened by staff on purpose (and audited). */
export const visitDetailsSchema = ticketViewSchema
  .extend({
    visitor: visitorSchema,
    reason: z.string(),
    note: z.string().nullable(),
  })
  .meta({ description: 'One visitor’s full record, read on a need-to-know basis and audited.' });
export type VisitDetails = z.infer<typeof visitDetailsSchema>;

export const issuedTicketSchema = z.object({
  ticket: ticketViewSchema,
  position: z.int().min(1).meta({ description: '1 = next to be called among the tickets for its service.' }),
  estimatedWaitMinutes: z.int().min(0),
});
export type IssuedTicket = z.infer<typeof issuedTicketSchema>;

/**
 * One of today's visits found at reception (searchTodaysVisits): enough to tell visitors apart and
 * pick the right one — name and postcode, no address, reason or notes.
 */
export const visitMatchSchema = z
  .object({
    ticket: ticketViewSchema,
    visitorName: z.string(),
    postcode: z.string().nullable().meta({ description: 'Normalised (`L1 1JQ`), or null for no fixed abode.' }),
    noFixedAbode: z.boolean(),
    receipts: counter.meta({ description: 'How many evidence receipts the visit has.' }),
  })
  .meta({ description: 'One of today’s visits found by reception: its ticket, the visitor’s name and postcode, and its receipts count.' });
export type VisitMatch = z.infer<typeof visitMatchSchema>;
