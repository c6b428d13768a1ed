import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { queueCalls } from '../../shared/contract/queue-calls.js';
import type { OpenDesk } from '../../shared/domain/desk-session.js';
import type { Desk, Service } from '../../shared/domain/site.js';
import { useApi } from '../api/api-context.js';
import { ErrorSummary } from '../components/error-summary.js';
import { fieldId } from '../forms/field-id.js';
import type { FormErrors } from '../forms/form-errors.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { NeedsHubNote, useNeedsHub } from '../components/needs-hub.js';
import { text } from '../i18n/text.js';
import { fitDeskChoice, recallDeskChoice, rememberDeskChoice, type DeskChoiceDraft } from './desk-choice.js';
import { ServiceChecks } from './service-checks.js';

const form = 'open-desk';
const t = text.desk.open;
const labels = { deskId: t.desk, serviceIds: t.services };

interface OpenDeskFormProps {
  desks: readonly Desk[];
  services: readonly Service[];
  sessions: readonly OpenDesk[];
  advisorId: number;
  /** Said above the form: the desk just closed. */
  notice: string | null;
  onOpened(desk: OpenDesk): void;
}

/** A desk not chosen is the desk field's own error, in the advisor's words. */
function onScreen(errors: FormErrors, draft: DeskChoiceDraft): FormErrors {
  if (draft.deskId !== null || errors.fields.deskId === undefined) return errors;
  return { ...errors, fields: { ...errors.fields, deskId: t.chooseDesk } };
}

/**
 * The first thing in the morning: which desk, which services. The last choice made on this PC is
 * ticked already, so Enter opens the desk (focus starts on "Open desk" then). Desks open for
 * someone else say for whom and cannot be picked.
 */
export function OpenDeskForm({ desks, services, sessions, advisorId, notice, onOpened }: OpenDeskFormProps) {
  const api = useApi();
  const active = services.filter((service) => service.active);
  const shown = desks.filter((desk) => desk.active);
  const [draft, setDraft] = useState<DeskChoiceDraft>(() => fitDeskChoice(recallDeskChoice(), desks, services, sessions, advisorId));
  const { errors, attempt, busy, submit } = useFormAttempt();
  const hub = useNeedsHub('open-desk-needs-hub');
  const formRef = useRef<HTMLFormElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const takenBy = new Map(sessions.filter((session) => session.advisorId !== advisorId).map((session) => [session.deskId, session.advisorName]));

  useEffect(() => {
    // Ready to go: Enter opens the desk. Otherwise start at the desk picked, or the first free one.
    if (draft.deskId !== null && draft.serviceIds.length > 0) {
      submitRef.current?.focus();
      return;
    }
    const radios = formRef.current?.querySelectorAll<HTMLInputElement>('input[name="open-desk-desk"]:not(:disabled)');
    const all = Array.from(radios ?? []);
    (all.find((radio) => radio.checked) ?? all[0])?.focus();
    // Only when the form appears, not as boxes are ticked.
  }, []);

  const input = { deskId: draft.deskId ?? 0, serviceIds: draft.serviceIds };
  const send = (event: FormEvent) =>
    submit(event, queueCalls.openDesk.input.safeParse(input), async () => {
      const opened = await api.openDesk(input);
      rememberDeskChoice({ deskId: opened.deskId, serviceIds: opened.serviceIds });
      onOpened(opened);
    });

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    if (target.tagName === 'BUTTON' || target.tagName === 'A') return;
    // Radios and tick boxes do not submit by themselves: Enter opens the desk from anywhere in the form.
    event.preventDefault();
    formRef.current?.requestSubmit();
  }

  const shownErrors = onScreen(errors, draft);
  const deskId = fieldId(form, 'deskId');
  const deskError = shownErrors.fields.deskId;
  return (
    <form ref={formRef} className="form desk-open" noValidate onSubmit={send} onKeyDown={onKeyDown} aria-labelledby="open-desk-title">
      <h2 className="desk-open__title" id="open-desk-title">
        {t.heading}
      </h2>
      {notice !== null && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <p className="desk-open__lead">{t.lead}</p>
      <ErrorSummary form={form} errors={shownErrors} labels={labels} attempt={attempt} />
      <fieldset className={deskError === undefined ? 'field desk-tiles' : 'field field--error desk-tiles'} aria-describedby={deskError === undefined ? `${deskId}-hint` : `${deskId}-hint ${deskId}-error`}>
        <legend className="field__label">{t.desk}</legend>
        <p className="field__hint" id={`${deskId}-hint`}>
          {shown.length === 0 ? t.noDesks : t.deskHint}
        </p>
        {deskError !== undefined && (
          <p className="field__error" id={`${deskId}-error`}>
            <span className="visually-hidden">{text.errors.fieldPrefix} </span>
            {deskError}
          </p>
        )}
        <div className="desk-tiles__options">
          {shown.map((desk, index) => {
            const advisor = takenBy.get(desk.id);
            return (
              <label key={desk.id} className={advisor === undefined ? 'desk-tile' : 'desk-tile desk-tile--taken'}>
                <input
                  type="radio"
                  name="open-desk-desk"
                  id={index === 0 ? deskId : `${deskId}-${desk.id}`}
                  value={desk.id}
                  checked={draft.deskId === desk.id}
                  disabled={advisor !== undefined}
                  aria-invalid={deskError === undefined ? undefined : true}
                  onChange={() => setDraft((current) => ({ ...current, deskId: desk.id }))}
                />
                <span className="desk-tile__name">
                  {desk.name}
                  <span className="desk-tile__who">{advisor === undefined ? t.free : t.openFor(advisor)}</span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <ServiceChecks form={form} services={active} value={draft.serviceIds} error={shownErrors.fields.serviceIds} onValue={(serviceIds) => setDraft((current) => ({ ...current, serviceIds }))} />
      <NeedsHubNote id="open-desk-needs-hub" />
      <div className="form__actions">
        <button ref={submitRef} type="submit" className="button desk-big" aria-disabled={hub.disabled(busy)} aria-describedby={hub.describedBy()}>
          {busy ? t.submitting : t.submit}
        </button>
      </div>
    </form>
  );
}
