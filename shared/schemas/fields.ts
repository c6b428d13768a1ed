import { z } from 'zod';
import { isValid as isValidPostcode, toNormalised } from 'postcode';
import { validationText as t } from '../i18n/catalogue.js';

// C0 controls and DEL; line breaks are allowed only where a field says so.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const lineBreaks = /[\r\n]/;

/**
 * Free text is stored exactly as typed (O'Brien, Siân Jones-Évans, even SQL): injection is
 * defended where it happens, with parameterised SQL and escaped output, not by refusing names.
 */
export function text(max: number, options: { multiline?: boolean } = {}) {
  return z
    .string({ error: t.required })
    .max(max, { error: t.tooLong(max) })
    .refine((s) => s.trim().length > 0, { error: t.blank })
    .refine((s) => !controlCharacters.test(s) && (options.multiline === true || !lineBreaks.test(s)), {
      error: t.controlCharacters,
    });
}

export function optionalText(max: number, options: { multiline?: boolean } = {}) {
  return z
    .string({ error: t.invalid })
    .max(max, { error: t.tooLong(max) })
    .refine((s) => !controlCharacters.test(s) && (options.multiline === true || !lineBreaks.test(s)), {
      error: t.controlCharacters,
    });
}

export const id = z.number({ error: t.wholeNumber }).int({ error: t.wholeNumber }).positive({ error: t.invalid });

export function wholeNumber(min: number, max: number) {
  return z
    .number({ error: t.wholeNumber })
    .int({ error: t.wholeNumber })
    .min(min, { error: t.range(min, max) })
    .max(max, { error: t.range(min, max) });
}

export const pin = z.string({ error: t.pin }).regex(/^\d{4,8}$/, { error: t.pin });

export const personName = text(100);

// Anything that draws as nothing or moves other text: control characters (tab and line breaks
// included), format characters (zero-width spaces and joiners, soft hyphen, BOM, bidi marks,
// overrides and isolates), the other default-ignorable code points (Hangul fillers, variation
// selectors) and unpaired surrogates. A name with one could look like a colleague's.
const invisibleInName = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cs}]/u;
const whitespaceRun = /\s+/gu;

/** NFC, trimmed, every run of spaces (non-breaking, ideographic…) one plain space. */
export function tidyStaffName(name: string): string {
  return name.normalize('NFC').replace(whitespaceRun, ' ').trim();
}

/**
 * A staff name as the sign-in list shows it: "  Mandy   Manager " is stored "Mandy Manager".
 * Invisible characters are refused rather than removed, so the person typing sees the name
 * the list will show. Unique after NFKC case-folding, which the core checks (staff.name_key).
 */
export const staffName = z
  .string({ error: t.required })
  .max(200, { error: t.tooLong(60) })
  .refine((s) => !invisibleInName.test(s), { error: t.invisibleCharacters })
  .transform(tidyStaffName)
  .refine((s) => s.length > 0, { error: t.blank })
  .refine((s) => s.length <= 60, { error: t.tooLong(60) });

export const serviceLetter = z.string({ error: t.letter }).regex(/^[A-Z]$/, { error: t.letter });

export const clockTime = z
  .string({ error: t.time })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: t.time });

const isoDateShape = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `yyyy-MM-dd` names a day on the calendar: 2026-02-31 and 2026-13-01 do not. */
export function isCalendarDate(value: string): boolean {
  const match = isoDateShape.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, not Date.UTC: that one reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const isoDate = z
  .string({ error: t.date })
  .regex(isoDateShape, { error: t.date })
  // A malformed value is reported once, by the pattern.
  .refine((value) => !isoDateShape.test(value) || isCalendarDate(value), { error: t.date })
  .meta({ description: 'A day on the calendar, yyyy-MM-dd (2026-02-31 is refused).' });

export const timeZone = z.string({ error: t.timeZone }).refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: zone });
      return zone.includes('/') || zone === 'UTC';
    } catch {
      return false;
    }
  },
  { error: t.timeZone },
);

/** A UK postcode, checked and written the standard way (`l1 1jq` → `L1 1JQ`). */
export const postcode = z
  .string({ error: t.postcode })
  .max(16, { error: t.postcode })
  .refine((p) => isValidPostcode(p), { error: t.postcode })
  .transform((p) => toNormalised(p) ?? p);

export const passphrase = z.string({ error: t.passphrase }).min(12, { error: t.passphrase }).max(1024, { error: t.tooLong(1024) });

/** What a name looks like: a council's case reference pattern must match none of these. */
const nameLikeSamples = ['Jane Smith', 'SMITH', 'Smith', 'jane', "O'Brien", 'Anna-Marie', 'JONES-WILLIAMS', 'Nowak'];

function compiles(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return null;
  }
}

/**
 * A case reference pattern a council sets: a regular expression anchored from `^` to `$`, that
 * compiles, and that matches no name-like sample — so an erasure's reference can never carry the
 * name of the person it concerns.
 */
export const caseReferencePattern = z
  .string({ error: t.caseReferencePattern })
  .max(200, { error: t.tooLong(200) })
  .refine((pattern) => {
    const compiled = pattern.startsWith('^') && pattern.endsWith('$') ? compiles(pattern) : null;
    return compiled !== null && !nameLikeSamples.some((sample) => compiled.test(sample));
  }, { error: t.caseReferencePattern });
