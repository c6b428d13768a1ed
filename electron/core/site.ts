import { EventEmitter } from 'node:events';
import { contract, isCallName, type CallName, type CallResult } from '../../shared/contract/index.js';
import { DeskFailure } from '../../shared/errors.js';
import { eventAudience, type DeskEvent } from '../../shared/events.js';
import type { Role } from '../../shared/domain/staff.js';
import type { PurgeLogEntry } from '../../shared/domain/stats.js';
import { writeAudit, type AuditAction, type AuditTarget } from './audit.js';
import type { CallContext, Caller, KeystoreAccess } from './call-context.js';
import type { Clock } from './clock.js';
import { handlers } from './handlers/index.js';
import { purge, type PurgeTrigger } from './retention.js';
import { SessionStore } from './sessions.js';
import { readSettings, type Settings } from './settings.js';
import type { Db } from './store/open-database.js';
import { closeFinishedDays, siteDay } from './queue/site-day.js';
import { toDeskFailure } from './failures.js';
import { fillClosedDays } from './stats/closed-day-totals.js';
import { localDay, retentionCutoff } from './local-time.js';
import { errorText as t } from '../../shared/i18n/catalogue.js';

export interface SiteOptions {
  db: Db;
  clock: Clock;
  keystore: KeystoreAccess;
  /** Called when the site closes (releases the store lock). */
  onClose?: () => void;
  /** Told of unexpected failures, with no message text: a message can quote a visitor's data. */
  onInternalError?: (report: InternalErrorReport) => void;
}

export interface InternalErrorReport {
  call: string;
  errorName: string;
  code: string | null;
  /** The stack's frames only, without the message line. */
  frames: string;
}

