import { useEffect, useRef, useState, type FormEvent } from 'react';
import { privacyCalls } from '../../shared/contract/privacy-calls.js';
import type { SubjectAccessExport } from '../../shared/domain/privacy.js';
import { useApi } from '../api/api-context.js';
import { ErrorSummary } from '../components/error-summary.js';
import { PinField, TextField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { text } from '../i18n/text.js';
import { fileLabel, fitsPattern } from './case-reference.js';
import { downloadJson } from '../components/download-file.js';
import { SarDocument } from './sar-document.js';
import { siteDay } from './zoned-time.js';

const form = 'privacy-export';
const t = text.privacy.export;
const labels: Record<string, string> = { caseReference: t.caseReference, managerPin: text.privacy.yourPin };

interface ExportPanelProps {
  visitIds: readonly number[];
  timeZone: string;
  caseReferencePattern: string;
  onClose(): void;
}

/**
 * A subject access export of the chosen visits: the PIN again, then the answer as a JSON file to
 * download and as a page to print. The case reference, if given, names the file.
 */
export function ExportPanel({ visitIds, timeZone, caseReferencePattern, onClose }: ExportPanelProps) {
  const api = useApi();
  const [pin, setPin] = useState('');
  const [reference, setReference] = useState('');
  const [answer, setAnswer] = useState<{ data: SubjectAccessExport; fileName: string } | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const ready = useRef<HTMLParagraphElement>(null);
  const { errors, attempt, busy, submit } = useFormAttempt(() => setPin(''));
  const visits = text.privacy.visits(visitIds.length);

  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    if (answer !== null) ready.current?.focus();
  }, [answer]);

  const send = (event: FormEvent) => {
    const input = { visitIds: [...visitIds], managerPin: pin };
    const ref = reference.trim();
    const checked = privacyCalls.exportSubjectAccess.input.safeParse(input);
    // The reference only names the file, but a name must not slip in that way either.
    const issues = [
      ...(ref !== '' && !fitsPattern(ref, caseReferencePattern) ? [{ path: ['caseReference'], message: text.privacy.erase.caseReferencePattern }] : []),
      ...(checked.success ? [] : checked.error.issues),
    ];
    return submit(
      event,
      issues.length === 0 ? { success: true } : { success: false, error: { issues } },
      async () => {
        const data = await api.exportSubjectAccess(input);
        setPin('');
        setAnswer({ data, fileName: t.fileName(ref === '' ? siteDay(data.generatedAt, timeZone) : fileLabel(ref)) });
      },
    );
  };

  if (answer !== null) {
    return (
      <section className="privacy-panel privacy-panel--export" aria-labelledby={`${form}-title`}>
        <h3 className="form__title" id={`${form}-title`}>
          {t.heading}
        </h3>
        <p className="notice notice--saved" ref={ready} tabIndex={-1} role="status">
          {t.ready(text.privacy.visits(answer.data.visits.length))}
        </p>
        <div className="form__actions privacy-panel__actions">
          <button type="button" className="button" onClick={() => downloadJson(answer.fileName, answer.data)}>
            {t.download}
          </button>
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            {t.print}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t.close}
          </button>
        </div>
        <SarDocument answer={answer.data} />
      </section>
    );
  }

  const id = (key: string) => fieldId(form, key);
  return (
    <form className="form form--panel privacy-panel" noValidate onSubmit={send} aria-labelledby={`${form}-title`} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h3 className="form__title" id={`${form}-title`}>
        {t.confirmTitle(visits)}
      </h3>
      <ErrorSummary form={form} errors={errors} labels={labels} attempt={attempt} takeFocus={false} />
      <TextField
        id={id('caseReference')}
        label={t.caseReference}
        hint={t.caseReferenceHint}
        error={errors.fields.caseReference}
        value={reference}
        onValue={setReference}
        autoComplete="off"
        spellCheck={false}
        className="input--reference"
        inputRef={first}
      />
      <PinField id={id('managerPin')} label={text.privacy.yourPin} error={errors.fields.managerPin} value={pin} onValue={setPin} />
      <div className="form__actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {t.confirm}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {text.privacy.erase.cancel}
        </button>
      </div>
    </form>
  );
}
