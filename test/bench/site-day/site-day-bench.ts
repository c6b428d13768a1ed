/**
 * `npm run bench -- --site-day [--quick] [--json] [--lan] [--fast-only | --realistic-only] [--speed N] [--visitors N]`:
 * the busy day as fast as it goes (throughput, latency per call, WAL peak, every check), then
 * the same site on a compressed clock (how far the ticket's wait estimate is from the wait).
 * With `--lan`, the fast day's receptions and desks are paired desk PCs calling through the
 * hub's LAN door (HTTPS, pinned) and its displays watch the display door.
 * With `--json`, one JSON object on the last line.
 */
import { fullDay, runFastDay, type FastDayOptions, type SiteDayFigures } from './fast-day.js';
import { realisticDay, runRealisticDay, type RealisticResult } from './realistic-day.js';

const print = (line: string) => process.stdout.write(`${line}\n`);

export const quickDay: FastDayOptions = { visitors: 300, desks: 4, receptions: 2, displays: 2, seed: 20261124 };

/**
 * For bench.ts's `--json` line: the fast day's figures, under exactly these names. Throws when
 * the day did not add up — a fast wrong answer is no figure.
 */
export async function siteDayFigures(options: { quick?: boolean } = {}): Promise<SiteDayFigures> {
  const day = await runFastDay(options.quick === true ? quickDay : fullDay);
  if (day.problems.length > 0) throw new Error(`the site day did not add up: ${day.problems.slice(0, 10).join('; ')}`);
  return { siteDayCallsPerSec: day.siteDayCallsPerSec, siteDayP99Ms: day.siteDayP99Ms, walPeakMiB: day.walPeakMiB, perCall: day.perCall };
}

/** The realistic day's wait-estimate error, for bench.ts's `--json` (about 4 minutes in full, seconds with `quick`). */
export async function waitEstimateFigures(options: { quick?: boolean } = {}): Promise<{ waitEstimateMaeMin: number; waitEstimateBiasMin: number }> {
  const real = await runRealisticDay({ ...realisticDay, ...(options.quick === true ? { visitors: 60, speed: 3000 } : {}) });
  if (real.problems.length > 0) throw new Error(`the realistic day did not add up: ${real.problems.slice(0, 10).join('; ')}`);
  return { waitEstimateMaeMin: real.waitEstimateMaeMin, waitEstimateBiasMin: real.waitEstimateBiasMin };
}

function option(args: readonly string[], name: string): number | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = Number(args[at + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} wants a positive number`);
  return value;
}

export async function runSiteDayBench(args: readonly string[]): Promise<void> {
  const quick = args.includes('--quick');
  const json: Record<string, unknown> = { quick };
  let failed = false;

  if (!args.includes('--realistic-only')) {
    const lan = args.includes('--lan');
    const options = { ...(quick ? quickDay : fullDay), lan };
    const day = await runFastDay(options);
    const where = lan ? `, ${String(day.pairedPcs)} of the PCs paired over the LAN door (HTTPS)` : '';
    print(`One Stop Queue site day${quick ? ' (quick)' : ''}: ${String(options.visitors)} visitors, ${String(options.desks)} desks, ${String(options.receptions)} receptions, ${String(options.displays)} displays${where}, as fast as it goes`);
    const rows: Array<[string, string, string]> = [
      ['calls answered / s', String(day.siteDayCallsPerSec), '≥ 1000'],
      ['  of them changing something / s', String(day.usefulCallsPerSec), ''],
      ['p99 of every call (ms)', String(day.siteDayP99Ms), '≤ 50'],
      ['WAL peak (MiB)', String(day.walPeakMiB), '≤ 16'],
    ];
    for (const [name, f] of Object.entries(day.perCall)) rows.push([`${name} p50 / p99 (ms), ${String(f.calls)} calls`, `${String(f.p50Ms)} / ${String(f.p99Ms)}`, '']);
    const width = Math.max(...rows.map(([label]) => label.length));
    for (const [label, value, target] of rows) print(`  ${label.padEnd(width)}  ${value.padStart(15)}  ${target}`);
    print(`  (${String(day.calls)} calls in ${String(Math.round(day.wallMs))} ms, ${String(day.emptyCalls)} of them callNext finding nobody; displays shown ${day.displayCallsShown.join(', ')} calls)`);
    print(day.problems.length === 0 ? '  checks: every ticket issued, called, ended once; displays and daily_stats agree' : `  CHECKS FAILED (${String(day.problems.length)}):`);
    for (const problem of day.problems.slice(0, 20)) print(`    ${problem}`);
    failed ||= day.problems.length > 0;
    Object.assign(json, { lan, siteDayCallsPerSec: day.siteDayCallsPerSec, siteDayP99Ms: day.siteDayP99Ms, walPeakMiB: day.walPeakMiB, perCall: day.perCall, siteDayProblems: day.problems.length });
  }

  if (!args.includes('--fast-only')) {
    const options = {
      ...realisticDay,
      ...(quick ? { visitors: 60, speed: 3000 } : {}),
      ...(option(args, '--speed') === undefined ? {} : { speed: option(args, '--speed')! }),
      ...(option(args, '--visitors') === undefined ? {} : { visitors: option(args, '--visitors')! }),
    };
    const real: RealisticResult = await runRealisticDay(options);
    print(`Realistic day: ${String(options.visitors)} visitors, 15 desks, site clock ${String(options.speed)}× real time (${String(Math.round(real.realMs / 1000))} s)`);
    print(`  wait estimate mean absolute error (min)  ${String(real.waitEstimateMaeMin).padStart(7)}  ≤ 3`);
    print(`  wait estimate mean error (min)           ${String(real.waitEstimateBiasMin).padStart(7)}  (+ promises too long, − too short)`);
    for (const [letter, s] of Object.entries(real.byService)) {
      print(`  ${letter}: ${String(s.tickets)} tickets, error ${String(s.maeMin)} (mean ${String(s.biasMin)}), wait mean ${String(s.meanWaitMin)}, longest ${String(s.maxWaitMin)} min`);
    }
    if (real.problems.length > 0) print(`  CHECKS FAILED (${String(real.problems.length)}): ${real.problems.slice(0, 10).join('; ')}`);
    failed ||= real.problems.length > 0;
    Object.assign(json, { waitEstimateMaeMin: real.waitEstimateMaeMin, waitEstimateBiasMin: real.waitEstimateBiasMin, realisticProblems: real.problems.length });
  }

  if (args.includes('--json')) print(JSON.stringify(json));
  if (failed) process.exitCode = 1;
}
