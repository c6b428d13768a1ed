import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { adminCalls } from '../../shared/contract/admin-calls.js';
import { roles, type Role, type StaffMember } from '../../shared/domain/staff.js';
import { useApi } from '../api/api-context.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SelectField } from '../components/select-field.js';
import { PinField, TextField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { text } from '../i18n/text.js';
import '../components/form.css';

const form = 'add-staff';
const t = text.manager.addStaff;
const labels: Record<string, string> = { name: t.name, role: t.role, pin: t.pin, managerPin: t.managerPin };
const roleOptions = roles.map((role) => ({ value: role, label: text.roles[role] }));

/** `createStaff`, checked with the contract's own schema before it is sent. Escape clears it. */
export function AddStaffForm({ onAdded }: { onAdded(member: StaffMember): void }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('receptionist');
  const [pin, setPin] = useState('');
  const [managerPin, setManagerPin] = useState('');
  // A PIN is typed again after any refusal, never resent by accident.
  const { errors, attempt, busy, submit, clearErrors } = useFormAttempt(() => setManagerPin(''));

  function clear() {
    setName('');
    setRole('receptionist');
    setPin('');
    setManagerPin('');
    clearErrors();
  }

  const input = { name, role, pin, managerPin };
  const send = (event: FormEvent) =>
    submit(event, adminCalls.createStaff.input.safeParse(input), async () => {
      const member = await api.createStaff(input);
      clear();
      onAdded(member);
    });

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      clear();
    }
  }

  const id = (key: string) => fieldId(form, key);
  return (
    <form className="form form--panel" noValidate onSubmit={send} onKeyDown={onKeyDown} aria-labelledby="add-staff-title">
      <h3 className="form__title" id="add-staff-title">
        {t.heading}
      </h3>
      <ErrorSummary form={form} errors={errors} labels={labels} attempt={attempt} />
      <TextField id={id('name')} label={t.name} hint={t.nameHint} error={errors.fields.name} value={name} onValue={setName} autoComplete="off" />
      <SelectField id={id('role')} label={t.role} error={errors.fields.role} value={role} options={roleOptions} onValue={(value) => setRole(value as Role)} />
      <PinField id={id('pin')} label={t.pin} hint={t.pinHint} error={errors.fields.pin} value={pin} onValue={setPin} />
      <PinField
        id={id('managerPin')}
        label={t.managerPin}
        hint={t.managerPinHint}
        error={errors.fields.managerPin}
        value={managerPin}
        onValue={setManagerPin}
      />
      <div className="form__actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t.submitting : t.submit}
        </button>
        <button type="button" className="button button--secondary" onClick={clear}>
          {t.clear}
        </button>
      </div>
    </form>
  );
}
