import type { AddressInfo } from 'node:net';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { openApiPath } from '../../shared/hub-protocol.js';
import type { Site } from '../core/site.js';
import { defaultSignInLimit, registerCallRoute, type RateLimit } from './call-route.js';
import { sendFailure, toHubFailure } from './errors.js';
import { registerEventsSocket } from './events-socket.js';
import { registerHostCheck } from './host-check.js';
import { acceptJsonBodiesOnly } from './json-body.js';
import { buildOpenApi } from './openapi.js';
import { registerRendererFiles } from './renderer-files.js';
import { registerSecurityHeaders } from './security-headers.js';

export interface HubOptions {
  site: Site;
  /** Where to listen. 127.0.0.1 unless a manager turns on LAN access (a later issue). */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer to serve; null (the default) serves the API alone. */
  rendererDir?: string | null;
  /** Fastify's request log, off by default; when on, it never holds bodies or tokens. */
  logger?: boolean;
  /** Sign-in and setup attempts allowed per client address (default 10 a minute). */
  signInLimit?: RateLimit;
  /** Host names besides loopback that this hub answers to (its LAN name, once LAN access exists). */
  allowedHosts?: readonly string[];
}

export interface Hub {
  url: string;
  port: number;
  address: string;
  /** Stops accepting, lets in-flight calls finish, closes the event sockets. Leaves the site open. */
  close(): Promise<void>;
}

export const bodyLimit = 64 * 1024;
export const defaultHost = '127.0.0.1';

/** The hub as a fastify instance, not listening: `startHub` listens, tests may `inject`. */
export async function buildHub(options: HubOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit,
    // Only the request line and timings are logged (fastify never logs bodies); the bearer
    // header is redacted in case a serializer ever includes headers.
    logger: options.logger === true ? { redact: ['req.headers.authorization', 'req.headers.cookie'] } : false,
    // The address the rate limit counts is the socket's, never a header a client can set.
    trustProxy: false,
  });

  registerHostCheck(app, [...(options.allowedHosts ?? []), ...(options.host === undefined ? [] : [options.host])]);
  acceptJsonBodiesOnly(app);
  app.setErrorHandler((error, request, reply) => {
    const failure = toHubFailure(error);
    // Only a code: an unexpected error's message can quote the request.
    if (failure.code === 'internal') request.log.error({ errorCode: (error as { code?: unknown }).code ?? null }, 'hub call failed');
    return sendFailure(reply, failure);
  });

  await registerSecurityHeaders(app);
  await app.register(rateLimit, { global: false });
  await app.register(websocket, { options: { maxPayload: 4 * 1024 } });

  registerCallRoute(app, options.site, options.signInLimit ?? defaultSignInLimit);
  const openApi = JSON.stringify(buildOpenApi());
  app.get(openApiPath, async (_request, reply) => reply.type('application/json; charset=utf-8').send(openApi));
  registerEventsSocket(app, options.site);
  await registerRendererFiles(app, options.rendererDir ?? null);
  return app;
}

export async function startHub(options: HubOptions): Promise<Hub> {
  const app = await buildHub(options);
  await app.listen({ host: options.host ?? defaultHost, port: options.port ?? 0 });
  const { address, port } = app.server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    port,
    address,
    close: () => app.close(),
  };
}
