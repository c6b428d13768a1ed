export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof weekdays)[number];

/** Local wall-clock times `HH:mm` in the site's time zone. */
export interface DayHours {
  open: string;
  lastTicket: string;
  close: string;
}

export type OpeningHours = Record<Weekday, DayHours | null>;

export interface SiteSettings {
  siteName: string;
  timeZone: string;
  openingHours: OpeningHours;
  /** Days a visit is kept; at most 28, the council's promise. */
  retentionDays: number;
  auditRetentionDays: number;
  statsRetentionDays: number;
  priorityHeadStartMinutes: number;
  sessionIdleMinutes: number;
  /** Whether a recovery passphrase slot exists in the keystore. */
  recoveryPassphraseSet: boolean;
}

export interface SetupState {
  needsSetup: boolean;
  siteName: string | null;
}

export interface Service {
  id: number;
  name: string;
  letter: string;
  targetWaitMinutes: number;
  order: number;
  active: boolean;
}

export interface Desk {
  id: number;
  name: string;
  active: boolean;
}

export const maxRetentionDays = 28;
