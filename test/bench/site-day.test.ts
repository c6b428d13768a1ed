import { describe, expect, it } from 'vitest';
import { runFastDay } from './site-day/fast-day.js';

/*
 * A small busy day through the real hub on loopback, on a real encrypted store: two receptions
 * issuing at once, four desks calling, serving, recalling and marking no-shows, two displays.
 * Its figures are the bench's business; here only that the day adds up.
 */
describe('a replayed site day', () => {
  it('issues every visitor one ticket, calls each once to one desk, ends each once, shows every call on every display, and rolls the day into daily_stats unchanged', { timeout: 120_000 }, async () => {
    const day = await runFastDay({ visitors: 240, desks: 4, receptions: 2, displays: 2, seed: 7 });
    expect(day.problems).toEqual([]);
    expect(day.ledger.issued.size).toBe(240);
    expect(day.ledger.count('finished') + day.ledger.count('no-show')).toBe(240);
    // The seed gives the day some of each, so the checks on them are not vacuous.
    expect(day.ledger.count('no-show')).toBeGreaterThan(0);
    expect(day.ledger.recallCount).toBeGreaterThan(0);
    expect(day.displayCallsShown).toEqual([240, 240]);
    for (const name of ['issueTicket', 'callNext', 'startService', 'finishService', 'markNoShow', 'recallTicket']) {
      expect(day.perCall[name]?.calls, name).toBeGreaterThan(0);
    }
  });

  it('adds up the same with every reception and desk a paired desk PC on the LAN door (HTTPS, pinned) and the displays on the display door', { timeout: 180_000 }, async () => {
    const day = await runFastDay({ visitors: 120, desks: 4, receptions: 2, displays: 2, seed: 11, lan: true });
    expect(day.problems).toEqual([]);
    expect(day.pairedPcs).toBe(6);
    expect(day.ledger.issued.size).toBe(120);
    expect(day.ledger.count('finished') + day.ledger.count('no-show')).toBe(120);
    expect(day.ledger.count('no-show')).toBeGreaterThan(0);
    expect(day.ledger.recallCount).toBeGreaterThan(0);
    expect(day.displayCallsShown).toEqual([120, 120]);
  });
});
