import { describe, expect, it } from 'vitest';
import { heldAge } from '../../../renderer/privacy/held-age.js';

const hour = 3_600_000;
const day = 24 * hour;

describe('the oldest record’s age, in days and hours', () => {
  it('says days and hours, rounded down, so a record never looks younger than it is held', () => {
    expect(heldAge(27 * day + 4 * hour + 59 * 60_000, 0)).toBe('27 days 4 hours');
    expect(heldAge(1 * day + 1 * hour, 0)).toBe('1 day 1 hour');
  });

  it('leaves out a part that is nought', () => {
    expect(heldAge(3 * day + 10 * 60_000, 0)).toBe('3 days');
    expect(heldAge(5 * hour, 0)).toBe('5 hours');
  });

  it('says "under 1 hour" for a visit issued minutes ago, and never a negative age when clocks disagree', () => {
    expect(heldAge(59 * 60_000, 0)).toBe('under 1 hour');
    expect(heldAge(0, 10 * 60_000)).toBe('under 1 hour');
  });

  it('counts spans of 24 hours, so the night the clocks go back does not add a day', () => {
    // 24 Oct 2026 12:00 BST to 26 Oct 2026 12:00 GMT: 49 hours on the wall clock's two days.
    expect(heldAge(Date.UTC(2026, 9, 26, 12), Date.UTC(2026, 9, 24, 11))).toBe('2 days 1 hour');
  });
});
