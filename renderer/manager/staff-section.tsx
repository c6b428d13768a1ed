import { useCallback, useEffect, useState } from 'react';
import type { StaffMember } from '../../shared/domain/staff.js';
import { useApi } from '../api/api-context.js';
import { fromFailure } from '../forms/form-errors.js';
import { text } from '../i18n/text.js';
import { ConfirmWithPin } from '../components/confirm-with-pin.js';
import { focusLater } from '../components/focus-when-drawn.js';
import { SettingsSection, type SettingsPart } from '../settings/settings-section.js';
import { AddStaffForm } from './add-staff-form.js';
import { StaffPinForm } from './staff-pin-form.js';
import { StaffRoleForm } from './staff-role-form.js';
import { staffActionId, StaffTable } from './staff-table.js';
import './staff-section.css';

/** The staff part of the settings page, for its contents list. */
export const staffPart: SettingsPart = { id: 'settings-staff', heading: text.manager.staff.heading };

type Acting = { kind: 'unlock' | 'role' | 'pin' | 'enable'; member: StaffMember };

const s = text.settings.staff;

/**
 * The staff list and what a manager does to it: unlock, change a role, reset a PIN, disable and
 * re-enable, add someone. The core keeps the last active manager; its refusal is said at the top.
 */
export function StaffSection({ timeZone }: { timeZone: string | null }) {
  const api = useApi();
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Each refusal said by setActive takes focus once it is on screen (after React has drawn it, not
  // on a timer that a busy PC can beat), even when it repeats the one before.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) document.getElementById('staff-problem')?.focus();
  }, [refusals]);
  const [acting, setActing] = useState<Acting | null>(null);

  const reload = useCallback(async () => {
    try {
      setStaff(await api.listStaff({}));
      setProblem(null);
    } catch (error) {
      setProblem(fromFailure(error).summary);
    }
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);

  function act(next: Acting) {
    setStatus(null);
    setProblem(null);
    setActing(next);
  }

  /** A row's form closed: focus goes back to the row's button that opened it, if it is still there. */
  function close(member: StaffMember, action: 'unlock' | 'role' | 'pin' | 'active') {
    setActing(null);
    focusLater(staffActionId(member.id, action));
  }

  async function done(message: string) {
    setStatus(message);
    setProblem(null);
    await reload();
  }

  /** Throws a refusal back to the PIN form, which shows it by the field. */
  async function unlock(member: StaffMember, managerPin: string) {
    await api.unlockStaff({ staffId: member.id, managerPin });
    close(member, 'role');
    await done(text.manager.staff.unlocked(member.name));
  }

  async function enableManager(member: StaffMember, managerPin: string) {
    await api.updateStaff({ staffId: member.id, active: true, managerPin });
    close(member, 'active');
    await done(s.enabled(member.name));
  }

  async function setActive(member: StaffMember, active: boolean) {
    // Re-enabling a manager gives back a manager's powers: that asks for the acting manager's PIN.
    if (active && member.role === 'manager') return act({ kind: 'enable', member });
    setStatus(null);
    setActing(null);
    try {
      await api.updateStaff({ staffId: member.id, active });
      await done(active ? s.enabled(member.name) : s.disabled(member.name));
    } catch (error) {
      setProblem(s.refused(member.name, fromFailure(error).summary ?? text.errors.unexpected));
      setRefusals((n) => n + 1);
    }
  }

  return (
    <SettingsSection part={staffPart}>
      <div className="staff-section">
        <p className="notice notice--saved" role="status" hidden={status === null}>
          {status}
        </p>
        {problem !== null && (
          <p className="notice notice--problem" role="alert" id="staff-problem" tabIndex={-1}>
            {problem}
          </p>
        )}
        {staff === null ? (
          <p className="hint">{text.loading}</p>
        ) : (
          <StaffTable
            staff={staff}
            timeZone={timeZone}
            onUnlock={(member) => act({ kind: 'unlock', member })}
            onChangeRole={(member) => act({ kind: 'role', member })}
            onResetPin={(member) => act({ kind: 'pin', member })}
            onSetActive={(member, active) => void setActive(member, active)}
          />
        )}
        {acting?.kind === 'unlock' && (
          <ConfirmWithPin
            key={acting.member.id}
            form="unlock-staff"
            title={text.manager.staff.unlockTitle(acting.member.name)}
            confirmLabel={text.manager.staff.unlock}
            onConfirm={(managerPin) => unlock(acting.member, managerPin)}
            onCancel={() => close(acting.member, 'unlock')}
          />
        )}
        {acting?.kind === 'enable' && (
          <ConfirmWithPin
            key={acting.member.id}
            form="enable-staff"
            title={s.enableManagerTitle(acting.member.name)}
            confirmLabel={s.enable}
            onConfirm={(managerPin) => enableManager(acting.member, managerPin)}
            onCancel={() => close(acting.member, 'active')}
          />
        )}
        {acting?.kind === 'role' && (
          <StaffRoleForm
            key={acting.member.id}
            member={acting.member}
            onSaved={(member) => {
              close(member, 'role');
              void done(s.roleChanged[member.role](member.name));
            }}
            onCancel={() => close(acting.member, 'role')}
          />
        )}
        {acting?.kind === 'pin' && (
          <StaffPinForm
            key={acting.member.id}
            member={acting.member}
            onSaved={(member) => {
              close(member, 'pin');
              void done(s.pinReset(member.name));
            }}
            onCancel={() => close(acting.member, 'pin')}
          />
        )}
        <AddStaffForm
          onAdded={(member) => {
            setStatus(text.manager.addStaff.added(member.name));
            void reload();
          }}
        />
      </div>
    </SettingsSection>
  );
}
