import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { queueCalls } from '../../shared/contract/queue-calls.js';
import type { Service } from '../../shared/domain/site.js';
import type { TicketView } from '../../shared/domain/visit.js';
import { useApi } from '../api/api-context.js';
import { ErrorSummary } from '../components/error-summary.js';
import { Field } from '../components/field.js';
import { SelectField } from '../components/select-field.js';
import { fieldId } from '../forms/field-id.js';
import type { FormErrors } from '../forms/form-errors.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { NeedsHubNote, useNeedsHub } from '../components/needs-hub.js';
import { text } from '../i18n/text.js';

const t = text.desk.transfer;

interface TransferFormProps {
  ticket: TicketView;
  services: readonly Service[];
  onTransferred(ticket: TicketView, service: Service): void;
  onCancel(): void;
}

function onScreen(errors: FormErrors, serviceId: string): FormErrors {
  if (serviceId !== '' || errors.fields.serviceId === undefined) return errors;
  return { ...errors, fields: { ...errors.fields, serviceId: t.chooseServiceError } };
}

/**
 * Sends the visitor to another service's queue, where they keep their number and their place in
 * line, with a note for the next advisor. Checked with transferTicket's own schema; a refusal
 * keeps the note. Esc cancels.
 */
export function TransferForm({ ticket, services, onTransferred, onCancel }: TransferFormProps) {
  const api = useApi();
  const form = `transfer-${ticket.visitId}`;
  const id = (key: string) => fieldId(form, key);
  const [serviceId, setServiceId] = useState('');
  const [note, setNote] = useState('');
  const { errors, attempt, busy, submit } = useFormAttempt();
  const hub = useNeedsHub('transfer-needs-hub');
  const formRef = useRef<HTMLFormElement>(null);
  const others = services.filter((service) => service.active && service.id !== ticket.serviceId);

  useEffect(() => {
    document.getElementById(fieldId(form, 'serviceId'))?.focus();
  }, [form]);

  const input = { visitId: ticket.visitId, serviceId: Number(serviceId), note };
  const send = (event: FormEvent) =>
    submit(event, queueCalls.transferTicket.input.safeParse(input), async () => {
      const transferred = await api.transferTicket(input);
      const service = services.find((each) => each.id === transferred.serviceId);
      if (service !== undefined) onTransferred(transferred, service);
    });

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && (event.target as HTMLElement).tagName === 'TEXTAREA') {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  const shown = onScreen(errors, serviceId);
  const options = [{ value: '', label: t.chooseService }, ...others.map((service) => ({ value: String(service.id), label: text.visits.service(service.letter, service.name) }))];
  return (
    <form ref={formRef} className="desk-form desk-transfer" noValidate onSubmit={send} onKeyDown={onKeyDown} aria-labelledby={`${form}-title`}>
      <h3 className="desk-form__title" id={`${form}-title`}>
        {t.heading(ticket.number)}
      </h3>
      <p className="hint">{t.keeps}</p>
      <ErrorSummary form={form} errors={shown} labels={{ serviceId: t.service, note: t.note }} attempt={attempt} />
      <SelectField id={id('serviceId')} label={t.service} error={shown.fields.serviceId} value={serviceId} options={options} onValue={setServiceId} />
      <Field id={id('note')} label={t.note} hint={t.noteHint} error={shown.fields.note}>
        {(control) => <textarea {...control} className="input desk-note" rows={2} value={note} onChange={(event) => setNote(event.target.value)} />}
      </Field>
      <NeedsHubNote id="transfer-needs-hub" />
      <div className="form__actions">
        <button type="submit" className="button" aria-disabled={hub.disabled(busy)} aria-describedby={hub.describedBy()}>
          {busy ? t.submitting : t.submit(ticket.number)}
        </button>
        <button type="button" className="button button--secondary" aria-keyshortcuts="Escape" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
