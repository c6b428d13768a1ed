import type { FormEvent, MouseEvent } from 'react';
import { reportCalls } from '../../shared/contract/report-calls.js';
import { ErrorSummary } from '../components/error-summary.js';
import { TextField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import type { FormErrors } from '../forms/form-errors.js';
import { text } from '../i18n/text.js';
import { quickRange, quickRanges, type DateRange, type QuickRange } from './report-range.js';
import '../components/form.css';

const form = 'report-range';
const t = text.reports.range;
const labels: Record<string, string> = { from: t.from, to: t.to };

export type RangeSubmit = (event: FormEvent, checked: ReturnType<typeof reportCalls.getReport.input.safeParse>, range: DateRange) => void;

interface RangeFormProps {
  range: DateRange;
  onRange(range: DateRange): void;
  onSubmit: RangeSubmit;
  errors: FormErrors;
  attempt: number;
  busy: boolean;
  timeZone: string;
}

/** From and To (local dates, both included), checked with `getReport`'s own schema; quick choices load at once. */
export function RangeForm({ range, onRange, onSubmit, errors, attempt, busy, timeZone }: RangeFormProps) {
  const send = (event: FormEvent, next: DateRange) => onSubmit(event, reportCalls.getReport.input.safeParse(next), next);
  const choose = (event: MouseEvent, choice: QuickRange) => {
    const next = quickRange(choice, Date.now(), timeZone);
    onRange(next);
    send(event, next);
  };
  const id = (key: string) => fieldId(form, key);
  return (
    <form className="form form--panel report-range" noValidate onSubmit={(event) => send(event, range)} aria-labelledby="report-range-title">
      <h2 className="form__title" id="report-range-title">
        {t.heading}
      </h2>
      <ErrorSummary form={form} errors={errors} labels={labels} attempt={attempt} />
      <div className="report-range__row">
        <TextField
          id={id('from')}
          label={t.from}
          type="date"
          error={errors.fields.from}
          value={range.from}
          onValue={(from) => onRange({ ...range, from })}
          className="report-range__date"
        />
        <TextField
          id={id('to')}
          label={t.to}
          type="date"
          error={errors.fields.to}
          value={range.to}
          onValue={(to) => onRange({ ...range, to })}
          className="report-range__date"
        />
        <div className="report-range__submit">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {busy ? t.loading : t.submit}
          </button>
        </div>
      </div>
      <p className="field__hint report-range__hint">{t.hint}</p>
      <div className="report-range__quick" role="group" aria-labelledby="report-range-quick">
        <span className="report-range__quick-label" id="report-range-quick">
          {t.quick}
        </span>
        {quickRanges.map((choice) => (
          <button key={choice} type="button" className="button button--secondary button--small" onClick={(event) => choose(event, choice)}>
            {t[choice]}
          </button>
        ))}
      </div>
    </form>
  );
}
