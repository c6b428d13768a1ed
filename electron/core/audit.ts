import type { AuditEntry } from '../../shared/domain/stats.js';
import type { Db } from './store/open-database.js';

/**
 * What the audit log may say: an action code, who, which record id, when. Never a name,
 * address, reason or free text (docs/design.md, "The data"), which the types make hard to do by accident.
 */
export type AuditAction =
  | 'site.setup'
  | 'sign-in'
  | 'sign-in.locked'
  | 'sign-out'
  | 'pin.change'
  | 'pin.confirm'
  | 'pin.reset-with-passphrase'
  | 'staff.create'
  | 'staff.update'
  | 'staff.set-pin'
  | 'staff.unlock'
  | 'service.create'
  | 'service.update'
  | 'desk.create'
  | 'desk.update'
  | 'settings.update'
  | 'keystore.recovery-passphrase'
  | 'access.denied'
  | 'visit.issue'
  /** A manager let a visitor in after the last-ticket time; the target is that manager (staff), right after the visit's 'visit.issue'. */
  | 'visit.after-hours'
  | 'visit.reprint'
  /** Reception searched today's visits (searchTodaysVisits): no target, and never the terms. */
  | 'visit.search'
  /** Reception checked whether a visitor came earlier today (findRepeatVisit): no target, never the name or postcode. */
  | 'visit.repeat-check'
  | 'visit.view'
  | 'visit.cancel'
  | 'visit.call'
  | 'visit.recall'
  | 'visit.start'
  | 'visit.finish'
  | 'visit.transfer'
  | 'visit.park'
  | 'visit.resume'
  | 'visit.no-show'
  | 'visit.reinstate'
  | 'visit.close-end-of-day'
  | 'receipt.create'
  | 'receipt.view'
  | 'desk.open'
  | 'desk.close'
  /** A desk paused, or its pause's reason changed, and resumed; target the desk. */
  | 'desk.pause'
  | 'desk.resume'
  /** A member of staff asked for help (target the alert), and someone answered it. */
  | 'safety.raise'
  | 'safety.acknowledge'
  | 'purge.run'
  /** A manager exported a report's figures (exportReportCsv): anonymous, but the advisor rows name staff. */
  | 'report.export'
  /** A manager searched the visits held for a data-protection request: no target, never the terms. */
  | 'privacy.search'
  /** A visit's records were exported for a subject access request; target the visit. */
  | 'privacy.export'
  /** A visit was erased on request (target the visit, which no longer exists), and the erasure as a whole (target the erasure). */
  | 'visit.erase'
  | 'privacy.erase'
  /** LAN access turned on or off by a manager (docs/lan.md). */
  | 'lan.enable'
  | 'lan.disable'
  /** A manager made a pairing code; a desk PC paired with one (target the device) or was refused; a manager withdrew a device. */
  | 'lan.pairing-code'
  | 'lan.pair'
  | 'lan.device-revoke'
  /** The hub made, or changed to, a LAN certificate (no staff: the hub did it). */
  | 'lan.certificate'
  /** The site's settings, staff (without PINs), figures and audit log written to a site file, or read into a new hub (docs/replacing-the-hub.md). */
  | 'site.export'
  | 'site.import';

export type AuditTarget = { type: 'visit' | 'receipt' | 'staff' | 'service' | 'desk' | 'setting' | 'alert' | 'erasure' | 'device'; id: number | null };

export function writeAudit(
  db: Db,
  entry: { at: number; staffId: number | null; action: AuditAction; target?: AuditTarget; outcome?: AuditEntry['outcome'] },
): void {
  db.prepare('INSERT INTO audit (at, staff_id, action, target_type, target_id, outcome) VALUES (?, ?, ?, ?, ?, ?)').run(
    entry.at,
    entry.staffId,
    entry.action,
    entry.target?.type ?? null,
    entry.target?.id ?? null,
    entry.outcome ?? 'ok',
  );
}

export interface AuditFilter {
  limit?: number | undefined;
  beforeId?: number | undefined;
  staffId?: number | undefined;
  action?: string | undefined;
  /** UTC ms bounds, from the start of the first local day to the start of the day after the last. */
  fromMs?: number | undefined;
  toMs?: number | undefined;
}

/** The audit log, newest first, a page at a time, narrowed by member of staff, action and time. */
export function listAudit(db: Db, filter: AuditFilter): AuditEntry[] {
  return db
    .prepare(
      `SELECT id, at, staff_id AS staffId, action, target_type AS targetType, target_id AS targetId, outcome
       FROM audit
       WHERE id < @beforeId AND (@staffId IS NULL OR staff_id = @staffId) AND (@action IS NULL OR action = @action)
         AND at >= @fromMs AND at < @toMs
       ORDER BY id DESC LIMIT @limit`,
    )
    .all({
      beforeId: filter.beforeId ?? Number.MAX_SAFE_INTEGER,
      staffId: filter.staffId ?? null,
      action: filter.action ?? null,
      fromMs: filter.fromMs ?? 0,
      toMs: filter.toMs ?? Number.MAX_SAFE_INTEGER,
      limit: filter.limit ?? 100,
    }) as AuditEntry[];
}
