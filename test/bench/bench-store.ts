import { addToDailyTotalsSql } from '../../electron/core/stats/daily-totals.js';
import { fillClosedDays } from '../../electron/core/stats/closed-day-totals.js';
import { atLocalTime, localHour } from '../../electron/core/local-time.js';
import type { Site } from '../../electron/core/site.js';
import type { VisitRow } from '../../electron/core/queue/visit-records.js';
import type { Session } from '../../shared/domain/staff.js';
import type { FinalOutcome } from '../../shared/domain/visit.js';
import { formatReceiptReference, formatTicketNumber } from '../../shared/ticket-number.js';
import { everyDayAllDay } from '../fixtures/queue-fixtures.js';

export const zone = 'Europe/London';
const minute = 60_000;

export interface BenchSizes {
  days: number;
  visitsPerDay: number;
  statsDays: number;
  desks: number;
}

export interface BenchWorld {
  manager: Session;
  serviceIds: number[];
  targets: Map<number, number>;
  desks: Array<{ deskId: number; advisorId: number }>;
}

/** A small deterministic PRNG (mulberry32), so both stores of a run hold the same visits. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const outcomes: Array<[FinalOutcome, number]> = [
  ['resolved', 0.55],
  ['referred', 0.15],
  ['needs-follow-up', 0.1],
  ['no-show', 0.08],
  ['cancelled', 0.05],
  ['closed-end-of-day', 0.07],
];

const surnames = ['Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Roberts', 'Johnson', 'Nowak', 'Okafor'];

/** A generated visit: the columns of a real one that the bench fills, with a final outcome. */
export type BenchVisit = Pick<
  VisitRow,
  | 'day'
  | 'hour'
  | 'letter'
  | 'seq'
  | 'number'
  | 'service_id'
  | 'status'
  | 'visitor_name'
  | 'address_lines'
  | 'reason'
  | 'priority'
  | 'issued_at'
  | 'first_called_at'
  | 'started_at'
  | 'finished_at'
  | 'desk_id'
  | 'advisor_id'
  | 'note'
> & { postcode: string; outcome: FinalOutcome };

/** One local day's visits, 09:00–16:30, as a busy One Stop Shop would leave them. */
export function dayOfVisits(world: BenchWorld, letters: Map<number, string>, day: string, count: number, rnd: () => number): BenchVisit[] {
  const opens = atLocalTime(day, '09:00', zone);
  const span = 7.5 * 60 * minute;
  const seqs = new Map<string, number>();
  const visits: BenchVisit[] = [];
  for (let i = 0; i < count; i += 1) {
    const issuedAt = opens + Math.floor((i * span) / count);
    const serviceId = world.serviceIds[Math.floor(rnd() * rnd() * world.serviceIds.length)]!;
    const letter = letters.get(serviceId)!;
    const seq = (seqs.get(letter) ?? 0) + 1;
    seqs.set(letter, seq);
    let pick = rnd();
    const outcome = outcomes.find(([, share]) => (pick -= share) < 0)?.[0] ?? 'resolved';
    const called = outcome !== 'cancelled' && outcome !== 'closed-end-of-day';
    const desk = called ? world.desks[Math.floor(rnd() * world.desks.length)]! : null;
    const firstCalledAt = called ? issuedAt + Math.floor(rnd() * 50 * minute) : null;
    const served = outcome === 'resolved' || outcome === 'referred' || outcome === 'needs-follow-up';
    const startedAt = served ? firstCalledAt! + minute : null;
    const name = `${String.fromCharCode(65 + Math.floor(rnd() * 26))}. ${surnames[Math.floor(rnd() * surnames.length)]}-${i}`;
    visits.push({
      day,
      hour: localHour(issuedAt, zone),
      letter,
      seq,
      number: formatTicketNumber(letter, seq),
      service_id: serviceId,
      status: served ? 'finished' : outcome === 'closed-end-of-day' ? 'closed' : outcome,
      visitor_name: name,
      address_lines: JSON.stringify([`${1 + Math.floor(rnd() * 200)} Dale Street`, 'Liverpool']),
      postcode: 'L1 1JQ',
      reason: 'Question about a council tax bill and a change of address after moving house',
      priority: rnd() < 0.08 ? 'vulnerable' : null,
      issued_at: issuedAt,
      first_called_at: firstCalledAt,
      started_at: startedAt,
      finished_at: served ? startedAt! + (3 + Math.floor(rnd() * 27)) * minute : called || outcome === 'cancelled' ? issuedAt + 30 * minute : null,
      desk_id: desk?.deskId ?? null,
      advisor_id: desk?.advisorId ?? null,
      outcome,
      note: served && rnd() < 0.3 ? 'Advised to send proof of address; follow up next week' : null,
    });
  }
  return visits;
}

/** Writes one `BenchVisit` (named parameters) as a finished day's visit row. */
export const insertVisitSql = `INSERT INTO visits (day, hour, letter, seq, number, service_id, first_service_id, status, visitor_name, address_lines, postcode,
    no_fixed_abode, reason, interpreter, interpreter_language, hearing, mobility, priority, call_by_number_only, issued_by, issued_at,
    queued_at, first_called_at, called_at, started_at, finished_at, desk_id, advisor_id, outcome, note, recalls, transfers)
  VALUES (@day, @hour, @letter, @seq, @number, @service_id, @service_id, @status, @visitor_name, @address_lines, @postcode,
    0, @reason, 0, NULL, 0, 0, @priority, 0, NULL, @issued_at,
    @issued_at, @first_called_at, @first_called_at, @started_at, @finished_at, @desk_id, @advisor_id, @outcome, @note, 0, 0)`;

