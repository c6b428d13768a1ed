import { useState, type FormEvent } from 'react';
import { adminCalls } from '../../shared/contract/admin-calls.js';
import type { SiteSettings } from '../../shared/domain/site.js';
import { ErrorSummary } from '../components/error-summary.js';
import { TextField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { text } from '../i18n/text.js';
import { SaveButton } from './save-button.js';
import { SavedNotice } from './saved-notice.js';
import { useSaveSettings } from './use-save-settings.js';
import { wholeNumberFrom } from './whole-number.js';

const form = 'settings-idle';
const t = text.settings.security;
const labels: Record<string, string> = { sessionIdleMinutes: t.idle };

/** How long an unused screen stays signed in (the idle lock, renderer/session/use-idle-lock.ts). */
export function IdleLockForm({ settings }: { settings: SiteSettings }) {
  const save = useSaveSettings();
  const [minutes, setMinutes] = useState(String(settings.sessionIdleMinutes));
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, attempt, busy, submit, clearErrors } = useFormAttempt();

  const input = { sessionIdleMinutes: wholeNumberFrom(minutes) };
  const send = (event: FormEvent) => {
    setSaved(null);
    return submit(event, adminCalls.updateSettings.input.safeParse(input), async () => {
      const result = await save(input);
      setMinutes(String(result.sessionIdleMinutes));
      clearErrors();
      setSaved(t.idleSaved);
    });
  };

  return (
    <form className="form form--panel settings-form" noValidate onSubmit={send} aria-labelledby={`${form}-title`}>
      <h3 className="form__title" id={`${form}-title`}>
        {t.idleFormTitle}
      </h3>
      <ErrorSummary form={form} errors={errors} labels={labels} attempt={attempt} />
      <TextField
        id={fieldId(form, 'sessionIdleMinutes')}
        label={t.idle}
        hint={t.idleHint}
        error={errors.fields.sessionIdleMinutes}
        value={minutes}
        onValue={setMinutes}
        inputMode="numeric"
        autoComplete="off"
        className="input--number"
      />
      <SaveButton busy={busy} />
      <SavedNotice message={saved} />
    </form>
  );
}
