import { text } from '../i18n/text.js';

const t = text.reports.units;
const counts = new Intl.NumberFormat(text.locale);
const decimals = new Intl.NumberFormat(text.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percents = new Intl.NumberFormat(text.locale, { maximumFractionDigits: 0 });

export function formatCount(value: number): string {
  return counts.format(value);
}

/** Minutes to one decimal place, or a dash when there is nothing to average. */
export function formatMinutes(value: number | null): string {
  return value === null ? t.none : decimals.format(value);
}

export function formatPercent(value: number | null): string {
  return value === null ? t.none : percents.format(value);
}

export function minutesWithUnit(value: number | null): string {
  return value === null ? t.none : t.minutes(decimals.format(value));
}

export function percentWithUnit(value: number | null): string {
  return value === null ? t.none : t.percent(percents.format(value));
}
