import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { isApiPath } from './paths.js';

/**
 * The renderer is a bundle of our own files: nothing inline, nothing from elsewhere. `ws:`/`wss:`
 * let the page open `/api/events`. Listed in full (no helmet defaults) so that the policy a
 * reviewer reads here is the policy sent — helmet's default `upgrade-insecure-requests` would
 * break plain HTTP on the LAN. https://developer.mozilla.org/docs/Web/HTTP/CSP
 */
export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", 'ws:', 'wss:'],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
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
