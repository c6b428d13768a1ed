import type { FastifyInstance, FastifyRequest, HTTPMethods } from 'fastify';
import { callNames, isCallName, type CallName } from '../../shared/contract/index.js';
import { DeskFailure } from '../../shared/errors.js';
import { apiPrefix } from '../../shared/hub-protocol.js';
import { lanHeaders } from '../../shared/lan-protocol.js';
import { noLog, type Site, type SiteLog } from '../core/index.js';
import { answerSchema } from './answer-schemas.js';
import type { Door, DoorCaller } from './door.js';
import { noSuchCall, rateLimited, sendMethodNotAllowed } from './errors.js';

export interface RateLimit {
  max: number;
  timeWindowMs: number;
}

/**
 * Public calls that guess a secret (a PIN, a pairing code) or claim the site (first-run setup),
 * limited per client address and call as a flood guard only.
 */
export const limitedCalls: ReadonlySet<CallName> = new Set<CallName>(['signIn', 'setupSite', 'pairDevice']);

/**
 * Generous on purpose. In `serve` every browser on the hub PC is one address, so a tight limit
 * (it was 10 a minute) let one person's mistyping lock out a whole office, while another
 * address got a fresh allowance anyway. The defence against guessing is the core's per-person
 * lockout (5 wrong PINs, then longer, then a manager); this only stops a script hammering.
 */
export const defaultSignInLimit: RateLimit = { max: 120, timeWindowMs: 60_000 };

/** Every method fastify routes but POST; HEAD comes with GET. */
const otherMethods: HTTPMethods[] = ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'QUERY'];

/** The header a client's idempotency key travels in (draft-ietf-httpapi-idempotency-key-header). */
export const idempotencyKeyHeader = 'Idempotency-Key';

/**
 * The key as sent, for the core to check. A header sent twice is two keys, which cannot both be
 * this call's: it is passed on joined, so the core refuses it as malformed.
 */
export function idempotencyKeyOf(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  return Array.isArray(header) ? header.join(',') : header;
}

/** `Authorization: Bearer <token>`; anything else is no token at all, and the core decides. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/**
 * The route table, generated from the contract: `POST /api/<call>` for each call. The core
 * validates the input, identifies the caller and checks the roles, so a route only carries the
 * request in and the answer out — serialised by the call's result schema (fastify's response
 * schema), so a field the contract does not declare never leaves, whatever a handler returns.
 * Refusals need no schema: they are built field by field from a DeskFailure.
 *
 * A door other than the hub PC's own routes only the calls it serves, and asks who is at the
 * door before the body is read (door.ts); the paired device it finds goes to the core with the call.
 */
export function registerCallRoutes(app: FastifyInstance, site: Site, signInLimit: RateLimit, door: Door, log: SiteLog = noLog): void {
  const callers = new WeakMap<FastifyRequest, DoorCaller>();
  for (const name of callNames) {
    if (!door.routes(name)) continue;
    app.post(
      `${apiPrefix}/${name}`,
      {
        schema: { response: { 200: answerSchema(name) } },
        ...(limitedCalls.has(name) ? { config: { rateLimit: rateLimitOf(name, signInLimit, () => log.warn('rate-limited', { door: door.kind, call: name })) } } : {}),
        ...(door.kind === 'local'
          ? {}
          : {
              onRequest: async (request: FastifyRequest) => {
                try {
                  callers.set(request, door.callerFor(name, request.headers));
                } catch (error) {
                  // A withdrawn or unknown desk PC, or one that must be updated: IT sees it in the log.
                  if (error instanceof DeskFailure && request.headers[lanHeaders.device] !== undefined) log.warn('desk.refused', { door: door.kind, call: name, reason: error.code });
                  throw error;
                }
              },
            }),
      },
      // No body at all is a call without input; anything sent (`null` too) goes to the core as it is.
      async (request) => ({
        result: await site.call(name, request.body, bearerToken(request.headers.authorization), {
          idempotencyKey: idempotencyKeyOf(request.headers['idempotency-key']),
          ...(door.kind === 'local' ? {} : { deviceId: callers.get(request)?.deviceId ?? null }),
        }),
      }),
    );
  }
  // The paths the calls above did not take. Both answer before the body is read.
  app.post<{ Params: { call: string } }>(
    `${apiPrefix}/:call`,
    {
      onRequest: async () => {
        throw noSuchCall();
      },
    },
    async () => undefined,
  );
  app.route<{ Params: { call: string } }>({
    method: otherMethods,
    url: `${apiPrefix}/:call`,
    // A call's path with another method names the one that works; any other path is nothing here.
    onRequest: async (request, reply) =>
      isCallName(request.params.call) && door.routes(request.params.call) ? sendMethodNotAllowed(reply) : reply.callNotFound(),
    handler: async () => undefined,
  });
}

function rateLimitOf(name: CallName, limit: RateLimit, onExceeded: () => void) {
  return {
    onExceeded,
    max: limit.max,
    timeWindow: limit.timeWindowMs,
    keyGenerator: (request: FastifyRequest) => `${request.ip} ${name}`,
    errorResponseBuilder: () => rateLimited(),
  };
}
