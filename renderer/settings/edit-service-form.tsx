import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { adminCalls } from '../../shared/contract/admin-calls.js';
import type { Service } from '../../shared/domain/site.js';
import { useApi } from '../api/api-context.js';
import { ErrorSummary } from '../components/error-summary.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { text } from '../i18n/text.js';
import { draftOfService, ServiceFields, serviceLabels, type ServiceDraft } from './service-fields.js';
import { wholeNumberFrom } from './whole-number.js';

const form = 'edit-service';
const t = text.settings.services;

interface EditServiceFormProps {
  service: Service;
  onSaved(service: Service): void;
  onCancel(): void;
}

/** `updateService` for one row of the table. Escape cancels; a refusal keeps what was typed. */
export function EditServiceForm({ service, onSaved, onCancel }: EditServiceFormProps) {
  const api = useApi();
  const [draft, setDraft] = useState<ServiceDraft>(() => draftOfService(service));
  const first = useRef<HTMLInputElement>(null);
  const { errors, attempt, busy, submit } = useFormAttempt();
  useEffect(() => first.current?.focus(), []);

  const input = {
    serviceId: service.id,
    name: draft.name,
    letter: draft.letter,
    targetWaitMinutes: wholeNumberFrom(draft.targetWaitMinutes),
    order: wholeNumberFrom(draft.order),
  };
  const send = (event: FormEvent) => submit(event, adminCalls.updateService.input.safeParse(input), async () => onSaved(await api.updateService(input)));

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form className="form form--panel settings-form" noValidate onSubmit={send} onKeyDown={onKeyDown} aria-labelledby={`${form}-title`}>
      <h3 className="form__title" id={`${form}-title`}>
        {t.editHeading(`${service.letter} ${service.name}`)}
      </h3>
      <ErrorSummary form={form} errors={errors} labels={serviceLabels} attempt={attempt} />
      <ServiceFields form={form} draft={draft} errors={errors} orderHint={t.orderHint} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} firstRef={first} />
      <div className="form__actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? text.settings.saving : text.settings.save}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {text.settings.cancel}
        </button>
      </div>
    </form>
  );
}
