import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LanDoors } from '../hub/lan-doors.js';
import type { Hub } from '../hub/server.js';
import { lanPorts } from '../../shared/lan-protocol.js';
import { describeItConfigProblem } from '../../shared/it-config.js';
import { createKeyFile, errorFields, openSite, openSiteLog, readItConfig, startScheduler, storePaths, type Site, type SiteLog } from '../core/index.js';
import { CliFailure, describeFailure } from './cli-failure.js';
import { cliText } from './cli-text.js';
import { defineCommand, say, warn, type ParsedOptions } from './command-line.js';
import { unlockFromOptions } from './credentials.js';
import { defaultServeDataDir, defaultServeLogDir } from './data-dir.js';
import { exitCodes } from './exit-codes.js';
import { atFatal } from './fatal.js';
import { ensureRenderer } from './renderer-build.js';
import { tellSettled } from './rekey-command.js';

export const defaultServePort = 4780;
const defaultHost = '127.0.0.1';
/** The LAN doors listen on every address of the PC, but only while a manager has LAN access on. */
const defaultLanHost = '0.0.0.0';

const text = cliText.serve;

function parsePort(value: string, option = '--port'): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new CliFailure(exitCodes.usage, text.badPort(value, option));
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
 * A stop signal within this long of the first is the same request delivered twice, not a person
 * asking again: `npm run serve` passes on the SIGINT that a terminal's Ctrl-C also sends us, and
 * a service manager that signals the whole group (systemd) reaches npm and us alike. Taking that
 * echo as a second request would stop at once and exit 1 on every stop through npm.
 */
const sameRequestMs = 2000;

/**
 * `npm run serve` starts us through a shell (`sh -c` on Linux and macOS, `cmd` on Windows) and
 * passes a stop signal to that shell only. Debian's sh does not hand itself over to the command
 * it runs, so the shell dies of the signal and we would be left running with the store open.
 * (`exec` in the script would avoid the shell, but `cmd` has no `exec`.) So, when npm started us,
 * a parent that has gone is taken as the stop request it was. Not otherwise: `serve` started in
 * the background from a login shell must outlive that shell.
 */
function watchNpmShell(stop: () => void): void {
  if (process.env.npm_lifecycle_event !== 'serve') return;
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    stop();
  }, 250);
  watch.unref();
}

/**
 * Listens from before the store is opened, so that no stop signal — not even one during the
 * opening or racing the "serving at" line — takes the process down with the store open and
 * unchecked.
 */
