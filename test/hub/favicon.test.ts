import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubWorld } from '../fixtures/hub-fixtures.js';
import { tempDir } from '../fixtures/temp-site.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** vite.config.ts's `publicDir`: copied as it is into the built renderer's top folder. */
const publicDir = path.join(root, 'resources', 'public');

/** The sizes of an ICO's entries, each checked to hold a PNG (0 in the size byte means 256). */
function icoSizes(ico: Buffer): number[] {
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1);
  const sizes: number[] = [];
  for (let i = 0; i < ico.readUInt16LE(4); i += 1) {
    const entry = 6 + 16 * i;
    const [length, offset] = [ico.readUInt32LE(entry + 8), ico.readUInt32LE(entry + 12)];
    expect(offset + length).toBeLessThanOrEqual(ico.length);
    expect(ico.subarray(offset, offset + 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    sizes.push(ico.readUInt8(entry) || 256);
  }
  return sizes;
}

describe('the favicon', () => {
  let w: HubWorld;
  let renderer: { dir: string; remove: () => void };

  beforeAll(async () => {
    // A built renderer as `vite build` leaves it: the pages, and resources/public/ copied beside them.
    renderer = tempDir('osq-renderer-');
    fs.writeFileSync(path.join(renderer.dir, 'index.html'), fs.readFileSync(path.join(root, 'renderer', 'index.html')));
    for (const file of fs.readdirSync(publicDir)) fs.copyFileSync(path.join(publicDir, file), path.join(renderer.dir, file));
    w = await startTestHub({ rendererDir: renderer.dir });
  });
  afterAll(async () => {
    await w?.close();
    renderer?.remove();
  });

  it('is linked from every page at the top of the site, as vite rewrites a public file', () => {
    for (const page of ['renderer/index.html', 'renderer/unlock/index.html', 'renderer/display/index.html']) {
      const html = fs.readFileSync(path.join(root, page), 'utf8');
      expect(html, page).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml" />');
      expect(html, page).toContain('<link rel="icon" href="/favicon.ico"');
    }
  });

  it('answers /favicon.svg with 200 and an SVG, under the same CSP as the pages', async () => {
    const answer = await fetch(`${w.url}/favicon.svg`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^image\/svg\+xml\b/);
    expect(answer.headers.get('content-security-policy')).toContain("img-src 'self'");
    const svg = await answer.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toBe(fs.readFileSync(path.join(publicDir, 'favicon.svg'), 'utf8'));
  });

  it('answers /favicon.ico with 200 and an icon of PNG entries at 16, 32 and 48 px', async () => {
    const answer = await fetch(`${w.url}/favicon.ico`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)$/);
    const ico = Buffer.from(await answer.arrayBuffer());
    expect(ico).toEqual(fs.readFileSync(path.join(publicDir, 'favicon.ico')));
    expect(icoSizes(ico)).toEqual([16, 32, 48]);
  });

  it('the app’s own .ico holds every size Windows asks for, up to 256', () => {
    expect(icoSizes(fs.readFileSync(path.join(root, 'resources', 'icon.ico')))).toEqual([16, 32, 48, 64, 128, 256]);
  });
});
