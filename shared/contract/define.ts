import { z } from 'zod';
import { roles, type Role } from '../domain/staff.js';
import { deskErrorCodes, type DeskErrorCode } from '../errors.js';
import { validationText as t } from '../i18n/catalogue.js';

/** `public` calls need no session (first-run setup, sign-in, the display); others name the roles. */
export type Access = 'public' | readonly Role[];

export interface CallSpec<I extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly input: I;
  /**
   * What the call answers, as a schema: the TypeScript type is inferred from it, and the hub
   * serialises by it, so a field it does not name never leaves.
   */
  readonly result: R;
  readonly access: Access;
  /** One line for the API description council IT reads (`/api/openapi.json`). */
  readonly summary: string;
  /**
   * The codes the call's own rules can fail with, besides those every call can (`callErrorCodes`
   * adds them): a PIN typed (`locked`), a record named (`not-found`), a state (`conflict`)…
   */
  readonly errors: readonly DeskErrorCode[];
  /**
   * What repeating the call does. Left out, the call changes something: it may carry an
   * idempotency key, and the core keeps the key with the answer for a day, so a retry after a
   * lost answer is applied once and answers the same. `read` changes nothing a retry could
   * double (an audit line at most), so no key is kept. `session` opens a session: its answer is
   * a token, which never goes to disk, so a retry simply signs in again.
   */
  readonly effect?: 'read' | 'session';
}

/** Whether the core keeps an idempotency key and the answer for this call (see `CallSpec.effect`). */
export function keepsAnswer(spec: Pick<CallSpec, 'effect'>): boolean {
  return spec.effect === undefined;
}

/**
 * An idempotency key as a client sends it (the `Idempotency-Key` header, or the bridge's third
 * argument): 16 to 128 URL-safe characters, so a UUID fits and nothing else can ride along.
 */
export const idempotencyKeyPattern = /^[A-Za-z0-9_-]{16,128}$/;

/** How long a key and its answer are kept: long enough to cover a retry across a hub restart. */
export const idempotencyKeyLifetimeMs = 24 * 60 * 60_000;

// In unicode mode a surrogate pair is one astral code point, so this matches only a lone half.
const loneSurrogate = /\p{Cs}/u;

/** The path of every string (or object key) in `value` that is not well-formed UTF-16. */
function illFormedPaths(value: unknown, path: PropertyKey[] = [], found: PropertyKey[][] = [], seen = new Set<object>()): PropertyKey[][] {
  if (typeof value === 'string') {
    if (loneSurrogate.test(value)) found.push(path);
  } else if (typeof value === 'object' && value !== null && !seen.has(value)) {
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, i) => illFormedPaths(item, [...path, i], found, seen));
    } else {
      for (const [key, item] of Object.entries(value)) {
        if (loneSurrogate.test(key)) found.push([...path, key]);
        else illFormedPaths(item, [...path, key], found, seen);
      }
    }
  }
  return found;
}

/**
 * Text that is not well-formed Unicode (a lone UTF-16 surrogate, "Lone \ud800 X") cannot be
 * stored as it was sent — SQLite's UTF-8 would turn it into U+FFFD — so every call refuses it,
 * wherever it sits in the input. A check rather than a wrapper, so the schema keeps its own
 * class and type (and its JSON Schema for /api/openapi.json). It walks the parsed value, which
 * holds every string a handler will see, and runs even when other fields failed, so that every
 * bad field is named at once.
 */
export function wellFormedText<I extends z.ZodType>(schema: I): I {
  return schema.check(
    z.superRefine(
      (value, ctx) => {
        for (const path of illFormedPaths(value)) ctx.addIssue({ code: 'custom', message: t.notWellFormed, path });
      },
      { when: () => true },
    ),
  );
}

/** Declares a call once: its input, result, access, summary and the errors of its own rules. */
export function defineCall<I extends z.ZodType, R extends z.ZodType>(spec: CallSpec<I, R>): CallSpec<I, R> {
  return { ...spec, input: wellFormedText(spec.input) };
}

/**
 * Every call's input is checked (`invalid-input`), and the store may be busy or closing
 * (`unavailable`) or fail unexpectedly (`internal`).
 */
export const everyCallErrors = ['invalid-input', 'unavailable', 'internal'] as const satisfies readonly DeskErrorCode[];

/**
 * Every code a call can fail with, whichever door carries it, in `deskErrorCodes` order: its own,
 * every call's, and what its access implies — `unauthenticated` without a live session, and
 * `forbidden` when some role may not make it (a manager may make every call), and `conflict` for
 * a call that keeps its idempotency key.
 */
export function callErrorCodes(spec: Pick<CallSpec, 'access' | 'errors' | 'effect'>): DeskErrorCode[] {
  const codes = new Set<DeskErrorCode>([...everyCallErrors, ...spec.errors]);
  // An idempotency key already used for another call, or by someone else.
  if (keepsAnswer(spec)) codes.add('conflict');
  const access = spec.access;
  if (access !== 'public') {
    codes.add('unauthenticated');
    if (!roles.every((role) => role === 'manager' || access.includes(role))) codes.add('forbidden');
  }
  return deskErrorCodes.filter((code) => codes.has(code));
}

/** A manager may do everything; listing it anyway keeps each declaration readable on its own. */
export const anyStaff = ['receptionist', 'advisor', 'manager'] as const satisfies readonly Role[];
export const managers = ['manager'] as const satisfies readonly Role[];
export const reception = ['receptionist', 'manager'] as const satisfies readonly Role[];
export const advisors = ['advisor', 'manager'] as const satisfies readonly Role[];
