import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { DeskFailure } from '../../shared/errors.js';
import { errorText as t } from '../../shared/i18n/catalogue.js';
import { sendFailure } from './errors.js';

/** The display's own page in the built renderer (renderer/display/index.html, an input of vite.config.ts). */
export const displayPage = 'display/index.html';

/**
 * Files of resources/public/ that the display page names by URL rather than by import (so the
 * manifest cannot list them): the chime it rings and the favicon.
 */
const displayPublicFiles = ['chime.wav', 'favicon.svg', 'favicon.ico'];

interface ManifestChunk {
  file: string;
  css?: string[];
  assets?: string[];
  imports?: string[];
}

/**
 * Every file the display page loads, from vite's build manifest (`build.manifest`): its script,
 * the chunks it imports, their CSS and the assets they name, and the public files above. Null
 * when the build has no manifest or no display entry (built before the display had its own).
 */
export function displayFiles(rendererDir: string): string[] | null {
  let manifest: Record<string, ManifestChunk>;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(rendererDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  } catch {
    return null;
  }
  if (manifest[displayPage] === undefined) return null;
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (chunk === undefined || seen.has(key)) return;
    seen.add(key);
    files.add(chunk.file);
    for (const file of [...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(displayPage);
  for (const file of displayPublicFiles) if (fs.existsSync(path.join(rendererDir, file))) files.add(file);
  return [...files].sort();
}

/**
 * The display door's files (and the LAN door's, to anyone): `/` is the display's page, and each
 * file it needs is one route of its own — no directory is served, so nothing else of the built
 * renderer (the main app's page, its screens' code) can be reached, whatever the path.
 * Everything else is a 404 in the usual `{ error }` shape, never the single-page fallback.
 */
export async function registerDisplayFiles(app: FastifyInstance, rendererDir: string | null): Promise<void> {
  const files = rendererDir === null ? null : displayFiles(rendererDir);
  if (rendererDir !== null && files !== null) {
    await app.register(fastifyStatic, { root: path.resolve(rendererDir), serve: false });
    app.get('/', (_request, reply) => reply.header('cache-control', 'no-cache').sendFile(displayPage));
    for (const file of files) app.get(`/${file}`, (_request, reply) => reply.sendFile(file));
  }
  app.setNotFoundHandler((_request, reply) => sendFailure(reply, new DeskFailure('not-found', t.hubNothingHere)));
}
