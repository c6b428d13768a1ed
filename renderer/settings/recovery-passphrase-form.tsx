import { useState, type FormEvent } from 'react';
import { adminCalls } from '../../shared/contract/admin-calls.js';
import { useApi } from '../api/api-context.js';
import { ErrorSummary } from '../components/error-summary.js';
import { PinField, TextField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { fromIssues, withFieldError } from '../forms/form-errors.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { text } from '../i18n/text.js';
import { useSiteStore } from '../state/site-store.js';
import { SaveButton } from './save-button.js';
import { SavedNotice } from './saved-notice.js';

const form = 'settings-passphrase';
const t = text.settings.security;
const labels: Record<string, string> = { passphrase: t.passphrase, passphraseAgain: t.passphraseAgain, replace: t.replace, managerPin: text.settings.yourPin };

/**
 * Sets or replaces the recovery passphrase. It is never shown back: the fields empty after every
 * attempt that reached the core, and the screen says only whether one is set.
 */
export function RecoveryPassphraseForm({ isSet }: { isSet: boolean }) {
  const api = useApi();
  const setSettings = useSiteStore((state) => state.setSettings);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [replace, setReplace] = useState(false);
  const [managerPin, setManagerPin] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, attempt, busy, submit, fail, clearErrors } = useFormAttempt(() => setManagerPin(''));

  const send = (event: FormEvent) => {
    setSaved(null);
    const input = isSet ? { passphrase, managerPin, replace } : { passphrase, managerPin };
    const checked = adminCalls.setRecoveryPassphrase.input.safeParse(input);
    if (again !== passphrase) {
      event.preventDefault();
      const found = checked.success ? fromIssues([]) : fromIssues(checked.error.issues);
      return fail(withFieldError(found, 'passphraseAgain', t.passphrasesDiffer));
    }
    return submit(event, checked, async () => {
      await api.setRecoveryPassphrase(input);
      setPassphrase('');
      setAgain('');
      setReplace(false);
      setManagerPin('');
      clearErrors();
      setSaved(t.passphraseSaved);
      // `recoveryPassphraseSet` comes with the settings; this call sends no settings-changed event.
      void api.getSettings({}).then(setSettings, () => undefined);
    });
  };

  const id = (key: string) => fieldId(form, key);
  return (
    <form className="form form--panel settings-form" noValidate onSubmit={send} aria-labelledby={`${form}-title`}>
      <h3 className="form__title" id={`${form}-title`}>
        {t.passphraseTitle}
      </h3>
      <p>{t.passphraseIntro}</p>
      <p>
        <strong>{isSet ? t.passphraseIsSet : t.passphraseNotSet}</strong>
      </p>
      <ErrorSummary form={form} errors={errors} labels={labels} attempt={attempt} />
      <TextField id={id('passphrase')} label={t.passphrase} hint={t.passphraseHint} error={errors.fields.passphrase} value={passphrase} onValue={setPassphrase} type="password" autoComplete="new-password" />
      <TextField id={id('passphraseAgain')} label={t.passphraseAgain} error={errors.fields.passphraseAgain} value={again} onValue={setAgain} type="password" autoComplete="new-password" />
      {isSet && (
        <div className={errors.fields.replace === undefined ? 'field' : 'field field--error'}>
          {errors.fields.replace !== undefined && (
            <p className="field__error" id={`${id('replace')}-error`}>
              <span className="visually-hidden">{text.errors.fieldPrefix} </span>
              {errors.fields.replace}
            </p>
          )}
          <label className="settings-check">
            <input
              type="checkbox"
              id={id('replace')}
              checked={replace}
              onChange={(event) => setReplace(event.target.checked)}
              aria-describedby={[`${id('replace')}-hint`, errors.fields.replace === undefined ? null : `${id('replace')}-error`].filter(Boolean).join(' ')}
            />
            {t.replace}
          </label>
          <p className="field__hint" id={`${id('replace')}-hint`}>
            {t.replaceHint}
          </p>
        </div>
      )}
      <PinField id={id('managerPin')} label={text.settings.yourPin} hint={t.managerPinHint} error={errors.fields.managerPin} value={managerPin} onValue={setManagerPin} />
      <SaveButton busy={busy} label={isSet ? t.replacePassphrase : t.setPassphrase} />
      <SavedNotice message={saved} />
    </form>
  );
}
