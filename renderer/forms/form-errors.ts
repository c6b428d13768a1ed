import { DeskFailure } from '../../shared/errors.js';
import { text } from '../i18n/text.js';

/**
 * A form's errors: one message per field, keyed by the zod path joined with dots
 * (`manager.pin`), and what belongs to no field for the summary at the top.
 */
export interface FormErrors {
  fields: Record<string, string>;
  summary: string | null;
}

export const noErrors: FormErrors = { fields: {}, summary: null };

export function pathKey(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.summary !== null || Object.keys(errors.fields).length > 0;
}

/** The first message for each field, as zod or the core give them. */
export function fromIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>, summary: string | null = null): FormErrors {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = pathKey(issue.path);
    fields[key] ??= issue.message;
  }
  return { fields, summary };
}

/** A failed call: the core's issues next to their fields, its message at the top. */
export function fromFailure(error: unknown): FormErrors {
  if (error instanceof DeskFailure) return fromIssues(error.issues ?? [], error.message);
  return { fields: {}, summary: text.errors.unexpected };
}

export function withFieldError(errors: FormErrors, key: string, message: string): FormErrors {
  return { ...errors, fields: { ...errors.fields, [key]: errors.fields[key] ?? message } };
}
