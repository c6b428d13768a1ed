import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The hub serves the build under `script-src 'self'; style-src 'self'`: no inline script or
// style may end up in index.html, and no asset is inlined as a data: URI.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    // `vite` alone for UI work: point it at a running `npm run serve` with OSQ_HUB=http://127.0.0.1:PORT.
    proxy: {
      '/api': { target: process.env.OSQ_HUB ?? 'http://127.0.0.1:4173', ws: true },
    },
  },
});
