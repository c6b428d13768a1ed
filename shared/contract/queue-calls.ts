import { z } from 'zod';
import type { IssuedTicket, TicketView, VisitDetails } from '../domain/visit.js';
import { priorityReasons, serviceOutcomes } from '../domain/visit.js';
import type { OpenDesk } from '../domain/desk-session.js';
import { advisors, anyStaff, reception, returns } from './define.js';
import { id, optionalText, personName, postcode, text } from '../schemas/fields.js';
import { validationText as t } from '../i18n/validation.en-GB.js';

const visit = z.strictObject({ visitId: id });
const maxAddressLines = 5;

const visitor = z
  .strictObject({
    name: personName,
    addressLines: z.array(text(120), { error: t.invalid }).max(maxAddressLines, { error: t.tooManyLines(maxAddressLines) }),
    postcode: postcode.nullable(),
    noFixedAbode: z.boolean(),
  })
  .refine((v) => v.noFixedAbode || v.postcode !== null, { error: t.postcodeOrNoFixedAbode, path: ['postcode'] });

const needs = z
  .strictObject({
    interpreter: z.boolean(),
    language: text(60).nullable(),
    hearing: z.boolean(),
    mobility: z.boolean(),
  })
  .refine((n) => !n.interpreter || n.language !== null, { error: t.language, path: ['language'] });

export const issueTicketInput = z.strictObject({
  visitor,
  serviceId: id,
  reason: optionalText(500, { multiline: true }),
  needs,
  priority: z.enum(priorityReasons, { error: t.priorityReason }).nullable(),
  callByNumberOnly: z.boolean(),
  /** A manager's override of the last-ticket time for a visitor already inside. */
  afterHoursOverride: z.boolean().optional(),
});

export const queueCalls = {
  issueTicket: returns<IssuedTicket>()({
    input: issueTicketInput,
    access: reception,
    summary: 'Records a visitor and issues the next ticket for the service (C014), with position and estimated wait.',
  }),
  cancelTicket: returns<TicketView>()({
    input: visit,
    access: reception,
    summary: 'Cancels a ticket that has not been served.',
  }),
  getQueue: returns<TicketView[]>()({
    input: z.strictObject({ serviceIds: z.array(id).max(26).optional() }),
    access: anyStaff,
    summary: 'Today’s open tickets (waiting, called, serving, parked) in call order: numbers and needs, no names.',
  }),
  getVisit: returns<VisitDetails>()({
    input: visit,
    access: anyStaff,
    summary: 'Opens one visitor’s record (audited).',
  }),
  listDeskSessions: returns<OpenDesk[]>()({
    input: z.strictObject({}),
    access: anyStaff,
    summary: 'Desks open now, who is at them and what they are serving.',
  }),
  openDesk: returns<OpenDesk>()({
    input: z.strictObject({ deskId: id, serviceIds: z.array(id).min(1, { error: t.atLeastOneService }).max(26) }),
    access: advisors,
    summary: 'Opens a desk for the caller, serving the chosen services (or changes them).',
  }),
  closeDesk: returns<{ ok: true }>()({
    input: z.strictObject({ deskId: id }),
    access: advisors,
    summary: 'Closes a desk. A ticket still called there goes back to the queue in its place.',
  }),
  callNext: returns<TicketView | null>()({
    input: z.strictObject({ deskId: id }),
    access: advisors,
    summary: 'Calls the next ticket for the desk’s services: oldest first, priority with a head start. Null when nobody waits.',
  }),
  callTicket: returns<TicketView>()({
    input: z.strictObject({ deskId: id, visitId: id }),
    access: advisors,
    summary: 'Calls a named waiting ticket out of order.',
  }),
  recallTicket: returns<TicketView>()({
    input: visit,
    access: advisors,
    summary: 'Calls the same ticket again on the display (counted).',
  }),
  startService: returns<TicketView>()({
    input: visit,
    access: advisors,
    summary: 'The visitor has arrived at the desk.',
  }),
  finishService: returns<TicketView>()({
    input: z.strictObject({
      visitId: id,
      outcome: z.enum(serviceOutcomes, { error: t.invalid }),
      note: optionalText(1000, { multiline: true }).optional(),
    }),
    access: advisors,
    summary: 'Ends a visit with an outcome and an optional short note.',
  }),
  transferTicket: returns<TicketView>()({
    input: z.strictObject({ visitId: id, serviceId: id, note: optionalText(1000, { multiline: true }).optional() }),
    access: advisors,
    summary: 'Sends a called or served ticket to another service, keeping its number and place in line.',
  }),
  parkTicket: returns<TicketView>()({
    input: visit,
    access: advisors,
    summary: 'Sets a ticket aside (the visitor went to fetch a document) without losing it.',
  }),
  resumeTicket: returns<TicketView>()({
    input: z.strictObject({ visitId: id, deskId: id }),
    access: advisors,
    summary: 'Calls a parked ticket back to a desk.',
  }),
  markNoShow: returns<TicketView>()({
    input: visit,
    access: advisors,
    summary: 'The called visitor did not come.',
  }),
  reinstateTicket: returns<TicketView>()({
    input: visit,
    access: advisors,
    summary: 'Puts a no-show ticket back in the queue in its original place.',
  }),
} as const;
