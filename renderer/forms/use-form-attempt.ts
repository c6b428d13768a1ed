import { useState, type FormEvent } from 'react';
import { fromFailure, fromIssues, noErrors, type FormErrors } from './form-errors.js';

/** What the contract's schema said of the input: `safeParse`'s answer, in the shape every form needs. */
type Checked = { success: true } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };

/**
 * One submit, the same way on every form: the input is checked with the call's own schema
 * before anything is sent, a refusal from the schema or the core lands next to its fields, each
 * failed attempt moves focus to the summary, and a second press while a call is out does nothing.
 * `onFail` hears every refusal (with the error, when the core refused) — to empty a PIN field, say.
 */
export function useFormAttempt(onFail?: (errors: FormErrors, error: unknown) => void) {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const fail = (next: FormErrors, error: unknown = null) => {
    setErrors(next);
    setAttempt((n) => n + 1);
    onFail?.(next, error);
  };

  async function submit(event: FormEvent, checked: Checked, send: () => Promise<void>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    if (!checked.success) return fail(fromIssues(checked.error.issues));
    setBusy(true);
    try {
      await send();
    } catch (error) {
      fail(fromFailure(error), error);
    } finally {
      setBusy(false);
    }
  }

  return { errors, attempt, busy, submit, fail, clearErrors: () => setErrors(noErrors) };
}
