import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { queueCalls } from '../../shared/contract/queue-calls.js';
import type { OpenDesk } from '../../shared/domain/desk-session.js';
import type { Service } from '../../shared/domain/site.js';
import { useApi } from '../api/api-context.js';
import { ErrorSummary } from '../components/error-summary.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { NeedsHubNote, useNeedsHub } from '../components/needs-hub.js';
import { text } from '../i18n/text.js';
import { rememberDeskChoice } from './desk-choice.js';
import { ServiceChecks } from './service-checks.js';

const form = 'desk-services';
const t = text.desk.bar;

interface ChangeServicesProps {
  desk: OpenDesk;
  services: readonly Service[];
  onSaved(desk: OpenDesk): void;
  onCancel(): void;
}

/** The services of an open desk, changed in the middle of the day (openDesk again, the same desk). Esc cancels. */
export function ChangeServices({ desk, services, onSaved, onCancel }: ChangeServicesProps) {
  const api = useApi();
  const [serviceIds, setServiceIds] = useState<number[]>(() => desk.serviceIds.filter((id) => services.some((service) => service.id === id && service.active)));
  const { errors, attempt, busy, submit } = useFormAttempt();
  const hub = useNeedsHub('change-services-needs-hub');
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => formRef.current?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus(), []);

  const input = { deskId: desk.deskId, serviceIds };
  const send = (event: FormEvent) =>
    submit(event, queueCalls.openDesk.input.safeParse(input), async () => {
      const saved = await api.openDesk(input);
      rememberDeskChoice({ deskId: saved.deskId, serviceIds: saved.serviceIds });
      onSaved(saved);
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

  return (
    <form ref={formRef} className="form form--panel desk-panel" noValidate onSubmit={send} onKeyDown={onKeyDown} aria-labelledby={`${form}-title`}>
      <h2 className="form__title" id={`${form}-title`}>
        {t.changeServicesTitle(desk.deskName)}
      </h2>
      <ErrorSummary form={form} errors={errors} labels={{ serviceIds: text.desk.open.services }} attempt={attempt} />
      <ServiceChecks form={form} services={services.filter((service) => service.active)} value={serviceIds} error={errors.fields.serviceIds} onValue={setServiceIds} />
      <NeedsHubNote id="change-services-needs-hub" />
      <div className="form__actions">
        <button type="submit" className="button" aria-disabled={hub.disabled(busy)} aria-describedby={hub.describedBy()}>
          {busy ? t.savingServices : t.saveServices}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} aria-keyshortcuts="Escape">
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

