import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { setupCalls } from '../../shared/contract/setup-calls.js';
import type { SignInEntry } from '../../shared/domain/staff.js';
import { DeskFailure } from '../../shared/errors.js';
import { useApi } from '../api/api-context.js';
import { ErrorSummary } from '../components/error-summary.js';
import { PinField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
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
  const [locked, setLocked] = useState(false);
  const { errors, attempt, busy, submit } = useFormAttempt((_errors, error) => {
    if (error !== null) setLocked(error instanceof DeskFailure && error.code === 'locked');
    setPin('');
    input.current?.focus();
  });

  const send = (event: FormEvent) =>
    submit(event, setupCalls.signIn.input.safeParse({ staffId: staff.id, pin }), async () => {
      signedIn(await api.signIn({ staffId: staff.id, pin }));
    });

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
      <form className="form form--pin" noValidate onSubmit={send}>
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
