/**
 * `npm run bench` — the store at full size: 28 days × 3,000 visits and a year of daily figures,
 * opened through the key-file slot. Prints a table; with `--json`, one JSON object on the last
 * line. `--quick` uses small numbers so `npm test` can check that the bench still runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ManualClock } from '../../electron/core/clock.js';
import { createKeyFile, createKeystore, unlockKeystore } from '../../electron/core/keystore/index.js';
import { atLocalTime } from '../../electron/core/local-time.js';
import { openSite } from '../../electron/core/open-site.js';
import type { Site } from '../../electron/core/site.js';
import { storePaths } from '../../electron/core/store/paths.js';
import { historyGroupings } from '../../shared/domain/stats.js';
import type { Session } from '../../shared/domain/staff.js';
import type { TicketView } from '../../shared/domain/visit.js';
import { issueInput } from '../fixtures/queue-fixtures.js';
import { openPlainTestSite, tempDir, testPassphrase } from '../fixtures/temp-site.js';
import { buildStore, daysBefore, zone, type BenchSizes, type BenchWorld } from './bench-store.js';
import { measureCallToDisplay } from './bench-display.js';
import { CommitFloor, HttpIssuer, measureQueueGrowth } from './bench-issue-overhead.js';
import { runSiteDayBench, siteDayFigures, waitEstimateFigures } from './site-day/site-day-bench.js';
import { measureServeFirstAnswer } from './bench-serve-start.js';

// `--site-day`: the busy day replayed through the hub alone (test/bench/site-day/).
if (process.argv.includes('--site-day')) {
  await runSiteDayBench(process.argv.slice(2));
  process.exit();
}

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const asJson = args.has('--json');
const sizes: BenchSizes = quick ? { days: 3, visitsPerDay: 200, statsDays: 20, desks: 4 } : { days: 28, visitsPerDay: 3000, statsDays: 365, desks: 12 };
const samples = quick ? 60 : 1000;
const today = '2026-11-24';
const seed = 20261124;

const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length * 0.99) - 1)]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 100) / 100;
/** The bench's output is its product: the table, then the JSON line. */
const print = (line: string) => process.stdout.write(`${line}\n`);

function time<T>(work: () => T): [T, number] {
  const start = performance.now();
  const value = work();
  return [value, performance.now() - start];
}

async function timeAsync<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

function lastPurge(site: Site): { visitsDeleted: number; durationMs: number } {
  return site.database.prepare('SELECT visits_deleted AS visitsDeleted, duration_ms AS durationMs FROM purge_log ORDER BY id DESC LIMIT 1').get() as {
    visitsDeleted: number;
    durationMs: number;
  };
}

/** A working afternoon: tickets keep arriving and desks keep calling, with about 50 waiting. */
class Afternoon {
  private readonly desks: Array<{ deskId: number; token: string; current: TicketView | null }> = [];
  private readonly input: ReturnType<typeof issueInput>[];
  private n = 0;
  readonly issueMs: number[] = [];
  readonly callMs: number[] = [];
  /** issueTicket through the hub over HTTP, in steps of their own (`stepOverHttp`). */
  readonly httpIssueMs: number[] = [];

  private constructor(
    private readonly site: Site,
    private readonly clock: ManualClock,
    private readonly manager: string,
    world: BenchWorld,
  ) {
    this.input = world.serviceIds.map((id, i) => issueInput(id, { name: `Bench Visitor ${i}`, priority: i === 3 ? 'mobility' : null }));
  }

  static async start(site: Site, clock: ManualClock, world: BenchWorld): Promise<Afternoon> {
    const manager = await site.call('signIn', { staffId: world.manager.staff.id, pin: '2468' }, null);
    const afternoon = new Afternoon(site, clock, manager.token, world);
    for (const desk of world.desks.slice(0, 4)) {
      const session: Session = await site.call('signIn', { staffId: desk.advisorId, pin: '1357' }, null);
      await site.call('openDesk', { deskId: desk.deskId, serviceIds: world.serviceIds }, session.token);
      afternoon.desks.push({ deskId: desk.deskId, token: session.token, current: null });
    }
    for (let i = 0; i < 50; i += 1) afternoon.issue(false);
    return afternoon;
  }

  private issue(measure: boolean): void {
    this.clock.advance(10_000);
    const [, ms] = time(() => this.site.callSync('issueTicket', this.input[this.n % this.input.length], this.manager));
    this.n += 1;
    if (measure) this.issueMs.push(ms);
  }

