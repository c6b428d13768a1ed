import type { LiveDeskFigures, LiveSnapshot } from '../../../shared/domain/stats.js';
import { minutesBetween, serviceLevel } from '../../../shared/wait-math.js';
import { listOpenDesks } from '../queue/desk-sessions.js';
import type { Db } from '../store/open-database.js';

const minute = 60_000;

/**
 * The queue now and today's figures; reads only today's rows. The waiting counts go through the
 * (status, service) index — `+v.day` stops SQLite choosing the day index, which would read every
 * visit of the day once per service.
 */
export function liveSnapshot(db: Db, now: number, day: string): LiveSnapshot {
  const services = db
    .prepare(
      `SELECT s.id, s.name, s.letter, s.target_wait_minutes AS target,
         count(v.id) AS waiting, min(v.queued_at) AS oldest
       FROM services s LEFT JOIN visits v ON v.service_id = s.id AND v.status = 'waiting' AND +v.day = ?
       WHERE s.active = 1 OR v.id IS NOT NULL
       GROUP BY s.id ORDER BY s.sort_order, s.id`,
    )
    .all(day) as Array<{ id: number; name: string; letter: string; target: number; waiting: number; oldest: number | null }>;

  const today = db
    .prepare(
      `SELECT sum(v.status = 'finished') AS served,
         avg(v.first_called_at - v.issued_at) AS wait_ms,
         avg(CASE WHEN v.status = 'finished' THEN v.finished_at - v.started_at END) AS service_ms,
         sum(v.first_called_at IS NOT NULL) AS called,
         sum(v.first_called_at IS NOT NULL AND v.first_called_at - v.issued_at <= s.target_wait_minutes * 60000) AS within
       FROM visits v JOIN services s ON s.id = v.first_service_id WHERE v.day = ?`,
    )
    .get(day) as { served: number | null; wait_ms: number | null; service_ms: number | null; called: number | null; within: number | null };

  const open = new Map(listOpenDesks(db).map((d) => [d.deskId, d]));
  const desks: LiveDeskFigures[] = (db.prepare('SELECT id, name FROM desks WHERE active = 1 ORDER BY id').all() as Array<{ id: number; name: string }>).map(
    (desk) => {
      const session = open.get(desk.id);
      const current = session?.current ?? null;
      return {
        deskId: desk.id,
        deskName: desk.name,
        advisorName: session?.advisorName ?? null,
        status: session === undefined ? 'closed' : current === null ? 'idle' : current.status === 'serving' ? 'serving' : 'called',
        ticketNumber: current?.number ?? null,
        sinceMs: current === null ? (session?.openedAt ?? null) : (current.startedAt ?? current.calledAt),
        paused: session?.paused ? { reason: session.paused.reason, sinceMs: session.paused.since } : null,
      };
    },
  );

  const figures = services.map((s) => ({
    serviceId: s.id,
    serviceName: s.name,
    letter: s.letter,
    waiting: s.waiting,
    longestWaitMinutes: s.oldest === null ? 0 : minutesBetween(s.oldest, now),
    oldestQueuedAtMs: s.oldest,
    targetWaitMinutes: s.target,
  }));
  return {
    at: now,
    services: figures,
    desks,
    waitingTotal: figures.reduce((n, s) => n + s.waiting, 0),
    longestWaitMinutes: figures.reduce((m, s) => Math.max(m, s.longestWaitMinutes), 0),
    servedToday: today.served ?? 0,
    averageWaitMinutes: today.wait_ms === null ? null : Math.round(today.wait_ms / minute),
    averageServiceMinutes: today.service_ms === null ? null : Math.round(today.service_ms / minute),
    withinTargetShare: serviceLevel(today.within ?? 0, today.called ?? 0),
  };
}
