// Makes the app's icons from resources/icon.svg: `npx tsx electron/tools/make-icons.ts`.
// Run it by hand after changing the SVG and commit what it writes; CI never runs it (the
// packaged app and the favicon use the committed files). It renders with Debian's Chromium
// through Playwright — no download — and writes the .ico itself.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resources = path.join(root, 'resources');

/** The PNGs electron-builder and the window use (Linux takes the folder; 512 is icon.png). */
const pngSizes = [16, 32, 48, 64, 128, 256, 512];
/** Up to this size, icons are rendered from icon-small.svg. */
const smallestDetailedSize = 32;
/** Windows' .exe and shortcut icon: up to 256, the largest an .ico entry can be. */
const appIcoSizes = [16, 32, 48, 64, 128, 256];
/** A browser tab's icon (favicon.ico, for browsers that ask for it without reading the page). */
const faviconIcoSizes = [16, 32, 48];

export interface IcoImage {
  size: number;
  png: Buffer;
}

/**
 * An ICO file whose entries are PNGs (Windows Vista and later read them at every size):
 * a 6-byte header, one 16-byte entry per image, then the PNGs as they are.
 * https://learn.microsoft.com/en-us/previous-versions/ms997538(v=msdn.10)
 */
export function encodeIco(images: readonly IcoImage[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    if (size < 1 || size > 256) throw new RangeError(`An .ico entry is 1 to 256 pixels, not ${size}.`);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size === 256 ? 0 : size, 0); // width; 0 means 256
    entry.writeUInt8(size === 256 ? 0 : size, 1); // height
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

/** Renders the SVG at each size, on a transparent background, with Debian's Chromium. */
async function renderPngs(svg: string, sizes: readonly number[]): Promise<Map<number, Buffer>> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    const pngs = new Map<number, Buffer>();
    for (const size of sizes) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      // Chromium rasterises the vector at the target size: crisper than scaling the 512 down.
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent"><img src="${source}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      // A broken SVG renders as a broken-image glyph, not an error: refuse to write that.
      const drawn = await page.evaluate('document.images[0].complete && document.images[0].naturalWidth > 0');
      if (drawn !== true) throw new Error('resources/icon.svg did not render: is it well-formed XML (no "--" inside a comment)?');
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
      await page.close();
    }
    return pngs;
  } finally {
    await browser.close();
  }
}

function write(relative: string, data: Buffer | string): void {
  const file = path.join(resources, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
  console.warn(`wrote resources/${relative}`);
}

async function main(): Promise<void> {
  const svg = fs.readFileSync(path.join(resources, 'icon.svg'), 'utf8');
  const pngs = await renderPngs(svg, pngSizes.filter((size) => size > smallestDetailedSize));
  // The 16 and 32 px icons come from a copy drawn on a 16-pixel grid: the full mark's
  // perforation and thin Q blur into a smudge at that size.
  const small = fs.readFileSync(path.join(resources, 'icon-small.svg'), 'utf8');
  for (const [size, png] of await renderPngs(small, pngSizes.filter((size) => size <= smallestDetailedSize))) pngs.set(size, png);
  const png = (size: number): Buffer => pngs.get(size) ?? Buffer.alloc(0);
  for (const size of pngSizes) write(`icons/${size}.png`, png(size));
  write('icon.png', png(512));
  write('icon.ico', encodeIco(appIcoSizes.map((size) => ({ size, png: png(size) }))));
  // The renderer's favicon: vite copies resources/public/ into out/renderer/ (vite.config.ts).
  // A tab shows the favicon at 16 or 32 px: the small drawing, as the .ico's 16 and 32 are.
  write('public/favicon.svg', small);
  write('public/favicon.ico', encodeIco(faviconIcoSizes.map((size) => ({ size, png: png(size) }))));
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
