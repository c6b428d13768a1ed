import { describe, expect, it } from 'vitest';
import { adminCalls } from '../../../shared/contract/admin-calls.js';
import { optionalWholeNumberFrom, wholeNumberFrom } from '../../../renderer/settings/whole-number.js';

describe('a number field read for the contract', () => {
  it('reads whole numbers, spaces around them allowed', () => {
    expect(wholeNumberFrom('15')).toBe(15);
    expect(wholeNumberFrom(' 240 ')).toBe(240);
    expect(wholeNumberFrom('-5')).toBe(-5);
  });

  it('never reads a blank or a fraction as a number, so the schema refuses it in its own words', () => {
    for (const typed of ['', '  ', '15.5', 'ten', '1e3', '0x10']) expect(wholeNumberFrom(typed)).toBeNaN();
    const checked = adminCalls.updateSettings.input.safeParse({ sessionIdleMinutes: wholeNumberFrom('') });
    expect(checked.success).toBe(false);
    expect(checked.error?.issues[0]?.message).toBe('Enter a whole number.');
  });

  it('reads a blank optional field as not given, and anything else as a required one would', () => {
    expect(optionalWholeNumberFrom('')).toBeUndefined();
    expect(optionalWholeNumberFrom(' ')).toBeUndefined();
    expect(optionalWholeNumberFrom('30')).toBe(30);
    expect(optionalWholeNumberFrom('x')).toBeNaN();
  });
});
