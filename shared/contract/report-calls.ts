import { z } from 'zod';
import {
  auditEntrySchema,
  historyGroupings,
  historyRowSchema,
  liveSnapshotSchema,
  purgeLogEntrySchema,
  reportCsvSchema,
  reportSchema,
} from '../domain/stats.js';
import { displayStateSchema } from '../domain/display.js';
import { defineCall, managers } from './define.js';
import { id, isoDate, wholeNumber } from '../schemas/fields.js';
import { validationText as t } from '../i18n/catalogue.js';

const page = { limit: wholeNumber(1, 500).optional(), beforeId: id.optional() };

const dateRange = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((r) => r.from <= r.to, { error: t.dateOrder, path: ['from'] })
  .meta({ description: 'from is on or before to (local dates, inclusive).' });

export const reportCalls = {
  getDisplayState: defineCall({
    effect: 'read',
    input: z.strictObject({}),
    result: displayStateSchema,
    access: 'public',
    errors: [],
    summary: 'What the waiting-area screen shows: recent calls and waiting counts, never a name.',
  }),
  getLiveSnapshot: defineCall({
    effect: 'read',
    input: z.strictObject({}),
    result: liveSnapshotSchema,
    access: managers,
    errors: [],
    summary: 'The queue now: waiting per service, longest wait, desks, and today’s figures.',
  }),
  getHistory: defineCall({
    effect: 'read',
    input: z
      .strictObject({ from: isoDate, to: isoDate, groupBy: z.enum(historyGroupings, { error: t.invalid }) })
      .refine((r) => r.from <= r.to, { error: t.dateOrder, path: ['from'] })
      .meta({ description: 'from is on or before to.' }),
    result: z.array(historyRowSchema),
    access: managers,
    errors: [],
    summary: 'Anonymous figures for local dates from..to, grouped by day, hour, service, desk or advisor.',
  }),
  getReport: defineCall({
    effect: 'read',
    input: dateRange,
    result: reportSchema,
    access: managers,
    errors: [],
    summary:
      'Anonymous figures for local dates from..to in every grouping at once (day, hour, service, desk, advisor) and their totals; visits still held and rolled-up statistics count alike.',
  }),
  exportReportCsv: defineCall({
    effect: 'read',
    input: dateRange,
    result: reportCsvSchema,
    access: managers,
    errors: [],
    summary: 'The report for from..to as CSV, for a spreadsheet or a script: no visitor data; the advisor rows name staff. Audited.',
  }),
  listAudit: defineCall({
    effect: 'read',
    input: z
      .strictObject({
        ...page,
        staffId: id.optional(),
        action: z.string().regex(/^[a-z][a-z.-]{1,40}$/, { error: t.invalid }).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
      })
      .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, { error: t.dateOrder, path: ['from'] })
      .meta({ description: 'Optional filters: by member of staff, by action, and by local dates from..to.' }),
    result: z.array(auditEntrySchema),
    access: managers,
    errors: [],
    summary: 'The audit log, newest first: who did what to which record id, when; filtered by staff, action and local dates.',
  }),
  listPurgeLog: defineCall({
    effect: 'read',
    input: z.strictObject(page),
    result: z.array(purgeLogEntrySchema),
    access: managers,
    errors: [],
    summary: 'Every purge: when, the cut-off, how many rows went, how long it took.',
  }),
  runPurge: defineCall({
    input: z.strictObject({}),
    result: purgeLogEntrySchema,
    access: managers,
    errors: [],
    summary: 'Purges now what is past retention (it also runs at start and hourly).',
  }),
} as const;
