import { z } from 'zod';
import { sessionSchema, signInEntrySchema } from '../domain/staff.js';
import { setupStateSchema } from '../domain/site.js';
import { doneSchema } from '../domain/result-fields.js';
import { anyStaff, defineCall } from './define.js';
import { id, pin } from '../schemas/fields.js';
import { staffName, text, timeZone } from './documented-fields.js';

const none = z.strictObject({});

export const setupCalls = {
  getSetupState: defineCall({
    effect: 'read',
    input: none,
    result: setupStateSchema,
    access: 'public',
    errors: [],
    summary: 'Whether the site still needs its first-run setup, and its name.',
  }),
  setupSite: defineCall({
    effect: 'session',
    input: z.strictObject({
      siteName: text(80),
      timeZone,
      manager: z.strictObject({ name: staffName, pin }),
    }),
    result: sessionSchema,
    access: 'public',
    errors: ['conflict'],
    summary: 'First run only: names the site and creates its first manager, who is signed in.',
  }),
  listSignInStaff: defineCall({
    effect: 'read',
    input: none,
    result: z.array(signInEntrySchema),
    access: 'public',
    errors: [],
    summary: 'Active staff names for the sign-in list.',
  }),
  signIn: defineCall({
    effect: 'session',
    input: z.strictObject({ staffId: id, pin }),
    result: sessionSchema,
    access: 'public',
    // `unauthenticated`: a wrong PIN; `not-found`: no active member of staff with that id.
    errors: ['unauthenticated', 'not-found', 'locked'],
    summary: 'Signs a member of staff in with their PIN. Five wrong PINs lock the account for five minutes.',
  }),
  signOut: defineCall({
    input: none,
    result: doneSchema,
    access: anyStaff,
    errors: [],
    summary: 'Ends the caller’s session.',
  }),
  getSession: defineCall({
    effect: 'read',
    input: none,
    result: sessionSchema,
    access: anyStaff,
    errors: [],
    summary: 'The caller’s session, its expiry moved on (any call does that).',
  }),
  changeOwnPin: defineCall({
    input: z.strictObject({ currentPin: pin, newPin: pin }),
    result: doneSchema,
    access: anyStaff,
    errors: ['locked'],
    summary: 'Changes the caller’s own PIN.',
  }),
} as const;
