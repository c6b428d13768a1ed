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

/** Settings are one row per key holding JSON, so adding one needs no migration. */
export function readSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
  const stored: Record<string, unknown> = { ...defaultSettings };
  for (const row of rows) if (row.key in defaultSettings) stored[row.key] = JSON.parse(row.value) as unknown;
  const settings = stored as unknown as Settings;
  // Even a hand-edited row cannot keep visits longer than the council promised.
  settings.retentionDays = Math.min(settings.retentionDays, maxRetentionDays);
  return settings;
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
