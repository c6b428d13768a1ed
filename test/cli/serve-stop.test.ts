import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cliOutDir, ensureCliBuilt } from '../../electron/cli/build-cli.mjs';
import { cliText } from '../../electron/cli/cli-text.js';
import { openSite } from '../../electron/core/open-site.js';
import { storePaths } from '../../electron/core/store/paths.js';
import { tempDir, testPassphrase } from '../fixtures/temp-site.js';
import { call, repoRoot, servingLine, spawnTimeout } from './program.js';

/**
 * `serve` as people and service managers start it — `npm run serve`, or the built program run
 * with `node` — each in a process group of its own, as a terminal or systemd would give it, so
 * that "nothing is left behind" can be asked of the whole group.
 */

interface Started {
  child: ChildProcess;
  /** The process group: the child's pid, as it was spawned detached. */
  pgid: number;
  url: string;
  /** The exit status, as soon as the process has gone (its pipes may outlive it in a leftover child). */
  exited: Promise<number | null>;
  /** Everything it wrote, once its pipes have closed. */
  output: Promise<{ stdout: string; stderr: string }>;
}

let dir: string;
let dataDir: string;
let remove: () => void;
const groups: number[] = [];

/** The environment without the machine's ONE_STOP_QUEUE_* variables, with the test passphrase. */
function serveEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ONE_STOP_QUEUE_') && !name.startsWith('npm_')));
  // npm would otherwise look for a newer npm on the registry.
  return { ...env, ONE_STOP_QUEUE_PASSPHRASE: testPassphrase, npm_config_update_notifier: 'false' };
}

function start(command: string, args: string[]): Promise<Started> {
  const child = spawn(command, args, { cwd: repoRoot, env: serveEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const pgid = child.pid;
  if (pgid === undefined) throw new Error(`${command} did not start`);
  groups.push(pgid);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = new Promise<{ stdout: string; stderr: string }>((resolve) => child.on('close', () => resolve({ stdout, stderr })));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', () => {
      const match = servingLine.exec(stdout);
      if (match?.[1] !== undefined) resolve({ child, pgid, url: match[1], exited, output });
    });
    child.on('error', reject);
    void output.then(() => reject(new Error(`serve ended before serving: ${stderr}`)));
  });
}

const serveArgs = (): string[] => ['--data-dir', dataDir, '--port', '0', '--no-renderer'];
const startThroughNpm = (): Promise<Started> => start('npm', ['run', '--silent', 'serve', '--', ...serveArgs()]);
const startBuilt = (): Promise<Started> => start(process.execPath, [path.join(cliOutDir, 'main.js'), 'serve', ...serveArgs()]);

/**
 * Waits until no process of the group is left: a stopped program reparented to init stays a
 * zombie (still counted) for a moment until init reaps it. Never gone fails by the test's timeout.
 */
async function groupGoes(pgid: number): Promise<boolean> {
  while (!groupIsGone(pgid)) await new Promise((resolve) => setTimeout(resolve, 50));
  return true;
}

function groupIsGone(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Something for the checkpoint to move out of the -wal: the first run's setup. */
async function writeSomething(url: string): Promise<void> {
  await call(url, 'setupSite', { siteName: 'Walton One Stop Shop', timeZone: 'Europe/London', manager: { name: 'Mia Manager', pin: '2468' } });
  expect(fs.existsSync(storePaths(dataDir).lock)).toBe(true);
}

/** Closed cleanly: checkpointed, the lock gone, and the store opens again in this process. */
async function expectClosedCleanly(): Promise<void> {
  const wal = `${storePaths(dataDir).database}-wal`;
  expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
  expect(fs.existsSync(storePaths(dataDir).lock)).toBe(false);
  const site = await openSite({ dataDir, unlock: { kind: 'passphrase', passphrase: testPassphrase } });
  try {
    expect(await site.call('getSetupState', {}, null)).toEqual({ needsSetup: false, siteName: 'Walton One Stop Shop' });
  } finally {
    site.close();
  }
}

beforeAll(async () => {
  // Built once here, so each test starts from a build (the launcher would build it too, but the
  // test that makes the build stale wants to be the one that sees it rebuilt).
  await ensureCliBuilt();
}, spawnTimeout);

beforeEach(() => {
  ({ dir, remove } = tempDir('osq-serve-stop-'));
  dataDir = path.join(dir, 'store');
});

afterEach(() => {
  for (const pgid of groups.splice(0)) {
    if (!groupIsGone(pgid)) process.kill(-pgid, 'SIGKILL');
  }
  remove();
});

describe('stopping serve', { timeout: spawnTimeout }, () => {
  const throughNpm: Array<{ how: string; signal: NodeJS.Signals; group: boolean }> = [
    // npm passes the signal to the shell it started us with, which dies of it (npm then ends by
    // the same signal); the program sees its parent go and stops as asked.
    { how: 'SIGTERM to npm alone', signal: 'SIGTERM', group: false },
    // Both npm and the program get it: the echo npm passes on is not a second stop.
    { how: 'SIGTERM to the whole group, as systemd stops a service', signal: 'SIGTERM', group: true },
    { how: 'Ctrl-C, SIGINT to the whole group as a terminal sends it', signal: 'SIGINT', group: true },
  ];
  for (const { how, signal, group } of throughNpm) {
    it(`\`npm run serve\` stopped with ${how}: stops once and cleanly, nothing of its group is left, the store is checkpointed and unlocked`, async () => {
      const serve = await startThroughNpm();
      await writeSomething(serve.url);

      process.kill(group ? -serve.pgid : serve.pgid, signal);
      await serve.exited;
      const result = await serve.output;

      // npm itself ends by the signal, as any program without a handler would.
      expect(await groupGoes(serve.pgid)).toBe(true);
      expect(result.stderr).toContain(cliText.serve.stopped);
      expect(result.stderr).not.toContain(cliText.serve.forced);
      await expectClosedCleanly();
    });
  }

  it('the built program started with node and stopped with SIGINT: exits 0, nothing left, checkpointed and unlocked', async () => {
    const serve = await startBuilt();
    await writeSomething(serve.url);

    process.kill(serve.pgid, 'SIGINT');
    const code = await serve.exited;

    expect(code).toBe(0);
    expect(groupIsGone(serve.pgid)).toBe(true);
    const result = await serve.output;
    expect(result.stderr).toContain(cliText.serve.stopped);
    await expectClosedCleanly();
  });
});
