import type { Service } from '../../shared/domain/site.js';
import { fieldId } from '../forms/field-id.js';
import { text } from '../i18n/text.js';

interface ServiceChecksProps {
  form: string;
  services: readonly Service[];
  value: readonly number[];
  error: string | undefined;
  onValue(serviceIds: number[]): void;
}

/** The services a desk serves, as big tick boxes with their letter, in the site's order. */
export function ServiceChecks({ form, services, value, error, onValue }: ServiceChecksProps) {
  const t = text.desk.open;
  const id = fieldId(form, 'serviceIds');
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const chosen = new Set(value);
  const toggle = (serviceId: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(serviceId);
    else next.delete(serviceId);
    onValue(services.filter((service) => next.has(service.id)).map((service) => service.id));
  };
  return (
    <fieldset className={error === undefined ? 'field desk-tiles' : 'field field--error desk-tiles'} aria-describedby={[hintId, error === undefined ? null : errorId].filter(Boolean).join(' ')}>
      <legend className="field__label">{t.services}</legend>
      <p className="field__hint" id={hintId}>
        {services.length === 0 ? t.noServices : t.servicesHint}
      </p>
      {error !== undefined && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{text.errors.fieldPrefix} </span>
          {error}
        </p>
      )}
      <div className="desk-tiles__options">
        {services.map((service, index) => (
          <label key={service.id} className="desk-tile">
            <input
              type="checkbox"
              // The first box carries the field's id, so the error summary's link lands in the group.
              id={index === 0 ? id : `${id}-${service.letter}`}
              checked={chosen.has(service.id)}
              aria-invalid={error === undefined ? undefined : true}
              onChange={(event) => toggle(service.id, event.target.checked)}
            />
            <span className="desk-tile__letter" aria-hidden="true">
              {service.letter}
            </span>
            <span className="desk-tile__name">
              {service.name}
              <span className="visually-hidden"> ({service.letter})</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
