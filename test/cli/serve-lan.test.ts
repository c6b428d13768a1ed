import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LanStatus } from '../../shared/domain/lan.js';
import type { Session } from '../../shared/domain/staff.js';
import { lanCall, lanRequest } from '../fixtures/lan-door-fixtures.js';
import { tempDir, testPassphrase } from '../fixtures/temp-site.js';
import { call, runProgram, spawnTimeout, startServe, stopServe, type RunningServe } from './program.js';

const env = { ONE_STOP_QUEUE_PASSPHRASE: testPassphrase };
const lanArgs = ['--lan-host', '127.0.0.2', '--lan-port', '0', '--display-port', '0'];

let dataDir: string;
let remove: () => void;
const running: RunningServe[] = [];

beforeEach(() => {
  const made = tempDir('osq-serve-lan-');
  remove = made.remove;
  dataDir = path.join(made.dir, 'store');
});

afterEach(async () => {
  for (const serve of running.splice(0)) {
    if (serve.child.exitCode === null && serve.child.signalCode === null) await stopServe(serve, 'SIGKILL');
  }
  remove();
});

function accepts(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** LAN access is turned on in Settings; the doors open a moment after the answer. Asked until they say where. */
async function lanStatusOnceListening(url: string, token: string): Promise<LanStatus> {
  for (;;) {
    const status = await call<LanStatus>(url, 'getLanStatus', {}, token);
    if (status.desksAt.length > 0) return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('one-stop-queue serve with LAN access', { timeout: spawnTimeout }, () => {
  it('opens the LAN doors where --lan-host says once a manager turns LAN access on, and closes them on SIGTERM', async () => {
    const hub = await startServe(dataDir, env, lanArgs);
    running.push(hub);
    const manager = await call<Session>(hub.url, 'setupSite', {
      siteName: 'Walton One Stop Shop',
      timeZone: 'Europe/London',
      manager: { name: 'Mia Manager', pin: '2468' },
    });
    expect((await call<LanStatus>(hub.url, 'getLanStatus', {}, manager.token)).desksAt).toEqual([]);

    await call(hub.url, 'setLanAccess', { enabled: true, managerPin: '2468' }, manager.token);
    const status = await lanStatusOnceListening(hub.url, manager.token);
    const desksAt = status.desksAt[0]!;
    const displayAt = status.displayAt[0]!;
    expect(desksAt).toMatch(/^https:\/\/127\.0\.0\.2:\d+$/);
    expect(displayAt).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
    const info = await lanCall(desksAt, 'getHubInfo', {});
    expect(info.fingerprint).toBe(status.fingerprint);
    expect((await lanCall(displayAt, 'getDisplayState', {})).status).toBe(200);
    expect((await lanRequest(displayAt, '/api/openapi.json')).status).toBe(404);

    const result = await stopServe(hub, 'SIGTERM');
    expect(result.code).toBe(0);
    expect(await accepts(desksAt)).toBe(false);
    expect(await accepts(displayAt)).toBe(false);
  });

  it('refuses a --lan-host that is not an address, and a port that is not one', async () => {
    const host = await runProgram(['serve', '--data-dir', dataDir, '--lan-host', 'hub pc', '--no-renderer'], env);
    expect(host.code).not.toBe(0);
    expect(host.stderr).toMatch(/--lan-host must be an IP address/);
    const port = await runProgram(['serve', '--data-dir', dataDir, '--display-port', '70000', '--no-renderer'], env);
    expect(port.code).not.toBe(0);
    expect(port.stderr).toMatch(/--display-port must be a whole number/);
  });
});
