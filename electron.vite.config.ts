import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.config.js';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * `electron-vite build` → out/main/main.js (ESM, "type": "module"), out/preload/preload.cjs
 * (a sandboxed preload must be CommonJS: docs/contributing.md), out/renderer/{index.html,unlock/index.html,display/index.html}.
 * The renderer build is vite.config.ts's, shared so every door serves the same files (the
 * display door only the display entry's, by the build manifest).
 */
export default defineConfig({
  main: {
    build: {
      outDir: here('./out/main'),
      rollupOptions: {
        input: { main: here('./electron/main.ts') },
        // Loaded through `nativeBinding` from a build of its own (electron/shell/native-module.ts);
        // dependencies are external by default, listed here so that never changes silently.
        external: ['better-sqlite3-multiple-ciphers'],
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can `require` only 'electron' and a few built-ins, so everything it
      // uses (the contract's names, which pull in zod) is bundled into the one file.
      externalizeDeps: false,
      outDir: here('./out/preload'),
      rollupOptions: {
        input: { preload: here('./electron/preload/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