function reportOf(call: string, error: unknown): InternalErrorReport {
  const e = error instanceof Error ? error : new Error('non-error thrown');
  const code = (e as { code?: unknown }).code;
  return {
    call,
    errorName: e.name,
    code: typeof code === 'string' ? code : null,
    frames: (e.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at ')).join('\n'),
  };
}

const defaultInternalErrorSink = (report: InternalErrorReport) =>
  console.error(`One Stop Queue: ${report.call} failed with ${report.errorName}${report.code ? ` (${report.code})` : ''}\n${report.frames}`);

/** Calls whose handler also waits on work outside the database (the keystore's scrypt). */
type AsyncCallName = { [K in CallName]: ReturnType<(typeof handlers)[K]> extends PromiseLike<unknown> ? K : never }[CallName];
export type SyncCallName = Exclude<CallName, AsyncCallName>;

export type EventListener = (event: DeskEvent, audience: 'staff' | 'everyone') => void;

const hourMs = 60 * 60_000;

/**
 * The site: every call from either door comes through `call`, which identifies the caller,
 * checks the call's roles, validates the input with the call's schema and runs the handler in one
 * immediate transaction. Nothing reaches a handler any other way.
 */
export class Site {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly keystore: KeystoreAccess;
  private readonly sessions = new SessionStore();
  private readonly events = new EventEmitter();
  private readonly onClose: (() => void) | undefined;
  private readonly onInternalError: (report: InternalErrorReport) => void;
  private lastPurgeAt = Number.NEGATIVE_INFINITY;
  private closed = false;

  constructor(options: SiteOptions) {
    this.db = options.db;
    this.clock = options.clock;
    this.keystore = options.keystore;
    this.onClose = options.onClose;
    this.onInternalError = options.onInternalError ?? defaultInternalErrorSink;
    this.events.setMaxListeners(0);
    // Before any request is served: close what earlier days left open, then purge (DESIGN.md, "Retention").
    this.endOfDay();
    this.purge('startup');
  }

  get database(): Db {
    return this.db;
  }

  async call<K extends CallName>(name: K, input: unknown, token: string | null): Promise<CallResult<K>> {
    try {
      return await this.run(name, input, token);
    } catch (error) {
      throw this.failure(name, error);
    }
  }

  /**
   * A call whose work is all in the database, answered without a promise: for tests and the
   * benchmark. Calls that also wait for the keystore (`AsyncCallName`) are not allowed here.
   */
  callSync<K extends SyncCallName>(name: K, input: unknown, token: string | null): CallResult<K> {
    const result = this.run(name, input, token);
    // Unreachable through the types: a handler that returns a promise makes its call an AsyncCallName.
    if (result instanceof Promise) throw new Error(`${name} waits for the keystore: use call()`);
    return result;
  }

  /** Validates, identifies, checks and runs one call; a promise only for the keystore's work after the transaction. */
  private run<K extends CallName>(name: K | string, input: unknown, token: string | null): CallResult<K> | Promise<CallResult<K>> {
    if (this.closed) throw new DeskFailure('unavailable', t.shuttingDown);
    if (!isCallName(name)) throw new DeskFailure('not-found', t.noSuchCall(name.slice(0, 60)));
    const spec = contract[name];
    const now = this.clock.now();
    // Read once per call: every handler and the session check see the same settings.
    let settings: Settings | undefined;
    const currentSettings = () => (settings ??= readSettings(this.db));
    const caller = this.identify(token, now, currentSettings);
    if (spec.access !== 'public') {
      if (caller === null) throw new DeskFailure('unauthenticated', t.sessionEnded);
      if (!allowed(caller.role, spec.access)) {
        writeAudit(this.db, { at: now, staffId: caller.staffId, action: 'access.denied', outcome: 'denied' });
        throw new DeskFailure('forbidden', t.roleCannot);
      }
    }
    // Who is calling comes first (DESIGN.md, "Who is calling"): without a session, nothing about the input is told.
    // No input at all is a call without one (`{}`); an explicit `null` is input, and not an object.
    const parsed = spec.input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) {
      throw new DeskFailure(
        'invalid-input',
        t.invalidInput,
        parsed.error.issues.map((issue) => ({ path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issue.message })),
      );
    }
    const pending: DeskEvent[] = [];
    const afterFailure: Array<() => void> = [];
    const ctx: CallContext = {
      db: this.db,
      now,
      caller,
      sessions: this.sessions,
      settings: currentSettings,
      audit: (action: AuditAction, target?: AuditTarget, outcome?: 'ok' | 'denied' | 'failed') =>
        writeAudit(this.db, { at: now, staffId: caller?.staffId ?? null, action, ...(target ? { target } : {}), ...(outcome ? { outcome } : {}) }),
      emit: (event) => pending.push(event),
      afterFailure: (work) => afterFailure.push(work),
      keystore: this.keystore,
    };
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => CallResult<K> | Promise<CallResult<K>>;
    let result: CallResult<K> | Promise<CallResult<K>>;
    try {
      // better-sqlite3 refuses a transaction function that returns a promise, and rightly: the
      // database work must finish inside it. A handler's promise (keystore work) is returned after.
      let later: Promise<CallResult<K>> | undefined;
      const done = this.db
        .transaction(() => {
          const value = handler(parsed.data, ctx);
          if (value instanceof Promise) later = value;
          else return value;
          return undefined;
        })
        .immediate();
      result = later ?? (done as CallResult<K>);
    } catch (error) {
      if (afterFailure.length > 0) this.db.transaction(() => afterFailure.forEach((work) => work())).immediate();
      throw this.failure(name, error);
    }
    for (const event of pending) this.events.emit('event', event, eventAudience[event.type]);
    return result;
  }

  subscribe(listener: EventListener): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  /**
   * Tells `listener` the token of every session that ends — sign-out, deactivation, a PIN change
   * or reset, idle expiry — so an event socket holding it can close. A listener's failure is
   * reported, never allowed to undo the sign-out that ended the session.
   */
  onSessionEnded(listener: (token: string) => void): () => void {
    return this.sessions.onEnded((token) => {
      try {
        listener(token);
      } catch (error) {
        this.onInternalError(reportOf('onSessionEnded', error));
      }
    });
  }

  /** Whether a session is still live, without moving its idle expiry or auditing: for periodic checks. */
  sessionAlive(token: string): boolean {
    return this.sessions.alive(token, this.clock.now());
  }

  /**
   * Runs every minute from the scheduler: end of day at closing, purge once an hour, each closed
   * day's report totals once (stats/closed-day-totals.ts), and a WAL checkpoint.
   */
  tick(): void {
    if (this.closed) return;
    this.endOfDay();
    if (this.clock.now() - this.lastPurgeAt >= hourMs || this.clock.now() < this.lastPurgeAt) this.purge('hourly');
    const settings = readSettings(this.db);
    const now = this.clock.now();
    fillClosedDays(this.db, localDay(now, settings.timeZone), localDay(retentionCutoff(now, settings.timeZone, settings.retentionDays), settings.timeZone));
    // Off the desks' commits: see wal_autocheckpoint in store/open-database.ts.
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  purge(trigger: PurgeTrigger): PurgeLogEntry {
    const entry = purge(this.db, this.clock.now(), readSettings(this.db), trigger);
    this.lastPurgeAt = this.clock.now();
    return entry;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.events.removeAllListeners();
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.close();
      this.onClose?.();
    }
  }

  private failure(call: string, error: unknown) {
    const failure = toDeskFailure(error);
    if (failure !== error) this.onInternalError(reportOf(call, error));
    return failure;
  }

  private endOfDay(): void {
    const settings = readSettings(this.db);
    const day = siteDay(this.clock.now(), settings.timeZone, settings.openingHours);
    const closed = this.db.transaction(() => closeFinishedDays(this.db, this.clock.now(), day)).immediate();
    if (closed > 0) this.events.emit('event', { type: 'queue-changed', at: this.clock.now() } satisfies DeskEvent, 'staff');
  }

  private identify(token: string | null, now: number, settings: () => Settings): Caller | null {
    if (token === null || token === '') return null;
    const idleMs = settings().sessionIdleMinutes * 60_000;
    const session = this.sessions.touch(token, now, idleMs);
    if (session === null) return null;
    const staff = this.db.prepare('SELECT id, name, role, active FROM staff WHERE id = ?').get(session.staffId) as
      | { id: number; name: string; role: Role; active: number }
      | undefined;
    if (staff === undefined || staff.active !== 1) {
      this.sessions.revoke(token);
      return null;
    }
    return { staffId: staff.id, name: staff.name, role: staff.role, token, expiresAt: session.expiresAt };
  }
}

function allowed(role: Role, access: readonly Role[]): boolean {
  return role === 'manager' || access.includes(role);
}
