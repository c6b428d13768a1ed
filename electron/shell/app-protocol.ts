import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { appHost, appScheme } from './app-origin.js';

/**
 * `standard` gives the scheme real origins and relative URLs, `secure` makes it a secure context
 * (https://www.electronjs.org/docs/latest/api/protocol#protocolregisterschemesasprivilegedcustomschemes).
 * Registered before `ready`.
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
};

/**
 * The window's Content-Security-Policy: only the app's own files, no inline script, no eval, no
 * frames, no plugins, nothing sent anywhere. The Electron window talks to the site over IPC, so
 * `connect-src` needs no network. `style-src 'self'` still allows React's `style` props (set
 * through the CSSOM, not as inline markup).
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "media-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.txt': 'text/plain; charset=utf-8',
};

export type AppFileLookup =
  | { kind: 'file'; file: string; contentType: string }
  | { kind: 'refused'; status: 400 | 403 | 404 | 405 };

/**
 * Maps an `app://one-stop-queue/…` request to a file inside `rootDir`, or refuses it. The URL
 * parser already folds `/../`, but an encoded `%2e%2e`, `%2f` or `%5c` survives it and would
 * climb out after decoding, so every decoded segment is checked and the resolved path must
 * still lie inside the root.
 */
export function resolveAppFile(requestUrl: string, rootDir: string, method = 'GET'): AppFileLookup {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'refused', status: 405 };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (url.protocol !== `${appScheme}:` || url.hostname !== appHost || url.port !== '') return { kind: 'refused', status: 404 };
  const segments: string[] = [];
  for (const raw of url.pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'refused', status: 400 };
    }
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) return { kind: 'refused', status: 403 };
    segments.push(segment);
  }
  if (segments.length === 0 || url.pathname.endsWith('/')) segments.push('index.html');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...segments);
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { kind: 'refused', status: 403 };
  const extension = path.extname(file).toLowerCase();
  return { kind: 'file', file, contentType: contentTypes[extension] ?? 'application/octet-stream' };
}

function refusal(status: number): Response {
  return new Response(null, { status, headers: securityHeaders });
}

/**
 * The `protocol.handle('app', …)` handler: serves the built renderer from `rootDir` with the
 * CSP and security headers. Plain `fetch` types, so a test can call it without Electron.
 */
export function appProtocolHandler(rootDir: string): (request: { url: string; method?: string }) => Promise<Response> {
  return async (request) => {
    const lookup = resolveAppFile(request.url, rootDir, request.method ?? 'GET');
    if (lookup.kind === 'refused') return refusal(lookup.status);
    let body: Buffer;
    try {
      body = await fs.readFile(lookup.file);
    } catch {
      return refusal(404);
    }
    const headers = { ...securityHeaders, 'Content-Type': lookup.contentType };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
