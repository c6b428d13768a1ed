import type { IncomingMessage } from 'node:http';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { HubAddresses } from './host-check.js';
import { isApiPath } from './paths.js';

/**
 * The renderer is a bundle of our own files: nothing inline, nothing from elsewhere. Listed in
 * full (no helmet defaults) so that the policy a reviewer reads here is the policy sent —
 * helmet's default `upgrade-insecure-requests` would break plain HTTP on the LAN.
 * https://developer.mozilla.org/docs/Web/HTTP/CSP
 */
export function contentSecurityPolicy(addresses: HubAddresses) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: [(request: IncomingMessage) => connectSources(request, addresses)],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
  };
}

/**
 * `'self'` covers the hub's own http(s) origin; its WebSocket is named outright, because not
 * every browser applies CSP 3's rule that lets `'self'` match a ws: URL of the same host. So the
 * page may open `/api/events` on exactly the host and port it was loaded from — not any `ws:`. The Host header was checked first (`ownHost`
 * refuses anything but one of the hub's names and a port), so it is safe to write here.
 * https://www.w3.org/TR/CSP3/#match-url-to-source-expression
 */
function connectSources(request: IncomingMessage, addresses: HubAddresses): string {
  const host = addresses.ownHost(request.headers.host);
  if (host === null) return "'self'";
  const secure = (request.socket as { encrypted?: boolean }).encrypted === true;
  return `'self' ${secure ? 'wss' : 'ws'}://${host}`;
}

export async function registerSecurityHeaders(app: FastifyInstance, addresses: HubAddresses): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(addresses) },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    // HSTS means nothing over plain HTTP, and pinned on `localhost` it would follow the
    // browser to every other local server. LAN access over HTTPS decides this later.
    strictTransportSecurity: false,
  });

  // Answers carry visitors' details: no browser or proxy may keep a copy.
  app.addHook('onSend', async (request, reply, payload) => {
    if (isApiPath(request.url)) reply.header('cache-control', 'no-store');
    return payload;
  });
}
