import { defaultCaseReferencePattern } from '../../shared/domain/privacy.js';

/** References of the shapes councils use, tried in turn to show the manager one their pattern takes. */
const samples = ['SAR-2026-0042', 'SAR/2026/0042', 'SAR-0042', 'SAR20260042', 'SAR2026-0042', 'DP-2026-0042', '2026-0042', '20260042', 'SAR.2026.0042', 'SAR_2026_0042'];

/** The site's pattern, compiled as the core compiles it (unicode); null if it somehow does not. */
export function compilePattern(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return null;
  }
}

/**
 * A case reference the site's pattern accepts, to show as the field's hint ("such as
 * SAR-2026-0042"); null when none of the samples fits, and the hint then shows the pattern.
 */
export function caseReferenceExample(pattern: string = defaultCaseReferencePattern): string | null {
  const compiled = compilePattern(pattern);
  if (compiled === null) return null;
  return samples.find((sample) => compiled.test(sample)) ?? null;
}

/** Whether a reference fits the site's pattern, checked here so a mistyped one costs no PIN attempt; the core checks again. */
export function fitsPattern(reference: string, pattern: string): boolean {
  const compiled = compilePattern(pattern);
  return compiled === null || compiled.test(reference);
}

/** A file name part from a case reference: the characters the contract allows, minus `/`, which no file name may hold. */
export function fileLabel(reference: string): string {
  return reference.replace(/[^A-Za-z0-9._-]+/g, '-');
}
