import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/clock.js';
import { openSite } from '../../electron/core/open-site.js';
import type { Site } from '../../electron/core/site.js';
import { call, spawnTimeout, startServe, stopServe, zoneWhereItIsMidday, type RunningServe } from '../cli/program.js';
import { tempDir, testPassphrase } from '../fixtures/temp-site.js';
import { CallTimes } from './site-day/call-times.js';
import { checkDay, checkRollUp } from './site-day/day-checks.js';
import { drawVisitors, replayDay } from './site-day/day-replay.js';
import { DisplayClient } from './site-day/display-client.js';
import { asFastAsItGoes, serviceWeights } from './site-day/fast-day.js';
import { Ledger } from './site-day/ledger.js';
import { closeWorld, managerPin, setUpSite, type SiteWorld } from './site-day/site-setup.js';

/*
 * The hub killed with kill -9 in the middle of a busy day, and started again on the same data
 * and port: the clients send what was in flight again with the same Idempotency-Key (signing in
 * again, since sessions died with the process), and the day must still add up — nothing the hub
 * acknowledged is lost, nothing is applied twice.
 */

const env = { ONE_STOP_QUEUE_PASSPHRASE: testPassphrase };
const visitors = 400;
const allDay = { open: '00:00', lastTicket: '23:58', close: '23:59' };

/** A port free now, so that the restarted hub can come back where its clients look for it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const cleanUp: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanUp.splice(0).reverse()) await step();
});

function killOnExit(serve: RunningServe): void {
  cleanUp.push(async () => {
    if (serve.child.exitCode === null && serve.child.signalCode === null) await stopServe(serve, 'SIGKILL');
  });
}

describe('a site day across kill -9 of the hub', { timeout: spawnTimeout * 2 }, () => {
  it('loses no acknowledged action and applies none twice when the clients retry with the same keys', async () => {
    const made = tempDir('osq-site-day-kill-');
    cleanUp.push(made.remove);
    const dataDir = path.join(made.dir, 'store');
    const port = await freePort();
    const first = await startServe(dataDir, env, ['--port', String(port)]);
    killOnExit(first);

    const world: SiteWorld = await setUpSite({
      baseUrl: first.url,
      timeZone: zoneWhereItIsMidday(),
      hours: allDay,
      receptions: 2,
      desks: Array.from({ length: 4 }, () => serviceWeights.map(([letter]) => letter)),
      times: new CallTimes(),
    });
    cleanUp.push(() => closeWorld(world));
    const display = await DisplayClient.connect(first.url);
    cleanUp.push(() => display.close());

    const ledger = new Ledger();
    const day = replayDay(world, drawVisitors(visitors, serviceWeights, 0.05, 11), asFastAsItGoes, { noShow: 0.06, recall: 0.1 }, 11, ledger);
    // Held until the hub is back, so that a refusal during the restart fails the test there and then.
    const dayEnded = day.then(
      () => null,
      (error: unknown) => error,
    );
    // Mid-day, with calls from every PC in flight: kill the hub, then start it again on the same port.
    while (ledger.issued.size < visitors / 2) await sleep(5);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const second = await startServe(dataDir, env, ['--port', String(port)]);
    killOnExit(second);
    expect(second.url).toBe(first.url);
    const failure = await dayEnded;
    if (failure !== null) throw failure;

    const clients = [...world.receptions, ...world.desks.map((d) => d.client)];
    // The kill did cut calls off, and sessions were lost: the retry paths were really taken.
    expect(clients.reduce((n, c) => n + c.retries, 0)).toBeGreaterThan(0);
    expect(clients.reduce((n, c) => n + c.reSignIns, 0)).toBeGreaterThan(0);
    // A display never sees the same ticket first-called twice (calls made while it was away it misses).
    expect([...display.calls.values()].filter((n) => n > 1)).toEqual([]);
    // The site as the restarted hub sees it: nothing left waiting.
    const manager = await call<{ token: string }>(second.url, 'signIn', { staffId: world.managerId, pin: managerPin });
    expect(await call<unknown[]>(second.url, 'getQueue', {}, manager.token)).toEqual([]);
    expect((await stopServe(second, 'SIGTERM')).code).toBe(0);

    // Then the store itself, opened here once the hub has stopped.
    const clock = new ManualClock(Date.now());
    const site: Site = await openSite({ dataDir, unlock: { kind: 'passphrase', passphrase: testPassphrase }, clock });
    cleanUp.push(() => site.close());
    expect(checkDay(site.database, ledger, visitors)).toEqual([]);
    const { day: siteDay } = site.database.prepare('SELECT day FROM visits LIMIT 1').get() as { day: string };
    const rolledUp = await checkRollUp(site, () => clock.advance(30 * 24 * 60 * 60_000), { staffId: world.managerId, pin: managerPin }, siteDay, ledger);
    expect(rolledUp).toEqual([]);
  });
});
