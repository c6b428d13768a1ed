import type { StaffMember } from '../../shared/domain/staff.js';
import { text } from '../i18n/text.js';

interface StaffTableProps {
  staff: readonly StaffMember[];
  timeZone: string | null;
  onUnlock(member: StaffMember): void;
}

const t = text.manager.staff;

function lockTime(at: number, timeZone: string | null): string {
  return new Intl.DateTimeFormat(text.locale, { hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(at);
}

export function StaffTable({ staff, timeZone, onUnlock }: StaffTableProps) {
  if (staff.length === 0) return <p>{t.none}</p>;
  return (
    <table className="table">
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
          <tr key={member.id}>
            <th scope="row">{member.name}</th>
            <td>{text.roles[member.role]}</td>
            <td>
              {member.needsUnlock ? (
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
              {(member.lockedUntil !== null || member.needsUnlock) && (
                <button type="button" className="button button--small" aria-label={t.unlockLabel(member.name)} onClick={() => onUnlock(member)}>
                  {t.unlock}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
