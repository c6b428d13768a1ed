import { z } from 'zod';
import {
  dataProtectionStatusSchema,
  erasureReasons,
  erasureSchema,
  personRecordSchema,
  subjectAccessExportSchema,
} from '../domain/privacy.js';
import { defineCall, managers } from './define.js';
import { id, isoDate, pin, wholeNumber } from '../schemas/fields.js';
import { text } from './documented-fields.js';
import { validationText as t } from '../i18n/catalogue.js';

const maxVisits = 200;

/** The visits a request concerns, chosen from a search's answer. */
const visitIds = z
  .array(id, { error: t.visitChoice })
  .min(1, { error: t.visitChoice })
  .max(maxVisits, { error: t.tooManyVisits(maxVisits) })
  .refine((ids) => new Set(ids).size === ids.length, { error: t.invalid })
  .meta({ description: `1 to ${maxVisits} distinct visit ids.` });

/** Letters, digits and `- / . _`: no space, so it cannot hold a name; the core then checks the council's own pattern. */
const caseReference = z
  .string({ error: t.caseReferenceShape })
  .regex(/^[A-Za-z0-9][A-Za-z0-9/_.-]{1,39}$/, { error: t.caseReferenceShape })
  .meta({ description: 'The council’s case reference for the request; must also match the site’s caseReferencePattern.' });

const page = { limit: wholeNumber(1, 500).optional(), beforeId: id.optional() };

/**
 * Data protection on screen (docs/design.md, "The data"): a manager answers a subject access request
 * or erases a person's visits on request. Each asks for the manager's PIN again and is audited as
 * having happened — never with what was searched for.
 */
export const privacyCalls = {
  findPersonRecords: defineCall({
    effect: 'read',
    input: z
      .strictObject({
        name: text(100).optional(),
        postcode: text(10).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        managerPin: pin,
      })
      .refine((r) => r.name !== undefined || r.postcode !== undefined || r.from !== undefined || r.to !== undefined, {
        error: t.searchCriteria,
        path: ['name'],
      })
      .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, { error: t.dateOrder, path: ['from'] })
      .meta({ description: 'At least one of name, postcode, from, to; from is on or before to.' }),
    result: z.array(personRecordSchema),
    access: managers,
    errors: ['locked'],
    summary:
      'Searches every visit still held by any part of the name (any case, accents kept), the start of the postcode, and local issue dates; the manager’s PIN again. Audited, never with its terms.',
  }),
  exportSubjectAccess: defineCall({
    effect: 'read',
    input: z.strictObject({ visitIds, managerPin: pin }),
    result: subjectAccessExportSchema,
    access: managers,
    errors: ['not-found', 'locked'],
    summary: 'Everything held for the chosen visits (the visitor’s details, reason, needs, notes and receipts), for a subject access request. Audited per visit.',
  }),
  eraseVisits: defineCall({
    input: z.strictObject({
      visitIds,
      reason: z.enum(erasureReasons, { error: t.erasureReason }),
      caseReference,
      managerPin: pin,
    }),
    result: erasureSchema,
    access: managers,
    errors: ['not-found', 'locked', 'conflict'],
    summary:
      'Erases the chosen visits and their receipts now, on request: their figures are rolled into the anonymous statistics first, as the purge does, and the bytes are overwritten. A visit still waiting or at a desk is refused (conflict). Audited per visit, without the name.',
  }),
  listErasures: defineCall({
    effect: 'read',
    input: z.strictObject(page),
    result: z.array(erasureSchema),
    access: managers,
    errors: [],
    summary: 'Erasures on request, newest first: when, who, how many, why and the case reference.',
  }),
  getDataProtectionStatus: defineCall({
    effect: 'read',
    input: z.strictObject({}),
    result: dataProtectionStatusSchema,
    access: managers,
    errors: [],
    summary: 'What is held now, the oldest visit’s issue time, the last purge and when the next runs.',
  }),
} as const;
