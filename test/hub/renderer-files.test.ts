import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, startTestHub, type HubWorld } from '../fixtures/hub-fixtures.js';
import { tempDir } from '../fixtures/temp-site.js';

/** connect-src names the hub's own WebSocket (host and port as the page reached it), not any `ws:`. */
const expectedCsp = (hostAndPort: string) =>
  `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws://${hostAndPort}; ` +
  "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

function directives(csp: string | undefined): string[] {
  return (csp ?? '').split(';').map((d) => d.trim()).filter(Boolean).sort();
}

describe('serving the renderer', () => {
  let w: HubWorld;
  let renderer: { dir: string; remove: () => void };

  beforeAll(async () => {
    renderer = tempDir('osq-renderer-');
    fs.writeFileSync(path.join(renderer.dir, 'index.html'), '<!doctype html><title>One Stop Queue</title><script type="module" src="/assets/app.js"></script>');
    fs.mkdirSync(path.join(renderer.dir, 'assets'));
    fs.writeFileSync(path.join(renderer.dir, 'assets', 'app.js'), 'export {};');
    fs.mkdirSync(path.join(renderer.dir, '.vite'));
    fs.writeFileSync(path.join(renderer.dir, '.vite', 'manifest.json'), '{}');
    w = await startTestHub({ rendererDir: renderer.dir });
  });
  afterAll(async () => {
    await w?.close();
    renderer?.remove();
  });

  it('binds to 127.0.0.1 unless told otherwise', () => {
    expect(w.hub.address).toBe('127.0.0.1');
    expect(w.url).toBe(`http://127.0.0.1:${w.hub.port}`);
  });

  it('serves index.html on / with the strict CSP and security headers', async () => {
    const page = await request(w.url, '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('One Stop Queue');
    expect(directives(page.headers['content-security-policy'] as string)).toEqual(directives(expectedCsp(`127.0.0.1:${w.hub.port}`)));
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-powered-by']).toBeUndefined();
    expect(page.headers['strict-transport-security']).toBeUndefined();
  });

  it('serves the bundle’s files, and index.html for page addresses the app routes itself', async () => {
    const script = await request(w.url, '/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    const deep = await request(w.url, '/desk/3');
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('One Stop Queue');
    expect(deep.headers['content-security-policy']).toBeDefined();
  });

  it('keeps a missing file and an unknown API address a 404', async () => {
    const missing = await request(w.url, '/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('One Stop Queue');
    const api = await request(w.url, '/api/whatever');
    expect(api.status).toBe(404);
    expect(api.json).toMatchObject({ error: { code: 'not-found' } });
    const manifest = await request(w.url, '/.vite/manifest.json');
    expect(manifest.status).toBe(404);
    expect(manifest.json).toMatchObject({ error: { code: 'not-found' } });
    const outside = await request(w.url, '/../../etc/passwd');
    expect(outside.text).not.toContain('root:');
  });

  it('sends the same headers on API answers', async () => {
    const answer = await request(w.url, '/api/getDisplayState', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-security-policy']).toBeDefined();
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['x-powered-by']).toBeUndefined();
  });
});
