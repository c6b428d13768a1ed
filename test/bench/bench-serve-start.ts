import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ensureCliBuilt } from '../../electron/cli/build-cli.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const servingLine = /^One Stop Queue is serving at (\S+)$/m;
const maxAttempts = 1000;

export interface ServeStartOptions {
  /** A store that already exists (the bench's 28-day store). */
  dataDir: string;
  /** Added to the environment: `ONE_STOP_QUEUE_PASSPHRASE` for a passphrase slot. */
  env?: Record<string, string>;
  /** For a key-file slot, as `serve --key-file` takes it. */
  keyFile?: string;
  /** `node` runs the launcher (electron/cli/bin.mjs) as the package's bin does; `npm` runs `npm run serve`. */
  through?: 'node' | 'npm';
}

/** Whether the hub has answered a contract call, as the browser makes it. */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/getSetupState`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Milliseconds from spawning `serve` (compiled, `--port 0 --no-renderer`) to its first successful
 * answer of `POST /api/getSetupState`, at the URL its "serving at" line gives; then stops it with
 * SIGTERM and waits for it to exit, so the store is closed before the next measurement. The
 * build is made (if out of date) before the clock starts: a start after a change of source is
 * not what is measured.
 */
export async function measureServeFirstAnswer(options: ServeStartOptions): Promise<number> {
  await ensureCliBuilt();
  const args = ['serve', '--data-dir', options.dataDir, '--port', '0', '--no-renderer', ...(options.keyFile === undefined ? [] : ['--key-file', options.keyFile])];
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ONE_STOP_QUEUE_'))), LOGS_DIRECTORY: path.join(os.tmpdir(), 'osq-bench-logs') };
  const [command, commandArgs] =
    options.through === 'npm'
      ? ['npm', ['run', '--silent', 'serve', '--', ...args.slice(1)]]
      : [process.execPath, [path.join(repoRoot, 'electron', 'cli', 'bin.mjs'), ...args]];

  const started = performance.now();
  const child = spawn(command, commandArgs, { cwd: repoRoot, env: { ...env, npm_config_update_notifier: 'false', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = servingLine.exec(stdout);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      child.on('error', reject);
      void exited.then((code) => reject(new Error(`serve ended before serving (${String(code)}): ${stderr}`)));
    });
    // Bounded: a hub that never answers well is a failed measurement, not a loop for ever.
    for (let attempt = 0; !(await answers(url)); attempt += 1) {
      if (child.exitCode !== null || attempt >= maxAttempts) throw new Error(`serve did not answer getSetupState: ${stderr}`);
    }
    const ms = performance.now() - started;
    child.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) throw new Error(`serve did not stop cleanly (${String(code)}): ${stderr}`);
    return ms;
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
