import { describe, expect, it } from 'vitest';
import { defaultCaseReferencePattern } from '../../../shared/domain/privacy.js';
import { caseReferenceExample, fileLabel, fitsPattern } from '../../../renderer/privacy/case-reference.js';

describe('case references in the council’s form', () => {
  it('shows SAR-2026-0042 as the example for the default pattern', () => {
    expect(caseReferenceExample(defaultCaseReferencePattern)).toBe('SAR-2026-0042');
  });

  it('finds an example a council’s own pattern takes, or none so the hint shows the pattern', () => {
    expect(caseReferenceExample('^SAR/[0-9]{4}/[0-9]{4}$')).toBe('SAR/2026/0042');
    expect(caseReferenceExample('^[0-9]{8}$')).toBe('20260042');
    expect(caseReferenceExample('^LCC-DP-[0-9]{6}$')).toBeNull();
  });

  it('checks a reference against the site’s pattern before a PIN is spent on it', () => {
    expect(fitsPattern('SAR-2026-0042', defaultCaseReferencePattern)).toBe(true);
    expect(fitsPattern('SAR2026', defaultCaseReferencePattern)).toBe(false);
    expect(fitsPattern('Smith', defaultCaseReferencePattern)).toBe(false);
  });

  it('leaves the check to the hub when the pattern does not compile here', () => {
    expect(fitsPattern('anything', '^(unclosed$')).toBe(true);
  });

  it('makes a file name part without a slash', () => {
    expect(fileLabel('SAR/2026/0042')).toBe('SAR-2026-0042');
    expect(fileLabel('SAR-2026-0042')).toBe('SAR-2026-0042');
  });
});
