import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The one renderer build, used by `vite build` (serve, e2e) and by electron.vite.config.ts (the
 * desktop app), so both doors serve the same files. The hub and the app:// protocol serve it
 * under `script-src 'self'; style-src 'self'`: no inline script or style, no data: assets.
 */
export const rendererConfig = {
  root: here('./renderer'),
  base: './',
  // The favicon (resources/public/, made by electron/tools/make-icons.ts) is copied as it is to
  // out/renderer/, where the hub and the app:// protocol serve it at /favicon.svg and /favicon.ico.
  publicDir: here('./resources/public'),
  plugins: [react()],
  build: {
    outDir: here('./out/renderer'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    // .vite/manifest.json: which files each entry needs, so that the display door serves the
    // display entry's files and no others (electron/hub/display-files.ts).
    manifest: true,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        index: here('./renderer/index.html'),
        // The desktop shell's first-key and unlock page (renderer/unlock/).
        unlock: here('./renderer/unlock/index.html'),
        // The waiting-area display alone, for the hub's display door (renderer/display/main.tsx).
        display: here('./renderer/display/index.html'),
      },
    },
  },
} satisfies UserConfig;

export default defineConfig({
  ...rendererConfig,
  server: {
    // `vite` alone for UI work: point it at a running `npm run serve` with OSQ_HUB=http://127.0.0.1:PORT.
    proxy: {
      '/api': { target: process.env.OSQ_HUB ?? 'http://127.0.0.1:4173', ws: true },
    },
  },
});
