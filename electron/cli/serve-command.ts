import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Hub } from '../hub/server.js';
import { createKeyFile, openSite, startScheduler, storePaths, type Site } from '../core/index.js';
import { CliFailure, describeFailure } from './cli-failure.js';
import { defineCommand, say, warn, type ParsedOptions } from './command-line.js';
import { envNames, unlockFromOptions } from './credentials.js';
import { defaultServeDataDir } from './data-dir.js';
import { exitCodes } from './exit-codes.js';
import { atFatal } from './fatal.js';
import { ensureRenderer } from './renderer-build.js';
import { tellSettled } from './rekey-command.js';

export const defaultServePort = 4780;
const defaultHost = '127.0.0.1';

const text = {
  program: 'one-stop-queue serve',
  summary: 'Run the site hub in plain Node and serve the screens to a browser on this computer.',
  help: (defaultDir: string) => `Usage: one-stop-queue serve [options]

Runs One Stop Queue's site hub without the desktop app and serves the screens to a
browser on this computer. The first run creates the store.

Options:
  --data-dir DIR      Where the store is kept
                      (default: ${defaultDir}).
  --port N            The port to listen on; 0 picks a free one (default: ${String(defaultServePort)}).
  --host ADDRESS      The address to listen on: this computer only, until LAN access
                      is built (default: ${defaultHost}).
  --key-file PATH     Open the store with this key file instead of the site passphrase.
  --create-key-file   First run only: create the key file named by --key-file,
                      readable by you alone, and lock the new store with it.
  -h, --help          Show this help.

The site passphrase comes from the environment variable ${envNames.passphrase}, or is
asked for on the terminal (twice on the first run).
Ctrl-C stops the hub: calls in progress finish and the store is closed cleanly.`,
  serving: (url: string) => `One Stop Queue is serving at ${url}`,
  creating: (dir: string) => `No store in ${dir} yet: creating one.`,
  badPort: (value: string) => `--port must be a whole number from 0 to 65535, not "${value}".`,
  notLoopback: (host: string) =>
    `--host ${host} is not this computer. LAN access is not built yet: use 127.0.0.1, ::1 or localhost.`,
  createNeedsKeyFile: '--create-key-file needs --key-file PATH to say where the new key file goes.',
  createOnlyFirstRun: (dir: string) =>
    `A store already exists in ${dir}, so --create-key-file would make a key file that cannot open it. Use "one-stop-queue add-key-file" instead. Nothing was changed.`,
  keyFileCreated: (file: string) => `Created the key file ${file}. Keep a copy somewhere safe: without it (or a passphrase slot) the store cannot be opened.`,
  stopping: 'Stopping: letting calls in progress finish…',
  stopped: 'Stopped. The store was closed cleanly.',
  forced: 'Stopping at once.',
  closeFailed: (why: string) => `The store could not be closed cleanly: ${why}`,
} as const;

function parsePort(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new CliFailure(exitCodes.usage, text.badPort(value));
  return Number(value);
}

function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (net.isIPv4(host)) return host.startsWith('127.');
  return net.isIPv6(host) && (host === '::1' || host === '0:0:0:0:0:0:0:1');
}

function closeSite(site: Site): void {
  try {
    site.close();
  } catch (error) {
    warn(text.closeFailed(describeFailure(error).message));
  }
}

interface StopSignals {
  /** Whether Ctrl-C or SIGTERM has come yet. */
  readonly requested: () => boolean;
  /** The first stop signal: finish in-flight calls, then close. */
  readonly first: Promise<void>;
  /** A second one: the person wants out now. */
  readonly second: Promise<void>;
}

/**
 * Listens from the moment the store is open, so that no stop signal — not even one racing the
 * "serving at" line — takes the process down with the store open and unchecked.
 */
