import type https from 'node:https';
import type { AddressInfo } from 'node:net';
import { SerializerSelector, type SerializerFactory } from '@fastify/fast-json-stringify-compiler';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { DeskFailure } from '../../shared/errors.js';
import { apiPrefix, openApiPath } from '../../shared/hub-protocol.js';
import { errorText as t } from '../../shared/i18n/catalogue.js';
import type { Site, SiteLog } from '../core/index.js';
import { defaultSignInLimit, registerCallRoutes, type RateLimit } from './call-route.js';
import { sendFailure, toHubFailure } from './errors.js';
import { registerDisplayFiles } from './display-files.js';
import { doorFor, type DoorKind } from './door.js';
import { registerEventsSocket, type EventsSocketOptions } from './events-socket.js';
import { HubAddresses, lanHostNames, registerHostCheck } from './host-check.js';
import { acceptJsonBodiesOnly } from './json-body.js';
import { buildOpenApi } from './openapi.js';
import { registerRendererFiles } from './renderer-files.js';
import { registerSecurityHeaders } from './security-headers.js';

export interface HubOptions {
  site: Site;
  /** Where to listen: 127.0.0.1 for the local door; the LAN doors' address comes from lan-doors.ts. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer to serve; null (the default) serves the API alone. */
  rendererDir?: string | null;
  /** Fastify's request log, off by default; when on, it never holds bodies or tokens. */
  logger?: boolean;
  /** Sign-in and setup attempts allowed per client address, per call (default 120 a minute). */
  signInLimit?: RateLimit;
  /** Host names this hub answers to besides loopback (and, on a LAN or display door, the PC's own names and addresses). */
  allowedHosts?: readonly string[];
  /** How often event sockets check their session, and what counts as a flood. */
  eventsSocket?: EventsSocketOptions;
  /**
   * Which listener this is (door.ts): `local` (the default) is the hub PC's own; `lan` serves
   * desk PCs over HTTPS and needs `tls`; `display` serves the waiting-area display alone.
   */
  door?: DoorKind;
  /** The LAN door's certificate and key (PEM); `setSecureContext` on the server replaces them. */
  tls?: { key: string; cert: string };
  /** The site log: rate-limit hits, desk PCs connecting and refused (docs/logs.md). */
  log?: SiteLog;
}

export interface Hub {
  url: string;
  port: number;
  address: string;
  /** Stops accepting, lets in-flight calls finish, closes the event sockets. Leaves the site open. */
  close(): Promise<void>;
  /** The LAN door: serves this certificate to new connections from now on (open ones keep theirs). */
  replaceCertificate(tls: { key: string; cert: string }): void;
}

export const bodyLimit = 64 * 1024;
export const defaultHost = '127.0.0.1';

/**
 * Where a request whose URL the router cannot read (a bad `%`-escape, a segment longer than
 * fastify's 100-character parameter limit) is sent instead, so that it passes the same Host
 * check, security headers and `{ error }` answer as any other — and its URL is never echoed.
 */
const unreadableUrlPath = `${apiPrefix}/.unreadable-url`;

/**
 * Fastify's own answer serialisers (fast-json-stringify, by each call's result schema), each
 * compiled the first time its call is answered rather than all at start: a hub with every call
 * of the contract spent a fifth of a second compiling them before it could answer anything,
 * while a site uses a few dozen calls in a day. A schema that would not compile is still found
 * by the tests, which answer every call.
 */
const compileWhenFirstUsed: SerializerFactory = (externalSchemas, options) => {
  const compile = SerializerSelector()(externalSchemas, options);
  return (route) => {
    let serialize: ((doc: unknown) => string) | undefined;
    return (doc: unknown) => (serialize ??= compile(route))(doc);
  };
};

