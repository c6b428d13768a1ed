import { useState, type FormEvent } from 'react';
import { adminCalls } from '../../shared/contract/admin-calls.js';
import { weekdays, type DayHours, type OpeningHours, type SiteSettings, type Weekday } from '../../shared/domain/site.js';
import { ErrorSummary } from '../components/error-summary.js';
import { TextField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { text } from '../i18n/text.js';
import { SaveButton } from './save-button.js';
import { SavedNotice } from './saved-notice.js';
import { useSaveSettings } from './use-save-settings.js';

const form = 'settings-hours';
const t = text.settings.hours;
const parts = ['open', 'lastTicket', 'close'] as const;
/** The times offered when a closed day is opened, to be changed: the core's own default day. */
const usualDay: DayHours = { open: '09:00', lastTicket: '16:30', close: '17:00' };
const partLabel = { open: t.open, lastTicket: t.lastTicket, close: t.close };

/** A day as the form holds it: a closed day keeps its times, so unticking "Closed" brings them back. */
interface DayDraft extends DayHours {
  closed: boolean;
}
type HoursDraft = Record<Weekday, DayDraft>;

function draftOf(hours: OpeningHours): HoursDraft {
  return Object.fromEntries(weekdays.map((day) => [day, { closed: hours[day] === null, ...(hours[day] ?? usualDay) }])) as HoursDraft;
}

function hoursOf(draft: HoursDraft): OpeningHours {
  return Object.fromEntries(
    weekdays.map((day) => {
      const { closed, open, lastTicket, close } = draft[day];
      return [day, closed ? null : { open: open.trim(), lastTicket: lastTicket.trim(), close: close.trim() }];
    }),
  ) as OpeningHours;
}

// The contract's paths are `openingHours.monday.lastTicket`: the summary names the day and the time.
const labels: Record<string, string> = Object.fromEntries(
  weekdays.flatMap((day) => parts.map((part) => [`openingHours.${day}.${part}`, t.fieldLabel(t.days[day], partLabel[part])])),
);

/** The seven weekdays: opening, last ticket and closing times, or closed all day. */
export function OpeningHoursForm({ settings }: { settings: SiteSettings }) {
  const save = useSaveSettings();
  const [draft, setDraft] = useState(() => draftOf(settings.openingHours));
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, attempt, busy, submit, clearErrors } = useFormAttempt();

  const change = (day: Weekday, patch: Partial<DayDraft>) => setDraft((current) => ({ ...current, [day]: { ...current[day], ...patch } }));

  const send = (event: FormEvent) => {
    setSaved(null);
    const input = { openingHours: hoursOf(draft) };
    return submit(event, adminCalls.updateSettings.input.safeParse(input), async () => {
      const result = await save(input);
      setDraft(draftOf(result.openingHours));
      clearErrors();
      setSaved(t.saved);
    });
  };

  return (
    <form className="form settings-form" noValidate onSubmit={send} aria-label={t.heading}>
      <p className="hint">{t.intro}</p>
      <ErrorSummary form={form} errors={errors} labels={labels} attempt={attempt} />
      <div className="settings-hours">
        {weekdays.map((day) => {
          const hours = draft[day];
          const key = (part: string) => `openingHours.${day}.${part}`;
          return (
            <fieldset key={day} className="settings-hours__day">
              <legend className="settings-hours__name">{t.days[day]}</legend>
              <label className="settings-check">
                <input type="checkbox" checked={hours.closed} onChange={(event) => change(day, { closed: event.target.checked })} />
                {t.closed}
              </label>
              {!hours.closed &&
                parts.map((part) => (
                  <TextField
                    key={part}
                    id={fieldId(form, key(part))}
                    label={partLabel[part]}
                    error={errors.fields[key(part)]}
                    value={hours[part]}
                    onValue={(value) => change(day, { [part]: value })}
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={5}
                    className="input--time"
                  />
                ))}
            </fieldset>
          );
        })}
      </div>
      <SaveButton busy={busy} />
      <SavedNotice message={saved} />
    </form>
  );
}
