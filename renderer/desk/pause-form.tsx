import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { queueCalls } from '../../shared/contract/queue-calls.js';
import { pauseReasons, type OpenDesk, type PauseReason } from '../../shared/domain/desk-session.js';
import { useApi } from '../api/api-context.js';
import { ErrorSummary } from '../components/error-summary.js';
import { fieldId } from '../forms/field-id.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { NeedsHubNote, useNeedsHub } from '../components/needs-hub.js';
import { text } from '../i18n/text.js';

const form = 'desk-pause';
const t = text.desk.pause;

interface PauseFormProps {
  desk: OpenDesk;
  onPaused(desk: OpenDesk): void;
  onCancel(): void;
}

/** Why the desk stops calling for a while: break, admin or training. Arrow keys pick, Enter pauses, Esc cancels. */
export function PauseForm({ desk, onPaused, onCancel }: PauseFormProps) {
  const api = useApi();
  const [reason, setReason] = useState<PauseReason>('break');
  const { errors, attempt, busy, submit } = useFormAttempt();
  const hub = useNeedsHub('pause-needs-hub');
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => formRef.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus(), []);

  const input = { deskId: desk.deskId, reason };
  const send = (event: FormEvent) =>
    submit(event, queueCalls.pauseDesk.input.safeParse(input), async () => {
      onPaused(await api.pauseDesk(input));
    });

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  const id = fieldId(form, 'reason');
  return (
    <form ref={formRef} className="form form--panel desk-panel" noValidate onSubmit={send} onKeyDown={onKeyDown} aria-labelledby={`${form}-title`}>
      <h2 className="form__title" id={`${form}-title`}>
        {t.title(desk.deskName)}
      </h2>
      <ErrorSummary form={form} errors={errors} labels={{ reason: t.legend }} attempt={attempt} />
      <fieldset className="form__group">
        <legend className="field__label">{t.legend}</legend>
        <div className="desk-radios">
          {pauseReasons.map((each, index) => (
            <label key={each} className="desk-check">
              <input type="radio" name={`${form}-reason`} id={index === 0 ? id : `${id}-${each}`} value={each} checked={reason === each} onChange={() => setReason(each)} />
              {t.reasons[each]}
            </label>
          ))}
        </div>
      </fieldset>
      <NeedsHubNote id="pause-needs-hub" />
      <div className="form__actions">
        <button type="submit" className="button" aria-disabled={hub.disabled(busy)} aria-describedby={hub.describedBy()}>
          {busy ? t.submitting : t.submit}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} aria-keyshortcuts="Escape">
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
