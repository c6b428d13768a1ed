import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { adminCalls } from '../../shared/contract/admin-calls.js';
import { ErrorSummary } from '../components/error-summary.js';
import { TextField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { text } from '../i18n/text.js';

interface DeskNameFormProps {
  form: string;
  heading: string;
  label: string;
  submitLabel: string;
  busyLabel: string;
  initial?: string;
  /** Sends the name; a refusal (a name already used) is shown by the field. */
  onName(name: string): Promise<void>;
  /** Given for a rename, which opens with focus in the field and closes on Escape. */
  onCancel?: () => void;
}

/** One desk's name: to add a desk, or to rename one (the contract checks it the same way). */
export function DeskNameForm({ form, heading, label, submitLabel, busyLabel, initial = '', onName, onCancel }: DeskNameFormProps) {
  const [name, setName] = useState(initial);
  const field = useRef<HTMLInputElement>(null);
  const { errors, attempt, busy, submit, clearErrors } = useFormAttempt();
  const renaming = onCancel !== undefined;
  useEffect(() => {
    if (renaming) field.current?.select();
  }, [renaming]);

  const send = (event: FormEvent) =>
    submit(event, adminCalls.createDesk.input.safeParse({ name }), async () => {
      await onName(name);
      if (!renaming) {
        setName('');
        clearErrors();
      }
    });

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && onCancel !== undefined) {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form className="form form--panel settings-form" noValidate onSubmit={send} onKeyDown={onKeyDown} aria-labelledby={`${form}-title`}>
      <h3 className="form__title" id={`${form}-title`}>
        {heading}
      </h3>
      <ErrorSummary form={form} errors={errors} labels={{ name: label }} attempt={attempt} />
      <TextField id={fieldId(form, 'name')} label={label} hint={text.settings.desks.nameHint} error={errors.fields.name} value={name} onValue={setName} autoComplete="off" inputRef={field} />
      <div className="form__actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? busyLabel : submitLabel}
        </button>
        {onCancel !== undefined && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {text.settings.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
