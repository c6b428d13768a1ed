import { text } from '../i18n/text.js';

/**
 * A SHA-256 fingerprint (`AB:CD:…`) as IT reads it aloud: sixteen groups of four hex digits,
 * in four rows of four. Anything not a fingerprint is shown as it came.
 */
export function fingerprintRows(fingerprint: string): string[][] {
  const hex = fingerprint.replace(/:/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return [[fingerprint]];
  const groups = hex.match(/.{4}/g) ?? [];
  return [0, 4, 8, 12].map((start) => groups.slice(start, start + 4));
}

/** A date and time on the site's clock (its zone once known), e.g. "3 December 2026 at 14:05". */
export function dateAndTime(utcMs: number, timeZone: string | null): string {
  return new Intl.DateTimeFormat(text.locale, { dateStyle: 'long', timeStyle: 'short', ...(timeZone === null ? {} : { timeZone }) }).format(utcMs);
}

/** Whole minutes and seconds left until `until`, never below zero. */
export function timeLeft(until: number, now: number): { minutes: number; seconds: number; gone: boolean } {
  const left = Math.max(0, Math.ceil((until - now) / 1000));
  return { minutes: Math.floor(left / 60), seconds: left % 60, gone: left === 0 };
}
