import { z } from 'zod';
import { roles, type StaffMember } from '../domain/staff.js';
import type { Desk, Service, SiteSettings } from '../domain/site.js';
import { weekdays, maxRetentionDays } from '../domain/site.js';
import { anyStaff, managers, returns } from './define.js';
import { clockTime, id, passphrase, pin, serviceLetter, staffName, text, timeZone, wholeNumber } from '../schemas/fields.js';
import { validationText as t } from '../i18n/validation.en-GB.js';

const none = z.strictObject({});
/** The acting manager's own PIN, asked again for power over PINs, managers, keys and retention. */
const managerPin = pin;
const role = z.enum(roles, { error: t.invalid });

const dayHours = z
  .strictObject({ open: clockTime, lastTicket: clockTime, close: clockTime })
  .refine((h) => h.open < h.lastTicket && h.lastTicket <= h.close, { error: t.hoursOrder, path: ['lastTicket'] });

const openingHours = z.strictObject(
  Object.fromEntries(weekdays.map((day) => [day, dayHours.nullable()])) as Record<
    (typeof weekdays)[number],
    z.ZodNullable<typeof dayHours>
  >,
);

export const adminCalls = {
  listStaff: returns<StaffMember[]>()({
    input: none,
    access: managers,
    summary: 'Every member of staff, active or not, with lockout state.',
  }),
  createStaff: returns<StaffMember>()({
    input: z.strictObject({ name: staffName, role, pin, managerPin }),
    access: managers,
    summary: 'Adds a member of staff with a first PIN (the acting manager confirms with their own PIN). Names are unique on a site.',
  }),
  updateStaff: returns<StaffMember>()({
    input: z.strictObject({
      staffId: id,
      name: staffName.optional(),
      role: role.optional(),
      active: z.boolean().optional(),
      managerPin: managerPin.optional(),
    }),
    access: managers,
    summary:
      'Renames, changes the role of, or deactivates a member of staff. Making someone a manager (or re-activating one) needs managerPin. The last active manager stays.',
  }),
  setStaffPin: returns<StaffMember>()({
    input: z.strictObject({ staffId: id, pin, managerPin }),
    access: managers,
    summary: 'Sets a new PIN for a member of staff, clears any lockout and signs them out everywhere.',
  }),
  unlockStaff: returns<StaffMember>()({
    input: z.strictObject({ staffId: id, managerPin }),
    access: managers,
    summary: 'Clears a PIN lockout, including one that waits for a manager.',
  }),
  listServices: returns<Service[]>()({
    input: none,
    access: anyStaff,
    summary: 'Services in display order, active or not.',
  }),
  createService: returns<Service>()({
    input: z.strictObject({ name: text(60), letter: serviceLetter, targetWaitMinutes: wholeNumber(1, 480), order: wholeNumber(0, 999).optional() }),
    access: managers,
    summary: 'Adds a service with a unique ticket letter.',
  }),
  updateService: returns<Service>()({
    input: z.strictObject({
      serviceId: id,
      name: text(60).optional(),
      letter: serviceLetter.optional(),
      targetWaitMinutes: wholeNumber(1, 480).optional(),
      order: wholeNumber(0, 999).optional(),
      active: z.boolean().optional(),
    }),
    access: managers,
    summary: 'Changes a service.',
  }),
  listDesks: returns<Desk[]>()({
    input: none,
    access: anyStaff,
    summary: 'Desks, active or not.',
  }),
  createDesk: returns<Desk>()({
    input: z.strictObject({ name: text(40) }),
    access: managers,
    summary: 'Adds a desk ("Desk 3").',
  }),
  updateDesk: returns<Desk>()({
    input: z.strictObject({ deskId: id, name: text(40).optional(), active: z.boolean().optional() }),
    access: managers,
    summary: 'Renames or deactivates a desk.',
  }),
  getSettings: returns<SiteSettings>()({
    input: none,
    access: anyStaff,
    summary: 'Site name, time zone, opening hours, retention and session settings.',
  }),
  updateSettings: returns<SiteSettings>()({
    input: z.strictObject({
      siteName: text(80).optional(),
      timeZone: timeZone.optional(),
      openingHours: openingHours.optional(),
      retentionDays: z
        .number({ error: t.wholeNumber })
        .int({ error: t.wholeNumber })
        .min(1, { error: t.range(1, maxRetentionDays) })
        .max(maxRetentionDays, { error: t.retention(maxRetentionDays) })
        .optional(),
      auditRetentionDays: wholeNumber(30, 3650).optional(),
      statsRetentionDays: wholeNumber(30, 3650).optional(),
      priorityHeadStartMinutes: wholeNumber(0, 240).optional(),
      sessionIdleMinutes: wholeNumber(1, 720).optional(),
      managerPin: managerPin.optional(),
    }),
    access: managers,
    summary:
      'Changes site settings. Retention can be shortened (with managerPin: older visits go at the next purge), never lengthened past 28 days.',
  }),
  setRecoveryPassphrase: returns<{ ok: true }>()({
    input: z.strictObject({ passphrase, managerPin, replace: z.boolean({ error: t.invalid }).optional() }),
    access: managers,
    summary:
      'Adds the recovery passphrase slot of the keystore (it also resets a forgotten last manager PIN). Replacing an existing one needs replace: true.',
  }),
} as const;
