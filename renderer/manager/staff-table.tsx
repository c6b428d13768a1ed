import type { StaffMember } from '../../shared/domain/staff.js';
import { text } from '../i18n/text.js';

/** What a manager may do from a row; each opens a form below the table or acts at once. */
export interface StaffActions {
  onUnlock(member: StaffMember): void;
  onChangeRole(member: StaffMember): void;
  onResetPin(member: StaffMember): void;
  onSetActive(member: StaffMember, active: boolean): void;
}

interface StaffTableProps extends StaffActions {
  staff: readonly StaffMember[];
  timeZone: string | null;
}

const t = text.manager.staff;
const s = text.settings.staff;

/** The id of a row's first button, where focus goes back when a row's form closes. */
export const staffActionId = (staffId: number, action: 'unlock' | 'role' | 'pin' | 'active') => `staff-${staffId}-${action}`;

function lockTime(at: number, timeZone: string | null): string {
  return new Intl.DateTimeFormat(text.locale, { hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(at);
}

export function StaffTable({ staff, timeZone, onUnlock, onChangeRole, onResetPin, onSetActive }: StaffTableProps) {
  if (staff.length === 0) return <p>{t.none}</p>;
  return (
    <table className="table staff-table">
      <caption className="table__caption">{t.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.name}</th>
          <th scope="col">{t.role}</th>
          <th scope="col">{t.status}</th>
          <th scope="col">{t.action}</th>
        </tr>
      </thead>
      <tbody>
        {staff.map((member) => (
          <tr key={member.id} className={member.active ? undefined : 'staff-table__inactive'}>
            <th scope="row">{member.name}</th>
            <td>{text.roles[member.role]}</td>
            <td>
              {member.needsPin && member.active ? (
                <strong className="tag tag--locked">{t.noPinYet}</strong>
              ) : member.needsUnlock ? (
                <strong className="tag tag--locked">{t.lockedUntilUnlocked}</strong>
              ) : member.lockedUntil !== null ? (
                <strong className="tag tag--locked">{t.lockedUntil(lockTime(member.lockedUntil, timeZone))}</strong>
              ) : member.active ? (
                t.active
              ) : (
                t.inactive
              )}
            </td>
            <td>
              <div className="staff-table__actions">
                {(member.lockedUntil !== null || member.needsUnlock) && (
                  <button type="button" id={staffActionId(member.id, 'unlock')} className="button button--small" aria-label={t.unlockLabel(member.name)} onClick={() => onUnlock(member)}>
                    {t.unlock}
                  </button>
                )}
                {member.active && (
                  <>
                    <button
                      type="button"
                      id={staffActionId(member.id, 'role')}
                      className="button button--small button--secondary"
                      aria-label={s.changeRoleLabel(member.name)}
                      onClick={() => onChangeRole(member)}
                    >
                      {s.changeRole}
                    </button>
                    <button
                      type="button"
                      id={staffActionId(member.id, 'pin')}
                      className="button button--small button--secondary"
                      aria-label={s.resetPinLabel(member.name)}
                      onClick={() => onResetPin(member)}
                    >
                      {s.resetPin}
                    </button>
                  </>
                )}
                <button
                  type="button"
                  id={staffActionId(member.id, 'active')}
                  className="button button--small button--secondary"
                  aria-label={member.active ? s.disableLabel(member.name) : s.enableLabel(member.name)}
                  onClick={() => onSetActive(member, !member.active)}
                >
                  {member.active ? s.disable : s.enable}
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