function listenForStop(): StopSignals {
  let firstAt: number | null = null;
  let onFirst = (): void => undefined;
  let onSecond = (): void => undefined;
  const first = new Promise<void>((resolve) => (onFirst = resolve));
  const second = new Promise<void>((resolve) => (onSecond = resolve));
  const onSignal = (): void => {
    const now = performance.now();
    if (firstAt === null) {
      firstAt = now;
      onFirst();
    } else if (now - firstAt >= sameRequestMs) {
      onSecond();
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  watchNpmShell(onSignal);
  return { requested: () => firstAt !== null, first, second };
}

/** Stops accepting, lets in-flight calls finish, checkpoints and closes; the exit status. */
async function shutDown(site: Site, hub: Hub, lanDoors: LanDoors, stop: StopSignals): Promise<number> {
  warn(text.stopping);
  // The LAN doors first, so that no desk PC starts a call that the local door's closing would cut.
  const closed = Promise.all([lanDoors.close(), hub.close()]).then(
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
  'log-dir': { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'lan-host': { type: 'string' },
  'lan-port': { type: 'string' },
  'display-port': { type: 'string' },
  'key-file': { type: 'string' },
  'create-key-file': { type: 'boolean' },
  // Hidden, for tests and for API-only use: never builds or serves the screens.
  'no-renderer': { type: 'boolean' },
} as const;

/** Opens the site log first, so that everything after — a refused passphrase too — is in it. */
async function serve(values: ParsedOptions<typeof options>): Promise<number> {
  const logDir = path.resolve(values['log-dir'] ?? defaultServeLogDir());
  let log: SiteLog;
  try {
    log = await openSiteLog({ dir: logDir, program: 'serve' });
  } catch (error) {
    throw new CliFailure(exitCodes.refused, text.logDirUnusable(logDir, (error as { code?: unknown }).code === undefined ? (error as Error).name : String((error as { code?: unknown }).code)));
  }
  try {
    const status = await serveWithLog(values, log);
    log.info('stopped', { exitCode: status });
    return status;
  } catch (error) {
    const { exitCode } = describeFailure(error);
    log.error('stopped', { exitCode, ...errorFields(error) });
    throw error;
  } finally {
    await log.close();
  }
}

async function serveWithLog(values: ParsedOptions<typeof options>, log: SiteLog): Promise<number> {
  // IT's file (docs/it-setup.md) is read first: a wrong one stops everything, naming its field.
  const it = readItConfig();
  if (it.kind === 'invalid') throw new CliFailure(exitCodes.usage, describeItConfigProblem(it));
  if (it.kind === 'ok' && it.config.role === 'desk') throw new CliFailure(exitCodes.refused, text.itSaysDesk(it.path));
  const itDataDir = it.kind === 'ok' ? it.config.dataDir : undefined;
  const dataDir = path.resolve(values['data-dir'] ?? itDataDir ?? defaultServeDataDir());
  const port = parsePort(values.port ?? String(defaultServePort));
  const host = values.host ?? defaultHost;
  if (!isLoopback(host)) throw new CliFailure(exitCodes.usage, text.notLoopback(host));
  const lanHost = values['lan-host'] ?? defaultLanHost;
  if (net.isIP(lanHost) === 0) throw new CliFailure(exitCodes.usage, text.badLanHost(lanHost));
  const desksPort = parsePort(values['lan-port'] ?? String(lanPorts.desks), '--lan-port');
  const displayPort = parsePort(values['display-port'] ?? String(lanPorts.display), '--display-port');
  const keyFile = values['key-file'] === undefined ? undefined : path.resolve(values['key-file']);

  const paths = storePaths(dataDir);
  const firstRun = !fs.existsSync(paths.keystore) && !fs.existsSync(paths.database);
  log.info('started', { host, port, lanHost, lanPort: desksPort, displayPort, firstRun, keyFile: keyFile !== undefined, node: process.version, platform: process.platform });
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

  const stop = listenForStop();
  let opening = true;
  // Asked twice while the store is still opening: out now, as before the listeners came in; the
  // next start takes the lock of a dead process over.
  void stop.second.then(() => {
    if (!opening) return;
    warn(text.forced);
    process.exit(exitCodes.failed);
  });
  let site: Site;
  try {
    if (firstRun) warn(text.creating(dataDir));
    site = await openSite({ dataDir, unlock, create: firstRun, program: text.program, onSettled: tellSettled(warn), log });
    log.info('store.opened', { created: firstRun });
  } catch (error) {
    log.error('store.open-failed', errorFields(error));
    // A key file that never came to lock anything would only confuse whoever finds it.
    if (createdKeyFile !== null && !fs.existsSync(paths.keystore)) fs.rmSync(createdKeyFile, { force: true });
    throw error;
  } finally {
    opening = false;
  }
  if (createdKeyFile !== null) warn(text.keyFileCreated(createdKeyFile));
  const forgetFatal = atFatal(() => site.close());
  if (stop.requested()) {
    // Stopped while the store was opening (a service manager's stop during a slow start): close it
    // again, checkpointed, without serving.
    closeSite(site);
    forgetFatal();
    warn(text.stopped);
    return exitCodes.ok;
  }

  let hub: Hub;
  let lanDoors: LanDoors;
  try {
    const rendererDir = values['no-renderer'] === true || stop.requested() ? null : await ensureRenderer(warn);
    // Loaded here, not at the top: the other commands never need fastify and start faster without it.
    const { startHub } = await import('../hub/server.js');
    const { startLanDoors } = await import('../hub/lan-doors.js');
    hub = await startHub({ site, host, port, rendererDir, log });
    // A LAN door that cannot open (a port taken) is told on stderr: the hub PC's own door still works.
    lanDoors = await startLanDoors({
      site,
      host: lanHost,
      desksPort,
      displayPort,
      rendererDir,
      log,
      onError: (error) => {
        log.error('lan.failed', errorFields(error));
        warn(text.lanFailed(describeFailure(error).message));
      },
    }).catch(async (error: unknown) => {
      await hub.close();
      throw error;
    });
  } catch (error) {
    closeSite(site);
    forgetFatal();
    throw error;
  }
  // The startup purge already ran inside openSite, before the hub answered anything.
  const stopScheduler = startScheduler(site);
  log.info('hub.listening', { door: 'local', port: hub.port, screens: values['no-renderer'] !== true });
  if (!stop.requested()) say(text.serving(hub.url));
  const lan = lanDoors.listening();
  if (lan !== null && !stop.requested()) warn(text.lanServing(lan.desksAt, lan.displayAt));
  await stop.first;
  stopScheduler();
  const status = await shutDown(site, hub, lanDoors, stop);
  forgetFatal();
  return status;
}

export const serveCommand = defineCommand({
  name: 'serve',
  words: {
    summary: text.summary,
    help: () =>
      text.help({ dataDir: defaultServeDataDir(), logDir: defaultServeLogDir(), port: defaultServePort, host: defaultHost, lanHost: defaultLanHost, lanPort: lanPorts.desks, displayPort: lanPorts.display }),
  },
  options,
  run: serve,
});
