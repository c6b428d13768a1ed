import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { weekdays, type OpeningHours } from '../../shared/domain/site.js';

export type IssuingWindow = { late: false } | { late: true; lastTicket: string | null };

/**
 * Whether tickets have stopped for the day at the site, read from its opening hours in its own
 * time zone: on a closed day, or at and after the last-ticket time. The core decides for real;
 * this lets the form say so before the receptionist has typed anything.
 */
export function issuingWindow(now: number, timeZone: string, hours: OpeningHours): IssuingWindow {
  const local = new TZDate(now, timeZone);
  // date-fns: 1 = Monday … 7 = Sunday.
  const day = weekdays[Number(format(local, 'i')) - 1]!;
  const today = hours[day];
  if (today === null) return { late: true, lastTicket: null };
  return format(local, 'HH:mm') >= today.lastTicket ? { late: true, lastTicket: today.lastTicket } : { late: false };
}
