import { z } from 'zod';
import { counter, recordId, utcMs } from './result-fields.js';
import { pauseReasons } from './desk-session.js';

const minutes = z.int().nonnegative();

export const liveServiceFiguresSchema = z.object({
  serviceId: recordId,
  serviceName: z.string(),
  letter: z.string(),
  waiting: counter,
  longestWaitMinutes: minutes,
  oldestQueuedAtMs: utcMs
    .nullable()
    .meta({ description: 'UTC ms the longest-waiting ticket joined this queue, so a screen can age the wait between events; null when none waits.' }),
  targetWaitMinutes: minutes,
});
export type LiveServiceFigures = z.infer<typeof liveServiceFiguresSchema>;

export const liveDeskFiguresSchema = z.object({
  deskId: recordId,
  deskName: z.string(),
  advisorName: z.string().nullable(),
  status: z.enum(['closed', 'idle', 'called', 'serving']),
  ticketNumber: z.string().nullable(),
  sinceMs: utcMs.nullable().meta({ description: 'UTC ms the desk has been in this state since (opened, called or started).' }),
  paused: z
    .object({ reason: z.enum(pauseReasons), sinceMs: utcMs })
    .nullable()
    .meta({ description: 'Set while the advisor has paused an open desk (break, admin, training).' }),
});
export type LiveDeskFigures = z.infer<typeof liveDeskFiguresSchema>;

export const liveSnapshotSchema = z.object({
  at: utcMs,
  services: z.array(liveServiceFiguresSchema),
  desks: z.array(liveDeskFiguresSchema),
  waitingTotal: counter,
  longestWaitMinutes: minutes,
  servedToday: counter,
  averageWaitMinutes: minutes.nullable(),
  averageServiceMinutes: minutes.nullable(),
  withinTargetShare: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .meta({ description: 'Share (0..1) of today’s called tickets called within their service’s target; null before any.' }),
});
export type LiveSnapshot = z.infer<typeof liveSnapshotSchema>;

export const historyGroupings = ['day', 'hour', 'service', 'desk', 'advisor'] as const;
export type HistoryGrouping = (typeof historyGroupings)[number];

const milliseconds = z.int().nonnegative();

/** One row of a report: anonymous figures only. */
export const historyRowSchema = z
  .object({
    key: z.string().meta({ description: 'yyyy-MM-dd, hour 0–23, or an id — as `groupBy` says.' }),
    label: z.string(),
    issued: counter,
    served: counter,
    noShow: counter,
    cancelled: counter,
    transferred: counter,
    called: counter.meta({ description: 'Tickets called at least once: the base of the share within target and of the average wait.' }),
    withinTarget: counter,
    waitMsSum: milliseconds,
    waitMsMax: milliseconds,
    serviceMsSum: milliseconds,
    serviceMsMax: milliseconds,
  })
  .meta({ description: 'One row of a report: anonymous figures only.' });
export type HistoryRow = z.infer<typeof historyRowSchema>;

export const auditEntrySchema = z.object({
  id: recordId,
  at: utcMs,
  staffId: recordId.nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: recordId.nullable(),
  outcome: z.enum(['ok', 'denied', 'failed']),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const purgeLogEntrySchema = z.object({
  id: recordId,
  at: utcMs,
  cutoff: utcMs.meta({ description: 'UTC ms: visits issued before it were rolled into the figures and deleted.' }),
  visitsDeleted: counter,
  receiptsDeleted: counter,
  auditDeleted: counter,
  statsDeleted: counter,
  durationMs: milliseconds,
  trigger: z.enum(['startup', 'hourly', 'manual']),
});
export type PurgeLogEntry = z.infer<typeof purgeLogEntrySchema>;

/** A report over a date range: every grouping read in one transaction, so they add up alike. */
export const reportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    firstDay: z
      .string()
      .nullable()
      .meta({ description: 'The earliest local date any figures are held for (visits or anonymous statistics); null on a new site.' }),
    totals: historyRowSchema,
    byDay: z.array(historyRowSchema),
    byHour: z.array(historyRowSchema),
    byService: z.array(historyRowSchema),
    byDesk: z.array(historyRowSchema),
    byAdvisor: z.array(historyRowSchema),
  })
  .meta({ description: 'Anonymous figures for from..to; by advisor names staff (management information about staff).' });
export type Report = z.infer<typeof reportSchema>;

export const reportCsvSchema = z.object({
  fileName: z.string().meta({ description: 'A suggested file name, e.g. one-stop-queue-report-2026-11-01-to-2026-11-30.csv.' }),
  csv: z.string().meta({
    description:
      'RFC 4180 CSV, one row per grouping and key (columns: grouping, key, label, the counts, average and longest wait and service minutes). No visitor data.',
  }),
});
export type ReportCsv = z.infer<typeof reportCsvSchema>;

export const retentionPreviewSchema = z.object({
  retentionDays: z.int().positive(),
  cutoff: utcMs.meta({ description: 'UTC ms: with this retention, visits issued before it go at the next purge.' }),
  visitsToDelete: counter,
});
export type RetentionPreview = z.infer<typeof retentionPreviewSchema>;
