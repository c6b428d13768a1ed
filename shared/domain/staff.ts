export const roles = ['receptionist', 'advisor', 'manager'] as const;
export type Role = (typeof roles)[number];

export interface StaffMember {
  id: number;
  name: string;
  role: Role;
  active: boolean;
  /** UTC ms until which sign-in is refused after too many wrong PINs; null when not locked. */
  lockedUntil: number | null;
  /** True after the third lockout in a row: only a manager (or a PIN reset) lets them in again. */
  needsUnlock: boolean;
}

/**
 * What the sign-in screen may show before anyone has signed in: staff names are not visitor
 * data. No role: who the managers are is worth knowing to someone guessing PINs.
 */
export interface SignInEntry {
  id: number;
  name: string;
}

export interface Session {
  token: string;
  staff: { id: number; name: string; role: Role };
  /** UTC ms; slides forward with every call (idle expiry). */
  expiresAt: number;
}
