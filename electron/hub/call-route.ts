import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isCallName, type CallName } from '../../shared/contract/index.js';
import { apiPrefix, type CallResponse } from '../../shared/hub-protocol.js';
import type { Site } from '../core/index.js';
import { noSuchCall, rateLimited } from './errors.js';

export interface RateLimit {
  max: number;
  timeWindowMs: number;
}

/**
 * Public calls that guess a secret (a PIN) or claim the site (first-run setup), limited per
 * client address and call as a flood guard only.
 */
export const limitedCalls: ReadonlySet<CallName> = new Set<CallName>(['signIn', 'setupSite']);

/**
 * Generous on purpose. In `serve` every browser on the hub PC is one address, so a tight limit
 * (it was 10 a minute) let one person's mistyping lock out a whole office, while another
 * address got a fresh allowance anyway. The defence against guessing is the core's per-person
 * lockout (5 wrong PINs, then longer, then a manager); this only stops a script hammering.
 */
export const defaultSignInLimit: RateLimit = { max: 120, timeWindowMs: 60_000 };

type CallRequest = FastifyRequest<{ Params: { call: string } }>;

/** `Authorization: Bearer <token>`; anything else is no token at all, and the core decides. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/**
 * The one route for every call in the contract: the core validates the input, identifies the
 * caller and checks the roles, so this route only carries the request in and the answer out.
 */
export function registerCallRoute(app: FastifyInstance, site: Site, signInLimit: RateLimit): void {
  app.post<{ Params: { call: string } }>(
    `${apiPrefix}/:call`,
    {
      // One route, so the limit is keyed by address *and* call, and other calls are let through.
      config: {
        rateLimit: {
          max: signInLimit.max,
          timeWindow: signInLimit.timeWindowMs,
          keyGenerator: (request: FastifyRequest) => `${request.ip} ${callOf(request as CallRequest)}`,
          allowList: (request: FastifyRequest) => !limitedCalls.has(callOf(request as CallRequest) as CallName),
          errorResponseBuilder: () => rateLimited(),
        },
      },
      // Before the body is read: an unknown call is a 404 whatever it was sent with.
      onRequest: async (request) => {
        if (!isCallName(request.params.call)) throw noSuchCall();
      },
    },
    async (request): Promise<CallResponse<unknown>> => {
      const name = request.params.call;
      if (!isCallName(name)) throw noSuchCall();
      const result: unknown = await site.call(name, request.body ?? {}, bearerToken(request.headers.authorization));
      return { result };
    },
  );
}

function callOf(request: CallRequest): string {
  return request.params.call;
}
