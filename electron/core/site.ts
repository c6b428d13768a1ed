import { EventEmitter } from 'node:events';
import { contract, isCallName, keepsAnswer, type CallName, type CallResult } from '../../shared/contract/index.js';
import { DeskFailure } from '../../shared/errors.js';
import { eventAudience, type DeskEvent } from '../../shared/events.js';
import type { Role } from '../../shared/domain/staff.js';
import type { PurgeLogEntry } from '../../shared/domain/stats.js';
import { writeAudit, type AuditAction, type AuditTarget } from './audit.js';
import { checkIdempotencyKey, keepAnswer, keptAnswer } from './call-answers.js';
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
import { SiteLan } from './lan/site-lan.js';
import { errorFields, logPurge, noLog, type SiteLog } from './site-log.js';

export interface SiteOptions {
  db: Db;
  clock: Clock;
  keystore: KeystoreAccess;
  /** Called when the site closes (releases the store lock). */
  onClose?: () => void;
  /** Told of unexpected failures, with no message text: a message can quote a visitor's data. */
  onInternalError?: (report: InternalErrorReport) => void;
  /** The site log (site-log.ts): purges and internal failures, counts and codes only. */
  log?: SiteLog;
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

export interface CallOptions {
  /** The client's idempotency key: the hub's `Idempotency-Key` header, the bridge's third argument. */
  idempotencyKey?: string | null;
  /**
   * The paired desk PC the call came through, as the hub's LAN door found it from the
   * `Desk-Device` header; absent or null for the hub PC's own door. A session works only through
   * the door it was signed in through.
   */
  deviceId?: number | null;
}

interface QueuedCall {
  name: string;
  input: unknown;
  token: string | null;
  key: string | null;
  deviceId: number | null;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

/** A call run inside its transaction: the answer (a promise for keystore work), its events, and how to keep a later answer by key. */
interface Ran {
  value: unknown;
  events: DeskEvent[];
  keep: ((answer: unknown) => void) | null;
  /** Work for after the commit (CallContext.afterCommit). */
  after: Array<() => void>;
}

/**
 * At most this many calls share a commit, so that a burst is answered in steps and the event loop
 * (new requests, the display sockets) is never held for long.
 */
const maxCallsPerCommit = 64;

/**
 * A passive checkpoint after about this many calls: a call writes a few pages, so the -wal stays
 * at a few MiB between checkpoints however busy the desks are.
 */
const callsPerCheckpoint = 200;

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
  private readonly log: SiteLog;
  private lastPurgeAt = Number.NEGATIVE_INFINITY;
  private closed = false;
  private readonly queued: QueuedCall[] = [];
  private changedSinceCheckpoint = 0;
  private checkpointQueued = false;
  /** LAN access, for the hub's doors (electron/hub/lan-doors.ts). */
  readonly lan: SiteLan;

  constructor(options: SiteOptions) {
    this.db = options.db;
    this.clock = options.clock;
    this.keystore = options.keystore;
    this.onClose = options.onClose;
    this.log = options.log ?? noLog;
    const sink = options.onInternalError ?? defaultInternalErrorSink;
    this.onInternalError = (report) => {
      this.log.error('error', { call: report.call, errorName: report.errorName, errorCode: report.code, frames: report.frames.split('\n').map((line) => line.trim()).join(' | ') });
      sink(report);
    };
    this.events.setMaxListeners(0);
    this.lan = new SiteLan(this.db, this.clock, () => this.emitAll([{ type: 'settings-changed', at: this.clock.now() }]));
    // Before any request is served: close what earlier days left open, then purge (docs/design.md, "Retention").
    this.endOfDay();
    this.purge('startup');
  }

  get database(): Db {
    return this.db;
  }

