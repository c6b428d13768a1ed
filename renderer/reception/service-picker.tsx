import type { Service } from '../../shared/domain/site.js';
import { fieldId } from '../forms/field-id.js';
import { text } from '../i18n/text.js';

interface ServicePickerProps {
  form: string;
  services: readonly Service[];
  value: number | null;
  error: string | undefined;
  onValue(serviceId: number): void;
}

/**
 * The services as big radio buttons with their letter: arrow keys move between them, and the
 * form's Alt+letter picks one from anywhere (`serviceForKey`).
 */
export function ServicePicker({ form, services, value, error, onValue }: ServicePickerProps) {
  const t = text.reception.form;
  const id = fieldId(form, 'serviceId');
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <fieldset className={error === undefined ? 'field service-picker' : 'field field--error service-picker'} aria-describedby={[hintId, error === undefined ? null : errorId].filter(Boolean).join(' ')}>
      <legend className="field__label">{t.service}</legend>
      <p className="field__hint" id={hintId}>
        {services.length === 0 ? t.noServices : t.serviceHint}
      </p>
      {error !== undefined && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{text.errors.fieldPrefix} </span>
          {error}
        </p>
      )}
      <div className="service-picker__options">
        {services.map((service, index) => (
          <label key={service.id} className="service-picker__option">
            <input
              type="radio"
              name={`${form}-service`}
              // The first option carries the field's id, so the error summary's link lands in the group.
              id={index === 0 ? id : `${id}-${service.letter}`}
              value={service.id}
              checked={value === service.id}
              aria-invalid={error === undefined ? undefined : true}
              aria-keyshortcuts={`Alt+${service.letter}`}
              onChange={() => onValue(service.id)}
            />
            <span className="service-picker__letter" aria-hidden="true">
              {service.letter}
            </span>
            <span className="service-picker__name">
              {service.name}
              <span className="visually-hidden"> ({service.letter})</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The active service Alt+letter picks, if any: `event.code` (`KeyC`) so that a keyboard layout's Alt characters do not matter. */
export function serviceForKey(services: readonly Service[], code: string): Service | undefined {
  const match = /^Key([A-Z])$/.exec(code);
  if (match === null) return undefined;
  return services.find((service) => service.letter === match[1]);
}
