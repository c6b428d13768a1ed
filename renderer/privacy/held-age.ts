import { text } from '../i18n/text.js';

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;

/**
 * How old the oldest record is, in whole days and hours ("27 days 4 hours"), from two instants
 * the hub gave (`at` − `oldestIssuedAt`), so the PC's own clock plays no part. Days are spans of
 * 24 hours, not calendar days: the question is "how long has it been held", which a clock change
 * does not alter. Rounded down, so a record is never shown younger than the purge's promise.
 */
export function heldAge(at: number, oldestIssuedAt: number): string {
  const t = text.privacy.age;
  const span = Math.max(0, at - oldestIssuedAt);
  const days = Math.floor(span / dayMs);
  const hours = Math.floor((span % dayMs) / hourMs);
  if (days === 0 && hours === 0) return t.underAnHour;
  if (days === 0) return t.hours(hours);
  if (hours === 0) return t.days(days);
  return `${t.days(days)} ${t.hours(hours)}`;
}
