import { z } from 'zod';
import { recordId } from './result-fields.js';
import { paperSizes } from '../print-bridge.js';

export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof weekdays)[number];

export const maxRetentionDays = 28;

const wallClock = z.string().meta({ description: 'Local wall-clock time `HH:mm` in the site’s time zone.' });

export const dayHoursSchema = z.object({ open: wallClock, lastTicket: wallClock, close: wallClock });
export type DayHours = z.infer<typeof dayHoursSchema>;

export const openingHoursSchema = z
  .object(
    Object.fromEntries(weekdays.map((day) => [day, dayHoursSchema.nullable()])) as Record<Weekday, z.ZodNullable<typeof dayHoursSchema>>,
  )
  .meta({ description: 'Each day’s hours; null when closed.' });
export type OpeningHours = z.infer<typeof openingHoursSchema>;

export const siteSettingsSchema = z.object({
  siteName: z.string(),
  timeZone: z.string(),
  openingHours: openingHoursSchema,
  retentionDays: z
    .int()
    .min(1)
    .max(maxRetentionDays)
    .meta({ description: `Days a visit is kept; at most ${maxRetentionDays}, the council’s promise.` }),
  auditRetentionDays: z.int().positive(),
  statsRetentionDays: z.int().positive(),
  priorityHeadStartMinutes: z.int().nonnegative(),
  sessionIdleMinutes: z.int().positive(),
  ticketPaper: z.enum(paperSizes).meta({ description: 'The paper the counter printers hold for tickets and receipts: an 80 mm roll or A5 sheets.' }),
  caseReferencePattern: z
    .string()
    .meta({ description: 'A regular expression every erasure’s case reference must match, set by the council so that it cannot hold a name.' }),
  recoveryPassphraseSet: z.boolean().meta({ description: 'Whether a recovery passphrase slot exists in the keystore.' }),
});
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

export const setupStateSchema = z.object({
  needsSetup: z.boolean(),
  siteName: z.string().nullable(),
});
export type SetupState = z.infer<typeof setupStateSchema>;

export const serviceSchema = z.object({
  id: recordId,
  name: z.string(),
  letter: z.string().meta({ description: 'The ticket letter, A to Z.' }),
  targetWaitMinutes: z.int().positive(),
  order: z.int().nonnegative(),
  active: z.boolean(),
});
export type Service = z.infer<typeof serviceSchema>;

export const deskSchema = z.object({
  id: recordId,
  name: z.string(),
  active: z.boolean(),
});
export type Desk = z.infer<typeof deskSchema>;
