import { useRef, useState, type FormEvent } from 'react';
import { privacyCalls } from '../../shared/contract/privacy-calls.js';
import type { CallInput } from '../../shared/contract/index.js';
import type { PersonRecord } from '../../shared/domain/privacy.js';
import { useApi } from '../api/api-context.js';
import { ErrorSummary } from '../components/error-summary.js';
import { PinField, TextField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { text } from '../i18n/text.js';
import '../components/form.css';

const form = 'privacy-find';
const t = text.privacy.find;
const labels: Record<string, string> = { name: t.name, postcode: t.postcode, from: t.from, to: t.to, managerPin: text.privacy.yourPin };

type FindInput = CallInput<'findPersonRecords'>;

/** An empty box is no criterion: left out, so the contract's "at least one" rule can say so. */
function criteria(values: { name: string; postcode: string; from: string; to: string }, managerPin: string): FindInput {
  const input: FindInput = { managerPin };
  const name = values.name.trim();
  const postcode = values.postcode.trim();
  if (name !== '') input.name = name;
  if (postcode !== '') input.postcode = postcode;
  if (values.from !== '') input.from = values.from;
  if (values.to !== '') input.to = values.to;
  return input;
}

/**
 * Name, postcode, dates and the manager's PIN, checked with `findPersonRecords`' own schema. A
 * wrong PIN lands on the PIN field and empties it; the search terms stay for another try.
 */
export function FindForm({ labelledBy, onFound }: { labelledBy: string; onFound(records: PersonRecord[]): void }) {
  const api = useApi();
  const [values, setValues] = useState({ name: '', postcode: '', from: '', to: '' });
  const [pin, setPin] = useState('');
  const pinInput = useRef<HTMLInputElement>(null);
  const { errors, attempt, busy, submit, clearErrors } = useFormAttempt(() => setPin(''));

  const send = (event: FormEvent) => {
    const input = criteria(values, pin);
    return submit(event, privacyCalls.findPersonRecords.input.safeParse(input), async () => {
      const records = await api.findPersonRecords(input);
      clearErrors();
      setPin('');
      onFound(records);
    });
  };

  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const id = (key: string) => fieldId(form, key);
  return (
    <form className="form form--panel privacy-find" noValidate onSubmit={send} aria-labelledby={labelledBy}>
      <ErrorSummary form={form} errors={errors} labels={labels} attempt={attempt} />
      <div className="privacy-find__row">
        <TextField id={id('name')} label={t.name} hint={t.nameHint} error={errors.fields.name} value={values.name} onValue={set('name')} autoComplete="off" spellCheck={false} />
        <TextField
          id={id('postcode')}
          label={t.postcode}
          hint={t.postcodeHint}
          error={errors.fields.postcode}
          value={values.postcode}
          onValue={set('postcode')}
          autoComplete="off"
          className="input--postcode"
        />
      </div>
      <div className="privacy-find__row">
        <TextField id={id('from')} label={t.from} hint={t.fromHint} type="date" error={errors.fields.from} value={values.from} onValue={set('from')} className="input--date" />
        <TextField id={id('to')} label={t.to} hint={t.toHint} type="date" error={errors.fields.to} value={values.to} onValue={set('to')} className="input--date" />
      </div>
      <PinField id={id('managerPin')} label={text.privacy.yourPin} hint={text.privacy.yourPinHint} error={errors.fields.managerPin} value={pin} onValue={setPin} inputRef={pinInput} />
      <div className="form__actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t.submitting : t.submit}
        </button>
      </div>
    </form>
  );
}
