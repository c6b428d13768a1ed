import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { DeskFailure } from '../../shared/errors.js';
import { sendFailure } from './errors.js';
import { isApiPath } from './paths.js';
import { errorText as t } from '../../shared/i18n/catalogue.js';

/**
 * Serves the built renderer, a single-page app: a page address the server does not know
 * (`/desk/3`) gets `index.html` and the app routes it. A missing *file* (`/assets/x.js`, any
 * last segment with a dot) stays a 404, so that a stale bundle fails loudly instead of
 * receiving HTML. Everything under `/api` that matched nothing is a DeskError 404.
 */
export async function registerRendererFiles(app: FastifyInstance, rendererDir: string | null): Promise<void> {
  if (rendererDir !== null) {
    // No dot-files: the build's `.vite/manifest.json` is for the display door (display-files.ts), not for browsers.
    await app.register(fastifyStatic, { root: path.resolve(rendererDir), prefix: '/', index: 'index.html', dotfiles: 'ignore' });
  }
  app.setNotFoundHandler((request, reply) => {
    const pagePath = request.url.split('?', 1)[0] ?? '';
    const isPage =
      rendererDir !== null &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !isApiPath(pagePath) &&
      !(pagePath.split('/').pop() ?? '').includes('.');
    if (isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return sendFailure(reply, new DeskFailure('not-found', t.hubNothingHere));
  });
}
