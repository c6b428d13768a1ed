import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { z } from 'zod';
import { pin as pinSchema } from '../../shared/schemas/fields.js';
import { fieldId } from '../forms/field-id.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { text } from '../i18n/text.js';
import { ErrorSummary } from './error-summary.js';
import { PinField } from './text-field.js';
import './form.css';

interface ConfirmWithPinProps {
  /** A unique prefix for the form's element ids. */
  form: string;
  /** What the manager is about to do, as a heading ("Unlock Rita Reception"). */
  title: string;
  confirmLabel: string;
  /** Sends the call with the PIN; a refusal (a wrong PIN, a lockout) is shown by the field. */
  onConfirm(managerPin: string): Promise<void>;
  onCancel(): void;
}

/**
 * Power over PINs, keys and personal data asks for the manager's own PIN again (docs/access.md).
 * The core checks it and counts a wrong one toward the lockout; this form only carries it.
 * Escape cancels; focus starts in the PIN field.
 */
export function ConfirmWithPin({ form, title, confirmLabel, onConfirm, onCancel }: ConfirmWithPinProps) {
  const [pin, setPin] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const t = text.confirmPin;
  const { errors, attempt, busy, submit } = useFormAttempt(() => {
    setPin('');
    input.current?.focus();
  });

  useEffect(() => input.current?.focus(), []);

  const send = (event: FormEvent) => submit(event, z.strictObject({ managerPin: pinSchema }).safeParse({ managerPin: pin }), () => onConfirm(pin));

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  }

  const titleId = `${form}-title`;
  return (
    <form className="form form--panel" noValidate onSubmit={send} onKeyDown={onKeyDown} aria-labelledby={titleId}>
      <h3 className="form__title" id={titleId}>
        {title}
      </h3>
      <ErrorSummary form={form} errors={errors} labels={{ managerPin: t.label }} attempt={attempt} takeFocus={false} />
      <PinField
        id={fieldId(form, 'managerPin')}
        label={t.label}
        hint={t.hint}
        error={errors.fields.managerPin}
        value={pin}
        onValue={setPin}
        inputRef={input}
      />
      <div className="form__actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
