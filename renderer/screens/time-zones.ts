/** Zones the contract accepts (`Area/City` or UTC), Europe/London first as most sites will want it. */
export const defaultTimeZone = 'Europe/London';

export function timeZoneOptions(): Array<{ value: string; label: string }> {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [defaultTimeZone];
  const zones = all.filter((zone) => zone.includes('/') || zone === 'UTC');
  const ordered = [defaultTimeZone, ...zones.filter((zone) => zone !== defaultTimeZone)];
  return ordered.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
}
