import { z } from 'zod';
import { managerChoiceSchema, roles, staffMemberSchema } from '../domain/staff.js';
import { deskSchema, maxRetentionDays, serviceSchema, siteSettingsSchema, weekdays } from '../domain/site.js';
import { paperSizes } from '../paper.js';
import { retentionPreviewSchema } from '../domain/stats.js';
import { doneSchema } from '../domain/result-fields.js';
import { anyStaff, defineCall, managers, reception } from './define.js';
import { caseReferencePattern, clockTime, id, passphrase, pin, serviceLetter, wholeNumber } from '../schemas/fields.js';
import { staffName, text, timeZone } from './documented-fields.js';
import { validationText as t } from '../i18n/catalogue.js';

const none = z.strictObject({});
/** The acting manager's own PIN, asked again for power over PINs, managers, keys and retention. */
const managerPin = pin;
const role = z.enum(roles, { error: t.invalid });

const dayHours = z
  .strictObject({ open: clockTime, lastTicket: clockTime, close: clockTime })
  .refine((h) => h.open < h.lastTicket && h.lastTicket <= h.close, { error: t.hoursOrder, path: ['lastTicket'] })
  .meta({ description: 'open is before lastTicket, and lastTicket no later than close.' });

const retentionDays = z
  .number({ error: t.wholeNumber })
  .int({ error: t.wholeNumber })
  .min(1, { error: t.range(1, maxRetentionDays) })
  .max(maxRetentionDays, { error: t.retention(maxRetentionDays) });

const openingHours = z.strictObject(
  Object.fromEntries(weekdays.map((day) => [day, dayHours.nullable()])) as Record<
    (typeof weekdays)[number],
    z.ZodNullable<typeof dayHours>
  >,
);

export const adminCalls = {
  listStaff: defineCall({
    effect: 'read',
    input: none,
    result: z.array(staffMemberSchema),
    access: managers,
    errors: [],
    summary: 'Every member of staff, active or not, with lockout state.',
  }),
  listManagers: defineCall({
    effect: 'read',
    input: none,
    result: z.array(managerChoiceSchema),
    access: reception,
    errors: [],
    summary: 'Active managers by name, for the manager who lets a visitor in after hours to pick themselves.',
  }),
  createStaff: defineCall({
    input: z.strictObject({ name: staffName, role, pin, managerPin }),
    result: staffMemberSchema,
    access: managers,
    errors: ['locked', 'conflict'],
    summary: 'Adds a member of staff with a first PIN (the acting manager confirms with their own PIN). Names are unique on a site.',
  }),
  updateStaff: defineCall({
    input: z.strictObject({
      staffId: id,
      name: staffName.optional(),
      role: role.optional(),
      active: z.boolean().optional(),
      managerPin: managerPin.optional(),
    }),
    result: staffMemberSchema,
    access: managers,
    errors: ['not-found', 'locked', 'conflict'],
    summary:
      'Renames, changes the role of, or deactivates a member of staff. Making someone a manager (or re-activating one) needs managerPin. The last active manager stays.',
  }),
  setStaffPin: defineCall({
    input: z.strictObject({ staffId: id, pin, managerPin }),
    result: staffMemberSchema,
    access: managers,
    errors: ['not-found', 'locked'],
    summary: 'Sets a new PIN for a member of staff, clears any lockout and signs them out everywhere.',
  }),
  unlockStaff: defineCall({
    input: z.strictObject({ staffId: id, managerPin }),
    result: staffMemberSchema,
    access: managers,
    errors: ['not-found', 'locked'],
    summary: 'Clears a PIN lockout, including one that waits for a manager.',
  }),
  listServices: defineCall({
    effect: 'read',
    input: none,
    result: z.array(serviceSchema),
    access: anyStaff,
    errors: [],
    summary: 'Services in display order, active or not.',
  }),
  createService: defineCall({
    input: z.strictObject({ name: text(60), letter: serviceLetter, targetWaitMinutes: wholeNumber(1, 480), order: wholeNumber(0, 999).optional() }),
    result: serviceSchema,
    access: managers,
    errors: ['conflict'],
    summary: 'Adds a service with a unique ticket letter.',
  }),
  updateService: defineCall({
    input: z.strictObject({
      serviceId: id,
      name: text(60).optional(),
      letter: serviceLetter.optional(),
      targetWaitMinutes: wholeNumber(1, 480).optional(),
      order: wholeNumber(0, 999).optional(),
      active: z.boolean().optional(),
    }),
    result: serviceSchema,
    access: managers,
    errors: ['not-found', 'conflict'],
    summary: 'Changes a service.',
  }),
  listDesks: defineCall({
    effect: 'read',
    input: none,
    result: z.array(deskSchema),
    access: anyStaff,
    errors: [],
    summary: 'Desks, active or not.',
  }),
  createDesk: defineCall({
    input: z.strictObject({ name: text(40) }),
    result: deskSchema,
    access: managers,
    errors: ['conflict'],
    summary: 'Adds a desk ("Desk 3").',
  }),
  updateDesk: defineCall({
    input: z.strictObject({ deskId: id, name: text(40).optional(), active: z.boolean().optional() }),
    result: deskSchema,
    access: managers,
    errors: ['not-found', 'conflict'],
    summary: 'Renames or deactivates a desk.',
  }),
  getSettings: defineCall({
    effect: 'read',
    input: none,
    result: siteSettingsSchema,
    access: anyStaff,
    errors: [],
    summary: 'Site name, time zone, opening hours, retention and session settings.',
  }),
  updateSettings: defineCall({
    input: z.strictObject({
      siteName: text(80).optional(),
      timeZone: timeZone.optional(),
      openingHours: openingHours.optional(),
      retentionDays: retentionDays.optional(),
      auditRetentionDays: wholeNumber(30, 3650).optional(),
      statsRetentionDays: wholeNumber(30, 3650).optional(),
      priorityHeadStartMinutes: wholeNumber(0, 240).optional(),
      sessionIdleMinutes: wholeNumber(1, 720).optional(),
      ticketPaper: z.enum(paperSizes, { error: t.invalid }).optional(),
      caseReferencePattern: caseReferencePattern.optional(),
      managerPin: managerPin.optional(),
    }),
    result: siteSettingsSchema,
    access: managers,
    errors: ['locked'],
    summary:
      'Changes site settings. Retention can be shortened (with managerPin: older visits go at the next purge), never lengthened past 28 days.',
  }),
  previewRetention: defineCall({
    effect: 'read',
    input: z.strictObject({ retentionDays }),
    result: retentionPreviewSchema,
    access: managers,
    errors: [],
    summary: 'How many visits the next purge would delete if retention were set to retentionDays: asked before shortening it. Changes nothing.',
  }),
  setRecoveryPassphrase: defineCall({
    input: z.strictObject({ passphrase, managerPin, replace: z.boolean({ error: t.invalid }).optional() }),
    result: doneSchema,
    access: managers,
    errors: ['locked', 'conflict'],
    summary:
      'Adds the recovery passphrase slot of the keystore (it also resets a forgotten last manager PIN). Replacing an existing one needs replace: true.',
  }),
} as const;
