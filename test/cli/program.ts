import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CallResponse } from '../../shared/hub-protocol.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const mainTs = path.join(repoRoot, 'electron', 'cli', 'main.ts');

/**
 * Each run of the program starts Node and tsx afresh; on a busy two-core CI machine that is
 * seconds, so these tests get room. A limit, not an assertion about speed.
 */
export const spawnTimeout = 240_000;

export interface ProgramResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** serve's site log from these tests, away from the log folder of whoever runs them. */
export const testLogsDir = path.join(os.tmpdir(), 'osq-test-logs');

/** The environment without any ONE_STOP_QUEUE_* variable of the machine running the tests. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ONE_STOP_QUEUE_')));
  return { ...env, LOGS_DIRECTORY: testLogsDir, ...extra };
}

/** The real program, as `npm run serve` runs it; stdin is not a terminal, so it never prompts. */
export function spawnProgram(args: string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', mainTs, ...args], { cwd: repoRoot, env: cleanEnv(env), stdio: 'pipe' });
}

export function runProgram(args: string[], env: Record<string, string> = {}): Promise<ProgramResult> {
  const child = spawnProgram(args, env);
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export interface RunningServe {
  url: string;
  child: ChildProcessWithoutNullStreams;
  output(): { stdout: string; stderr: string };
  /** Resolves when the process has gone, with how it ended. */
  exited: Promise<ProgramResult>;
}

export const servingLine = /^One Stop Queue is serving at (\S+)$/m;

/** Starts `serve` on port 0 without the screens and waits for the line that gives its URL. */
export function startServe(dataDir: string, env: Record<string, string>, extraArgs: string[] = []): Promise<RunningServe> {
  const child = spawnProgram(['serve', '--data-dir', dataDir, '--port', '0', '--no-renderer', ...extraArgs], env);
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  const exited = new Promise<ProgramResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = servingLine.exec(stdout);
      if (match?.[1] !== undefined) resolve({ url: match[1], child, output: () => ({ stdout, stderr }), exited });
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    void exited.then((result) => reject(new Error(`serve ended before serving (${String(result.code ?? result.signal)}): ${result.stderr}`)));
  });
}

export async function stopServe(serve: RunningServe, signal: NodeJS.Signals = 'SIGTERM'): Promise<ProgramResult> {
  serve.child.kill(signal);
  return serve.exited;
}

export class CallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** One contract call over HTTP, as the browser client makes it. */
export async function call<R = unknown>(url: string, name: string, input: unknown, token?: string): Promise<R> {
  const response = await fetch(`${url}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as CallResponse<R>;
  if ('error' in body) throw new CallError(response.status, body.error.code, body.error.message);
  return body.result;
}

/** Every file in a folder, by name, with its bytes: for "left byte-for-byte unchanged". */
export function snapshot(dir: string): Map<string, Buffer> {
  return new Map(fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name))]));
}

/**
 * A fixed-offset zone in which it is now about midday, so that a test issuing tickets "now"
 * is inside opening hours whenever it runs. (Etc/GMT-N is UTC+N: the POSIX sign is inverted.)
 */
export function zoneWhereItIsMidday(now = new Date()): string {
  const offset = Math.round(12 - (now.getUTCHours() + now.getUTCMinutes() / 60));
  const clamped = Math.max(-12, Math.min(14, offset));
  if (clamped === 0) return 'Etc/GMT';
  return clamped > 0 ? `Etc/GMT-${String(clamped)}` : `Etc/GMT+${String(-clamped)}`;
}
