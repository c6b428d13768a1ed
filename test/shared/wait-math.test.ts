import { describe, expect, it } from 'vitest';
import { compareCallOrder, effectiveQueueTime, estimateWaitMinutes, minutesBetween, serviceLevel } from '../../shared/wait-math.js';

const minute = 60_000;
const nine = Date.UTC(2026, 10, 24, 9, 0);
const headStart = 15 * minute;

function ticket(visitId: number, queuedAt: number, priority = false) {
  return { visitId, queuedAt, priority };
}

function callOrder(tickets: Array<ReturnType<typeof ticket>>): number[] {
  return [...tickets].sort((a, b) => compareCallOrder(a, b, headStart)).map((t) => t.visitId);
}

describe('the call order', () => {
  it('counts a priority ticket as if it had arrived the head start earlier, and any other as it arrived', () => {
    expect(effectiveQueueTime(nine, true, headStart)).toBe(nine - headStart);
    expect(effectiveQueueTime(nine, false, headStart)).toBe(nine);
  });

  it('calls the oldest first, whichever way round they are compared', () => {
    const early = ticket(2, nine);
    const late = ticket(1, nine + minute);
    expect(compareCallOrder(early, late, headStart)).toBeLessThan(0);
    expect(compareCallOrder(late, early, headStart)).toBeGreaterThan(0);
    expect(callOrder([late, early])).toEqual([2, 1]);
  });

  it('puts a priority ticket ahead of those who waited less than the head start longer, behind those who waited more', () => {
    const waitedLonger = ticket(1, nine - 20 * minute);
    const waitedLess = ticket(2, nine - 10 * minute);
    const priority = ticket(3, nine, true);
    expect(callOrder([priority, waitedLess, waitedLonger])).toEqual([1, 3, 2]);
    expect(compareCallOrder(priority, waitedLess, headStart)).toBe(-5 * minute);
  });

  it('gives a tie to the lower visit id, and a ticket compared with itself to no one', () => {
    const first = ticket(4, nine);
    const second = ticket(9, nine);
    expect(compareCallOrder(first, second, headStart)).toBeLessThan(0);
    expect(compareCallOrder(second, first, headStart)).toBeGreaterThan(0);
    expect(compareCallOrder(first, first, headStart)).toBe(0);
    // A priority ticket that arrived exactly the head start later ties with the one it catches up.
    const caughtUp = ticket(3, nine + headStart, true);
    expect(compareCallOrder(caughtUp, second, headStart)).toBeLessThan(0);
    expect(callOrder([second, caughtUp, first])).toEqual([3, 4, 9]);
  });
});

describe('minutes between two instants', () => {
  it('counts whole minutes waited, rounding down', () => {
    expect(minutesBetween(nine, nine + 10 * minute)).toBe(10);
    expect(minutesBetween(nine, nine + 10 * minute + 59_999)).toBe(10);
    expect(minutesBetween(nine, nine + 59_999)).toBe(0);
  });

  it('never goes below zero when the clock was put back', () => {
    expect(minutesBetween(nine, nine - 5 * minute)).toBe(0);
  });
});

describe('the service level', () => {
  it('is the share of called tickets seen within their target', () => {
    expect(serviceLevel(3, 4)).toBe(0.75);
    expect(serviceLevel(0, 4)).toBe(0);
    expect(serviceLevel(4, 4)).toBe(1);
  });

  it('is unknown before anyone is called', () => {
    expect(serviceLevel(0, 0)).toBeNull();
  });
});

describe('the estimated wait told to a new ticket', () => {
  it('is nothing with no one ahead', () => {
    expect(estimateWaitMinutes(0, 7 * minute, 1)).toBe(0);
  });

  it('takes 10 minutes a ticket until the day has an average service time', () => {
    expect(estimateWaitMinutes(3, null, 1)).toBe(30);
  });

  it('takes today’s average service time once there is one', () => {
    expect(estimateWaitMinutes(3, 4 * minute, 1)).toBe(12);
  });

  it('shares the tickets ahead among the desks serving the service', () => {
    expect(estimateWaitMinutes(6, 5 * minute, 3)).toBe(10);
    expect(estimateWaitMinutes(6, null, 2)).toBe(30);
  });

  it('counts as one desk when none is serving, rather than dividing by nothing', () => {
    expect(estimateWaitMinutes(2, 5 * minute, 0)).toBe(10);
  });

  it('rounds a part minute up, so a visitor is never told less than the sum says', () => {
    expect(estimateWaitMinutes(1, 90_000, 1)).toBe(2);
    expect(estimateWaitMinutes(1, 60_001, 1)).toBe(2);
    expect(estimateWaitMinutes(5, 5 * minute, 2)).toBe(13);
  });
});
