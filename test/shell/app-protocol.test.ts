import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appOrigin, appUrl, isAppOrigin } from '../../electron/shell/app-origin.js';
import { appProtocolHandler, appSchemePrivileges, contentSecurityPolicy, resolveAppFile } from '../../electron/shell/app-protocol.js';
import { tempDir } from '../fixtures/temp-site.js';

describe('the app:// protocol', () => {
  let temp: ReturnType<typeof tempDir>;
  let root: string;
  let serve: ReturnType<typeof appProtocolHandler>;

  beforeAll(() => {
    temp = tempDir('osq-protocol-');
    root = path.join(temp.dir, 'out', 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.mkdirSync(path.join(root, 'unlock'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
    fs.writeFileSync(path.join(root, 'unlock', 'index.html'), '<!doctype html><title>unlock</title>');
    fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    // Outside the renderer folder: must never be served.
    fs.writeFileSync(path.join(temp.dir, 'out', 'secret.txt'), 'SECRET-KEYSTORE');
    fs.writeFileSync(path.join(temp.dir, 'secret.txt'), 'SECRET-KEYSTORE');
    serve = appProtocolHandler(root);
  });

  afterAll(() => temp.remove());

  it('is registered as a standard, secure scheme', () => {
    expect(appSchemePrivileges).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(appOrigin).toBe('app://one-stop-queue');
    expect(appUrl('/', '#/display')).toBe('app://one-stop-queue/#/display');
    expect(isAppOrigin(appUrl('/unlock/index.html'))).toBe(true);
  });

  it('serves the renderer with the CSP and security headers', async () => {
    const index = await serve({ url: 'app://one-stop-queue/' });
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>app</title>');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await serve({ url: 'app://one-stop-queue/assets/index-abc.js' });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const unlock = await serve({ url: 'app://one-stop-queue/unlock/index.html' });
    expect(await unlock.text()).toContain('unlock');
    const display = await serve({ url: 'app://one-stop-queue/#/display' });
    expect(await display.text()).toContain('<title>app</title>');
  });

  it('has a CSP without inline script, eval, frames or plugins', () => {
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toContain('unsafe-inline');
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
  });

  it.each([
    'app://one-stop-queue/../secret.txt',
    'app://one-stop-queue/..%2fsecret.txt',
    'app://one-stop-queue/%2e%2e/secret.txt',
    'app://one-stop-queue/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://one-stop-queue/assets/..%2f..%2fsecret.txt',
    'app://one-stop-queue/assets/..%5c..%5csecret.txt',
    'app://one-stop-queue/%2E%2E/%2E%2E/secret.txt',
    'app://one-stop-queue/..%252fsecret.txt',
    'app://one-stop-queue/%2fetc%2fpasswd',
    'app://one-stop-queue/C:%5cWindows%5cwin.ini',
    'app://one-stop-queue/index.html%00.js',
  ])('refuses to climb out of the renderer folder: %s', async (url) => {
    const response = await serve({ url });
    expect(response.status).not.toBe(200);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('refuses a segment that decodes to .. (the URL parser folds only the literal and %2e forms)', () => {
    expect(resolveAppFile('app://one-stop-queue/..%2fsecret.txt', root)).toEqual({ kind: 'refused', status: 403 });
    expect(resolveAppFile('app://one-stop-queue/assets/..%5c..%5csecret.txt', root)).toEqual({ kind: 'refused', status: 403 });
    // Folded by the parser to /secret.txt: looked up inside the root, where it does not exist.
    const folded = resolveAppFile('app://one-stop-queue/assets/%2e%2e/%2e%2e/secret.txt', root);
    expect(folded).toEqual({ kind: 'file', file: path.join(root, 'secret.txt'), contentType: 'text/plain; charset=utf-8' });
  });

  it('serves the favicon vite copies from resources/public/, as an SVG and an icon', async () => {
    for (const file of ['favicon.svg', 'favicon.ico']) fs.copyFileSync(path.join('resources', 'public', file), path.join(root, file));
    const svg = await serve({ url: 'app://one-stop-queue/favicon.svg' });
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    const ico = await serve({ url: 'app://one-stop-queue/favicon.ico' });
    expect(ico.status).toBe(200);
    expect(ico.headers.get('content-type')).toBe('image/x-icon');
    expect(Buffer.from(await ico.arrayBuffer())).toEqual(fs.readFileSync(path.join('resources', 'public', 'favicon.ico')));
  });

  it('serves only its own host and only GET and HEAD', async () => {
    expect((await serve({ url: 'app://other-host/index.html' })).status).toBe(404);
    expect((await serve({ url: 'app://one-stop-queue:99/index.html' })).status).toBe(404);
    expect((await serve({ url: 'app://one-stop-queue/index.html', method: 'POST' })).status).toBe(405);
    expect((await serve({ url: 'app://one-stop-queue/missing.js' })).status).toBe(404);
    expect((await serve({ url: 'app://one-stop-queue/unlock' })).status).toBe(404);
    const head = await serve({ url: 'app://one-stop-queue/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
