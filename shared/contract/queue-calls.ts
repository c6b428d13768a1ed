import { z } from 'zod';
import { issuedTicketSchema, priorityReasons, serviceOutcomes, ticketViewSchema, visitDetailsSchema, visitMatchSchema } from '../domain/visit.js';
import { openDeskSchema, pauseReasons } from '../domain/desk-session.js';
import { doneSchema } from '../domain/result-fields.js';
import { advisors, anyStaff, defineCall, reception } from './define.js';
import { id, pin } from '../schemas/fields.js';
import { optionalText, personName, postcode, text } from './documented-fields.js';
import { validationText as t } from '../i18n/catalogue.js';

const visit = z.strictObject({ visitId: id });
const maxAddressLines = 5;

const visitor = z
  .strictObject({
    name: personName,
    addressLines: z.array(text(120), { error: t.invalid }).max(maxAddressLines, { error: t.tooManyLines(maxAddressLines) }),
    postcode: postcode.nullable(),
    noFixedAbode: z.boolean(),
  })
  .refine((v) => v.noFixedAbode || v.postcode !== null, { error: t.postcodeOrNoFixedAbode, path: ['postcode'] })
  .meta({
    description: 'A postcode is needed unless noFixedAbode (then it is not kept).',
    if: { properties: { noFixedAbode: { const: false } }, required: ['noFixedAbode'] },
    then: { properties: { postcode: { type: 'string' } } },
  });

const needs = z
  .strictObject({
    interpreter: z.boolean(),
    language: text(60).nullable(),
    hearing: z.boolean(),
    mobility: z.boolean(),
  })
  .refine((n) => !n.interpreter || n.language !== null, { error: t.language, path: ['language'] })
  .meta({
    description: 'With an interpreter, say the language (it is kept only then).',
    if: { properties: { interpreter: { const: true } }, required: ['interpreter'] },
    then: { properties: { language: { type: 'string' } } },
  });

export const issueTicketInput = z.strictObject({
  visitor,
  serviceId: id,
  reason: optionalText(500, { multiline: true }),
  needs,
  priority: z.enum(priorityReasons, { error: t.priorityReason }).nullable(),
  callByNumberOnly: z.boolean(),
  afterHours: z
    .strictObject({ managerId: id, managerPin: pin })
    .optional()
    .meta({
      description:
        'After the last-ticket time, or on a day the site is closed: the manager at the counter who lets this visitor in, and their PIN ' +
        '(a wrong one counts toward that manager’s lockout). Ignored before the last-ticket time.',
    }),
});