  /** One arrival and one call; finishing the desk's previous visitor is not measured. */
  step(): void {
    this.issue(true);
    this.callAtNextDesk();
  }

  /** The same step with the arrival issued through the hub, so the queue stays as long. */
  async stepOverHttp(hub: HttpIssuer, measure: boolean): Promise<void> {
    this.clock.advance(10_000);
    const start = performance.now();
    await hub.issue(this.input[this.n % this.input.length]!, this.manager);
    if (measure) this.httpIssueMs.push(performance.now() - start);
    this.n += 1;
    this.callAtNextDesk();
  }

  private callAtNextDesk(): void {
    const desk = this.desks[this.n % this.desks.length]!;
    if (desk.current !== null) {
      this.site.callSync('startService', { visitId: desk.current.visitId }, desk.token);
      this.site.callSync('finishService', { visitId: desk.current.visitId, outcome: 'resolved' }, desk.token);
    }
    const [called, ms] = time(() => this.site.callSync('callNext', { deskId: desk.deskId }, desk.token) as TicketView | null);
    desk.current = called;
    this.callMs.push(ms);
  }
}

async function main(): Promise<void> {
  const dirs: Array<() => void> = [];
  const rows: Array<[string, number | string, string]> = [];
  try {
    // The passphrase slot alone: scrypt, then AES-GCM unwrap.
    const pass = tempDir('osq-bench-');
    dirs.push(pass.remove);
    const keystore = path.join(pass.dir, 'keystore.json');
    await createKeystore(keystore, { kind: 'passphrase', passphrase: testPassphrase });
    const unlocks: number[] = [];
    for (let i = 0; i < (quick ? 1 : 3); i += 1) unlocks.push((await timeAsync(() => unlockKeystore(keystore, { kind: 'passphrase', passphrase: testPassphrase })))[1]);

    // The encrypted store, built once and copied, so one copy is purged a day and the other caught up.
    const a = tempDir('osq-bench-');
    dirs.push(a.remove);
    const keyFile = path.join(a.dir, 'site.key');
    createKeyFile(keyFile);
    const storeA = path.join(a.dir, 'store');
    const clockA = new ManualClock(atLocalTime(daysBefore(today, sizes.days + 1), '08:00', zone));
    const building = await openSite({ dataDir: storeA, unlock: { kind: 'key-file', path: keyFile }, create: true, clock: clockA });
    const [world, buildMs] = await timeAsync(() => buildStore(building, today, sizes, seed));
    await building.call('updateSettings', { retentionDays: sizes.days, managerPin: '2468' }, world.manager.token);
    building.close();
    const copyStore = (name: string) => {
      const copy = path.join(a.dir, name);
      fs.mkdirSync(copy);
      for (const file of [storePaths(storeA).database, storePaths(storeA).keystore]) fs.copyFileSync(file, path.join(copy, path.basename(file)));
      return copy;
    };
    const storeB = copyStore('store-copy');
    // `serve` on the real clock: its first start purges what the bench's calendar left behind
    // (a catch-up, measured above in the core); the second is a morning's start on a 28-day store.
    const storeC = copyStore('store-serve');
    const serveCatchUpMs = await measureServeFirstAnswer({ dataDir: storeC, keyFile });
    const serveStarts: number[] = [];
    for (let i = 0; i < (quick ? 1 : 3); i += 1) serveStarts.push(await measureServeFirstAnswer({ dataDir: storeC, keyFile }));

    // The same visits, unencrypted, for the cost of encryption.
    const p = tempDir('osq-bench-');
    dirs.push(p.remove);
    const clockP = new ManualClock(clockA.now());
    const plain = openPlainTestSite(path.join(p.dir, 'store'), clockP);
    const plainWorld = await buildStore(plain, today, sizes, seed);
    await plain.call('updateSettings', { retentionDays: sizes.days, managerPin: '2468' }, plainWorld.manager.token);

    // Open + migrate + purge the oldest day, as at a morning start.
    const openAt = atLocalTime(today, '17:00', zone);
    clockA.set(openAt);
    const [site, openAndPurgeMs] = await timeAsync(() => openSite({ dataDir: storeA, unlock: { kind: 'key-file', path: keyFile }, clock: clockA }));
    const dayPurge = lastPurge(site);
    if (dayPurge.visitsDeleted !== sizes.visitsPerDay) throw new Error(`expected to purge ${sizes.visitsPerDay} visits, purged ${dayPurge.visitsDeleted}`);
    clockP.set(openAt);
    plain.purge('startup');

    // Issue and call, encrypted and plain in alternating blocks so that a busy machine hits both alike.
    // The same blocks also time the floor (a bare durable commit beside the store) and the same
    // issue over HTTP to the real hub, so that their ratios compare figures of the same minutes.
    const encrypted = await Afternoon.start(site, clockA, world);
    const unencrypted = await Afternoon.start(plain, clockP, plainWorld);
    const floor = new CommitFloor(a.dir);
    const overHttp = await HttpIssuer.start(site);
    try {
      for (let i = 0; i < 20; i += 1) await encrypted.stepOverHttp(overHttp, false);
      for (let done = 0; done < samples; done += 50) {
        for (let i = 0; i < 50; i += 1) encrypted.step();
        for (let i = 0; i < 50; i += 1) unencrypted.step();
        for (let i = 0; i < 50; i += 1) await encrypted.stepOverHttp(overHttp, true);
        floor.sample(50);
      }
    } finally {
      floor.close();
      await overHttp.close();
    }

    const manager = (await site.call('signIn', { staffId: world.manager.staff.id, pin: '2468' }, null)).token;
    const live: number[] = [];
    for (let i = 0; i < 20; i += 1) live.push(time(() => site.callSync('getLiveSnapshot', {}, manager))[1]);
    const from = daysBefore(today, sizes.days + sizes.statsDays);
    const history: Record<string, number> = {};
    for (const groupBy of historyGroupings) {
      const runs: number[] = [];
      for (let i = 0; i < 5; i += 1) runs.push(time(() => site.callSync('getHistory', { from, to: today, groupBy }, manager))[1]);
      history[groupBy] = median(runs);
    }
    const statsRows = (site.database.prepare('SELECT count(*) AS n FROM daily_stats').get() as { n: number }).n;
    // Through the real hub on loopback, on the full store, after the afternoon's calls.
    const display = await measureCallToDisplay(site, clockA, manager, quick ? { calls: 30, warmUp: 5 } : { calls: 200, warmUp: 10 });
    // Last on this store: it leaves 500 tickets waiting.
    const growth = measureQueueGrowth(site, clockA, manager, [50, 500]);
    site.close();
    plain.close();

    // Closed for a month: every visit has expired by the next start.
    const clockB = new ManualClock(atLocalTime(daysBefore(today, -(sizes.days + 1)), '17:00', zone));
    const [caughtUp, catchUpPurgeMs] = await timeAsync(() => openSite({ dataDir: storeB, unlock: { kind: 'key-file', path: keyFile }, clock: clockB }));
    const catchUp = lastPurge(caughtUp);
    caughtUp.close();
    if (catchUp.visitsDeleted !== sizes.days * sizes.visitsPerDay) throw new Error(`catch-up purged ${catchUp.visitsDeleted} visits`);

    // The busy day through the real hub, and the realistic day's wait estimate (test/bench/site-day/).
    const siteDay = await siteDayFigures({ quick });
    const waits = await waitEstimateFigures({ quick });

    const figures = {
      issueTicketP99Ms: round(p99(encrypted.issueMs)),
      callNextP99Ms: round(p99(encrypted.callMs)),
      openAndPurgeMs: round(openAndPurgeMs),
      catchUpPurgeMs: round(catchUpPurgeMs),
      liveStatsMs: round(median(live)),
      historyStatsMs: round(Math.max(...Object.values(history))),
      encryptedOverPlain: round(median(encrypted.issueMs) / median(unencrypted.issueMs)),
      unlockPassphraseMs: round(median(unlocks)),
      callToDisplayMs: round(p99(display.oneDisplayMs)),
      callToDisplayMaxOf20Ms: round(p99(display.slowestOf20Ms)),
      commitFloorMs: round(median(floor.commitMs)),
      issueOverFloor: round(median(encrypted.issueMs) / median(floor.commitMs)),
      httpOverCoreIssue: round(median(encrypted.httpIssueMs) / median(encrypted.issueMs)),
      placeInLineAt50Us: round(growth.placeUs[50]!),
      placeInLineAt500Us: round(growth.placeUs[500]!),
      nextWaitingAt50Us: round(growth.nextUs[50]!),
      nextWaitingAt500Us: round(growth.nextUs[500]!),
      siteDayCallsPerSec: siteDay.siteDayCallsPerSec,
      siteDayP99Ms: siteDay.siteDayP99Ms,
      walPeakMiB: siteDay.walPeakMiB,
      serveFirstAnswerMs: round(median(serveStarts)),
      waitEstimateMaeMin: waits.waitEstimateMaeMin,
    };
    rows.push(
      ['issue ticket p99 (ms)', figures.issueTicketP99Ms, '≤ 2'],
      ['call next p99 (ms)', figures.callNextP99Ms, '≤ 2'],
      [`open + migrate + purge a day of ${sizes.visitsPerDay} (ms)`, figures.openAndPurgeMs, '≤ 300'],
      [`catch-up purge of ${sizes.days * sizes.visitsPerDay}, with open (ms)`, figures.catchUpPurgeMs, '≤ 2000'],
      ['live snapshot, median (ms)', figures.liveStatsMs, '≤ 20'],
      [`history over ${sizes.statsDays + sizes.days} days, slowest grouping (ms)`, figures.historyStatsMs, '≤ 50'],
      ['issue ticket median, encrypted ÷ plain', figures.encryptedOverPlain, '≤ 1.3'],
      ['passphrase unlock (ms)', figures.unlockPassphraseMs, ''],
      [`call → display p99, 1 display, ${display.oneDisplayMs.length} calls (ms)`, figures.callToDisplayMs, ''],
      ['call → display p99, slowest of 20 displays (ms)', figures.callToDisplayMaxOf20Ms, ''],
      ['durable one-row commit, median (ms)', figures.commitFloorMs, ''],
      ['issue ticket median ÷ that commit', figures.issueOverFloor, '≤ 2'],
      ['issue over HTTP p50 ÷ issue in the core p50', figures.httpOverCoreIssue, '≤ 1.3'],
      ['place in line, 50 → 500 waiting (µs)', `${figures.placeInLineAt50Us} → ${figures.placeInLineAt500Us}`, 'flat'],
      ['next ticket, 50 → 500 waiting (µs)', `${figures.nextWaitingAt50Us} → ${figures.nextWaitingAt500Us}`, 'flat'],
      ['site day over HTTP, calls answered / s', figures.siteDayCallsPerSec, '≥ 1000'],
      ['site day over HTTP, p99 of all calls (ms)', figures.siteDayP99Ms, '≤ 50'],
      ['site day, -wal file at its largest (MiB)', figures.walPeakMiB, '≤ 16'],
      [`serve: start to first answer on a ${sizes.days}-day store (ms)`, figures.serveFirstAnswerMs, '≤ 1000'],
      ['realistic day: wait on the ticket, mean error (min)', figures.waitEstimateMaeMin, '≤ 3'],
    );
    const width = Math.max(...rows.map(([label]) => label.length));
    print(`One Stop Queue bench${quick ? ' (quick)' : ''}: ${sizes.days} days × ${sizes.visitsPerDay} visits, ${statsRows} daily_stats rows, ${samples} samples`);
    for (const [label, value, target] of rows) print(`  ${label.padEnd(width)}  ${String(value).padStart(9)}  ${target}`);
    print(`  (build ${Math.round(buildMs)} ms; purge alone: a day ${dayPurge.durationMs} ms, catch-up ${catchUp.durationMs} ms;`);
    print(`   history by ${Object.entries(history).map(([g, ms]) => `${g} ${round(ms)}`).join(', ')} ms;`);
    print(`   issue median ${round(median(encrypted.issueMs))} ms encrypted, ${round(median(unencrypted.issueMs))} ms plain, ${round(median(encrypted.httpIssueMs))} ms over HTTP;`);
    print(`   call next median ${round(median(encrypted.callMs))} ms; issue p99 over HTTP ${round(p99(encrypted.httpIssueMs))} ms;`);
    // Differences as well as ratios: on a busy machine a slow disk makes any ratio to it look good.
    print(`   issue median beyond the commit ${round(median(encrypted.issueMs) - median(floor.commitMs))} ms, HTTP beyond the core ${round(median(encrypted.httpIssueMs) - median(encrypted.issueMs))} ms;`);
    print(`   call → display median ${round(median(display.oneDisplayMs))} ms to 1, ${round(median(display.slowestOf20Ms))} ms to the slowest of 20;`);
    print(`   serve's first start, purging the days the bench's calendar left behind, ${Math.round(serveCatchUpMs)} ms; realistic day's mean error ${waits.waitEstimateBiasMin} min (+ too long);`);
    print(`   site day per call p50/p99 ms: ${Object.entries(siteDay.perCall).map(([name, c]) => `${name} ${c.p50Ms}/${c.p99Ms}`).join(', ')})`);
    if (asJson) print(JSON.stringify({ quick, ...figures, dailyStatsRows: statsRows, visits: sizes.days * sizes.visitsPerDay, samples }));
  } finally {
    for (const remove of dirs) remove();
  }
}

await main();
