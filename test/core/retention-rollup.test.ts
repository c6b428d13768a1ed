import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName } from '../../shared/contract/index.js';
import type { HistoryGrouping, HistoryRow } from '../../shared/domain/stats.js';
import { historyGroupings } from '../../shared/domain/stats.js';
import { openTestSite, type TestSite } from '../fixtures/temp-site.js';
import {
  deskIdOf,
  issue,
  london,
  managerToken,
  minute,
  openAllHours,
  oracleCutoff,
  oracleExpiry,
  oracleLocalDay,
  oracleLocalHour,
  serviceIdOf,
  ukClockChanges,
  wallClockToUtc,
} from '../fixtures/queue-fixtures.js';

const zone = 'Europe/London';
const letters = ['C', 'B', 'H'] as const;
const fates = ['resolved', 'referred', 'needs-follow-up', 'no-show', 'cancel', 'transfer', 'leave', 'park-and-leave'] as const;
type Fate = (typeof fates)[number];

/** A report row's figures, without its key and label. */
type Figures = Omit<HistoryRow, 'key' | 'label'>;

const zero = (): Figures => ({ issued: 0, served: 0, noShow: 0, cancelled: 0, transferred: 0, called: 0, withinTarget: 0, waitMsSum: 0, waitMsMax: 0, serviceMsSum: 0, serviceMsMax: 0 });

/** One visit's figures as the script made them: the oracle for the reports. */
interface ModelVisit extends Figures {
  issuedAt: number;
  day: string;
  hour: number;
  serviceId: number;
}

const ticket = fc.record({
  letter: fc.constantFrom(...letters),
  priority: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  gap: fc.integer({ min: 0, max: 15 }),
  wait: fc.integer({ min: 0, max: 15 }),
  serve: fc.integer({ min: 1, max: 30 }),
  fate: fc.constantFrom(...fates),
});
type TicketScript = typeof ticket extends fc.Arbitrary<infer T> ? T : never;
const dayScript = fc.record({ offset: fc.integer({ min: 0, max: 45 }), tickets: fc.array(ticket, { minLength: 1, maxLength: 6 }) });

function numbers(rows: HistoryRow[]): Array<Figures & { key: string }> {
  return rows.map(({ label: _label, ...figures }) => figures);
}

