import { DeskFailure } from '../../../shared/errors.js';
import type { CallContext } from '../call-context.js';
import { requireCaller } from '../call-context.js';
import { localDay } from '../local-time.js';
import { getVisitRow, type VisitRow } from './visit-records.js';
import { errorText as t } from '../../../shared/i18n/catalogue.js';

/**
 * Who reads which visitor's details (docs/access.md, "Need to know"), decided here once for
 * every call that reads or adds to a visit's personal data:
 *
 * - a manager reads every visit still held;
 * - a receptionist reads today's visits (to reprint, cancel, add evidence);
 * - an advisor reads a visit last called to a desk they have open now — called, being served,
 *   parked or finished there — until the end of that day, and nothing else.
 *
 * A refusal is `forbidden` and is audited (after the call's transaction rolls back), by ids only.
 */
export function mayRead(ctx: CallContext, visit: Pick<VisitRow, 'day' | 'last_desk_id'>): boolean {
  const caller = requireCaller(ctx);
  if (caller.role === 'manager') return true;
  if (visit.day !== localDay(ctx.now, ctx.settings().timeZone)) return false;
  if (caller.role === 'receptionist') return true;
  if (visit.last_desk_id === null) return false;
  return ctx.db.prepare('SELECT 1 FROM desk_sessions WHERE desk_id = ? AND advisor_id = ?').get(visit.last_desk_id, caller.staffId) !== undefined;
}

/** The visit's row when the caller may read it; `forbidden` (audited) when not. */
export function readableVisit(ctx: CallContext, visitId: number): VisitRow {
  const row = getVisitRow(ctx.db, visitId);
  if (!mayRead(ctx, row)) {
    ctx.afterFailure(() => ctx.audit('visit.view', { type: 'visit', id: row.id }, 'denied'));
    throw new DeskFailure('forbidden', t.notYourVisit);
  }
  return row;
}
