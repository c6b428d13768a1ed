import { useEffect, useRef, useState, type FormEvent } from 'react';
import { privacyCalls } from '../../shared/contract/privacy-calls.js';
import { erasureReasons, type Erasure, type ErasureReason } from '../../shared/domain/privacy.js';
import { DeskFailure } from '../../shared/errors.js';
import { useApi } from '../api/api-context.js';
import { ConfirmWithPin } from '../components/confirm-with-pin.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SelectField } from '../components/select-field.js';
import { TextField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { text } from '../i18n/text.js';
import { caseReferenceExample, fitsPattern } from './case-reference.js';

const form = 'privacy-erase';
const t = text.privacy.erase;
const labels: Record<string, string> = { reason: t.reason, caseReference: t.caseReference, visitIds: text.privacy.results.choose };
const shape = privacyCalls.eraseVisits.input.shape;

interface ErasePanelProps {
  /** The chosen visits, with their tickets to name them and their receipts to count. */
  visits: ReadonlyArray<{ visitId: number; number: string; receipts: number }>;
  caseReferencePattern: string;
  onErased(erasure: Erasure, visitIds: number[]): void;
  onClose(): void;
}

/** A refusal that belongs to the details (a reference the core's pattern refused, a visit still at a desk), not to the PIN. */
function concernsDetails(error: unknown): error is DeskFailure {
  if (!(error instanceof DeskFailure)) return false;
  if (error.code === 'conflict' || error.code === 'not-found') return true;
  return error.code === 'invalid-input' && (error.issues ?? []).some((issue) => issue.path[0] !== 'managerPin');
}

/**
 * Erasure on request, in two steps: the details (a warning, why, the council's case reference),
 * then a confirmation that says once more what goes and asks for the PIN. A refusal of the
 * details takes the manager back to them, its message on the field it concerns.
 */
export function ErasePanel({ visits, caseReferencePattern, onErased, onClose }: ErasePanelProps) {
  const api = useApi();
  const [reason, setReason] = useState<ErasureReason | ''>('');
  const [reference, setReference] = useState('');
  const [step, setStep] = useState<'details' | 'confirm'>('details');
  const reasonInput = useRef<HTMLDivElement>(null);
  const { errors, attempt, busy, submit, fail, clearErrors } = useFormAttempt();
  const visitIds = visits.map((v) => v.visitId);
  const visitsText = text.privacy.visits(visits.length);
  const receiptsText = text.privacy.receipts(visits.reduce((sum, v) => sum + v.receipts, 0));
  const example = caseReferenceExample(caseReferencePattern);

  useEffect(() => {
    if (step === 'details') reasonInput.current?.querySelector('select')?.focus();
  }, [step]);

  const next = (event: FormEvent) => {
    const ref = reference.trim();
    const issues = [
      ...(shape.reason.safeParse(reason).error?.issues.map((i) => ({ ...i, path: ['reason'] })) ?? []),
      ...(shape.caseReference.safeParse(ref).error?.issues.map((i) => ({ ...i, path: ['caseReference'] })) ??
        (fitsPattern(ref, caseReferencePattern) ? [] : [{ path: ['caseReference'], message: t.caseReferencePattern }])),
    ];
    return submit(event, issues.length === 0 ? { success: true } : { success: false, error: { issues } }, async () => {
      clearErrors();
      setStep('confirm');
    });
  };

  async function erase(managerPin: string) {
    if (reason === '') return;
    const caseReference = reference.trim();
    try {
      const erasure = await api.eraseVisits({ visitIds, reason, caseReference, managerPin });
      onErased(erasure, visitIds);
    } catch (error) {
      if (!concernsDetails(error)) throw error;
      setStep('details');
      fail(
        error.code === 'conflict'
          ? { fields: {}, summary: error.message || t.refusedBusy }
          : { fields: Object.fromEntries((error.issues ?? []).map((i) => [i.path.map(String).join('.'), i.message])), summary: error.message },
      );
    }
  }

  if (step === 'confirm') {
    return (
      <section className="privacy-panel privacy-panel--erase" aria-labelledby={`${form}-confirm-title`}>
        <div className="notice notice--warning privacy-erase__warning">
          <p>{t.warning(visitsText, receiptsText)}</p>
          <p>{t.tickets(visits.map((v) => v.number).join(', '))}</p>
        </div>
        <ConfirmWithPin
          form={`${form}-confirm`}
          title={t.confirmTitle(visitsText, reference.trim())}
          confirmLabel={t.confirm(visitsText)}
          onConfirm={erase}
          onCancel={() => setStep('details')}
        />
      </section>
    );
  }

  const id = (key: string) => fieldId(form, key);
  return (
    <form className="form form--panel privacy-panel privacy-panel--erase" noValidate onSubmit={next} aria-labelledby={`${form}-title`} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h3 className="form__title" id={`${form}-title`}>
        {t.heading}
      </h3>
      <ErrorSummary form={form} errors={errors} labels={labels} attempt={attempt} />
      <p className="notice notice--warning privacy-erase__warning">{t.warning(visitsText, receiptsText)}</p>
      <div ref={reasonInput}>
        <SelectField
          id={id('reason')}
          label={t.reason}
          error={errors.fields.reason}
          value={reason}
          options={[{ value: '', label: t.chooseReason }, ...erasureReasons.map((r) => ({ value: r, label: t.reasons[r] }))]}
          onValue={(value) => setReason(erasureReasons.find((r) => r === value) ?? '')}
        />
      </div>
      <TextField
        id={id('caseReference')}
        label={t.caseReference}
        hint={t.caseReferenceHint(example, caseReferencePattern)}
        error={errors.fields.caseReference}
        value={reference}
        onValue={setReference}
        autoComplete="off"
        spellCheck={false}
        className="input--reference"
      />
      <div className="form__actions">
        <button type="submit" className="button button--danger" aria-disabled={busy || undefined}>
          {t.continue}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
