import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import pinoRoll from 'pino-roll';
import { appVersion } from '../../shared/app-version.js';
import type { PurgeLogEntry } from '../../shared/domain/stats.js';

/**
 * The site log: starts and stops, purges, errors and the hub's connections, in rotating files
 * for IT (docs/logs.md). Never a name, address, postcode, reason, note, token, PIN or passphrase:
 * an event carries only its name and fields of numbers, booleans and codes that the code itself
 * chose (a call's name, an error's name, a door, a device's number). Free text a person typed
 * has no way in: nothing here takes a message, and `redact` below blanks the keys where such
 * a value would sit if one were ever passed by mistake.
 */
export type LogValue = string | number | boolean | null;
export type LogFields = Readonly<Record<string, LogValue>>;

/** Every event the app writes; docs/logs.md says what each carries. */
export type LogEvent =
  | 'started'
  | 'stopped'
  | 'store.opened'
  | 'store.open-failed'
  | 'purge'
  | 'purge.failed'
  | 'error'
  | 'hub.listening'
  | 'lan.listening'
  | 'lan.closed'
  | 'lan.failed'
  | 'lan.certificate-renewed'
  | 'desk.connected'
  | 'desk.disconnected'
  | 'desk.refused'
  | 'rate-limited';

export interface SiteLog {
  info(event: LogEvent, fields?: LogFields): void;
  warn(event: LogEvent, fields?: LogFields): void;
  error(event: LogEvent, fields?: LogFields): void;
  /** Writes what is buffered and closes the file. */
  close(): Promise<void>;
}

/** For tests and tools that keep no log. */
export const noLog: SiteLog = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  close: () => Promise.resolve(),
};

/**
 * Keys under which personal data or a secret would sit. None of our events uses them; if a
 * change ever passes one, the value is replaced before it is written.
 */
export const withheldKeys = [
  'name',
  'visitorName',
  'visitor',
  'address',
  'addressLines',
  'postcode',
  'reason',
  'note',
  'notes',
  'description',
  'token',
  'sessionToken',
  'deviceToken',
  'pin',
  'newPin',
  'passphrase',
  'secret',
  'password',
  'pairingCode',
  'authorization',
  'cookie',
  'message',
  'msg',
] as const;

/** Each file holds at most this much, */
export const logFileSize = '10m';
/** and the log keeps this many files besides the one being written: at most about 150 MB. */
export const logFilesKept = 14;
export const logFileStem = 'one-stop-queue';

export interface SiteLogOptions {
  /** The folder the files go in; made if missing. */
  dir: string;
  /** Which program writes: `serve` or the desktop app. */
  program: 'serve' | 'desktop';
}

/**
 * Opens the rotating log: one file a day (one-stop-queue.YYYY-MM-DD.N.log), a new one after
 * 10 MB, the 14 newest kept. Lines are JSON (pino's format), written synchronously, so a line
 * is on disk before the work it records goes on and nothing is lost if the process is killed.
 */
export async function openSiteLog(options: SiteLogOptions): Promise<SiteLog> {
  fs.mkdirSync(options.dir, { recursive: true });
  const stream = await pinoRoll({
    file: path.join(options.dir, logFileStem),
    extension: '.log',
    frequency: 'daily',
    dateFormat: 'yyyy-MM-dd',
    size: logFileSize,
    limit: { count: logFilesKept, removeOtherLogFiles: true },
    mkdir: true,
    sync: true,
  });
  const logger = pino(
    {
      base: { program: options.program, version: appVersion, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...withheldKeys], censor: '[withheld]' },
    },
    stream,
  );
  let closed = false;
  const write = (level: 'info' | 'warn' | 'error') => (event: LogEvent, fields: LogFields = {}) => {
    if (closed) return;
    logger[level]({ ...fields, event });
  };
  return {
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    close: () => {
      if (closed) return Promise.resolve();
      closed = true;
      return new Promise<void>((resolve) => {
        stream.once('close', () => resolve());
        stream.once('error', () => resolve());
        stream.end();
      });
    },
  };
}

/** A purge as the log holds it: the purge log row's own numbers, so IT can check one against the other. */
export function logPurge(log: SiteLog, entry: PurgeLogEntry): void {
  log.info('purge', {
    trigger: entry.trigger,
    purgeId: entry.id,
    cutoff: new Date(entry.cutoff).toISOString(),
    visitsDeleted: entry.visitsDeleted,
    receiptsDeleted: entry.receiptsDeleted,
    auditDeleted: entry.auditDeleted,
    statsDeleted: entry.statsDeleted,
    durationMs: entry.durationMs,
  });
}

/**
 * An error as the log may hold it: its name, its code and the stack's frames — never its
 * message, which can quote what a person typed (a zod issue, a SQLite constraint's values).
 */
export function errorFields(error: unknown): { errorName: string; errorCode: string | null; frames: string } {
  const e = error instanceof Error ? error : new Error('non-error thrown');
  const code = (e as { code?: unknown }).code;
  return {
    errorName: e.name,
    errorCode: typeof code === 'string' ? code : null,
    frames: (e.stack ?? '')
      .split('\n')
      .filter((line) => line.trimStart().startsWith('at '))
      .map((line) => line.trim())
      .join(' | '),
  };
}
