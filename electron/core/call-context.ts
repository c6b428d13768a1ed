import type { CallName, CallResult, ParsedInput } from '../../shared/contract/index.js';
import type { Role } from '../../shared/domain/staff.js';
import type { DeskEvent } from '../../shared/events.js';
import { DeskFailure } from '../../shared/errors.js';
import type { AuditAction, AuditTarget } from './audit.js';
import type { SessionStore } from './sessions.js';
import type { Db } from './store/open-database.js';
import type { SiteLog } from './site-log.js';
import type { Settings } from './settings.js';
import { errorText as t } from '../../shared/i18n/catalogue.js';

export interface Caller {
  staffId: number;
  name: string;
  role: Role;
  token: string;
  expiresAt: number;
}

/** What a handler may touch. One call runs in one transaction; events go out after it commits. */
export interface CallContext {
  db: Db;
  /** The clock read once at the start of the call, so one call sees one instant. */
  now: number;
  caller: Caller | null;
  /** The paired desk PC the call came through (LAN access); null for the hub PC's own door. */
  deviceId: number | null;
  sessions: SessionStore;
  settings(): Settings;
  audit(action: AuditAction, target?: AuditTarget, outcome?: 'ok' | 'denied' | 'failed'): void;
  emit(event: DeskEvent): void;
  /** Runs after the call's transaction rolled back — a failed sign-in must still count. */
  afterFailure(work: () => void): void;
  /** Runs once the call's transaction has committed (the LAN doors told of a change). */
  afterCommit(work: () => void): void;
  keystore: KeystoreAccess;
  /** What the site knows of LAN access outside the store. */
  lan: LanRuntime;
  /** The site log (docs/logs.md): codes and counts only. */
  log: SiteLog;
}

/** LAN access's state that lives in memory: where the doors listen, when devices were last seen. */
export interface LanRuntime {
  listening(): { desksAt: string[]; displayAt: string[] } | null;
  lastSeen(deviceId: number): number | null;
  /** Tells the doors, after the commit, that LAN access was turned on or off. */
  changed(): void;
  /** Tells the doors, after the commit, that a device was withdrawn. */
  revoked(deviceId: number): void;
}

/** The open store's key stays in the core; handlers reach the keystore only through this. */
export interface KeystoreAccess {
  hasRecoveryPassphrase(): boolean;
  setRecoveryPassphrase(passphrase: string): Promise<void>;
}

/**
 * A handler does its database work synchronously inside the call's transaction — never across an
 * `await`, so two desks can never interleave — and may return a promise only for work outside
 * the database (the keystore's scrypt).
 */
export type Handler<K extends CallName> = (input: ParsedInput<K>, ctx: CallContext) => CallResult<K> | Promise<CallResult<K>>;
export type Handlers = { [K in CallName]: Handler<K> };

export function requireCaller(ctx: CallContext): Caller {
  if (ctx.caller === null) throw new DeskFailure('unauthenticated', t.signInFirst);
  return ctx.caller;
}
