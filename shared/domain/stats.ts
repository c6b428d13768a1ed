import { z } from 'zod';
import { counter, recordId, utcMs } from './result-fields.js';

const minutes = z.int().nonnegative();

export const liveServiceFiguresSchema = z.object({
  serviceId: recordId,
  serviceName: z.string(),
  letter: z.string(),
  waiting: counter,
  longestWaitMinutes: minutes,
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
