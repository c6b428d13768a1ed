import { describe, expect, it } from 'vitest';
import { dateAndTime, fingerprintRows, timeLeft } from '../../../renderer/settings/lan-format.js';

const fingerprint = Array.from({ length: 32 }, (_, i) => i.toString(16).padStart(2, '0').toUpperCase()).join(':');

describe('the certificate fingerprint as IT reads it', () => {
  it('shows a SHA-256 fingerprint as four rows of four groups of four hex digits', () => {
    const rows = fingerprintRows(fingerprint);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual(['0001', '0203', '0405', '0607']);
    expect(rows[3]).toEqual(['1819', '1A1B', '1C1D', '1E1F']);
    expect(rows.flat().join('')).toBe(fingerprint.replace(/:/g, ''));
  });

  it('reads lower-case hex the same and shows anything else as it came', () => {
    expect(fingerprintRows(fingerprint.toLowerCase())).toEqual(fingerprintRows(fingerprint));
    expect(fingerprintRows('not a fingerprint')).toEqual([['not a fingerprint']]);
  });
});

describe('the pairing code countdown', () => {
  const until = Date.UTC(2026, 11, 3, 10, 10);
  it('counts whole minutes and seconds, rounding a part second up', () => {
    expect(timeLeft(until, until - 600_000)).toEqual({ minutes: 10, seconds: 0, gone: false });
    expect(timeLeft(until, until - 61_500)).toEqual({ minutes: 1, seconds: 2, gone: false });
    expect(timeLeft(until, until - 1)).toEqual({ minutes: 0, seconds: 1, gone: false });
  });

  it('is gone at the expiry time and stays at zero after it', () => {
    expect(timeLeft(until, until)).toEqual({ minutes: 0, seconds: 0, gone: true });
    expect(timeLeft(until, until + 90_000)).toEqual({ minutes: 0, seconds: 0, gone: true });
  });
});

describe('dates on the site’s clock', () => {
  it('writes a certificate expiry in the site’s zone, not the PC’s', () => {
    // 23:30 UTC on 31 May is 00:30 on 1 June in London (BST).
    expect(dateAndTime(Date.UTC(2027, 4, 31, 23, 30), 'Europe/London')).toBe('1 June 2027 at 00:30');
  });
});
