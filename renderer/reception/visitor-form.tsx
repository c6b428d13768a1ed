import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { isValid as isValidPostcode, toNormalised } from 'postcode';
import { queueCalls } from '../../shared/contract/queue-calls.js';
import type { Service } from '../../shared/domain/site.js';
import type { IssuedTicket, TicketView } from '../../shared/domain/visit.js';
import { useApi } from '../api/api-context.js';
import { ErrorSummary } from '../components/error-summary.js';
import { Field } from '../components/field.js';
import { TextField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { type FormErrors } from '../forms/form-errors.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { NeedsHubNote, useNeedsHub } from '../components/needs-hub.js';
import { text } from '../i18n/text.js';
import { AfterHoursPanel } from './after-hours-panel.js';
import type { IssuingWindow } from './after-hours.js';
import { ServicePicker, serviceForKey } from './service-picker.js';
import { draftKey, emptyDraft, isEmptyDraft, toIssueInput, type AfterHoursDraft, type VisitorDraft } from './visitor-draft.js';
import { printedStamp } from '../print/print-time.js';

const form = 'visitor';
const t = text.reception.form;
const priorityOptions = [
  { value: '', label: t.priorityNone },
  ...Object.entries(t.priorities).map(([value, label]) => ({ value, label })),
];
const noAfterHours: AfterHoursDraft = { managerId: null, managerPin: '' };

const labels: Record<string, string> = {
  'visitor.name': t.name,
  'address.0': t.addressLine(1),
  'address.1': t.addressLine(2),
  'address.2': t.town,
  'visitor.postcode': t.postcode,
  serviceId: t.service,
  reason: t.reason,
  'needs.language': t.language,
  priority: t.priority,
  afterHours: text.reception.afterHours.heading,
  'afterHours.managerId': text.reception.afterHours.manager,
  'afterHours.managerPin': text.reception.afterHours.managerPin,
};

export interface IssuedVisit {
  issued: IssuedTicket;
  service: Service;
  visitorName: string;
  postcode: string | null;
  noFixedAbode: boolean;
}

interface VisitorFormProps {
  services: readonly Service[];
  window: IssuingWindow;
  timeZone: string;
  onIssued(visit: IssuedVisit): void;
}

/** The error paths of the call, moved onto the form's own boxes, with plainer words where the contract's are generic. */
function onScreen(errors: FormErrors, draft: VisitorDraft): FormErrors {
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors.fields)) {
    const key = draftKey(path, draft);
    if (key === 'serviceId') fields[key] = t.chooseService;
    else if (key === 'visitor.name' && draft.name.trim() === '') fields[key] = t.nameRequired;
    else fields[key] ??= message;
  }
  return { fields, summary: errors.summary };
}

/**
 * A visitor at the counter, in the order the conversation goes, then the ticket. Enter issues
 * (Ctrl+Enter in the reason), Alt+letter picks a service, Escape clears with an undo (Ctrl+Z).
 * The input is checked with the contract's own schema; whatever is refused stays on screen.
 */
