import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSite } from '../../electron/core/open-site.js';
import { storePaths } from '../../electron/core/store/paths.js';
import { pendingKeystorePath, rekeyStore } from '../../electron/core/store/rekey.js';
import { exitCodes } from '../../electron/cli/exit-codes.js';
import { tempDir, testPassphrase } from '../fixtures/temp-site.js';
import { call, runProgram, servingLine, snapshot, spawnTimeout, startServe, stopServe, type RunningServe } from './program.js';

const env = { ONE_STOP_QUEUE_PASSPHRASE: testPassphrase };

let dir: string;
let dataDir: string;
let remove: () => void;
const running: RunningServe[] = [];

beforeEach(() => {
  ({ dir, remove } = tempDir('osq-serve-'));
  dataDir = path.join(dir, 'store');
});

afterEach(async () => {
  for (const serve of running.splice(0)) {
    if (serve.child.exitCode === null && serve.child.signalCode === null) await stopServe(serve, 'SIGKILL');
  }
  remove();
});

async function serve(extraEnv: Record<string, string> = env, args: string[] = []): Promise<RunningServe> {
  const started = await startServe(dataDir, extraEnv, args);
  running.push(started);
  return started;
}

function noStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at /m);
}

describe('one-stop-queue serve', { timeout: spawnTimeout }, () => {
  it('creates the store on the first run, prints one line with its URL on stdout, and answers the API', async () => {
    const hub = await serve();

    expect(hub.output().stdout).toMatch(servingLine);
    expect(hub.output().stdout.trim().split('\n')).toHaveLength(1);
    expect(hub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await call(hub.url, 'getSetupState', {})).toEqual({ needsSetup: true, siteName: null });
    expect(fs.existsSync(storePaths(dataDir).keystore)).toBe(true);
    expect(fs.existsSync(storePaths(dataDir).database)).toBe(true);
  });

  it('on SIGTERM finishes, closes the store cleanly, removes the lock and exits 0', async () => {
    const hub = await serve();
    await call(hub.url, 'setupSite', { siteName: 'Walton One Stop Shop', timeZone: 'Europe/London', manager: { name: 'Mia Manager', pin: '2468' } });
    expect(fs.existsSync(storePaths(dataDir).lock)).toBe(true);

    const result = await stopServe(hub, 'SIGTERM');

    expect(result.code).toBe(0);
    expect(fs.existsSync(storePaths(dataDir).lock)).toBe(false);
    // Checkpointed: everything is in the database file, nothing left in a -wal.
    expect(fs.existsSync(`${storePaths(dataDir).database}-wal`) ? fs.statSync(`${storePaths(dataDir).database}-wal`).size : 0).toBe(0);
    noStackTrace(result.stderr);

    const again = await serve();
    expect(await call(again.url, 'getSetupState', {})).toEqual({ needsSetup: false, siteName: 'Walton One Stop Shop' });
  });

  it('exits 0 on SIGINT (Ctrl-C) too', async () => {
    const hub = await serve();
    const result = await stopServe(hub, 'SIGINT');
    expect(result.code).toBe(0);
    expect(fs.existsSync(storePaths(dataDir).lock)).toBe(false);
  });

  it('a second serve on the same store fails with "already open by", and the first keeps serving', async () => {
    const first = await serve();

    const second = await runProgram(['serve', '--data-dir', dataDir, '--port', '0', '--no-renderer'], env);

    expect(second.code).toBe(exitCodes.alreadyOpen);
    expect(second.stderr).toMatch(/already open by one-stop-queue serve/);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stdout).toBe('');
    noStackTrace(second.stderr);
    expect(await call(first.url, 'getSetupState', {})).toMatchObject({ needsSetup: true });
  });

  it('with a wrong passphrase exits non-zero with one clear line and leaves every file byte-for-byte unchanged', async () => {
    const hub = await serve();
    await call(hub.url, 'setupSite', { siteName: 'Walton One Stop Shop', timeZone: 'Europe/London', manager: { name: 'Mia Manager', pin: '2468' } });
    await stopServe(hub);
    const before = snapshot(dataDir);

    const wrongPassphrase = 'this is not the passphrase';
    const result = await runProgram(['serve', '--data-dir', dataDir, '--port', '0', '--no-renderer'], { ONE_STOP_QUEUE_PASSPHRASE: wrongPassphrase });

    expect(result.code).toBe(exitCodes.wrongKey);
    expect(result.stderr.trim()).toBe('The passphrase is wrong. Nothing was changed.');
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toContain(wrongPassphrase);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('refuses a damaged database (exit 5) and one from a newer version (exit 6) in one line, touching neither', async () => {
    const site = await openSite({ dataDir, unlock: { kind: 'passphrase', passphrase: testPassphrase }, create: true });
    site.database.pragma('user_version = 999');
    site.close();
    const newer = snapshot(dataDir);
    const fromTheFuture = await runProgram(['serve', '--data-dir', dataDir, '--port', '0', '--no-renderer'], env);
    expect(fromTheFuture.code).toBe(exitCodes.newerVersion);
    expect(fromTheFuture.stderr).toMatch(/newer version of One Stop Queue/);
    expect(fromTheFuture.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot(dataDir)).toEqual(newer);

    const database = storePaths(dataDir).database;
    const bytes = fs.readFileSync(database);
    bytes.fill(0x5a, 0, 4096);
    fs.writeFileSync(database, bytes);
    const damaged = snapshot(dataDir);
    const result = await runProgram(['serve', '--data-dir', dataDir, '--port', '0', '--no-renderer'], env);
    expect(result.code).toBe(exitCodes.damaged);
    expect(result.stderr).toMatch(/is damaged or does not belong to this keystore/);
    noStackTrace(result.stderr);
    expect(snapshot(dataDir)).toEqual(damaged);
  });

  it('finishes a rekey that stopped after the database changed, then serves', async () => {
    const unlock = { kind: 'passphrase' as const, passphrase: testPassphrase };
    const site = await openSite({ dataDir, unlock, create: true });
    await site.call('setupSite', { siteName: 'Walton One Stop Shop', timeZone: 'Europe/London', manager: { name: 'Mia Manager', pin: '2468' } }, null);
    site.close();
    // Stopped between re-encrypting the file and putting the new keystore in place.
    await expect(
      rekeyStore({
        dataDir,
        unlock,
        keep: [unlock],
        onStep: (step) => {
          if (step === 'new-key-verified') throw new Error('power cut');
        },
      }),
    ).rejects.toThrow();
    expect(fs.existsSync(pendingKeystorePath(dataDir))).toBe(true);

    const hub = await serve();

    expect(hub.output().stderr).toMatch(/interrupted after the database changed; it has now been finished/);
    expect(await call(hub.url, 'getSetupState', {})).toEqual({ needsSetup: false, siteName: 'Walton One Stop Shop' });
    expect(fs.existsSync(pendingKeystorePath(dataDir))).toBe(false);
  });

  it('with no passphrase, no key file and no terminal to ask on, exits 2 and creates nothing', async () => {
    const result = await runProgram(['serve', '--data-dir', dataDir, '--port', '0', '--no-renderer']);

    expect(result.code).toBe(exitCodes.usage);
    expect(result.stderr).toMatch(/No passphrase given: set ONE_STOP_QUEUE_PASSPHRASE/);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('runs from a key file it creates on the first run, readable by its owner only', async () => {
    const keyFile = path.join(dir, 'site.key');
    const hub = await serve({}, ['--key-file', keyFile, '--create-key-file']);
    expect(await call(hub.url, 'getSetupState', {})).toMatchObject({ needsSetup: true });
    await stopServe(hub);
    if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);

    const again = await serve({}, ['--key-file', keyFile]);
    expect(await call(again.url, 'getSetupState', {})).toMatchObject({ needsSetup: true });
  });

  it('refuses an address other than this computer, since LAN access is not built yet', async () => {
    const result = await runProgram(['serve', '--data-dir', dataDir, '--host', '0.0.0.0', '--no-renderer'], env);
    expect(result.code).toBe(exitCodes.usage);
    expect(result.stderr).toMatch(/not this computer/);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('explains a bad option and prints help', async () => {
    const bad = await runProgram(['serve', '--prot', '80']);
    expect(bad.code).toBe(exitCodes.usage);
    expect(bad.stderr).toMatch(/Unknown option "--prot"/);

    const help = await runProgram(['serve', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: one-stop-queue serve/);
    expect(help.stdout).toMatch(/ONE_STOP_QUEUE_PASSPHRASE/);
  });
});
