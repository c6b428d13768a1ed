/**
 * `npm run bench -- --site-day`, part two: the day on a compressed site clock, to see how good
 * the wait printed on each ticket is. Visitors arrive over opening hours, most in the late
 * morning; each service takes its own time (log-normal around its mean); desks take the next
 * ticket when free. For every ticket: the estimate printed by issueTicket, and the wait the
 * visitor really had (first called minus issued, in site minutes).
 */
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createKeyFile } from '../../../electron/core/keystore/index.js';
import { atLocalTime } from '../../../electron/core/local-time.js';
import { openSite } from '../../../electron/core/open-site.js';
import { startHub } from '../../../electron/hub/index.js';
import { random } from '../bench-store.js';
import { tempDir } from '../../fixtures/temp-site.js';
import { CallTimes } from './call-times.js';
import { checkDay } from './day-checks.js';
import { drawVisitors, replayDay, type Pacing } from './day-replay.js';
import { siteDayDate, siteDayZone } from './fast-day.js';
import { closeWorld, setUpSite } from './site-setup.js';
import { SiteClock } from './site-clock.js';

const minute = 60_000;

export interface RealisticService {
  letter: string;
  /** Share of the day's visitors. */
  weight: number;
  meanMinutes: number;
}

/** Council tax is quick and busy, housing longer, benefits longest. */
export const realisticServices: readonly RealisticService[] = [
  { letter: 'C', weight: 45, meanMinutes: 6 },
  { letter: 'H', weight: 30, meanMinutes: 12 },
  { letter: 'B', weight: 25, meanMinutes: 20 },
];

/**
 * 15 desks, most of them for one service in proportion to its work (visitors × mean time), two
 * taking anyone — as a One Stop Shop staffs its counters.
 */
export const realisticDesks: ReadonlyArray<readonly string[]> = [
  ...Array.from({ length: 3 }, () => ['C']),
  ...Array.from({ length: 4 }, () => ['H']),
  ...Array.from({ length: 6 }, () => ['B']),
  ['C', 'H', 'B'],
  ['C', 'H', 'B'],
];

export interface RealisticOptions {
  /**
   * Visitors in the day. 15 desks for 7½ hours at these service times serve about 600; the
   * default keeps them about 85 % busy over the day, queues building through the late-morning
   * peak. (3,000 visitors at 6–20 minutes each would need some 70 desks.)
   */
  visitors: number;
  /** Site minutes per real minute. */
  speed: number;
  seed: number;
}

export const realisticDay: RealisticOptions = { visitors: 520, speed: 120, seed: 20261124 };

export interface WaitSample {
  serviceLetter: string;
  priority: boolean;
  estimatedMinutes: number;
  actualMinutes: number;
}

export interface RealisticResult {
  waitEstimateMaeMin: number;
  /** Mean of estimate minus actual: positive when tickets promise longer waits than people have. */
  waitEstimateBiasMin: number;
  byService: Record<string, { tickets: number; maeMin: number; biasMin: number; meanWaitMin: number; maxWaitMin: number }>;
  samples: WaitSample[];
  problems: string[];
  realMs: number;
}

/** A visitor's arrival, in site minutes after opening: more in the late morning (a peak near 11:30). */
function arrivalMinutes(count: number, spanMinutes: number, rnd: () => number): number[] {
  const density = (m: number) => 1 + 2 * Math.exp(-(((m - 150) / 75) ** 2));
  const times: number[] = [];
  while (times.length < count) {
    const m = rnd() * spanMinutes;
    if (rnd() * 3 < density(m)) times.push(m);
  }
  return times.sort((a, b) => a - b);
}

/** Log-normal around `mean` (σ 0.5 of the log): most visits near it, a few much longer. */
function serviceMinutes(mean: number, rnd: () => number): number {
  const sigma = 0.5;
  const normal = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  return Math.exp(Math.log(mean) - (sigma * sigma) / 2 + sigma * normal);
}

const round = (x: number) => Math.round(x * 100) / 100;

export async function runRealisticDay(options: RealisticOptions = realisticDay): Promise<RealisticResult> {
  const { dir, remove } = tempDir('osq-site-day-');
  const opens = atLocalTime(siteDayDate, '09:00', siteDayZone);
  const clock = new SiteClock(opens - 30 * minute, options.speed);
  const keyFile = path.join(dir, 'site.key');
  createKeyFile(keyFile);
  const site = await openSite({ dataDir: path.join(dir, 'store'), unlock: { kind: 'key-file', path: keyFile }, create: true, clock });
  const hub = await startHub({ site, host: '127.0.0.1', port: 0 });
  try {
    const world = await setUpSite({
      baseUrl: hub.url,
      timeZone: siteDayZone,
      hours: { open: '09:00', lastTicket: '16:30', close: '17:00' },
      receptions: 2,
      desks: realisticDesks,
      times: new CallTimes(),
    });
    const visitors = drawVisitors(
      options.visitors,
      realisticServices.map((s) => [s.letter, s.weight] as const),
      0.03,
      options.seed,
    );
    const arrivals = arrivalMinutes(options.visitors, 7 * 60 + 20, random(options.seed + 100));
    const means = new Map(realisticServices.map((s) => [world.services.get(s.letter)!, s.meanMinutes]));
    const wait = (siteMs: number) => sleep(siteMs / options.speed);
    const pacing: Pacing = {
      arrival: (i) => sleep(clock.realMsUntil(opens + arrivals[i]! * minute)),
      // Half a minute to walk up to the desk, then the service itself.
      serve: (serviceId, draw) => wait((0.5 + serviceMinutes(means.get(serviceId) ?? 10, draw)) * minute),
      noShowWait: () => wait(2 * minute),
      idleLimitMs: minute / options.speed,
    };
    // The doors open once everyone is set up.
    clock.set(opens - minute);
    const startedAt = Date.now();
    const ledger = await replayDay(world, visitors, pacing, { noShow: 0.05, recall: 0.1 }, options.seed);
    const realMs = Date.now() - startedAt;
    const problems = checkDay(site.database, ledger, options.visitors);
    closeWorld(world);

    const samples: WaitSample[] = [];
    for (const [i, ticket] of ledger.issued) {
      const calledAt = ledger.calledAt.get(ticket.visitId);
      if (calledAt === undefined) continue;
      samples.push({
        serviceLetter: visitors[i]!.serviceLetter,
        priority: visitors[i]!.priority !== null,
        estimatedMinutes: ticket.estimatedWaitMinutes,
        actualMinutes: (calledAt - ticket.issuedAt) / minute,
      });
    }
    const summary = (list: WaitSample[]) => ({
      tickets: list.length,
      maeMin: round(list.reduce((s, x) => s + Math.abs(x.estimatedMinutes - x.actualMinutes), 0) / Math.max(1, list.length)),
      biasMin: round(list.reduce((s, x) => s + x.estimatedMinutes - x.actualMinutes, 0) / Math.max(1, list.length)),
      meanWaitMin: round(list.reduce((s, x) => s + x.actualMinutes, 0) / Math.max(1, list.length)),
      maxWaitMin: round(Math.max(0, ...list.map((x) => x.actualMinutes))),
    });
    const all = summary(samples);
    return {
      waitEstimateMaeMin: all.maeMin,
      waitEstimateBiasMin: all.biasMin,
      byService: Object.fromEntries(realisticServices.map((s) => [s.letter, summary(samples.filter((x) => x.serviceLetter === s.letter))])),
      samples,
      problems,
      realMs,
    };
  } finally {
    await hub.close();
    site.close();
    remove();
  }
}
