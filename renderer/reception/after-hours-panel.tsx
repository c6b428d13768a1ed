import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context.js';
import { Field } from '../components/field.js';
import { PinField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { text } from '../i18n/text.js';
import type { IssuingWindow } from './after-hours.js';
import type { AfterHoursDraft } from './visitor-draft.js';

interface AfterHoursPanelProps {
  form: string;
  window: IssuingWindow;
  value: AfterHoursDraft;
  errors: Record<string, string>;
  onValue(changes: Partial<AfterHoursDraft>): void;
}

/**
 * After the last-ticket time the form says so, and a manager at the counter lets one more
 * visitor in: they pick their own name and type their own PIN on this screen. The core checks
 * the PIN against that manager's account (a wrong one counts toward their lockout) and records
 * the override in the audit, naming them.
 */
export function AfterHoursPanel({ form, window: issuing, value, errors, onValue }: AfterHoursPanelProps) {
  const api = useApi();
  const t = text.reception.afterHours;
  const [managers, setManagers] = useState<Array<{ id: number; name: string }> | null>(null);

  useEffect(() => {
    let live = true;
    api.listManagers({}).then(
      (list) => {
        if (!live) return;
        setManagers(list);
        // One manager on the site: nothing to choose.
        if (list.length === 1 && value.managerId === null) onValue({ managerId: list[0]!.id });
      },
      () => {
        if (live) setManagers([]);
      },
    );
    return () => {
      live = false;
    };
    // Loaded once when the panel appears; `onValue` and `value` are read only at that moment.
  }, [api]);

  const why = errors.afterHours ?? (issuing.late ? (issuing.lastTicket === null ? t.closedToday : t.stopped(issuing.lastTicket)) : null);
  const id = (key: string) => fieldId(form, key);
  return (
    <fieldset className="form__group after-hours" aria-describedby={id('afterHours')}>
      <legend className="form__legend after-hours__title">{t.heading}</legend>
      <p className="after-hours__why" id={id('afterHours')} tabIndex={-1}>
        {why}
      </p>
      {managers !== null && managers.length === 0 ? (
        <p className="field__error">{t.noManagers}</p>
      ) : (
        <div className="after-hours__fields">
          <Field id={id('afterHours.managerId')} label={t.manager} error={errors['afterHours.managerId']}>
            {(control) => (
              <select
                {...control}
                className="input select"
                value={value.managerId ?? ''}
                onChange={(event) => onValue({ managerId: event.target.value === '' ? null : Number(event.target.value) })}
              >
                <option value="">{t.chooseManager}</option>
                {(managers ?? []).map((manager) => (
                  <option key={manager.id} value={manager.id}>
                    {manager.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <PinField
            id={id('afterHours.managerPin')}
            label={t.managerPin}
            hint={t.managerPinHint}
            error={errors['afterHours.managerPin']}
            value={value.managerPin}
            onValue={(managerPin) => onValue({ managerPin })}
          />
        </div>
      )}
    </fieldset>
  );
}