  /**
   * Every call from either door. Calls that arrive together share one durable commit (group
   * commit): they are queued, and at the next turn of the event loop run one after another in
   * one immediate transaction, each in its own savepoint so that a call's failure undoes its own
   * work and nothing else. Each is answered only after the commit that holds it is on disk; its
   * events go out then, in the order the calls ran. One thread runs them all, one at a time, so
   * two desks can never interleave (never share a ticket), exactly as with a commit per call.
   */
  call<K extends CallName>(name: K, input: unknown, token: string | null, options: CallOptions = {}): Promise<CallResult<K>> {
    return new Promise<CallResult<K>>((resolve, reject) => {
      this.queued.push({
        name,
        input,
        token,
        key: options.idempotencyKey ?? null,
        deviceId: options.deviceId ?? null,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      if (this.queued.length === 1) setImmediate(() => this.flush());
    });
  }

  /**
   * A call whose work is all in the database, answered without a promise and committed on its
   * own: for tests and the benchmark. Calls that also wait for the keystore (`AsyncCallName`) are
   * not allowed here.
   */
  callSync<K extends SyncCallName>(name: K, input: unknown, token: string | null, options: CallOptions = {}): CallResult<K> {
    const afterFailure: Array<() => void> = [];
    let ran: Ran;
    try {
      ran = this.db.transaction(() => this.runOne(name, input, token, options.idempotencyKey ?? null, options.deviceId ?? null, afterFailure)).immediate();
    } catch (error) {
      if (afterFailure.length > 0 && !this.closed) this.db.transaction(() => afterFailure.forEach((work) => work())).immediate();
      throw this.failure(name, error);
    }
    this.settled(name, ran);
    // Unreachable through the types: a handler that returns a promise makes its call an AsyncCallName.
    if (ran.value instanceof Promise) throw new Error(`${name} waits for the keystore: use call()`);
    return ran.value as CallResult<K>;
  }

  /** Runs the calls queued since the last turn in one transaction; see `call`. */
  private flush(): void {
    const batch = this.queued.splice(0, maxCallsPerCommit);
    if (this.queued.length > 0) setImmediate(() => this.flush());
    if (this.closed) {
      for (const item of batch) item.reject(new DeskFailure('unavailable', t.shuttingDown));
      return;
    }
    const outcomes: Array<{ item: QueuedCall; ran?: Ran; error?: unknown }> = [];
    let open = this.begin(batch, outcomes);
    for (const item of batch) {
      if (!open) break;
      const afterFailure: Array<() => void> = [];
      this.db.exec('SAVEPOINT one_call');
      try {
        const ran = this.runOne(item.name, item.input, item.token, item.key, item.deviceId, afterFailure);
        this.db.exec('RELEASE one_call');
        outcomes.push({ item, ran });
      } catch (error) {
        outcomes.push({ item, error });
        if (this.db.inTransaction) {
          this.db.exec('ROLLBACK TO one_call');
          this.db.exec('RELEASE one_call');
        } else {
          // SQLite rolled the whole transaction back itself (a full disk, an I/O error): the calls
          // before this one are undone too, and are told so rather than answered.
          for (const earlier of outcomes) if (earlier.ran !== undefined) [earlier.ran, earlier.error] = [undefined, error];
          open = this.begin(batch, outcomes);
          if (!open) break;
        }
        this.runAfterFailure(item.name, afterFailure);
      }
    }
    if (open) {
      try {
        this.db.exec('COMMIT');
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        for (const outcome of outcomes) if (outcome.ran !== undefined) [outcome.ran, outcome.error] = [undefined, error];
      }
    }
    for (const { item, ran, error } of outcomes) {
      if (ran === undefined) item.reject(this.failure(item.name, error));
      else {
        this.settled(item.name, ran);
        item.resolve(ran.value instanceof Promise ? this.settleLater(item, ran) : ran.value);
      }
    }
    this.changedSinceCheckpoint += outcomes.length;
    this.checkpointWhenDue();
  }

  /** Opens the batch's transaction; when it cannot, every call not yet run is refused with the reason. */
  private begin(batch: readonly QueuedCall[], outcomes: Array<{ item: QueuedCall; ran?: Ran; error?: unknown }>): boolean {
    try {
      this.db.exec('BEGIN IMMEDIATE');
      return true;
    } catch (error) {
      for (const item of batch.slice(outcomes.length)) outcomes.push({ item, error });
      return false;
    }
  }

  /** What must stay although the call failed (a wrong PIN counts): in its own savepoint, never undoing the batch. */
  private runAfterFailure(name: string, work: ReadonlyArray<() => void>): void {
    if (work.length === 0 || !this.db.inTransaction) return;
    try {
      this.db.transaction(() => work.forEach((step) => step()))();
    } catch (error) {
      this.onInternalError(reportOf(name, error));
    }
  }

  /**
   * A call with keystore work after its transaction (the recovery passphrase, an erasure's
   * checkpoint): its answer is known only then, so its key is kept in a small write of its own.
   */
  private settleLater(item: QueuedCall, ran: Ran): Promise<unknown> {
    return (ran.value as Promise<unknown>).then(
      (answer) => {
        if (ran.keep !== null && !this.closed) {
          const keep = ran.keep;
          try {
            this.db.transaction(() => keep(answer)).immediate();
          } catch (error) {
            // The call itself succeeded; a retry would run it again, as before keys existed.
            this.onInternalError(reportOf(item.name, error));
          }
        }
        return answer;
      },
      (error: unknown) => {
        throw this.failure(item.name, error);
      },
    );
  }

  /**
   * Identifies, checks and runs one call inside a transaction (or savepoint) its caller opened.
   * The database work is synchronous; a promise comes back only for keystore work after it.
   */
  private runOne(
    name: string,
    input: unknown,
    token: string | null,
    key: string | null,
    deviceId: number | null,
    afterFailure: Array<() => void>,
  ): Ran {
    if (this.closed) throw new DeskFailure('unavailable', t.shuttingDown);
    if (!isCallName(name)) throw new DeskFailure('not-found', t.noSuchCall(name.slice(0, 60)));
    const spec = contract[name];
    const now = this.clock.now();
    // Read once per call: every handler and the session check see the same settings.
    let settings: Settings | undefined;
    const currentSettings = () => (settings ??= readSettings(this.db));
    const caller = this.identify(token, now, currentSettings, deviceId);
    if (spec.access !== 'public') {
      if (caller === null) throw new DeskFailure('unauthenticated', t.sessionEnded);
      if (!allowed(caller.role, spec.access)) {
        afterFailure.push(() => writeAudit(this.db, { at: now, staffId: caller.staffId, action: 'access.denied', outcome: 'denied' }));
        throw new DeskFailure('forbidden', t.roleCannot);
      }
    }
    // Who is calling comes first (docs/design.md, "Who is calling"): without a session, nothing about the input is told.
    // No input at all is a call without one (`{}`); an explicit `null` is input, and not an object.
    const parsed = spec.input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) {
      throw new DeskFailure(
        'invalid-input',
        t.invalidInput,
        parsed.error.issues.map((issue) => ({ path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issue.message })),
      );
    }
    // A read keeps no key; a changing call with one answers a retry from what it kept (call-answers.ts).
    const keyed = key !== null && keepsAnswer(spec) ? key : null;
    const staffId = caller?.staffId ?? null;
    if (keyed !== null) {
      checkIdempotencyKey(keyed);
      const kept = keptAnswer(this.db, keyed, name, staffId);
      if (kept !== undefined) return { value: kept.answer, events: [], keep: null, after: [] };
    }
    const events: DeskEvent[] = [];
    const after: Array<() => void> = [];
    const ctx: CallContext = {
      db: this.db,
      now,
      caller,
      deviceId,
      sessions: this.sessions,
      settings: currentSettings,
      audit: (action: AuditAction, target?: AuditTarget, outcome?: 'ok' | 'denied' | 'failed') =>
        writeAudit(this.db, { at: now, staffId: caller?.staffId ?? null, action, ...(target ? { target } : {}), ...(outcome ? { outcome } : {}) }),
      emit: (event) => events.push(event),
      afterFailure: (work) => afterFailure.push(work),
      afterCommit: (work) => after.push(work),
      keystore: this.keystore,
      lan: this.lan.runtime,
      log: this.log,
    };
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
    const value = handler(parsed.data, ctx);
    const keep = keyed === null ? null : (answer: unknown) => keepAnswer(this.db, keyed, name, staffId, now, answer);
    // The answer is kept in the call's own transaction, so the key is on disk exactly when the call is.
    if (keep !== null && !(value instanceof Promise)) keep(value);
    return { value, events, keep: value instanceof Promise ? keep : null, after };
  }

  /** After a call's commit: its events in order, then its after-commit work (never undoing the call). */
  private settled(name: string, ran: Ran): void {
    this.emitAll(ran.events);
    for (const work of ran.after) {
      try {
        work();
      } catch (error) {
        this.onInternalError(reportOf(name, error));
      }
    }
  }

  private emitAll(events: readonly DeskEvent[]): void {
    for (const event of events) this.events.emit('event', event, eventAudience[event.type]);
  }

  /**
   * Keeps the -wal file small while desks are busy, without a checkpoint inside anyone's commit:
   * after enough calls, a passive checkpoint runs at a later turn of the event loop, once the
   * answers of the batch that crossed the line have been sent. With every frame copied back, the
   * next commit starts the -wal from its beginning, and `journal_size_limit` trims it there.
   */
  private checkpointWhenDue(): void {
    if (this.changedSinceCheckpoint < callsPerCheckpoint || this.checkpointQueued) return;
    this.checkpointQueued = true;
    setImmediate(() => {
      this.checkpointQueued = false;
      this.changedSinceCheckpoint = 0;
      if (this.closed) return;
      try {
        this.db.pragma('wal_checkpoint(PASSIVE)');
      } catch (error) {
        this.onInternalError(reportOf('checkpoint', error));
      }
    });
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

  /**
   * Whether a session is still live, without moving its idle expiry or auditing: for periodic
   * checks. `deviceId` is the paired desk PC asking (see `CallOptions.deviceId`).
   */
  sessionAlive(token: string, deviceId: number | null = null): boolean {
    return this.sessions.alive(token, this.clock.now(), deviceId);
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
    this.changedSinceCheckpoint = 0;
  }

  purge(trigger: PurgeTrigger): PurgeLogEntry {
    let entry: PurgeLogEntry;
    try {
      entry = purge(this.db, this.clock.now(), readSettings(this.db), trigger);
    } catch (error) {
      this.log.error('purge.failed', { trigger, ...errorFields(error) });
      throw error;
    }
    this.lastPurgeAt = this.clock.now();
    logPurge(this.log, entry);
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

  private identify(token: string | null, now: number, settings: () => Settings, deviceId: number | null): Caller | null {
    if (token === null || token === '') return null;
    const idleMs = settings().sessionIdleMinutes * 60_000;
    const session = this.sessions.touch(token, now, idleMs, deviceId);
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
