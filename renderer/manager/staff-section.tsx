import { useCallback, useEffect, useState } from 'react';
import type { StaffMember } from '../../shared/domain/staff.js';
import { useApi } from '../api/api-context.js';
import { fromFailure } from '../forms/form-errors.js';
import { text } from '../i18n/text.js';
import { ConfirmWithPin } from '../components/confirm-with-pin.js';
import { AddStaffForm } from './add-staff-form.js';
import { StaffTable } from './staff-table.js';
import './staff-section.css';

/** The staff list, unlocking a locked account, and adding someone. */
export function StaffSection({ timeZone }: { timeZone: string | null }) {
  const api = useApi();
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [unlocking, setUnlocking] = useState<StaffMember | null>(null);

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

  /** Throws a refusal back to the PIN form, which shows it by the field. */
  async function unlock(member: StaffMember, managerPin: string) {
    await api.unlockStaff({ staffId: member.id, managerPin });
    setUnlocking(null);
    setStatus(text.manager.staff.unlocked(member.name));
    setProblem(null);
    await reload();
  }

  return (
    <section className="staff-section" aria-labelledby="staff-title">
      <h2 className="section-title" id="staff-title">
        {text.manager.staff.heading}
      </h2>
      <p className="notice" role="status" hidden={status === null}>
        {status}
      </p>
      {problem !== null && (
        <p className="notice notice--problem" role="alert">
          {problem}
        </p>
      )}
      {staff === null ? <p className="hint">{text.loading}</p> : <StaffTable staff={staff} timeZone={timeZone} onUnlock={setUnlocking} />}
      {unlocking !== null && (
        <ConfirmWithPin
          key={unlocking.id}
          form="unlock-staff"
          title={text.manager.staff.unlockTitle(unlocking.name)}
          confirmLabel={text.manager.staff.unlock}
          onConfirm={(managerPin) => unlock(unlocking, managerPin)}
          onCancel={() => setUnlocking(null)}
        />
      )}
      <AddStaffForm
        onAdded={(member) => {
          setStatus(text.manager.addStaff.added(member.name));
          void reload();
        }}
      />
    </section>
  );
}