export function VisitorForm({ services, window: issuing, timeZone, onIssued }: VisitorFormProps) {
  const api = useApi();
  const [draft, setDraft] = useState<VisitorDraft>(emptyDraft);
  const [afterHours, setAfterHours] = useState<AfterHoursDraft>(noAfterHours);
  const [undo, setUndo] = useState<VisitorDraft | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [postcodeProblem, setPostcodeProblem] = useState<string | null>(null);
  const [seenToday, setSeenToday] = useState<TicketView[]>([]);
  const lastRepeatCheck = useRef('');
  const nameInput = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, attempt, busy, submit, clearErrors } = useFormAttempt(() => setAfterHours((current) => ({ ...current, managerPin: '' })));
  const hub = useNeedsHub('visitor-form-needs-hub');

  useEffect(() => nameInput.current?.focus(), []);

  const shown = onScreen(errors, draft);
  if (postcodeProblem !== null) shown.fields['visitor.postcode'] ??= postcodeProblem;
  const needsOverride = issuing.late || shown.fields.afterHours !== undefined;

  function change(changes: Partial<VisitorDraft>) {
    setDraft((current) => ({ ...current, ...changes }));
    setUndo(null);
  }

  function clear(keepUndo: boolean) {
    setUndo(keepUndo && !isEmptyDraft(draft) ? draft : null);
    setDraft(emptyDraft);
    setAfterHours(noAfterHours);
    setPostcodeProblem(null);
    setSeenToday([]);
    lastRepeatCheck.current = '';
    clearErrors();
    nameInput.current?.focus();
  }

  function restore() {
    if (undo === null) return;
    setDraft(undo);
    setUndo(null);
    setStatus(t.restored);
    nameInput.current?.focus();
  }

  /** Once a name and a real postcode are typed: has this visitor been in already today? */
  function checkRepeat() {
    const name = draft.name.trim();
    const postcode = draft.postcode.trim();
    if (name === '' || draft.noFixedAbode || !isValidPostcode(postcode)) return;
    const key = `${name}\u0000${toNormalised(postcode) ?? postcode}`;
    if (key === lastRepeatCheck.current) return;
    lastRepeatCheck.current = key;
    api.findRepeatVisit({ name, postcode }).then(setSeenToday, () => setSeenToday([]));
  }

  function leavePostcode() {
    const typed = draft.postcode.trim();
    if (typed === '') {
      setPostcodeProblem(null);
    } else if (isValidPostcode(typed)) {
      setPostcodeProblem(null);
      const normalised = toNormalised(typed);
      if (normalised !== null && normalised !== draft.postcode) setDraft((current) => ({ ...current, postcode: normalised }));
    } else {
      setPostcodeProblem(t.postcodeInvalid);
    }
    checkRepeat();
  }

  const input = toIssueInput(draft, needsOverride ? afterHours : null);
  const send = (event: FormEvent) =>
    submit(event, queueCalls.issueTicket.input.safeParse(input), async () => {
      const issued = await api.issueTicket(input);
      const service = services.find((each) => each.id === issued.ticket.serviceId);
      if (service === undefined) throw new Error('issued for a service this screen does not know');
      onIssued({ issued, service, visitorName: input.visitor.name, postcode: input.visitor.postcode === null ? null : (toNormalised(input.visitor.postcode) ?? input.visitor.postcode), noFixedAbode: draft.noFixedAbode });
      setStatus(null);
      clear(false);
    });

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (event.key === 'Escape') {
      event.preventDefault();
      clear(true);
      if (!isEmptyDraft(draft)) setStatus(t.cleared);
      return;
    }
    if (event.altKey && !event.ctrlKey && !event.metaKey) {
      const service = serviceForKey(services, event.code);
      if (service !== undefined && service.active) {
        event.preventDefault();
        change({ serviceId: service.id });
        document.getElementById(services[0]?.id === service.id ? fieldId(form, 'serviceId') : `${fieldId(form, 'serviceId')}-${service.letter}`)?.focus();
      }
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && undo !== null && isEmptyDraft(draft)) {
      event.preventDefault();
      restore();
      return;
    }
    if (event.key !== 'Enter' || event.shiftKey || event.altKey) return;
    if (target.tagName === 'TEXTAREA') {
      if (!event.ctrlKey && !event.metaKey) return;
    } else if (target.tagName === 'BUTTON' || target.tagName === 'A') {
      return;
    }
    // Ticks, radios and lists do not submit by themselves: Enter issues from anywhere in the form.
    event.preventDefault();
    formRef.current?.requestSubmit();
  }

  const id = (key: string) => fieldId(form, key);
  const postcodeHint =
    !draft.noFixedAbode && isValidPostcode(draft.postcode.trim()) ? t.postcodeLooksRight(toNormalised(draft.postcode.trim()) ?? draft.postcode) : t.postcodeHint;
  return (
    <form ref={formRef} className="form visitor-form" noValidate onSubmit={send} onKeyDown={onKeyDown} aria-labelledby="visitor-form-title" aria-describedby="visitor-form-keys">
      <h2 className="visitor-form__title" id="visitor-form-title">
        {t.heading}
      </h2>
      <p className="visitor-form__keys" id="visitor-form-keys">
        {text.reception.keys}
      </p>
      <ErrorSummary form={form} errors={shown} labels={labels} attempt={attempt} />
      {issuing.late && (
        <p className="notice notice--info visitor-form__late">
          {issuing.lastTicket === null ? text.reception.afterHours.closedToday : text.reception.afterHours.stopped(issuing.lastTicket)}{' '}
          {text.reception.afterHours.below}
        </p>
      )}
      {undo !== null && (
        <p className="notice visitor-form__undo" role="status">
          {t.cleared}{' '}
          <button type="button" className="button button--small button--secondary" onClick={restore}>
            {t.undo}
          </button>
        </p>
      )}
      {undo === null && status !== null && (
        <p className="visually-hidden" role="status">
          {status}
        </p>
      )}
      <TextField
        id={id('visitor.name')}
        inputRef={nameInput}
        label={t.name}
        error={shown.fields['visitor.name']}
        value={draft.name}
        onValue={(name) => change({ name })}
        onBlur={checkRepeat}
        autoComplete="off"
        spellCheck={false}
      />
      <fieldset className="form__group visitor-form__address">
        <legend className="field__label">{t.address}</legend>
        {draft.address.map((line, box) => (
          <TextField
            key={box}
            id={id(`address.${box}`)}
            label={box === 2 ? t.town : t.addressLine(box + 1)}
            error={shown.fields[`address.${box}`]}
            value={line}
            onValue={(value) => change({ address: draft.address.map((each, i) => (i === box ? value : each)) as VisitorDraft['address'] })}
            autoComplete="off"
          />
        ))}
        <div className="visitor-form__postcode">
          <TextField
            id={id('visitor.postcode')}
            label={t.postcode}
            hint={postcodeHint}
            error={shown.fields['visitor.postcode']}
            value={draft.noFixedAbode ? '' : draft.postcode}
            onValue={(postcode) => {
              change({ postcode });
              if (postcodeProblem !== null && isValidPostcode(postcode.trim())) setPostcodeProblem(null);
            }}
            onBlur={leavePostcode}
            disabled={draft.noFixedAbode}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            className="input--postcode"
          />
          <label className="check">
            <input
              type="checkbox"
              checked={draft.noFixedAbode}
              onChange={(event) => {
                change({ noFixedAbode: event.target.checked });
                setPostcodeProblem(null);
              }}
            />
            {t.noFixedAbode}
          </label>
        </div>
        {seenToday.length > 0 && (
          <p className="notice notice--info visitor-form__seen" role="status">
            {t.seenToday(seenToday.map((seen) => t.seenTicket(seen.number, printedStamp(seen.issuedAt, timeZone).time, text.visits.statuses[seen.status])).join(', '))}
          </p>
        )}
      </fieldset>
      <ServicePicker form={form} services={services.filter((service) => service.active)} value={draft.serviceId} error={shown.fields.serviceId} onValue={(serviceId) => change({ serviceId })} />
      <Field id={id('reason')} label={t.reason} hint={t.reasonHint} error={shown.fields.reason}>
        {(control) => <textarea {...control} className="input textarea" rows={2} value={draft.reason} onChange={(event) => change({ reason: event.target.value })} />}
      </Field>
      <div className="visitor-form__row">
        <fieldset className="form__group visitor-form__needs">
          <legend className="field__label">{t.needs}</legend>
          <div className="visitor-form__checks">
            <label className="check">
              <input type="checkbox" checked={draft.interpreter} onChange={(event) => change({ interpreter: event.target.checked })} />
              {t.interpreter}
            </label>
            <label className="check">
              <input type="checkbox" checked={draft.hearing} onChange={(event) => change({ hearing: event.target.checked })} />
              {t.hearing}
            </label>
            <label className="check">
              <input type="checkbox" checked={draft.mobility} onChange={(event) => change({ mobility: event.target.checked })} />
              {t.mobility}
            </label>
          </div>
          {draft.interpreter && (
            <TextField id={id('needs.language')} label={t.language} error={shown.fields['needs.language']} value={draft.language} onValue={(language) => change({ language })} autoComplete="off" />
          )}
        </fieldset>
        <Field id={id('priority')} label={t.priority} error={shown.fields.priority}>
          {(control) => (
            <select
              {...control}
              className="input select"
              value={draft.priority ?? ''}
              onChange={(event) => change({ priority: event.target.value === '' ? null : (event.target.value as VisitorDraft['priority']) })}
            >
              {priorityOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <label className="check visitor-form__by-number">
        <input type="checkbox" checked={draft.callByNumberOnly} onChange={(event) => change({ callByNumberOnly: event.target.checked })} />
        {t.callByNumberOnly}
      </label>
      {needsOverride && (
        <AfterHoursPanel
          form={form}
          window={issuing}
          value={afterHours}
          errors={shown.fields}
          onValue={(changes) => setAfterHours((current) => ({ ...current, ...changes }))}
        />
      )}
      <NeedsHubNote id="visitor-form-needs-hub" />
      <div className="form__actions">
        <button type="submit" className="button button--large" aria-disabled={hub.disabled(busy)} aria-describedby={hub.describedBy()}>
          {busy ? t.submitting : t.submit}
        </button>
        <button type="button" className="button button--secondary" aria-keyshortcuts="Escape" onClick={() => clear(true)}>
          {t.clear}
        </button>
      </div>
    </form>
  );
}
