import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run build` here, where Electron cannot be downloaded: main, preload, renderer and the
 * CLI, built in a copy of the sources so the tree's own out/ (which serve and the browser tests
 * use) is never half-written under them.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const copied = ['electron', 'renderer', 'shared', 'resources', 'package.json', 'tsconfig.json', 'tsconfig.base.json', 'electron.vite.config.ts', 'vite.config.ts'];
let work = '';
let build: ReturnType<typeof spawnSync>;
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'osq-build-'));
  for (const name of copied) fs.cpSync(path.join(root, name), path.join(work, name), { recursive: true });
  // The root tsconfig's references name test/ too; the build reads them.
  fs.mkdirSync(path.join(work, 'test'));
  fs.copyFileSync(path.join(root, 'test', 'tsconfig.json'), path.join(work, 'test', 'tsconfig.json'));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'), 'dir');
  build = spawnSync('npm', ['run', 'build'], { cwd: work, encoding: 'utf8', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
}, 240_000);

afterAll(() => {
  if (work !== '') fs.rmSync(work, { recursive: true, force: true });
});

const out = (...parts: string[]): string => path.join(work, 'out', ...parts);

/** The bare package names a bundle imports (`import … from "x"` or `require("x")`). */
function importedPackages(file: string): Set<string> {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^import\s[^;]*?from\s*"([^"]+)";?$/gm), ...text.matchAll(/^import\s*"([^"]+)";?$/gm), ...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
  return new Set(
    specifiers
      .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtinModules.includes(s))
      .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!)),
  );
}

describe('npm run build', () => {
  it('succeeds without Electron', () => {
    expect(build.status, `${String(build.stdout)}\n${String(build.stderr)}`).toBe(0);
  });

  it('writes the main process where package.json says the app starts', () => {
    expect(path.join(work, pkg.main)).toBe(out('main', 'main.js'));
    expect(fs.existsSync(out('main', 'main.js'))).toBe(true);
  });

  it('writes the preload as one CommonJS file that needs nothing but electron (a sandboxed preload can load nothing else)', () => {
    expect([...importedPackages(out('preload', 'preload.cjs'))]).toEqual(['electron']);
    expect(fs.readFileSync(out('preload', 'preload.cjs'), 'utf8')).not.toMatch(/^import\s/m);
  });

  it('writes the three renderer entries: staff screens, the unlock page and the display', () => {
    for (const page of ['index.html', 'unlock/index.html', 'display/index.html']) expect(fs.existsSync(out('renderer', ...page.split('/')))).toBe(true);
    expect(fs.existsSync(out('renderer', '.vite', 'manifest.json'))).toBe(true);
  });

  it('writes the CLI as plain JavaScript that runs', () => {
    expect(fs.existsSync(out('cli', 'main.js'))).toBe(true);
    const help = spawnSync(process.execPath, [out('cli', 'main.js'), '--help'], { cwd: work, encoding: 'utf8' });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/\bserve\b/);
  });

  it('main imports only electron, built-ins and production dependencies, so the installer carries all it loads', () => {
    const packages = importedPackages(out('main', 'main.js'));
    expect(packages.has('electron')).toBe(true);
    packages.delete('electron');
    const missing = [...packages].filter((p) => !(p in pkg.dependencies));
    expect(missing).toEqual([]);
  });
});