function sumModel(visits: ModelVisit[], keyOf: (v: ModelVisit) => string): Array<Figures & { key: string }> {
  const groups = new Map<string, Figures>();
  for (const v of visits) {
    const g = groups.get(keyOf(v)) ?? zero();
    g.issued += v.issued;
    g.served += v.served;
    g.noShow += v.noShow;
    g.cancelled += v.cancelled;
    g.transferred += v.transferred;
    g.called += v.called;
    g.withinTarget += v.withinTarget;
    g.waitMsSum += v.waitMsSum;
    g.waitMsMax = Math.max(g.waitMsMax, v.waitMsMax);
    g.serviceMsSum += v.serviceMsSum;
    g.serviceMsMax = Math.max(g.serviceMsMax, v.serviceMsMax);
    groups.set(keyOf(v), g);
  }
  return [...groups.entries()].map(([key, f]) => ({ key, ...f }));
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

describe('retention: the roll-up into daily_stats', () => {
  let t: TestSite;
  let year = 2026;
  let deskId: number;

  beforeAll(async () => {
    t = await openTestSite({ now: london(2026, 1, 5, 9) });
    await openAllHours(t);
    deskId = deskIdOf(t, 'Desk 1');
  });
  afterAll(() => t.close());

  const token = () => managerToken(t);
  const call = <K extends CallName>(name: K, input: CallInput<K>) => t.site.call(name, input, token());

  /** Issues a visitor's ticket; the visit is played later, so several wait at once. */
  async function arrive(script: TicketScript): Promise<{ id: number; v: ModelVisit }> {
    t.clock.advance(script.gap * minute);
    const issued = await issue(t, token(), script.letter, { priority: script.priority ? 'mobility' : null });
    const issuedAt = t.clock.now();
    const v: ModelVisit = { ...zero(), issued: 1, issuedAt, day: oracleLocalDay(issuedAt, zone), hour: oracleLocalHour(issuedAt, zone), serviceId: serviceIdOf(t, script.letter) };
    return { id: issued.ticket.visitId, v };
  }

  /** Plays one visit to its end on the clock and fills in the figures it should leave. */
  async function play(script: TicketScript, id: number, v: ModelVisit): Promise<ModelVisit> {
    const target = (t.site.database.prepare('SELECT target_wait_minutes AS m FROM services WHERE id = ?').get(serviceIdOf(t, script.letter)) as { m: number }).m;
    const fate: Fate = script.fate;
    if (fate === 'leave') return v;
    if (fate === 'cancel') {
      t.clock.advance(minute);
      await call('cancelTicket', { visitId: id });
      v.cancelled = 1;
      return v;
    }
    t.clock.advance(script.wait * minute);
    await call('callTicket', { deskId, visitId: id });
    const wait = t.clock.now() - v.issuedAt;
    v.waitMsSum = v.waitMsMax = wait;
    v.called = 1;
    v.withinTarget = wait <= target * minute ? 1 : 0;
    if (fate === 'no-show') {
      await call('markNoShow', { visitId: id });
      v.noShow = 1;
      return v;
    }
    await call('startService', { visitId: id });
    if (fate === 'park-and-leave') {
      await call('parkTicket', { visitId: id });
      return v;
    }
    if (fate === 'transfer') {
      const to = letters.find((l) => l !== script.letter)!;
      t.clock.advance(2 * minute);
      await call('transferTicket', { visitId: id, serviceId: serviceIdOf(t, to) });
      t.clock.advance(minute);
      await call('callTicket', { deskId, visitId: id });
      await call('startService', { visitId: id });
      v.transferred = 1;
      v.serviceId = serviceIdOf(t, to);
    }
    t.clock.advance(script.serve * minute);
    await call('finishService', { visitId: id, outcome: fate === 'transfer' ? 'resolved' : fate });
    v.served = 1;
    v.serviceMsSum = v.serviceMsMax = script.serve * minute;
    return v;
  }

  /** A morning: everyone arrives, then the desk sees them in turn. */
  async function playDay(scripts: TicketScript[]): Promise<ModelVisit[]> {
    const arrivals = [];
    for (const script of scripts) arrivals.push(await arrive(script));
    const visits = [];
    for (const [i, a] of arrivals.entries()) visits.push(await play(scripts[i]!, a.id, a.v));
    return visits;
  }

  function history(from: string, to: string): Record<HistoryGrouping, HistoryRow[]> {
    const tk = token();
    return Object.fromEntries(
      historyGroupings.map((groupBy) => [groupBy, t.site.callSync('getHistory', { from, to, groupBy }, tk) as HistoryRow[]]),
    ) as Record<HistoryGrouping, HistoryRow[]>;
  }

  const sumsSql = `sum(issued) AS issued, sum(served) AS served, sum(no_show) AS noShow, sum(cancelled) AS cancelled,
    sum(transferred) AS transferred, sum(called) AS called, sum(within_target) AS withinTarget, sum(wait_ms_sum) AS waitMsSum, sum(service_ms_sum) AS serviceMsSum`;

  function statsSums(from: string, to: string): Record<string, number | null> {
    return t.site.database.prepare(`SELECT ${sumsSql} FROM daily_stats WHERE day BETWEEN ? AND ?`).get(from, to) as Record<string, number | null>;
  }

  /** What a purge at `cutoff` will take, read from the visits themselves. */
  function dueForPurge(cutoff: number): Record<string, number> {
    return t.site.database
      .prepare(
        `SELECT count(*) AS issued, coalesce(sum(v.status = 'finished'), 0) AS served, coalesce(sum(v.status = 'no-show'), 0) AS noShow,
           coalesce(sum(v.status = 'cancelled'), 0) AS cancelled, coalesce(sum(v.transfers > 0), 0) AS transferred,
           coalesce(sum(v.first_called_at IS NOT NULL), 0) AS called,
           coalesce(sum(v.first_called_at - v.issued_at <= s.target_wait_minutes * 60000), 0) AS withinTarget,
           coalesce(sum(v.first_called_at - v.issued_at), 0) AS waitMsSum,
           coalesce(sum(CASE WHEN v.status = 'finished' THEN v.finished_at - v.started_at END), 0) AS serviceMsSum
         FROM visits v JOIN services s ON s.id = v.first_service_id WHERE v.issued_at < ?`,
      )
      .get(cutoff) as Record<string, number>;
  }

  it('daily_stats totals equal what was purged, reports read the same before and after every purge, and a second purge adds nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('spring' as const, 'autumn' as const),
        fc.integer({ min: 0, max: 20 }),
        fc.uniqueArray(dayScript, { minLength: 1, maxLength: 4, selector: (d) => d.offset }),
        fc.oneof(fc.constant('one by one' as const), fc.array(fc.integer({ min: 0, max: 45 * 24 * 60 }), { minLength: 1, maxLength: 3 })),
        async (season, daysBefore, days, purges) => {
          year += 1;
          const [y, m, d] = oracleLocalDay(ukClockChanges(year)[season], zone).split('-').map(Number) as [number, number, number];
          const model: ModelVisit[] = [];
          const scripts = [...days].sort((a, b) => a.offset - b.offset);
          for (const script of scripts) {
            const opening = wallClockToUtc(zone, y, m, d - daysBefore + script.offset, 9);
            t.clock.set(opening);
            t.site.tick();
            await call('openDesk', { deskId, serviceIds: letters.map((l) => serviceIdOf(t, l)) });
            model.push(...(await playDay(script.tickets)));
            // Closing time: what is left waiting or parked closes with the day.
            t.clock.set(wallClockToUtc(zone, y, m, d - daysBefore + script.offset, 23, 59) + 30_000);
            t.site.tick();
          }
          const firstDay = oracleLocalDay(wallClockToUtc(zone, y, m, d - daysBefore + scripts[0]!.offset, 12), zone);
          const lastDay = oracleLocalDay(t.clock.now(), zone);

          // The reports add up to the script, whatever was already rolled in by the ticks.
          const before = history(firstDay, lastDay);
          expect(numbers(before.day)).toEqual(sumModel(model, (v) => v.day).sort(byKey));
          expect(numbers(before.service).sort(byKey)).toEqual(sumModel(model, (v) => String(v.serviceId)).sort(byKey));
          expect(numbers(before.hour).sort(byKey)).toEqual(sumModel(model, (v) => String(v.hour)).sort(byKey));

          const dayEnd = t.clock.now();
          // Either at random times, or just after each visit expires, so that figures with the same key
          // are rolled in by different purges and must add up rather than overwrite.
          const chosen =
            purges === 'one by one'
              ? model.map((v) => oracleExpiry(v.issuedAt, zone, 28) + 1).filter((at) => at > dayEnd)
              : purges.map((p) => dayEnd + p * minute);
          const times = [...new Set([...chosen, dayEnd + 30 * 24 * 60 * minute])].sort((a, b) => a - b);
          for (const at of times) {
            t.clock.set(at);
            const due = dueForPurge(oracleCutoff(at, zone, 28));
            const sumsBefore = statsSums(firstDay, lastDay);
            const entry = t.site.purge('hourly');
            expect(entry.visitsDeleted).toBe(due.issued);
            const sumsAfter = statsSums(firstDay, lastDay);
            for (const [k, n] of Object.entries(due)) expect((sumsAfter[k] ?? 0) - (sumsBefore[k] ?? 0), k).toBe(n);
            expect(history(firstDay, lastDay)).toEqual(before);
            // Purging again at the same moment finds nothing more and counts nothing twice.
            expect(t.site.purge('manual').visitsDeleted).toBe(0);
            expect(statsSums(firstDay, lastDay)).toEqual(sumsAfter);
            expect(history(firstDay, lastDay)).toEqual(before);
          }
          // Everything is gone now, and daily_stats alone holds the script's totals.
          expect(t.site.database.prepare('SELECT count(*) AS n FROM visits WHERE day BETWEEN ? AND ?').get(firstDay, lastDay)).toEqual({ n: 0 });
          const total = sumModel(model, () => 'all')[0]!;
          const { waitMsMax: _w, serviceMsMax: _s, key: _k, ...totals } = total;
          expect(t.site.database.prepare('SELECT max(wait_ms_max) AS w, max(service_ms_max) AS s FROM daily_stats WHERE day BETWEEN ? AND ?').get(firstDay, lastDay)).toEqual({
            w: total.waitMsMax,
            s: total.serviceMsMax,
          });
          expect(statsSums(firstDay, lastDay)).toEqual(totals);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('adds to the figures already rolled in when a later purge brings more visits with the same key', async () => {
    year += 1;
    const day = (h: number, m: number) => london(year, 6, 9, h, m);
    t.clock.set(day(9, 0));
    t.site.tick();
    await call('openDesk', { deskId, serviceIds: [serviceIdOf(t, 'C')] });
    // Two Council Tax visits in the same hour, both served at Desk 1 by the manager: one key.
    const scripts: TicketScript[] = [
      { letter: 'C', priority: false, gap: 0, wait: 0, serve: 9, fate: 'resolved' },
      { letter: 'C', priority: false, gap: 10, wait: 0, serve: 4, fate: 'resolved' },
    ];
    const model = await playDay(scripts);
    t.clock.set(oracleExpiry(model[0]!.issuedAt, zone, 28) + 1);
    expect(t.site.purge('hourly').visitsDeleted).toBe(1);
    t.clock.set(oracleExpiry(model[1]!.issuedAt, zone, 28) + 1);
    expect(t.site.purge('hourly').visitsDeleted).toBe(1);
    const rows = t.site.database
      .prepare('SELECT issued, served, within_target, wait_ms_sum, wait_ms_max, service_ms_sum, service_ms_max FROM daily_stats WHERE day = ?')
      .all(model[0]!.day);
    expect(rows).toEqual([
      // Waited 10 and 9 minutes (both within the 15-minute target), served for 9 and 4.
      { issued: 2, served: 2, within_target: 2, wait_ms_sum: 19 * minute, wait_ms_max: 10 * minute, service_ms_sum: 13 * minute, service_ms_max: 9 * minute },
    ]);
  });
});
