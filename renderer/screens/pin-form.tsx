import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { setupCalls } from '../../shared/contract/setup-calls.js';
import type { SignInEntry } from '../../shared/domain/staff.js';
import { DeskFailure } from '../../shared/errors.js';
import { useApi } from '../api/api-context.js';
import { ErrorSummary } from '../components/error-summary.js';
import { PinField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { fromFailure, fromIssues, noErrors, type FormErrors } from '../forms/form-errors.js';
import { text } from '../i18n/text.js';
import '../components/form.css';
import { useSessionStore } from '../state/session-store.js';

const form = 'sign-in';
const t = text.signIn;
const labels = { pin: t.pin };

interface PinFormProps {
  staff: SignInEntry;
  onBack(): void;
}

/** The PIN for the chosen name. The core counts wrong PINs and says how many are left. */
export function PinForm({ staff, onBack }: PinFormProps) {
  const api = useApi();
  const signedIn = useSessionStore((state) => state.signedIn);
  const input = useRef<HTMLInputElement>(null);
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [locked, setLocked] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const fail = (next: FormErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
    setPin('');
    input.current?.focus();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = setupCalls.signIn.input.safeParse({ staffId: staff.id, pin });
    if (!parsed.success) return fail(fromIssues(parsed.error.issues));
    setBusy(true);
    try {
      signedIn(await api.signIn({ staffId: staff.id, pin }));
    } catch (error) {
      setLocked(error instanceof DeskFailure && error.code === 'locked');
      setBusy(false);
      fail(fromFailure(error));
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onBack();
    }
  }

  return (
    <section aria-labelledby="sign-in-pin-title" onKeyDown={onKeyDown}>
      <h2 id="sign-in-pin-title" className="section-title">
        {t.pinTitle(staff.name)}
      </h2>
      <ErrorSummary form={form} errors={errors} labels={labels} attempt={attempt} title={locked ? t.locked : undefined} takeFocus={false} />
      <form className="form form--pin" noValidate onSubmit={submit}>
        <PinField id={fieldId(form, 'pin')} label={t.pin} hint={t.pinHint} error={errors.fields.pin} value={pin} onValue={setPin} inputRef={input} autoFocus />
        <div className="form__actions">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {busy ? t.submitting : t.submit}
          </button>
          <button type="button" className="button button--secondary" onClick={onBack} aria-describedby="sign-in-back-hint">
            {t.back}
          </button>
        </div>
        <p className="hint" id="sign-in-back-hint">
          {t.backHint}
        </p>
      </form>
    </section>
  );
}
