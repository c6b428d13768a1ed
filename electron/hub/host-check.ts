import type { FastifyInstance } from 'fastify';
import { DeskFailure } from '../../shared/errors.js';
import { sendFailure } from './errors.js';
import { errorText as t } from '../../shared/i18n/errors.en-GB.js';

const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Answers only requests addressed to this hub by a name it knows. A web page elsewhere can
 * point its own host name at 127.0.0.1 (DNS rebinding) and would then be "same origin" with
 * the hub; its requests still carry its own Host header, which this refuses.
 * https://developer.mozilla.org/en-US/docs/Web/Security/Attacks/DNS_rebinding
 */
export function registerHostCheck(app: FastifyInstance, extraHosts: readonly string[]): void {
  const allowed = new Set([...loopbackNames, ...extraHosts.map((h) => h.toLowerCase())]);
  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host;
    let hostname: string | null = null;
    if (host !== undefined) {
      try {
        hostname = new URL(`http://${host}`).hostname.toLowerCase();
      } catch {
        hostname = null;
      }
    }
    if (hostname === null || !allowed.has(hostname)) {
      return sendFailure(reply, new DeskFailure('forbidden', t.hubWrongHost));
    }
    return undefined;
  });
}
