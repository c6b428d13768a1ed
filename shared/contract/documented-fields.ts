import * as fields from '../schemas/fields.js';

/**
 * The input fields whose checks are refinements, which JSON Schema cannot see, annotated for the
 * API description (`/api/openapi.json`): a `pattern` where one says exactly what the refinement
 * checks — so that a client or fuzzer that follows the document sends input the core accepts —
 * and words for the rest. Metadata only: validation is the fields' own, unchanged
 * (test/shared/contract/documented-fields.test.ts holds the patterns to them).
 */

// The C0 controls and DEL that `fields.text` refuses: all but tab, and line breaks too unless multiline.
const refused = (multiline: boolean) => (multiline ? '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f' : '\\u0000-\\u0008\\u000a-\\u001f\\u007f');
const lineBreaks = (multiline: boolean) => (multiline ? 'line breaks allowed' : 'one line');

/** Not blank (something besides spaces), no control characters. */
export function textPattern(multiline: boolean): string {
  return `^(?=[\\s\\S]*\\S)[^${refused(multiline)}]*$`;
}

export function optionalTextPattern(multiline: boolean): string {
  return `^[^${refused(multiline)}]*$`;
}

export function text(max: number, options: { multiline?: boolean } = {}) {
  const multiline = options.multiline === true;
  return fields.text(max, options).meta({
    pattern: textPattern(multiline),
    description: `Not blank; no control characters; ${lineBreaks(multiline)}. Lengths count UTF-16 code units.`,
  });
}

export function optionalText(max: number, options: { multiline?: boolean } = {}) {
  const multiline = options.multiline === true;
  return fields.optionalText(max, options).meta({
    pattern: optionalTextPattern(multiline),
    description: `May be empty; no control characters; ${lineBreaks(multiline)}. Lengths count UTF-16 code units.`,
  });
}

export const personName = text(100);

export const staffName = fields.staffName.meta({
  description:
    'Tidied first (NFC, trimmed, every run of spaces one space), then 1 to 60 characters. No invisible characters ' +
    '(control or format characters, zero-width spaces and joiners, text-direction marks, variation selectors). ' +
    'Unique on the site, ignoring case and look-alike forms.',
});

export const timeZone = fields.timeZone.meta({
  description: 'An IANA time zone with a region, such as Europe/London, or UTC.',
});

export const postcode = fields.postcode.meta({
  description: 'A UK postcode in any case and spacing (`l1 1jq`); kept normalised (`L1 1JQ`).',
});
