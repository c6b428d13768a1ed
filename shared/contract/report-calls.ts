import { z } from 'zod';
import type { AuditEntry, HistoryRow, LiveSnapshot, PurgeLogEntry } from '../domain/stats.js';
import { historyGroupings } from '../domain/stats.js';
import type { DisplayState } from '../domain/display.js';
import { managers, returns } from './define.js';
import { id, isoDate, wholeNumber } from '../schemas/fields.js';
import { validationText as t } from '../i18n/validation.en-GB.js';

const page = { limit: wholeNumber(1, 500).optional(), beforeId: id.optional() };

export const reportCalls = {
  getDisplayState: returns<DisplayState>()({
    input: z.strictObject({}),
    access: 'public',
    summary: 'What the waiting-area screen shows: recent calls and waiting counts, never a name.',
  }),
  getLiveSnapshot: returns<LiveSnapshot>()({
    input: z.strictObject({}),
    access: managers,
    summary: 'The queue now: waiting per service, longest wait, desks, and today’s figures.',
  }),
  getHistory: returns<HistoryRow[]>()({
    input: z
      .strictObject({ from: isoDate, to: isoDate, groupBy: z.enum(historyGroupings, { error: t.invalid }) })
      .refine((r) => r.from <= r.to, { error: t.dateOrder, path: ['from'] }),
    access: managers,
    summary: 'Anonymous figures for local dates from..to, grouped by day, hour, service, desk or advisor.',
  }),
  listAudit: returns<AuditEntry[]>()({
    input: z.strictObject(page),
    access: managers,
    summary: 'The audit log, newest first: who did what to which record id, when.',
  }),
  listPurgeLog: returns<PurgeLogEntry[]>()({
    input: z.strictObject(page),
    access: managers,
    summary: 'Every purge: when, the cut-off, how many rows went, how long it took.',
  }),
  runPurge: returns<PurgeLogEntry>()({
    input: z.strictObject({}),
    access: managers,
    summary: 'Purges now what is past retention (it also runs at start and hourly).',
  }),
} as const;