export const queueCalls = {
  issueTicket: defineCall({
    input: issueTicketInput,
    result: issuedTicketSchema,
    access: reception,
    errors: ['not-found', 'conflict', 'locked'],
    summary:
      'Records a visitor and issues the next ticket for the service (C014), with position and estimated wait. After the last-ticket time ' +
      'it needs afterHours: a manager’s id and PIN (audited as visit.after-hours, naming the manager).',
  }),
  reprintTicket: defineCall({
    input: visit,
    result: issuedTicketSchema,
    access: reception,
    errors: ['not-found', 'conflict'],
    summary: 'The same waiting ticket again, with its position and estimated wait now, for a reprint (audited).',
  }),
  searchTodaysVisits: defineCall({
    effect: 'read',
    input: z.strictObject({ query: optionalText(60) }),
    result: z.array(visitMatchSchema),
    access: reception,
    errors: [],
    summary:
      'Today’s visits matching a ticket number (c14 finds C014), a postcode or its start, or part of a name; empty finds all. ' +
      'Latest first, at most 50. Audited as a search, never its terms.',
  }),
  findRepeatVisit: defineCall({
    effect: 'read',
    input: z.strictObject({ name: personName, postcode }),
    result: z.array(ticketViewSchema),
    access: reception,
    errors: [],
    summary:
      'Today’s visits by the same name (ignoring case and spacing) and postcode, latest first: is this visitor back? Audited as a search, never its terms.',
  }),
  cancelTicket: defineCall({
    input: visit,
    result: ticketViewSchema,
    access: reception,
    errors: ['not-found', 'conflict'],
    summary: 'Cancels a ticket that has not been served.',
  }),
  getQueue: defineCall({
    effect: 'read',
    input: z.strictObject({ serviceIds: z.array(id).max(26).optional() }),
    result: z.array(ticketViewSchema),
    access: anyStaff,
    errors: [],
    summary: 'Today’s open tickets (waiting, called, serving, parked) in call order: numbers and needs, no names.',
  }),
  getVisit: defineCall({
    effect: 'read',
    input: visit,
    result: visitDetailsSchema,
    access: anyStaff,
    errors: ['not-found', 'forbidden'],
    summary: 'Opens one visitor’s record (audited).',
  }),
  listDeskSessions: defineCall({
    effect: 'read',
    input: z.strictObject({}),
    result: z.array(openDeskSchema),
    access: anyStaff,
    errors: [],
    summary: 'Desks open now, who is at them and what they are serving.',
  }),
  openDesk: defineCall({
    input: z.strictObject({ deskId: id, serviceIds: z.array(id).min(1, { error: t.atLeastOneService }).max(26) }),
    result: openDeskSchema,
    access: advisors,
    errors: ['not-found', 'conflict'],
    summary: 'Opens a desk for the caller, serving the chosen services (or changes them).',
  }),
  pauseDesk: defineCall({
    input: z.strictObject({ deskId: id, reason: z.enum(pauseReasons, { error: t.pauseReason }) }),
    result: openDeskSchema,
    access: advisors,
    errors: ['not-found', 'conflict'],
    summary:
      'Pauses the caller’s open desk (break, admin, training): it calls nobody and drops out of the wait estimate until resumed. ' +
      'Refused while a ticket is called or served there.',
  }),
  resumeDesk: defineCall({
    input: z.strictObject({ deskId: id }),
    result: openDeskSchema,
    access: advisors,
    errors: ['not-found', 'conflict'],
    summary: 'Ends a desk’s pause.',
  }),
  closeDesk: defineCall({
    input: z.strictObject({ deskId: id }),
    result: doneSchema,
    access: advisors,
    errors: ['conflict'],
    summary: 'Closes a desk. A ticket still called there goes back to the queue in its place.',
  }),
  callNext: defineCall({
    input: z.strictObject({ deskId: id }),
    result: ticketViewSchema.nullable(),
    access: advisors,
    errors: ['conflict'],
    summary: 'Calls the next ticket for the desk’s services: oldest first, priority with a head start. Null when nobody waits.',
  }),
  callTicket: defineCall({
    input: z.strictObject({ deskId: id, visitId: id }),
    result: ticketViewSchema,
    access: advisors,
    errors: ['not-found', 'conflict'],
    summary: 'Calls a named waiting ticket out of order.',
  }),
  recallTicket: defineCall({
    input: visit,
    result: ticketViewSchema,
    access: advisors,
    errors: ['not-found', 'conflict'],
    summary: 'Calls the same ticket again on the display (counted).',
  }),
  startService: defineCall({
    input: visit,
    result: ticketViewSchema,
    access: advisors,
    errors: ['not-found', 'conflict'],
    summary: 'The visitor has arrived at the desk.',
  }),
  finishService: defineCall({
    input: z.strictObject({
      visitId: id,
      outcome: z.enum(serviceOutcomes, { error: t.invalid }),
      note: optionalText(1000, { multiline: true }).optional(),
    }),
    result: ticketViewSchema,
    access: advisors,
    errors: ['not-found', 'conflict'],
    summary: 'Ends a visit with an outcome and an optional short note.',
  }),
  transferTicket: defineCall({
    input: z.strictObject({ visitId: id, serviceId: id, note: optionalText(1000, { multiline: true }).optional() }),
    result: ticketViewSchema,
    access: advisors,
    errors: ['not-found', 'conflict'],
    summary: 'Sends a called or served ticket to another service, keeping its number and place in line.',
  }),
  parkTicket: defineCall({
    input: visit,
    result: ticketViewSchema,
    access: advisors,
    errors: ['not-found', 'conflict'],
    summary: 'Sets a ticket aside (the visitor went to fetch a document) without losing it.',
  }),
  resumeTicket: defineCall({
    input: z.strictObject({ visitId: id, deskId: id }),
    result: ticketViewSchema,
    access: advisors,
    errors: ['not-found', 'conflict'],
    summary: 'Calls a parked ticket back to a desk.',
  }),
  markNoShow: defineCall({
    input: visit,
    result: ticketViewSchema,
    access: advisors,
    errors: ['not-found', 'conflict'],
    summary: 'The called visitor did not come.',
  }),
  reinstateTicket: defineCall({
    input: visit,
    result: ticketViewSchema,
    access: advisors,
    errors: ['not-found', 'conflict'],
    summary: 'Puts a no-show ticket back in the queue in its original place.',
  }),
} as const;
