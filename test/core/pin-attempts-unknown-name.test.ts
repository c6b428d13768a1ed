import { describe, expect, it, vi } from 'vitest';
import { spendPinCheck } from '../../electron/core/pin-attempts.js';
import type * as pins from '../../electron/core/pins.js';
import { verifyPin } from '../../electron/core/pins.js';

// Passed through, and watched: the check must really run, at the app's own scrypt costs.
vi.mock('../../electron/core/pins.js', async (importOriginal) => {
  const actual = await importOriginal<typeof pins>();
  return { ...actual, verifyPin: vi.fn(actual.verifyPin) };
});

describe('a PIN typed for a name that does not exist', () => {
  it('is checked against a real hash at the same cost as a real account’s, so the answer takes as long as a wrong PIN', () => {
    const verify = vi.mocked(verifyPin);
    verify.mockClear();
    spendPinCheck('1357');
    spendPinCheck('2468');
    expect(verify.mock.calls.map(([pin]) => pin)).toEqual(['1357', '2468']);
    for (const [, stored] of verify.mock.calls) expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    // One dummy hash, made once.
    expect(verify.mock.calls[0]![1]).toBe(verify.mock.calls[1]![1]);
    expect(verify.mock.results.map((r) => r.value)).toEqual([false, false]);
  });
});
