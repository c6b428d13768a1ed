import type { FastifyInstance } from 'fastify';

/**
 * Only `application/json` bodies are read. Dropping fastify's `text/plain` parser matters: a
 * web page on another origin can POST text/plain without a CORS preflight, and must not be able
 * to reach `setupSite` or `signIn` on this PC's hub that way. An empty JSON body means `{}`.
 * Fastify's own parser stays underneath, so `__proto__` and `constructor` keys are refused.
 */
export function acceptJsonBodiesOnly(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text === '') done(null, {});
    else parseJson(request, text, done);
  });
}
