import type { DeskApi } from '../../shared/desk-api.js';
import { DeskFailure, isDeskError } from '../../shared/errors.js';
import { text } from '../i18n/text.js';

/** What both doors give the screens: the contract's calls, events, and a nudge when the session changes. */
export interface DeskClient extends DeskApi {
  /** The token changed (sign-in, sign-out): the event stream must say who it is again. */
  sessionChanged(): void;
}

/** How a client reaches the page's state without importing the stores (kept testable). */
export interface ClientHooks {
  getToken(): string | null;
  /** A call made with a token was answered `unauthenticated`: the session is over. */
  sessionRejected(): void;
  reachable(up: boolean): void;
  /** The event stream is connected (again): what it missed meanwhile must be fetched. */
  streamReady(): void;
}

/**
 * Unwraps `{ result } | { error }`, the one envelope both doors answer with. A wrong PIN on
 * `signIn` is also `unauthenticated`, so only a call that carried a token ends the session.
 */
export function unwrapResponse(body: unknown, sentToken: string | null, hooks: ClientHooks): unknown {
  if (typeof body === 'object' && body !== null) {
    if ('result' in body) return body.result;
    if ('error' in body && isDeskError(body.error)) {
      if (body.error.code === 'unauthenticated' && sentToken !== null) hooks.sessionRejected();
      throw DeskFailure.from(body.error);
    }
  }
  throw new DeskFailure('internal', text.errors.unexpected);
}

export function unreachable(): DeskFailure {
  return new DeskFailure('unavailable', text.errors.unreachable);
}

/**
 * A fresh idempotency key for one action (128 random bits as hex). `getRandomValues`, not
 * `randomUUID`, because a browser offers the latter only to secure pages.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
