/**
 * `npm run bench -- --site-day`, part one: a busy day as fast as it will go, against the real hub
 * over loopback HTTP on a real encrypted store — receptions issuing, desks calling, serving and
 * marking no-shows, displays watching — then every check of the day and of its roll-up.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createKeyFile } from '../../../electron/core/keystore/index.js';
import { atLocalTime } from '../../../electron/core/local-time.js';
import { openSite } from '../../../electron/core/open-site.js';
import { storePaths } from '../../../electron/core/store/paths.js';
import { startHub } from '../../../electron/hub/index.js';
import { tempDir } from '../../fixtures/temp-site.js';
import { CallTimes, type CallFigures } from './call-times.js';
import { checkDay, checkRollUp } from './day-checks.js';
import { drawVisitors, replayDay, type Pacing } from './day-replay.js';
import { DisplayClient } from './display-client.js';
import { openLanSite } from './lan-site.js';
import type { Ledger } from './ledger.js';
import { closeWorld, managerPin, setUpSite } from './site-setup.js';
import { SiteClock } from './site-clock.js';
import { watchWal } from './wal-watch.js';

export const siteDayZone = 'Europe/London';
/** A Tuesday: the replay's day, open round the clock so that no ticket meets the last-ticket time. */
export const siteDayDate = '2026-11-24';
const allDay = { open: '00:00', lastTicket: '23:58', close: '23:59' };
/** Council tax is the busiest counter; a few services take the rest. */
export const serviceWeights: ReadonlyArray<readonly [string, number]> = [
  ['C', 40],
  ['B', 20],
  ['H', 20],
  ['P', 10],
  ['W', 10],
];

export interface FastDayOptions {
  visitors: number;
  desks: number;
  receptions: number;
  displays: number;
  seed: number;
  /**
   * The receptions and desks as paired desk PCs on the hub's LAN door (HTTPS, pinned, through
   * the desk link) and the displays on the display door, as at a real site; the hub PC's own
   * door otherwise.
   */
  lan?: boolean;
}

export const fullDay: FastDayOptions = { visitors: 3000, desks: 15, receptions: 2, displays: 2, seed: 20261124 };

/** The figures `npm run bench -- --json` carries, under these names. */
export interface SiteDayFigures {
  siteDayCallsPerSec: number;
  siteDayP99Ms: number;
  walPeakMiB: number;
  perCall: Record<string, CallFigures>;
}

export interface FastDayResult extends SiteDayFigures {
  /** Everything the checks found wrong; empty when the day added up. */
  problems: string[];
  ledger: Ledger;
  calls: number;
  wallMs: number;
  emptyCalls: number;
  /** As siteDayCallsPerSec, without the callNext answers that found nobody waiting. */
  usefulCallsPerSec: number;
  displayCallsShown: number[];
  /** Reception and desk PCs paired over the LAN (0 on the hub PC's own door). */
  pairedPcs: number;
}

/**
 * Every desk serves every service here, so a desk with nobody to call is woken by the next ticket
 * issued; the limit is only a safety net, kept long so that idle desks do not pad the figures
 * with empty calls.
 */
export const asFastAsItGoes: Pacing = {
  arrival: () => Promise.resolve(),
  serve: () => Promise.resolve(),
  noShowWait: () => Promise.resolve(),
  idleLimitMs: 1_000,
};

const round = (x: number) => Math.round(x * 100) / 100;

export async function runFastDay(options: FastDayOptions = fullDay): Promise<FastDayResult> {
  const { dir, remove } = tempDir('osq-site-day-');
  const clock = new SiteClock(atLocalTime(siteDayDate, '09:00', siteDayZone), 1);
  const keyFile = path.join(dir, 'site.key');
  createKeyFile(keyFile);
  const dataDir = path.join(dir, 'store');
  const site = await openSite({ dataDir, unlock: { kind: 'key-file', path: keyFile }, create: true, clock });
  const hub = await startHub({ site, host: '127.0.0.1', port: 0 });
  const lan = options.lan === true ? await openLanSite(site) : null;
  const times = new CallTimes();
  const displays: DisplayClient[] = [];
  try {
    const world = await setUpSite({
      baseUrl: hub.url,
      timeZone: siteDayZone,
      hours: allDay,
      receptions: options.receptions,
      desks: Array.from({ length: options.desks }, () => serviceWeights.map(([letter]) => letter)),
      times,
      ...(lan === null ? {} : { pcDoor: lan.pcDoor }),
    });
    const displayUrl = lan === null ? hub.url : lan.displayUrl();
    for (let i = 0; i < options.displays; i += 1) displays.push(await DisplayClient.connect(displayUrl));
    const visitors = drawVisitors(options.visitors, serviceWeights, 0.05, options.seed);
    times.clear();

    const wal = watchWal(storePaths(dataDir).database);
    const started = performance.now();
    const ledger = await replayDay(world, visitors, asFastAsItGoes, { noShow: 0.06, recall: 0.1 }, options.seed);
    const wallMs = performance.now() - started;
    const walPeak = wal.stop();
    const calls = times.count;

    const problems = checkDay(site.database, ledger, options.visitors);
    problems.push(...(await checkDisplays(displays, ledger)));
    closeWorld(world);
    problems.push(
      ...(await checkRollUp(site, () => clock.set(clock.now() + 30 * 24 * 60 * 60_000), { staffId: world.managerId, pin: managerPin }, siteDayDate, ledger)),
    );
    return {
      siteDayCallsPerSec: round(calls / (wallMs / 1000)),
      siteDayP99Ms: times.overallP99Ms(),
      walPeakMiB: round(walPeak / (1024 * 1024)),
      perCall: times.perCall(),
      problems,
      ledger,
      calls,
      wallMs: round(wallMs),
      emptyCalls: ledger.emptyCalls,
      usefulCallsPerSec: round((calls - ledger.emptyCalls) / (wallMs / 1000)),
      displayCallsShown: displays.map((d) => d.callsShown),
      pairedPcs: lan?.paired ?? 0,
    };
  } finally {
    for (const display of displays) display.close();
    await lan?.close();
    await hub.close();
    site.close();
    remove();
  }
}

/**
 * Every display was shown every first call exactly once, and every recall. Events travel after
 * the answers, so the displays get a moment to catch up — a limit, not a measurement.
 */
async function checkDisplays(displays: readonly DisplayClient[], ledger: Ledger): Promise<string[]> {
  const expected = ledger.calledBy.size;
  const limit = performance.now() + 10_000;
  while (displays.some((d) => d.callsShown < expected || d.recalls < ledger.recallCount) && performance.now() < limit) await sleep(20);
  const problems: string[] = [];
  const numbers = new Set([...ledger.issued.values()].map((t) => t.number));
  for (const [i, display] of displays.entries()) {
    if (display.recalls !== ledger.recallCount) problems.push(`display ${String(i + 1)} showed ${String(display.recalls)} recalls of ${String(ledger.recallCount)}`);
    for (const number of numbers) {
      const shown = display.calls.get(number) ?? 0;
      if (shown !== 1) problems.push(`display ${String(i + 1)} showed ${number} ${String(shown)} times`);
    }
    if (display.calls.size !== numbers.size) problems.push(`display ${String(i + 1)} showed ${String(display.calls.size)} numbers for ${String(numbers.size)} tickets`);
  }
  return problems;
}
