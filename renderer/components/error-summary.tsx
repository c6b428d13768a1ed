import { useEffect, useRef } from 'react';
import { fieldId } from '../forms/field-id.js';
import { hasErrors, type FormErrors } from '../forms/form-errors.js';
import { text } from '../i18n/text.js';
import './error-summary.css';

interface ErrorSummaryProps {
  form: string;
  errors: FormErrors;
  /** Field keys the form shows, with their labels; an error for any other path is listed as text. */
  labels: Record<string, string>;
  /** Changes on every failed submit, so focus moves to the summary each time. */
  attempt: number;
  title?: string;
  /** Off for one-field forms, which keep focus in their field so the person can retype at once. */
  takeFocus?: boolean;
}

/**
 * The list at the top of a form after a failed submit (the GOV.UK pattern): the message that
 * concerns no field, then each field's error as a link that moves focus to it.
 */
export function ErrorSummary({ form, errors, labels, attempt, title, takeFocus = true }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const visible = hasErrors(errors);
  useEffect(() => {
    if (takeFocus && visible && attempt > 0) ref.current?.focus();
  }, [takeFocus, visible, attempt]);
  if (!visible) return null;
  const headingId = `${form}-error-summary-title`;
  const fieldEntries = Object.entries(errors.fields);
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={headingId}>
      <h2 className="error-summary__title" id={headingId}>
        {title ?? text.errors.summaryTitle}
      </h2>
      {errors.summary !== null && <p className="error-summary__message">{errors.summary}</p>}
      {fieldEntries.length > 0 && (
        <ul className="error-summary__list">
          {fieldEntries.map(([key, message]) => {
            const label = labels[key];
            if (label === undefined) return <li key={key}>{message}</li>;
            const id = fieldId(form, key);
            return (
              <li key={key}>
                <a
                  href={`#${id}`}
                  onClick={(event) => {
                    // Hash routing owns the URL fragment: move focus without navigating.
                    event.preventDefault();
                    document.getElementById(id)?.focus();
                  }}
                >
                  {label}: {message}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
