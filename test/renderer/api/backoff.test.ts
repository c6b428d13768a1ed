import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../renderer/api/backoff.js';

describe('backoffDelay', () => {
  it('starts near half a second, doubles, and never waits past ten seconds plus jitter', () => {
    expect(backoffDelay(0, () => 0.5)).toBe(500);
    expect(backoffDelay(1, () => 0.5)).toBe(1000);
    expect(backoffDelay(20, () => 0.5)).toBe(10_000);
    expect(backoffDelay(20, () => 1)).toBe(12_500);
  });
});
