import { DeskFailure } from '../../../shared/errors.js';
import type { CallContext } from '../call-context.js';
import { checkPinAttempt } from '../pin-attempts.js';
import { findStaff } from '../staff-records.js';
import type { SiteDay } from './site-day.js';
import { errorText as t } from '../../../shared/i18n/catalogue.js';

export interface AfterHoursConsent {
  managerId: number;
  managerPin: string;
}

/**
 * Reception stops issuing tickets at the day's last-ticket time, and all day on a closed day
 * (docs/design.md, "The day"). A manager standing at the counter may let one more visitor in by
 * choosing their name and typing their own PIN on the receptionist's screen; the PIN is one
 * attempt at that manager's account, so wrong tries count toward their lockout (docs/access.md).
 *
 * Returns the id of the manager who let the visitor in, or null when it is not late (the consent,
 * if sent, is ignored then: nobody's PIN is checked for nothing).
 */
export function checkIssuingHours(ctx: CallContext, day: SiteDay, consent: AfterHoursConsent | undefined): number | null {
  const late = day.lastTicketAt === null || ctx.now >= day.lastTicketAt;
  if (!late) return null;
  if (consent === undefined) {
    const message = day.hours === null ? t.closedToday : t.ticketsStopAt(day.hours.lastTicket);
    // The field is where the screen opens the manager's panel.
    throw new DeskFailure('conflict', message, [{ path: ['afterHours'], message }]);
  }
  const manager = findStaff(ctx.db, consent.managerId);
  if (manager === undefined || manager.role !== 'manager' || manager.active !== 1) {
    throw new DeskFailure('invalid-input', t.afterHoursChooseManager, [{ path: ['afterHours', 'managerId'], message: t.chooseManagerField }]);
  }
  checkPinAttempt(ctx, {
    staff: manager,
    pin: consent.managerPin,
    auditAction: 'pin.confirm',
    wrong: (left) => new DeskFailure('invalid-input', t.wrongAfterHoursPin(left), [{ path: ['afterHours', 'managerPin'], message: t.wrongPinField }]),
  });
  return manager.id;
}
