import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { adminCalls } from '../../shared/contract/admin-calls.js';
import { roles, type Role, type StaffMember } from '../../shared/domain/staff.js';
import { useApi } from '../api/api-context.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SelectField } from '../components/select-field.js';
import { PinField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { text } from '../i18n/text.js';
import '../components/form.css';

const form = 'staff-role';
const t = text.settings.staff;
const labels: Record<string, string> = { role: t.newRole, managerPin: text.settings.yourPin };
const roleOptions = roles.map((role) => ({ value: role, label: text.roles[role] }));

interface StaffRoleFormProps {
  member: StaffMember;
  onSaved(member: StaffMember): void;
  onCancel(): void;
}

/**
 * `updateStaff` with a new role. Making someone a manager asks for the acting manager's PIN; the
 * core refuses to demote the last active manager, and that refusal is shown at the top.
 */
export function StaffRoleForm({ member, onSaved, onCancel }: StaffRoleFormProps) {
  const api = useApi();
  const [role, setRole] = useState<Role>(member.role);
  const [managerPin, setManagerPin] = useState('');
  const first = useRef<HTMLDivElement>(null);
  const { errors, attempt, busy, submit } = useFormAttempt(() => setManagerPin(''));
  useEffect(() => first.current?.querySelector('select')?.focus(), []);

  const grantsManager = role === 'manager' && member.role !== 'manager';
  const input = grantsManager ? { staffId: member.id, role, managerPin } : { staffId: member.id, role };
  const send = (event: FormEvent) => {
    // The same role again would only sign them out everywhere: nothing to send.
    if (role === member.role) {
      event.preventDefault();
      onCancel();
      return;
    }
    return submit(event, adminCalls.updateStaff.input.safeParse(input), async () => onSaved(await api.updateStaff(input)));
  };

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  }

  const id = (key: string) => fieldId(form, key);
  return (
    <form className="form form--panel" noValidate onSubmit={send} onKeyDown={onKeyDown} aria-labelledby={`${form}-title`}>
      <h3 className="form__title" id={`${form}-title`}>
        {t.changeRoleHeading(member.name)}
      </h3>
      <ErrorSummary form={form} errors={errors} labels={labels} attempt={attempt} />
      <div ref={first}>
        <SelectField id={id('role')} label={t.newRole} hint={t.roleHint} error={errors.fields.role} value={role} options={roleOptions} onValue={(value) => setRole(value as Role)} />
      </div>
      {grantsManager && (
        <PinField id={id('managerPin')} label={text.settings.yourPin} hint={t.managerPinHint} error={errors.fields.managerPin} value={managerPin} onValue={setManagerPin} />
      )}
      <div className="form__actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? text.settings.saving : text.settings.save}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {text.settings.cancel}
        </button>
      </div>
    </form>
  );
}
