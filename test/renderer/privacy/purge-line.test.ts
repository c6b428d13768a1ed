import { describe, expect, it } from 'vitest';
import type { PurgeLogEntry } from '../../../shared/domain/stats.js';
import { purgeLine } from '../../../renderer/privacy/purge-line.js';

const london = 'Europe/London';

function purge(at: number, cutoff: number, visitsDeleted: number): PurgeLogEntry {
  return { id: 1, at, cutoff, visitsDeleted, receiptsDeleted: 0, auditDeleted: 0, statsDeleted: 0, durationMs: 12, trigger: 'hourly' };
}

describe('a purge in words', () => {
  it('says the time alone for a purge today, in the site’s zone', () => {
    const at = Date.UTC(2026, 10, 24, 10, 0);
    const cutoff = Date.UTC(2026, 9, 27, 10, 0);
    expect(purgeLine(purge(at, cutoff, 132), at + 5 * 60_000, london)).toBe('10:00 — deleted 132 visits issued before 27 October, 10:00');
  });

  it('gives the day of an earlier purge, and counts one visit as one', () => {
    const at = Date.UTC(2026, 10, 23, 9, 0);
    expect(purgeLine(purge(at, Date.UTC(2026, 9, 26, 9, 0), 1), Date.UTC(2026, 10, 24, 8, 0), london)).toBe(
      '23 November, 09:00 — deleted 1 visit issued before 26 October, 09:00',
    );
  });

  it('writes summer times as the site’s clock showed them', () => {
    const at = Date.UTC(2026, 6, 1, 9, 0);
    expect(purgeLine(purge(at, Date.UTC(2026, 5, 3, 9, 0), 0), at, london)).toBe('10:00 — deleted 0 visits issued before 3 June, 10:00');
  });
});