/** The calendar day `n` days before `day` (yyyy-MM-dd). */
export function daysBefore(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

/**
 * A new site with desks and advisors, then `days` days of visits (with receipts for one in ten)
 * before `today`, and `statsDays` days of daily figures before those, loaded with prepared
 * INSERTs in one transaction.
 */
export async function buildStore(site: Site, today: string, sizes: BenchSizes, seed: number): Promise<BenchWorld> {
  const manager = await site.call('setupSite', { siteName: 'Bench One Stop Shop', timeZone: zone, manager: { name: 'Mia Manager', pin: '2468' } }, null);
  await site.call('updateSettings', { openingHours: everyDayAllDay, sessionIdleMinutes: 720 }, manager.token);
  const services = await site.call('listServices', {}, manager.token);
  const desks: BenchWorld['desks'] = [];
  const existing = await site.call('listDesks', {}, manager.token);
  for (let i = 0; i < sizes.desks; i += 1) {
    const deskId = existing[i]?.id ?? (await site.call('createDesk', { name: `Desk ${i + 1}` }, manager.token)).id;
    const advisor = await site.call('createStaff', { name: `Advisor ${i + 1}`, role: 'advisor', pin: '1357', managerPin: '2468' }, manager.token);
    desks.push({ deskId, advisorId: advisor.id });
  }
  const world: BenchWorld = {
    manager,
    serviceIds: services.map((s) => s.id),
    targets: new Map(services.map((s) => [s.id, s.targetWaitMinutes])),
    desks,
  };
  const letters = new Map(services.map((s) => [s.id, s.letter]));
  const rnd = random(seed);
  const db = site.database;
  const visit = db.prepare(insertVisitSql);
  const receipt = db.prepare(
    'INSERT INTO receipts (visit_id, day, seq, reference, received_at, received_by, items) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const items = JSON.stringify([
    { kind: 'payslip', description: 'Payslips for September and October', count: 2, original: false, returned: true },
    { kind: 'proof-of-address', description: 'Utility bill', count: 1, original: true, returned: true },
  ]);
  const stat = db.prepare(
    `INSERT INTO daily_stats (day, hour, service_id, desk_id, advisor_id, priority, outcome, issued, served, no_show, cancelled, transferred,
       called, within_target, wait_ms_sum, wait_ms_max, service_ms_sum, service_ms_max)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let d = sizes.days; d >= 1; d -= 1) {
      const day = daysBefore(today, d);
      let receipts = 0;
      for (const v of dayOfVisits(world, letters, day, sizes.visitsPerDay, rnd)) {
        const id = Number(visit.run(v).lastInsertRowid);
        if (v.status === 'finished' && rnd() < 0.1) {
          receipts += 1;
          receipt.run(id, day, receipts, formatReceiptReference(day, receipts), v.started_at! + 2 * minute, v.advisor_id!, items);
        }
      }
    }
    // A year of anonymous figures before that: the same visits, rolled up as the purge would.
    for (let d = sizes.days + sizes.statsDays; d > sizes.days; d -= 1) {
      const rows = new Map<string, number[]>();
      for (const v of dayOfVisits(world, letters, daysBefore(today, d), sizes.visitsPerDay, rnd)) {
        const key = [v.day, v.hour, v.service_id, v.desk_id ?? 0, v.advisor_id ?? 0, v.priority === null ? 0 : 1, v.outcome].join('|');
        const f = rows.get(key) ?? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        const wait = v.first_called_at === null ? null : v.first_called_at - v.issued_at;
        const service = v.status === 'finished' ? v.finished_at! - v.started_at! : null;
        f[0]! += 1;
        f[1]! += v.status === 'finished' ? 1 : 0;
        f[2]! += v.status === 'no-show' ? 1 : 0;
        f[3]! += v.status === 'cancelled' ? 1 : 0;
        f[4]! += wait === null ? 0 : 1;
        f[5]! += wait !== null && wait <= world.targets.get(v.service_id)! * minute ? 1 : 0;
        f[6]! += wait ?? 0;
        f[7] = Math.max(f[7]!, wait ?? 0);
        f[8]! += service ?? 0;
        f[9] = Math.max(f[9]!, service ?? 0);
        rows.set(key, f);
      }
      for (const [key, f] of rows) {
        const [day, hour, serviceId, deskId, advisorId, priority, outcome] = key.split('|');
        stat.run(day, Number(hour), Number(serviceId), Number(deskId), Number(advisorId), Number(priority), outcome, ...f);
      }
    }
    // …and their per-grouping totals, as the purge writes them alongside.
    db.prepare(addToDailyTotalsSql('daily_stats')).run();
  })();
  // As the app does when each of those days closed: add its visits up once for the reports.
  fillClosedDays(db, today, daysBefore(today, sizes.days));
  return world;
}
