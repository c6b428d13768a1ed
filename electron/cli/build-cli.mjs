// @ts-check
/**
 * The one-stop-queue program compiled to plain JavaScript in out/cli/, so that a start loads
 * JavaScript instead of compiling TypeScript (tsx spent about 2 s of a 2.5 s `serve` start doing
 * that). Plain .mjs because it runs before anything is built: `bin.mjs` asks `staleReason` at
 * every start, and builds only when the answer is not null.
 *
 * `node electron/cli/build-cli.mjs` builds it (part of `npm run build`).
 */
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

/** The package root: this file lives in electron/cli/. */
export const packageRoot = path.resolve(import.meta.dirname, '..', '..');

/** Where the built program goes; `.gitignore` keeps out/ out of git. */
export const cliOutDir = path.join(packageRoot, 'out', 'cli');

const entry = 'electron/cli/main.ts';
const mainFile = 'main.js';
const manifestFile = 'build.json';
const thisFile = path.relative(packageRoot, import.meta.filename).split(path.sep).join('/');

/**
 * The launcher's own words. They cannot come from the program's catalogue (cli.en-GB.ts): they
 * are said when that catalogue may not be built yet.
 */
export const launcherWords = {
  building: 'The program has changed since it was last built: building it now…',
  failed: (why) => `The program could not be built (${why}). Run "npm run build" to see why.`,
  built: (where, files) => `Built the program into ${where}/ (${files.join(', ')}).`,
};

/**
 * What a build records beside itself: when it started reading its sources, each source file it
 * read (relative to the package root, with `/`), and the files it wrote.
 *
 * @typedef {{ version: 1, builtAt: number, sources: string[], files: string[] }} BuildManifest
 */

/** @returns {BuildManifest | null} */
function readManifest(outDir) {
  let text;
  try {
    text = fs.readFileSync(path.join(outDir, manifestFile), 'utf8');
  } catch {
    return null;
  }
  try {
    const manifest = JSON.parse(text);
    if (manifest?.version !== 1 || typeof manifest.builtAt !== 'number' || !Array.isArray(manifest.sources) || !Array.isArray(manifest.files)) return null;
    return manifest;
  } catch {
    return null;
  }
}

/**
 * Why the build in `outDir` must be made again, or null when it is up to date: there is none,
 * one of its files is missing, or a source it was built from is gone or was changed after the
 * build began. One `stat` per source (about 150) and no hashing, so every start can afford it.
 * A new source file can only come in through an import in a file that was changed, so the list
 * of the last build's sources is enough.
 *
 * @param {{ root?: string, outDir?: string }} [where]
 * @returns {string | null}
 */
export function staleReason({ root = packageRoot, outDir = cliOutDir } = {}) {
  const manifest = readManifest(outDir);
  if (manifest === null) return 'no build';
  for (const file of manifest.files) {
    if (!fs.existsSync(path.join(outDir, file))) return `${file} is missing`;
  }
  for (const source of manifest.sources) {
    const stat = fs.statSync(path.join(root, source), { throwIfNoEntry: false });
    if (stat === undefined) return `${source} is gone`;
    // Equal counts as changed: on a coarse clock an edit in the build's first moment looks the same.
    if (stat.mtimeMs >= manifest.builtAt) return `${source} has changed`;
  }
  return null;
}

/** Writes beside the target and renames over it, so that a start running now reads a whole file or the old one. */
function writeAtomically(file, content) {
  const temp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(temp, content);
  fs.renameSync(temp, file);
}

/**
 * Builds the program with Vite's SSR build (Rolldown): one bundle, `main.js`, and chunks named
 * by their content for what is loaded later (the hub, only for `serve`). Packages in
 * node_modules, the native database module among them, stay outside the bundle and are imported
 * from node_modules as before.
 *
 * Two starts may build at once (tests in parallel): each writes whole files by renaming, chunks
 * first and `main.js` last, so a start never loads half a file or a `main.js` whose chunks are
 * not there yet. The chunks of the build before stay, for a program started from it that has
 * not loaded its hub yet; older ones are removed.
 *
 * @param {{ root?: string, outDir?: string }} [where]
 * @returns {Promise<BuildManifest>}
 */
export async function buildCli({ root = packageRoot, outDir = cliOutDir } = {}) {
  // Loaded only to build: a start with an up-to-date build never pays for Vite.
  const { build } = await import('vite');
  const builtAt = Date.now();
  const result = await build({
    configFile: false,
    root,
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    envDir: false,
    build: {
      ssr: entry,
      target: 'node20',
      write: false,
      minify: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rollupOptions: {
        output: { format: 'es', entryFileNames: mainFile, chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  if (outputs.length === 0) throw new Error('the build produced nothing');

  const sources = new Set([thisFile]);
  for (const output of outputs) {
    if (output.type !== 'chunk') continue;
    for (const id of output.moduleIds) {
      if (!path.isAbsolute(id)) continue;
      const relative = path.relative(root, id);
      if (relative.startsWith('..') || relative.split(path.sep).includes('node_modules')) continue;
      sources.add(relative.split(path.sep).join('/'));
    }
  }

  fs.mkdirSync(outDir, { recursive: true });
  const before = readManifest(outDir);
  const ordered = [...outputs.filter((o) => o.fileName !== mainFile), ...outputs.filter((o) => o.fileName === mainFile)];
  for (const output of ordered) {
    const file = path.join(outDir, output.fileName);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeAtomically(file, output.type === 'chunk' ? output.code : output.source);
  }
  /** @type {BuildManifest} */
  const manifest = { version: 1, builtAt, sources: [...sources].sort(), files: outputs.map((o) => o.fileName).sort() };
  writeAtomically(path.join(outDir, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`);

  const keep = new Set([manifestFile, ...manifest.files, ...(before?.files ?? [])]);
  for (const name of fs.readdirSync(outDir)) {
    // Another build's file on its way in is not ours to remove.
    if (keep.has(name) || name.includes('.tmp-')) continue;
    fs.rmSync(path.join(outDir, name), { recursive: true, force: true });
  }
  return manifest;
}

/**
 * The built program's entry, built first when it is missing or older than its sources. On a
 * failed build, says why on stderr and exits 1 (the program's "failed" status, exit-codes.ts).
 *
 * @returns {Promise<string>}
 */
export async function ensureCliBuilt() {
  if (staleReason() !== null) {
    // stderr: stdout carries only the lines that scripts read.
    process.stderr.write(`${launcherWords.building}\n`);
    try {
      await buildCli();
    } catch (error) {
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
      process.stderr.write(`${launcherWords.failed(why)}\n`);
      process.exit(1);
    }
  }
  return path.join(cliOutDir, mainFile);
}

if (process.argv[1] !== undefined && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const manifest = await buildCli();
  process.stderr.write(`${launcherWords.built(path.relative(packageRoot, cliOutDir), manifest.files)}\n`);
}
