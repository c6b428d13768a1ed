import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exitCodes } from '../../electron/cli/exit-codes.js';
import { tempDir, testPassphrase } from '../fixtures/temp-site.js';
import { call, runProgram, spawnTimeout, startServe, stopServe } from './program.js';

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir('osq-serve-logs-')));
afterEach(() => remove());

function logLines(logDir: string): Record<string, unknown>[] {
  return fs
    .readdirSync(logDir)
    .flatMap((file) => fs.readFileSync(path.join(logDir, file), 'utf8').split('\n'))
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('serve’s site log', { timeout: spawnTimeout }, () => {
  it('records the start, the store opening, the startup purge, the door listening and the clean stop, in --log-dir', async () => {
    const logDir = path.join(dir, 'logs');
    const hub = await startServe(path.join(dir, 'store'), { ONE_STOP_QUEUE_PASSPHRASE: testPassphrase }, ['--log-dir', logDir]);
    await call(hub.url, 'setupSite', { siteName: 'Walton One Stop Shop', timeZone: 'Europe/London', manager: { name: 'Mia Manager', pin: '2468' } });
    const result = await stopServe(hub, 'SIGTERM');
    expect(result.code).toBe(0);

    const lines = logLines(logDir);
    expect(lines.map((line) => line.event)).toEqual(['started', 'purge', 'store.opened', 'hub.listening', 'stopped']);
    expect(lines[0]).toMatchObject({ program: 'serve', firstRun: true, keyFile: false, level: 'info' });
    expect(lines.at(-1)).toMatchObject({ exitCode: 0 });
    const text = JSON.stringify(lines);
    for (const secret of [testPassphrase, 'Mia Manager', '2468']) expect(text).not.toContain(secret);
  });

  it('records a store that would not open, by its error’s name alone, and never the passphrase tried', async () => {
    const logDir = path.join(dir, 'logs');
    const storeDir = path.join(dir, 'store');
    const first = await startServe(storeDir, { ONE_STOP_QUEUE_PASSPHRASE: testPassphrase }, ['--log-dir', logDir]);
    await stopServe(first, 'SIGTERM');
    const wrong = 'a wrong passphrase entirely, Oluwaseun';
    const result = await runProgram(['serve', '--data-dir', storeDir, '--port', '0', '--no-renderer', '--log-dir', logDir], { ONE_STOP_QUEUE_PASSPHRASE: wrong });
    expect(result.code).toBe(exitCodes.wrongKey);

    const lines = logLines(logDir);
    expect(lines.slice(-3)).toMatchObject([{ event: 'started' }, { event: 'store.open-failed', level: 'error', errorName: 'KeystoreError' }, { event: 'stopped', exitCode: exitCodes.wrongKey }]);
    expect(JSON.stringify(lines)).not.toContain('Oluwaseun');
  });

  it('refuses a log folder it cannot write, names it, and starts nothing', async () => {
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, '');
    const storeDir = path.join(dir, 'store');
    const result = await runProgram(['serve', '--data-dir', storeDir, '--port', '0', '--no-renderer', '--log-dir', path.join(blocker, 'logs')], { ONE_STOP_QUEUE_PASSPHRASE: testPassphrase });
    expect(result.code).toBe(exitCodes.refused);
    expect(result.stderr).toContain(path.join(blocker, 'logs'));
    expect(fs.existsSync(storeDir)).toBe(false);
  });

  it('writes to LOGS_DIRECTORY when run as a systemd service with LogsDirectory=', async () => {
    const logDir = path.join(dir, 'var-log-one-stop-queue');
    const hub = await startServe(path.join(dir, 'store'), { ONE_STOP_QUEUE_PASSPHRASE: testPassphrase, LOGS_DIRECTORY: logDir });
    await stopServe(hub, 'SIGTERM');
    expect(logLines(logDir).map((line) => line.event)).toContain('started');
  });
});
