import type { AuditEntry } from '../../shared/domain/stats.js';
import type { Db } from './store/open-database.js';

/**
 * What the audit log may say: an action code, who, which record id, when. Never a name,
 * address, reason or free text (DESIGN.md, "The data"), which the types make hard to do by accident.
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
  | 'report.export';

export type AuditTarget = { type: 'visit' | 'receipt' | 'staff' | 'service' | 'desk' | 'setting' | 'alert'; id: number | null };

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

export function listAudit(db: Db, page: { limit?: number | undefined; beforeId?: number | undefined }): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT id, at, staff_id AS staffId, action, target_type AS targetType, target_id AS targetId, outcome
       FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?`,
    )
    .all(page.beforeId ?? Number.MAX_SAFE_INTEGER, page.limit ?? 100) as AuditEntry[];
  return rows;
}
