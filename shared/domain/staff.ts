import { z } from 'zod';
import { recordId, utcMs } from './result-fields.js';

export const roles = ['receptionist', 'advisor', 'manager'] as const;
export type Role = (typeof roles)[number];

export const staffMemberSchema = z.object({
  id: recordId,
  name: z.string(),
  role: z.enum(roles),
  active: z.boolean(),
  lockedUntil: utcMs
    .nullable()
    .meta({ description: 'UTC ms until which sign-in is refused after too many wrong PINs; null when not locked (or when `needsUnlock`).' }),
  needsUnlock: z.boolean().meta({ description: 'True after the third lockout in a row: only a manager (or a PIN reset) lets them in again.' }),
  needsPin: z
    .boolean()
    .meta({ description: 'True when no PIN has been set on this hub yet (staff brought from another hub PC by import-site): a manager resets it before they can sign in.' }),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

/**
 * What the sign-in screen may show before anyone has signed in: staff names are not visitor
 * data. No role: who the managers are is worth knowing to someone guessing PINs.
 */
export const signInEntrySchema = z.object({ id: recordId, name: z.string() });
export type SignInEntry = z.infer<typeof signInEntrySchema>;

/** A manager as reception's after-hours picker shows them: who may let a visitor in late. */
export const managerChoiceSchema = z.object({ id: recordId, name: z.string() });
export type ManagerChoice = z.infer<typeof managerChoiceSchema>;

export const sessionSchema = z.object({
  token: z.string().meta({ description: 'Send as `Authorization: Bearer <token>` on every staff call.' }),
  staff: z.object({ id: recordId, name: z.string(), role: z.enum(roles) }),
  expiresAt: utcMs.meta({ description: 'UTC ms; slides forward with every call (idle expiry).' }),
});
export type Session = z.infer<typeof sessionSchema>;
