import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { queueCalls } from '../../shared/contract/queue-calls.js';
import { serviceOutcomes, type ServiceOutcome, type TicketView } from '../../shared/domain/visit.js';
import { useApi } from '../api/api-context.js';
import { ErrorSummary } from '../components/error-summary.js';
import { Field } from '../components/field.js';
import { fieldId } from '../forms/field-id.js';
import type { FormErrors } from '../forms/form-errors.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { NeedsHubNote, useNeedsHub } from '../components/needs-hub.js';
import { text } from '../i18n/text.js';
import { deskKeys } from './desk-keys.js';

const t = text.desk.finish;

interface FinishFormProps {
  ticket: TicketView;
  onFinished(ticket: TicketView, outcome: ServiceOutcome): void;
}

/** Says why Finish (and the card's Park) waits while the hub is away. */
export const finishNeedsHubNote = 'finish-needs-hub';

/** No outcome chosen is said in the advisor's words, on the outcome. */
function onScreen(errors: FormErrors, outcome: ServiceOutcome | null): FormErrors {
  if (outcome !== null || errors.fields.outcome === undefined) return errors;
  return { ...errors, fields: { ...errors.fields, outcome: t.chooseOutcome } };
}

/**
 * How the visit ended and a short note, checked with finishService's own schema. Enter on an
 * outcome or Ctrl+Enter in the note finishes; a refusal keeps the note as typed.
 */
export function FinishForm({ ticket, onFinished }: FinishFormProps) {
  const api = useApi();
  const form = `finish-${ticket.visitId}`;
  const id = (key: string) => fieldId(form, key);
  const [outcome, setOutcome] = useState<ServiceOutcome | null>(null);
  const [note, setNote] = useState('');
  const { errors, attempt, busy, submit } = useFormAttempt();
  const hub = useNeedsHub(finishNeedsHubNote);

  const input = { visitId: ticket.visitId, outcome: outcome ?? '', note };
  const send = (event: FormEvent) =>
    submit(event, queueCalls.finishService.input.safeParse(input), async () => {
      if (outcome === null) return;
      onFinished(await api.finishService({ visitId: ticket.visitId, outcome, note }), outcome);
    });

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey) return;
    const target = event.target as HTMLElement;
    if (target.tagName === 'TEXTAREA' ? !(event.ctrlKey || event.metaKey) : target.tagName !== 'INPUT') return;
    event.preventDefault();
    event.currentTarget.requestSubmit();
  }

  const shown = onScreen(errors, outcome);
  const outcomeError = shown.fields.outcome;
  return (
    <form className="desk-form desk-finish" noValidate onSubmit={send} onKeyDown={onKeyDown} aria-labelledby={`${form}-title`}>
      <h3 className="visually-hidden" id={`${form}-title`}>
        {t.heading(ticket.number)}
      </h3>
      <ErrorSummary form={form} errors={shown} labels={{ outcome: t.outcome, note: t.note }} attempt={attempt} />
      <fieldset
        className={outcomeError === undefined ? 'field desk-finish__outcomes' : 'field field--error desk-finish__outcomes'}
        aria-describedby={outcomeError === undefined ? undefined : `${id('outcome')}-error`}
      >
        <legend className="field__label">
          {t.outcome}
          <kbd className="desk-kbd" aria-hidden="true">
            {deskKeys.finish}
          </kbd>
        </legend>
        {outcomeError !== undefined && (
          <p className="field__error" id={`${id('outcome')}-error`}>
            <span className="visually-hidden">{text.errors.fieldPrefix} </span>
            {outcomeError}
          </p>
        )}
        <div className="desk-radios">
          {serviceOutcomes.map((each, index) => (
            <label key={each} className="desk-check">
              <input
                type="radio"
                name={`${form}-outcome`}
                id={index === 0 ? id('outcome') : `${id('outcome')}-${each}`}
                value={each}
                checked={outcome === each}
                aria-keyshortcuts={index === 0 ? deskKeys.finish : undefined}
                aria-invalid={outcomeError === undefined ? undefined : true}
                onChange={() => setOutcome(each)}
              />
              {t.outcomes[each]}
            </label>
          ))}
        </div>
      </fieldset>
      <Field id={id('note')} label={t.note} hint={t.noteHint} error={shown.fields.note}>
        {(control) => <textarea {...control} className="input desk-note" rows={2} value={note} onChange={(event) => setNote(event.target.value)} />}
      </Field>
      <NeedsHubNote id={finishNeedsHubNote} />
      <div className="form__actions">
        <button type="submit" className="button" aria-disabled={hub.disabled(busy)} aria-describedby={hub.describedBy()}>
          {busy ? t.submitting : t.submit(ticket.number)}
        </button>
      </div>
    </form>
  );
}
