import { useMemo, useState, type FormEvent } from 'react';
import { setupCalls } from '../../shared/contract/setup-calls.js';
import { useApi } from '../api/api-context.js';
import { ErrorSummary } from '../components/error-summary.js';
import { PublicHeader } from '../components/public-header.js';
import { MainRegion } from '../components/main-region.js';
import { SelectField } from '../components/select-field.js';
import { PinField, TextField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { fromFailure, fromIssues, hasErrors, noErrors, withFieldError, type FormErrors } from '../forms/form-errors.js';
import { text } from '../i18n/text.js';
import { useDocumentTitle } from '../routing/use-document-title.js';
import { useSessionStore } from '../state/session-store.js';
import { useSiteStore } from '../state/site-store.js';
import { defaultTimeZone, timeZoneOptions } from './time-zones.js';
import '../components/form.css';

const form = 'setup';
const t = text.setup;
const labels: Record<string, string> = {
  siteName: t.siteName,
  timeZone: t.timeZone,
  'manager.name': t.managerName,
  'manager.pin': t.pin,
  pinAgain: t.pinAgain,
};

/** First run: the site's name and time zone and its first manager, who is then signed in. */
export function SetupScreen() {
  const api = useApi();
  const signedIn = useSessionStore((state) => state.signedIn);
  const setSetup = useSiteStore((state) => state.setSetup);
  const zones = useMemo(timeZoneOptions, []);
  const [siteName, setSiteName] = useState('');
  const [timeZone, setTimeZone] = useState(defaultTimeZone);
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t.title, null);

  const fail = (next: FormErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const input = { siteName, timeZone, manager: { name, pin } };
    const parsed = setupCalls.setupSite.input.safeParse(input);
    let found = parsed.success ? noErrors : fromIssues(parsed.error.issues);
    if (pinAgain !== pin) found = withFieldError(found, 'pinAgain', text.errors.pinsDiffer);
    if (hasErrors(found)) return fail(found);
    setBusy(true);
    try {
      const session = await api.setupSite(input);
      setSetup({ needsSetup: false, siteName });
      signedIn(session);
    } catch (error) {
      fail(fromFailure(error));
      setBusy(false);
    }
  }

  const id = (key: string) => fieldId(form, key);
  return (
    <>
      <PublicHeader siteName={null} />
      <MainRegion title={t.title} className="page--narrow">
        <p className="lead">{t.intro}</p>
        <ErrorSummary form={form} errors={errors} labels={labels} attempt={attempt} />
        <form className="form" noValidate onSubmit={submit}>
          <fieldset className="form__group">
            <legend className="form__legend">{t.siteSection}</legend>
            <TextField id={id('siteName')} label={t.siteName} hint={t.siteNameHint} error={errors.fields.siteName} value={siteName} onValue={setSiteName} autoComplete="organization" />
            <SelectField id={id('timeZone')} label={t.timeZone} hint={t.timeZoneHint} error={errors.fields.timeZone} value={timeZone} options={zones} onValue={setTimeZone} />
          </fieldset>
          <fieldset className="form__group">
            <legend className="form__legend">{t.managerSection}</legend>
            <TextField id={id('manager.name')} label={t.managerName} hint={t.managerNameHint} error={errors.fields['manager.name']} value={name} onValue={setName} autoComplete="name" />
            <PinField id={id('manager.pin')} label={t.pin} hint={t.pinHint} error={errors.fields['manager.pin']} value={pin} onValue={setPin} />
            <PinField id={id('pinAgain')} label={t.pinAgain} error={errors.fields.pinAgain} value={pinAgain} onValue={setPinAgain} />
          </fieldset>
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {busy ? t.submitting : t.submit}
          </button>
        </form>
      </MainRegion>
    </>
  );
}