/** The hub as a fastify instance, not listening: `startHub` listens, tests may `inject`. */
export async function buildHub(options: HubOptions): Promise<FastifyInstance> {
  const doorKind = options.door ?? 'local';
  const door = doorFor(doorKind, options.site);
  const ownNames = doorKind === 'local' ? (options.host === undefined ? [] : [options.host]) : lanHostNames(options.host ?? defaultHost);
  const addresses = new HubAddresses([...(options.allowedHosts ?? []), ...ownNames]);
  if (doorKind === 'lan' && options.tls === undefined) throw new Error('the LAN door needs a certificate (tls)');
  const app: FastifyInstance = Fastify({
    ...(doorKind === 'lan' && options.tls !== undefined ? { https: { key: options.tls.key, cert: options.tls.cert, minVersion: 'TLSv1.2' as const } } : {}),
    bodyLimit,
    // Only the request line and timings are logged (fastify never logs bodies); the bearer
    // header is redacted in case a serializer ever includes headers.
    logger: options.logger === true ? { redact: ['req.headers.authorization', 'req.headers.cookie'] } : false,
    // The address the rate limit counts is the socket's, never a header a client can set.
    trustProxy: false,
    // Fastify's own 503 while closing has its own body shape; `refuseWhileClosing` answers instead.
    return503OnClosing: false,
    schemaController: { compilersFactory: { buildSerializer: compileWhenFirstUsed } },
    // Fastify answers these itself, before any hook, quoting the URL: route them through the hub.
    frameworkErrors: (_error, request, reply) => {
      request.raw.url = unreadableUrlPath;
      app.routing(request.raw, reply.raw);
    },
  });

  // The WebSocket plugin's hooks first: they close the socket of an upgrade that a later hook
  // refuses (a foreign Host), which would otherwise hold `close` open. Then the headers, so that
  // even a refusal for a foreign Host carries them.
  await app.register(websocket, { options: { maxPayload: 4 * 1024 } });
  await registerSecurityHeaders(app, addresses);
  registerHostCheck(app, addresses);
  refuseWhileClosing(app);
  acceptJsonBodiesOnly(app);
  app.setErrorHandler((error, request, reply) => {
    const failure = toHubFailure(error);
    // Only a code: an unexpected error's message can quote the request.
    if (failure.code === 'internal') request.log.error({ errorCode: (error as { code?: unknown }).code ?? null }, 'hub call failed');
    return sendFailure(reply, failure);
  });

  await app.register(rateLimit, { global: false });

  registerCallRoutes(app, options.site, options.signInLimit ?? defaultSignInLimit, door, options.log);
  if (door.servesEverything) {
    const openApi = JSON.stringify(buildOpenApi());
    app.get(openApiPath, async (_request, reply) => reply.type('application/json; charset=utf-8').send(openApi));
  }
  app.all(unreadableUrlPath, {
    onRequest: async () => {
      throw new DeskFailure('invalid-input', t.hubUnreadable);
    },
    handler: async () => undefined,
  });
  registerEventsSocket(app, options.site, addresses, options.eventsSocket ?? {}, door, options.log);
  if (door.servesEverything) await registerRendererFiles(app, options.rendererDir ?? null);
  else await registerDisplayFiles(app, options.rendererDir ?? null);
  return app;
}

/**
 * A request that arrives on a kept-alive connection while the hub closes gets `unavailable`, in
 * the `{ error }` shape every call lists, and the connection is closed after it. Calls already
 * under way finish.
 */
function refuseWhileClosing(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    reply.header('connection', 'close');
    throw new DeskFailure('unavailable', t.hubClosing);
  });
}

export async function startHub(options: HubOptions): Promise<Hub> {
  const app = await buildHub(options);
  await app.listen({ host: options.host ?? defaultHost, port: options.port ?? 0 });
  const { address, port } = app.server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `${options.door === 'lan' ? 'https' : 'http'}://${host}:${port}`,
    port,
    address,
    close: () => app.close(),
    replaceCertificate(tls) {
      // Fastify built an https.Server for the LAN door; its type says http only.
      const server = app.server as unknown as Partial<Pick<https.Server, 'setSecureContext'>>;
      if (options.door !== 'lan' || server.setSecureContext === undefined) throw new Error('only the LAN door has a certificate');
      server.setSecureContext({ key: tls.key, cert: tls.cert });
    },
  };
}
