import { useState, type FormEvent } from 'react';
import { adminCalls } from '../../shared/contract/admin-calls.js';
import type { Service } from '../../shared/domain/site.js';
import { useApi } from '../api/api-context.js';
import { ErrorSummary } from '../components/error-summary.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { text } from '../i18n/text.js';
import { emptyService, ServiceFields, serviceLabels, type ServiceDraft } from './service-fields.js';
import { optionalWholeNumberFrom, wholeNumberFrom } from './whole-number.js';

const form = 'add-service';
const t = text.settings.services;

/** `createService`; the form empties only once the service is added. */
export function AddServiceForm({ onAdded }: { onAdded(service: Service): void }) {
  const api = useApi();
  const [draft, setDraft] = useState<ServiceDraft>(emptyService);
  const { errors, attempt, busy, submit, clearErrors } = useFormAttempt();

  const order = optionalWholeNumberFrom(draft.order);
  const input = {
    name: draft.name,
    letter: draft.letter,
    targetWaitMinutes: wholeNumberFrom(draft.targetWaitMinutes),
    ...(order === undefined ? {} : { order }),
  };
  const send = (event: FormEvent) =>
    submit(event, adminCalls.createService.input.safeParse(input), async () => {
      const service = await api.createService(input);
      setDraft(emptyService);
      clearErrors();
      onAdded(service);
    });

  return (
    <form className="form form--panel settings-form" noValidate onSubmit={send} aria-labelledby={`${form}-title`}>
      <h3 className="form__title" id={`${form}-title`}>
        {t.addHeading}
      </h3>
      <ErrorSummary form={form} errors={errors} labels={serviceLabels} attempt={attempt} />
      <ServiceFields form={form} draft={draft} errors={errors} orderHint={t.orderAddHint} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />
      <div className="form__actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t.adding : t.add}
        </button>
      </div>
    </form>
  );
}
