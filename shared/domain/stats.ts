export interface LiveServiceFigures {
  serviceId: number;
  serviceName: string;
  letter: string;
  waiting: number;
  longestWaitMinutes: number;
  targetWaitMinutes: number;
}

export interface LiveDeskFigures {
  deskId: number;
  deskName: string;
  advisorName: string | null;
  status: 'closed' | 'idle' | 'called' | 'serving';
  ticketNumber: string | null;
  sinceMs: number | null;
}

export interface LiveSnapshot {
  at: number;
  services: LiveServiceFigures[];
  desks: LiveDeskFigures[];
  waitingTotal: number;
  longestWaitMinutes: number;
  servedToday: number;
  averageWaitMinutes: number | null;
  averageServiceMinutes: number | null;
  /** Share (0..1) of today's called tickets called within their service's target; null before any. */
  withinTargetShare: number | null;
}

export const historyGroupings = ['day', 'hour', 'service', 'desk', 'advisor'] as const;
export type HistoryGrouping = (typeof historyGroupings)[number];

/** One row of a report: anonymous figures only. */
export interface HistoryRow {
  /** yyyy-MM-dd, hour 0–23, or an id — as `groupBy` says. */
  key: string;
  label: string;
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  transferred: number;
  withinTarget: number;
  waitMsSum: number;
  waitMsMax: number;
  serviceMsSum: number;
  serviceMsMax: number;
}

export interface AuditEntry {
  id: number;
  at: number;
  staffId: number | null;
  action: string;
  targetType: string | null;
  targetId: number | null;
  outcome: 'ok' | 'denied' | 'failed';
}

export interface PurgeLogEntry {
  id: number;
  at: number;
  cutoff: number;
  visitsDeleted: number;
  receiptsDeleted: number;
  auditDeleted: number;
  statsDeleted: number;
  durationMs: number;
  trigger: 'startup' | 'hourly' | 'manual';
}
