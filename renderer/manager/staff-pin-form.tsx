import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { adminCalls } from '../../shared/contract/admin-calls.js';
import type { StaffMember } from '../../shared/domain/staff.js';
import { useApi } from '../api/api-context.js';
import { ErrorSummary } from '../components/error-summary.js';
import { PinField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { text } from '../i18n/text.js';
import '../components/form.css';

const form = 'staff-pin';
const t = text.settings.staff;
const labels: Record<string, string> = { pin: t.newPin, managerPin: text.settings.yourPin };

interface StaffPinFormProps {
  member: StaffMember;
  onSaved(member: StaffMember): void;
  onCancel(): void;
}

/** `setStaffPin`: a new PIN for someone who forgot theirs, confirmed with the manager's own PIN. */
export function StaffPinForm({ member, onSaved, onCancel }: StaffPinFormProps) {
  const api = useApi();
  const [pin, setPin] = useState('');
  const [managerPin, setManagerPin] = useState('');
  const first = useRef<HTMLInputElement>(null);
  // The manager's PIN is typed again after any refusal, never resent by accident.
  const { errors, attempt, busy, submit } = useFormAttempt(() => setManagerPin(''));
  useEffect(() => first.current?.focus(), []);

  const input = { staffId: member.id, pin, managerPin };
  const send = (event: FormEvent) => submit(event, adminCalls.setStaffPin.input.safeParse(input), async () => onSaved(await api.setStaffPin(input)));

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
        {t.resetPinHeading(member.name)}
      </h3>
      <ErrorSummary form={form} errors={errors} labels={labels} attempt={attempt} />
      <PinField id={id('pin')} label={t.newPin} hint={t.newPinHint} error={errors.fields.pin} value={pin} onValue={setPin} inputRef={first} />
      <PinField id={id('managerPin')} label={text.settings.yourPin} hint={text.confirmPin.hint} error={errors.fields.managerPin} value={managerPin} onValue={setManagerPin} />
      <div className="form__actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? text.settings.saving : t.resetPin}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {text.settings.cancel}
        </button>
      </div>
    </form>
  );
}