function listenForStop(): StopSignals {
  let count = 0;
  let onFirst = (): void => undefined;
  let onSecond = (): void => undefined;
  const first = new Promise<void>((resolve) => (onFirst = resolve));
  const second = new Promise<void>((resolve) => (onSecond = resolve));
  const onSignal = (): void => {
    count += 1;
    if (count === 1) onFirst();
    else onSecond();
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  return { requested: () => count > 0, first, second };
}

/** Stops accepting, lets in-flight calls finish, checkpoints and closes; the exit status. */
async function shutDown(site: Site, hub: Hub, stop: StopSignals): Promise<number> {
  warn(text.stopping);
  const closed = hub.close().then(
    () => 'clean' as const,
    (error: unknown) => {
      warn(describeFailure(error).message);
      return 'clean' as const;
    },
  );
  const how = await Promise.race([closed, stop.second.then(() => 'forced' as const)]);
  if (how === 'forced') warn(text.forced);
  closeSite(site);
  if (how === 'clean') warn(text.stopped);
  return how === 'clean' ? exitCodes.ok : exitCodes.failed;
}

const options = {
  'data-dir': { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'key-file': { type: 'string' },
  'create-key-file': { type: 'boolean' },
  // Hidden, for tests and for API-only use: never builds or serves the screens.
  'no-renderer': { type: 'boolean' },
} as const;

async function serve(values: ParsedOptions<typeof options>): Promise<number> {
  const dataDir = path.resolve(values['data-dir'] ?? defaultServeDataDir());
  const port = parsePort(values.port ?? String(defaultServePort));
  const host = values.host ?? defaultHost;
  if (!isLoopback(host)) throw new CliFailure(exitCodes.usage, text.notLoopback(host));
  const keyFile = values['key-file'] === undefined ? undefined : path.resolve(values['key-file']);

  const paths = storePaths(dataDir);
  const firstRun = !fs.existsSync(paths.keystore) && !fs.existsSync(paths.database);
  let createdKeyFile: string | null = null;
  if (values['create-key-file'] === true) {
    if (keyFile === undefined) throw new CliFailure(exitCodes.usage, text.createNeedsKeyFile);
    if (!firstRun) throw new CliFailure(exitCodes.refused, text.createOnlyFirstRun(dataDir));
  }
  const unlock = await unlockFromOptions({ keyFile, choosing: firstRun });
  if (values['create-key-file'] === true && keyFile !== undefined) {
    createKeyFile(keyFile);
    createdKeyFile = keyFile;
  }

  let site: Site;
  try {
    if (firstRun) warn(text.creating(dataDir));
    site = await openSite({ dataDir, unlock, create: firstRun, program: text.program, onSettled: tellSettled(warn) });
  } catch (error) {
    // A key file that never came to lock anything would only confuse whoever finds it.
    if (createdKeyFile !== null && !fs.existsSync(paths.keystore)) fs.rmSync(createdKeyFile, { force: true });
    throw error;
  }
  if (createdKeyFile !== null) warn(text.keyFileCreated(createdKeyFile));
  const forgetFatal = atFatal(() => site.close());
  const stop = listenForStop();

  let hub: Hub;
  try {
    const rendererDir = values['no-renderer'] === true || stop.requested() ? null : await ensureRenderer(warn);
    // Loaded here, not at the top: the other commands never need fastify and start faster without it.
    const { startHub } = await import('../hub/server.js');
    hub = await startHub({ site, host, port, rendererDir });
  } catch (error) {
    closeSite(site);
    forgetFatal();
    throw error;
  }
  // The startup purge already ran inside openSite, before the hub answered anything.
  const stopScheduler = startScheduler(site);
  if (!stop.requested()) say(text.serving(hub.url));
  await stop.first;
  stopScheduler();
  const status = await shutDown(site, hub, stop);
  forgetFatal();
  return status;
}

export const serveCommand = defineCommand({
  name: 'serve',
  words: { summary: text.summary, help: () => text.help(defaultServeDataDir()) },
  options,
  run: serve,
});
