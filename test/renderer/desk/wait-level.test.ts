import { describe, expect, it } from 'vitest';
import { minutesSince, waitLevel } from '../../../renderer/desk/wait-level.js';

describe('waitLevel: a wait against its service’s target', () => {
  it('is within target up to three quarters of the target', () => {
    expect(waitLevel(0, 20)).toBe('ok');
    expect(waitLevel(14, 20)).toBe('ok');
  });

  it('is near target from three quarters of it up to the target itself', () => {
    expect(waitLevel(15, 20)).toBe('near');
    expect(waitLevel(19, 20)).toBe('near');
    // The target minute still counts as within target, as the reports count it.
    expect(waitLevel(20, 20)).toBe('near');
  });

  it('is over target past the target', () => {
    expect(waitLevel(21, 20)).toBe('over');
    expect(waitLevel(300, 20)).toBe('over');
  });

  it('rounds three quarters of an odd target up, so near starts at a whole minute reached', () => {
    // 3/4 of 15 is 11.25: 11 minutes is within target, 12 is near.
    expect(waitLevel(11, 15)).toBe('ok');
    expect(waitLevel(12, 15)).toBe('near');
    expect(waitLevel(16, 15)).toBe('over');
  });

  it('handles a one-minute target', () => {
    expect(waitLevel(0, 1)).toBe('ok');
    expect(waitLevel(1, 1)).toBe('near');
    expect(waitLevel(2, 1)).toBe('over');
  });
});

describe('minutesSince', () => {
  const at = Date.UTC(2026, 10, 24, 10, 0);

  it('counts whole minutes, rounding down', () => {
    expect(minutesSince(at, at + 59_999)).toBe(0);
    expect(minutesSince(at, at + 60_000)).toBe(1);
    expect(minutesSince(at, at + 14 * 60_000 + 30_000)).toBe(14);
  });

  it('is never negative when this PC’s clock is a little behind the hub’s', () => {
    expect(minutesSince(at, at - 5_000)).toBe(0);
  });
});
