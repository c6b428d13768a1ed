import { z } from 'zod';
import type { Session, SignInEntry } from '../domain/staff.js';
import type { SetupState } from '../domain/site.js';
import { anyStaff, returns } from './define.js';
import { id, pin, staffName, text, timeZone } from '../schemas/fields.js';

const none = z.strictObject({});

export const setupCalls = {
  getSetupState: returns<SetupState>()({
    input: none,
    access: 'public',
    summary: 'Whether the site still needs its first-run setup, and its name.',
  }),
  setupSite: returns<Session>()({
    input: z.strictObject({
      siteName: text(80),
      timeZone,
      manager: z.strictObject({ name: staffName, pin }),
    }),
    access: 'public',
    summary: 'First run only: names the site and creates its first manager, who is signed in.',
  }),
  listSignInStaff: returns<SignInEntry[]>()({
    input: none,
    access: 'public',
    summary: 'Active staff names for the sign-in list.',
  }),
  signIn: returns<Session>()({
    input: z.strictObject({ staffId: id, pin }),
    access: 'public',
    summary: 'Signs a member of staff in with their PIN. Five wrong PINs lock the account for five minutes.',
  }),
  signOut: returns<{ ok: true }>()({
    input: none,
    access: anyStaff,
    summary: 'Ends the caller’s session.',
  }),
  getSession: returns<Session>()({
    input: none,
    access: anyStaff,
    summary: 'The caller’s session, its expiry moved on (any call does that).',
  }),
  changeOwnPin: returns<{ ok: true }>()({
    input: z.strictObject({ currentPin: pin, newPin: pin }),
    access: anyStaff,
    summary: 'Changes the caller’s own PIN.',
  }),
} as const;
