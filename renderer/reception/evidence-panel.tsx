import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { receiptCalls } from '../../shared/contract/receipt-calls.js';
import { evidenceKinds, type Receipt } from '../../shared/domain/receipt.js';
import type { VisitMatch } from '../../shared/domain/visit.js';
import { useApi } from '../api/api-context.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SelectField } from '../components/select-field.js';
import { TextField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { fromFailure } from '../forms/form-errors.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { NeedsHubNote, useNeedsHub } from '../components/needs-hub.js';
import { text } from '../i18n/text.js';
import { usePrint } from '../print/print-job.js';
import { useSiteStore } from '../state/site-store.js';
import { isEvidenceKind, isUntouched, kindWord, newItem, recordInput, wordKindIssues, type ItemDraft } from './evidence-items.js';
import { EvidenceReceipts, type ReceiptCopy } from './evidence-receipts.js';
import '../components/form.css';
import './visits.css';

const t = text.evidence;
const kindOptions = [{ value: '', label: t.chooseKind }, ...evidenceKinds.map((kind) => ({ value: kind, label: kindWord(kind) }))];
const originalOptions = [
  { value: 'original', label: t.originalOptions.original },
  { value: 'copy', label: t.originalOptions.copy },
];
const returnedOptions = [
  { value: 'kept', label: t.returnedOptions.kept },
  { value: 'returned', label: t.returnedOptions.returned },
];

const failureMessage = (error: unknown): string => fromFailure(error).summary ?? text.errors.unexpected;

/**
 * Evidence a visitor hands in: the receipts already given on the visit, and a form for the
 * items now, recorded and printed as one receipt. Checked with recordEvidence's own schema, so
 * an error lands by its field (`items.0.description`); nothing typed is lost on a refusal.
 * Escape closes the panel only while nothing is typed; Close always does. Mount it with
 * `key={visit.ticket.visitId}` so another visit starts a fresh form.
 */
export function EvidencePanel({ visit, onClose }: { visit: VisitMatch; onClose(): void }) {
  const api = useApi();
  const print = usePrint();
  const timeZone = useSiteStore((state) => state.settings?.timeZone ?? null);
  const { visitId, number } = visit.ticket;
  const form = `evidence-${visitId}`;
  const id = (key: string) => fieldId(form, key);

  const nextKey = useRef(1);
  const [items, setItems] = useState<ItemDraft[]>(() => [newItem(0)]);
  const [receipts, setReceipts] = useState<Receipt[] | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [printProblem, setPrintProblem] = useState<string | null>(null);
  const [reprinting, setReprinting] = useState<number | null>(null);
  const [receiptProblem, setReceiptProblem] = useState<{ receiptId: number; message: string } | null>(null);
  const focusNext = useRef<string | null>(id('items.0.kind'));
  const { errors, attempt, busy, submit, clearErrors } = useFormAttempt();
  const hub = useNeedsHub('evidence-needs-hub');

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    document.getElementById(target)?.focus();
  });

  useEffect(() => {
    let current = true;
    api.listReceipts({ visitId }).then(
      (list) => current && setReceipts(list),
      (error: unknown) => current && setLoadProblem(failureMessage(error)),
    );
    return () => {
      current = false;
    };
  }, [api, visitId]);

  function change(key: number, patch: Partial<ItemDraft>) {
    setItems((all) => all.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  }

  function addItem() {
    focusNext.current = id(`items.${items.length}.kind`);
    setItems((all) => [...all, newItem(nextKey.current++)]);
  }

  function removeItem(index: number) {
    // Errors are keyed by position, which the rows below this one lose: they are checked again on submit.
    clearErrors();
    focusNext.current = id(`items.${Math.max(0, index - 1)}.kind`);
    setItems((all) => all.filter((_, i) => i !== index));
  }

  const send = (event: FormEvent) => {
    const checked = receiptCalls.recordEvidence.input.safeParse(recordInput(visitId, items));
    const worded = checked.success ? checked : { success: false as const, error: { issues: wordKindIssues(checked.error.issues, items, t.kindRequired) } };
    return submit(event, worded, async () => {
      if (!checked.success) return;
      setStatus(null);
      setPrintProblem(null);
      const receipt = await api.recordEvidence(checked.data);
      // Recorded: the form is done with, whatever the printer says.
      setReceipts((all) => [...(all ?? []), receipt]);
      setItems([newItem(nextKey.current++)]);
      const outcome = await printCopy(receipt, 'visitor');
      if (outcome === null) setStatus(t.recorded(receipt.reference));
      else setPrintProblem(t.recordedNotPrinted(receipt.reference, outcome));
    });
  };

  /** Null when printed; otherwise what the printer said. */
  async function printCopy(receipt: Receipt, copy: ReceiptCopy): Promise<string | null> {
    try {
      const outcome = await print({ kind: 'receipt', receipt, copy });
      return outcome.printed ? null : outcome.message;
    } catch {
      return t.printFailed;
    }
  }

  async function reprint(listed: Receipt, copy: ReceiptCopy) {
    setReprinting(listed.id);
    setReceiptProblem(null);
    setStatus(null);
    try {
      const receipt = await api.getReceipt({ receiptId: listed.id });
      const problem = await printCopy(receipt, copy);
      if (problem === null) setStatus(copy === 'visitor' ? t.reprinted(receipt.reference) : t.backOfficePrinted(receipt.reference));
      else setReceiptProblem({ receiptId: listed.id, message: t.notPrinted(receipt.reference, problem) });
    } catch (error) {
      setReceiptProblem({ receiptId: listed.id, message: failureMessage(error) });
    } finally {
      setReprinting(null);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && isUntouched(items)) {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyA') {
      event.preventDefault();
      event.stopPropagation();
      addItem();
    }
  }

  const labels: Record<string, string> = {};
  items.forEach((_, index) => {
    const n = index + 1;
    labels[`items.${index}.kind`] = t.fieldOfItem(n, t.kind);
    labels[`items.${index}.description`] = t.fieldOfItem(n, t.description);
    labels[`items.${index}.count`] = t.fieldOfItem(n, t.pages);
  });

  const titleId = `${form}-title`;
  return (
    <section className="evidence" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <h2 className="section-title" id={titleId}>
        {t.heading(number, visit.visitorName)}
      </h2>
      <p className="notice" role="status" hidden={status === null}>
        {status}
      </p>
      <h3 className="evidence__subtitle">{t.receiptsHeading}</h3>
      {loadProblem !== null && (
        <p className="notice notice--problem" role="alert">
          {loadProblem}
        </p>
      )}
      {loadProblem === null && (
        <EvidenceReceipts receipts={receipts} timeZone={timeZone} pending={reprinting} problem={receiptProblem} onPrint={(receipt, copy) => void reprint(receipt, copy)} />
      )}
      <form className="form form--panel evidence__form" noValidate onSubmit={send} aria-labelledby={`${form}-form-title`} aria-describedby={`${form}-keys`}>
        <h3 className="form__title" id={`${form}-form-title`}>
          {t.formHeading}
        </h3>
        <p className="hint" id={`${form}-keys`}>
          {t.keys}
        </p>
        <ErrorSummary form={form} errors={errors} labels={labels} attempt={attempt} />
        {items.map((item, index) => {
          const key = (field: string) => `items.${index}.${field}`;
          return (
            <fieldset key={item.key} className="form__group evidence__item">
              <legend className="evidence__legend">{t.item(index + 1)}</legend>
              <div className="evidence__fields">
                <SelectField
                  id={id(key('kind'))}
                  label={t.kind}
                  error={errors.fields[key('kind')]}
                  value={item.kind}
                  options={kindOptions}
                  onValue={(value) => change(item.key, { kind: isEvidenceKind(value) ? value : '' })}
                />
                <TextField
                  id={id(key('description'))}
                  label={t.description}
                  hint={t.descriptionHint}
                  error={errors.fields[key('description')]}
                  value={item.description}
                  onValue={(description) => change(item.key, { description })}
                  autoComplete="off"
                />
                <TextField
                  id={id(key('count'))}
                  label={t.pages}
                  hint={t.pagesHint}
                  error={errors.fields[key('count')]}
                  value={item.pages}
                  onValue={(pages) => change(item.key, { pages })}
                  inputMode="numeric"
                  autoComplete="off"
                  className="evidence__pages"
                />
                <SelectField
                  id={id(key('original'))}
                  label={t.original}
                  error={errors.fields[key('original')]}
                  value={item.original ? 'original' : 'copy'}
                  options={originalOptions}
                  onValue={(value) => change(item.key, { original: value === 'original' })}
                />
                <SelectField
                  id={id(key('returned'))}
                  label={t.returned}
                  error={errors.fields[key('returned')]}
                  value={item.returned ? 'returned' : 'kept'}
                  options={returnedOptions}
                  onValue={(value) => change(item.key, { returned: value === 'returned' })}
                />
              </div>
              {items.length > 1 && (
                <button type="button" className="button button--secondary button--small" onClick={() => removeItem(index)}>
                  {t.removeItem(index + 1)}
                </button>
              )}
            </fieldset>
          );
        })}
        <div className="form__actions">
          <button type="button" className="button button--secondary" aria-keyshortcuts="Alt+A" onClick={addItem}>
            {t.addItem}
          </button>
        </div>
        {printProblem !== null && (
          <p className="notice notice--problem" role="alert">
            {printProblem}
          </p>
        )}
        <NeedsHubNote id="evidence-needs-hub" />
        <div className="form__actions">
          <button type="submit" className="button" aria-disabled={hub.disabled(busy)} aria-describedby={hub.describedBy()}>
            {busy ? t.submitting : t.submit}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t.close}
          </button>
        </div>
      </form>
    </section>
  );
}
