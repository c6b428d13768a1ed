import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { pin as pinSchema } from '../../shared/schemas/fields.js';
import { fieldId } from '../forms/field-id.js';
import { fromFailure, fromIssues, noErrors, type FormErrors } from '../forms/form-errors.js';
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
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const t = text.confirmPin;

  useEffect(() => input.current?.focus(), []);

  const fail = (next: FormErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
    setPin('');
    input.current?.focus();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = pinSchema.safeParse(pin);
    if (!parsed.success) return fail(fromIssues(parsed.error.issues.map((issue) => ({ ...issue, path: ['managerPin'] }))));
    setBusy(true);
    try {
      await onConfirm(pin);
    } catch (error) {
      fail(fromFailure(error));
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  }

  const titleId = `${form}-title`;
  return (
    <form className="form form--panel" noValidate onSubmit={submit} onKeyDown={onKeyDown} aria-labelledby={titleId}>
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
