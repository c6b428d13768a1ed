import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optionalTextPattern, textPattern } from '../../../shared/contract/documented-fields.js';
import { optionalText, text } from '../../../shared/schemas/fields.js';

// Characters around every edge the checks draw: controls, tab, line breaks, DEL, spaces of
// several kinds, letters, an accent and an astral emoji.
const edgeCharacters = ['\u0000', '\u0007', '\t', '\n', '\u000b', '\u000c', '\r', '\u001f', '\u007f', ' ', '\u00a0', '\u2028', '\u3000', 'a', 'Z', "'", 'é', '😀'];
const edgyText = fc.array(fc.constantFrom(...edgeCharacters), { maxLength: 8 }).map((chars) => chars.join(''));
const anyText = fc.oneof(edgyText, fc.string({ unit: 'binary', maxLength: 8 }));

// JSON Schema patterns are ECMA-262 regular expressions; validators such as ajv compile them with the `u` flag.
const matches = (pattern: string, value: string) => new RegExp(pattern, 'u').test(value);

describe('the patterns the API description gives refined text fields', () => {
  for (const multiline of [false, true]) {
    it(`say exactly what text() checks (multiline: ${multiline})`, () => {
      const schema = text(1000, { multiline });
      fc.assert(
        fc.property(anyText, (value) => {
          expect(matches(textPattern(multiline), value), JSON.stringify(value)).toBe(schema.safeParse(value).success);
        }),
        { numRuns: 3000 },
      );
    });

    it(`say exactly what optionalText() checks (multiline: ${multiline})`, () => {
      const schema = optionalText(1000, { multiline });
      fc.assert(
        fc.property(anyText, (value) => {
          expect(matches(optionalTextPattern(multiline), value), JSON.stringify(value)).toBe(schema.safeParse(value).success);
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('refuse the cases the issue names: blank, control characters, and line breaks on one line', () => {
    expect(matches(textPattern(false), '   ')).toBe(false);
    expect(matches(textPattern(false), 'Bad\u0007bell')).toBe(false);
    expect(matches(textPattern(false), 'two\nlines')).toBe(false);
    expect(matches(textPattern(true), 'two\nlines')).toBe(true);
    expect(matches(textPattern(false), "Seán O'Brien")).toBe(true);
  });
});
