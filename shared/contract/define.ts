import type { z } from 'zod';
import type { Role } from '../domain/staff.js';

/** `public` calls need no session (first-run setup, sign-in, the display); others name the roles. */
export type Access = 'public' | readonly Role[];

export interface CallSpec<I extends z.ZodType = z.ZodType, R = unknown> {
  readonly input: I;
  readonly access: Access;
  /** One line for the API description council IT reads (`/api/openapi.json`). */
  readonly summary: string;
  /** Phantom field carrying the result type; never set at run time. */
  readonly result?: R;
}

/** Declares a call once: `returns<Result>()({ input, access, summary })`. */
export function returns<R>() {
  return <I extends z.ZodType>(spec: { input: I; access: Access; summary: string }): CallSpec<I, R> => spec;
}

/** A manager may do everything; listing it anyway keeps each declaration readable on its own. */
export const anyStaff = ['receptionist', 'advisor', 'manager'] as const satisfies readonly Role[];
export const managers = ['manager'] as const satisfies readonly Role[];
export const reception = ['receptionist', 'manager'] as const satisfies readonly Role[];
export const advisors = ['advisor', 'manager'] as const satisfies readonly Role[];
