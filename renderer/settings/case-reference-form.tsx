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

const form = 'settings-case-reference';
const t = text.settings.caseReference;
const labels: Record<string, string> = { caseReferencePattern: t.pattern };

/**
 * The shape of the council's case references, which every erasure on request must quote: a
 * pattern a name cannot match, so the erasure log never holds whose records went.
 */
export function CaseReferenceForm({ settings }: { settings: SiteSettings }) {
  const save = useSaveSettings();
  const [pattern, setPattern] = useState(settings.caseReferencePattern);
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, attempt, busy, submit, clearErrors } = useFormAttempt();

  const input = { caseReferencePattern: pattern };
  const send = (event: FormEvent) => {
    setSaved(null);
    return submit(event, adminCalls.updateSettings.input.safeParse(input), async () => {
      const result = await save(input);
      setPattern(result.caseReferencePattern);
      clearErrors();
      setSaved(t.saved);
    });
  };

  return (
    <form className="form form--panel settings-form" noValidate onSubmit={send} aria-labelledby={`${form}-title`}>
      <h3 className="form__title" id={`${form}-title`}>
        {t.title}
      </h3>
      <ErrorSummary form={form} errors={errors} labels={labels} attempt={attempt} />
      <TextField
        id={fieldId(form, 'caseReferencePattern')}
        label={t.pattern}
        hint={t.hint}
        error={errors.fields.caseReferencePattern}
        value={pattern}
        onValue={setPattern}
        autoComplete="off"
        spellCheck={false}
      />
      <SaveButton busy={busy} />
      <SavedNotice message={saved} />
    </form>
  );
}
