import { useMemo, useState, type FormEvent } from 'react';
import { adminCalls } from '../../shared/contract/admin-calls.js';
import type { SiteSettings } from '../../shared/domain/site.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SelectField } from '../components/select-field.js';
import { TextField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { text } from '../i18n/text.js';
import { timeZoneOptions } from '../screens/time-zones.js';
import { SaveButton } from './save-button.js';
import { SavedNotice } from './saved-notice.js';
import { useSaveSettings } from './use-save-settings.js';

const form = 'settings-site';
const t = text.settings.site;
const labels: Record<string, string> = { siteName: t.siteName, timeZone: t.timeZone };

/** The site's name and time zone. What was typed stays on screen after a refusal. */
export function SiteForm({ settings }: { settings: SiteSettings }) {
  const save = useSaveSettings();
  const zones = useMemo(() => {
    const all = timeZoneOptions();
    // A zone the browser does not list (set by IT, say) is still shown, not silently changed.
    return all.some((zone) => zone.value === settings.timeZone) ? all : [{ value: settings.timeZone, label: settings.timeZone }, ...all];
  }, [settings.timeZone]);
  const [siteName, setSiteName] = useState(settings.siteName);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, attempt, busy, submit, clearErrors } = useFormAttempt();

  const input = { siteName, timeZone };
  const send = (event: FormEvent) => {
    setSaved(null);
    return submit(event, adminCalls.updateSettings.input.safeParse(input), async () => {
      const result = await save(input);
      setSiteName(result.siteName);
      setTimeZone(result.timeZone);
      clearErrors();
      setSaved(t.saved);
    });
  };

  const id = (key: string) => fieldId(form, key);
  return (
    <form className="form settings-form" noValidate onSubmit={send} aria-label={text.settings.site.heading}>
      <ErrorSummary form={form} errors={errors} labels={labels} attempt={attempt} />
      <TextField id={id('siteName')} label={t.siteName} hint={t.siteNameHint} error={errors.fields.siteName} value={siteName} onValue={setSiteName} autoComplete="organization" />
      <SelectField id={id('timeZone')} label={t.timeZone} hint={t.timeZoneHint} error={errors.fields.timeZone} value={timeZone} options={zones} onValue={setTimeZone} />
      <SaveButton busy={busy} />
      <SavedNotice message={saved} />
    </form>
  );
}
