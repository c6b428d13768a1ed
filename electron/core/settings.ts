import type { OpeningHours, SiteSettings } from '../../shared/domain/site.js';
import { maxRetentionDays } from '../../shared/domain/site.js';
import { defaultCaseReferencePattern } from '../../shared/domain/privacy.js';
import type { Db } from './store/open-database.js';

/** The site's settings as the store keeps them (the keystore adds `recoveryPassphraseSet`). */
export type Settings = Omit<SiteSettings, 'recoveryPassphraseSet'>;

const weekday = { open: '09:00', lastTicket: '16:30', close: '17:00' };

export const defaultOpeningHours: OpeningHours = {
  monday: weekday,
  tuesday: weekday,
  wednesday: weekday,
  thursday: weekday,
  friday: weekday,
  saturday: null,
  sunday: null,
};

export const defaultSettings: Settings = {
  siteName: '',
  timeZone: 'Europe/London',
  openingHours: defaultOpeningHours,
  retentionDays: maxRetentionDays,
  auditRetentionDays: 365,
  statsRetentionDays: 730,
  priorityHeadStartMinutes: 15,
  sessionIdleMinutes: 30,
  ticketPaper: '80mm',
  caseReferencePattern: defaultCaseReferencePattern,
};

/**
 * Settings are one row per key holding JSON, so adding one needs no migration.
 *
 * Every call reads them, so the parsed settings are kept per store with the rows they came from,
 * read back as one JSON text: while the rows are the same text the same (frozen) object answers,
 * and any change — through writeSettings or not, committed or rolled back — is a different text
 * and is parsed again. The one SELECT stays: it is what makes a rolled-back change impossible to
 * miss, which a cache cleared by writeSettings alone could not promise.
 */
export function readSettings(db: Db): Settings {
  const { stored } = db.prepare('SELECT json_group_array(json_array(key, value)) AS stored FROM settings').get() as { stored: string };
  const kept = parsedSettings.get(db);
  if (kept?.stored === stored) return kept.settings;
  const settings = parseSettings(JSON.parse(stored) as Array<[string, string]>);
  parsedSettings.set(db, { stored, settings });
  return settings;
}

const parsedSettings = new WeakMap<Db, { stored: string; settings: Settings }>();

function parseSettings(rows: ReadonlyArray<[string, string]>): Settings {
  const stored: Record<string, unknown> = { ...defaultSettings };
  for (const [key, value] of rows) if (key in defaultSettings) stored[key] = JSON.parse(value) as unknown;
  const settings = stored as unknown as Settings;
  // Even a hand-edited row cannot keep visits longer than the council promised.
  settings.retentionDays = Math.min(settings.retentionDays, maxRetentionDays);
  return deepFreeze(settings);
}

/** Shared by every call that reads them: a handler that changed its copy would change the next call's. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export function writeSettings(db: Db, changes: Partial<Settings>): void {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined && key in defaultSettings) upsert.run(key, JSON.stringify(value));
  }
}

export function isSetUp(db: Db): boolean {
  return db.prepare("SELECT 1 FROM settings WHERE key = 'siteName'").get() !== undefined;
}
