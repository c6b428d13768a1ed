import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCli, cliOutDir, ensureCliBuilt, launcherWords, staleReason, type BuildManifest } from '../../electron/cli/build-cli.mjs';
import { cliText } from '../../electron/cli/cli-text.js';
import { tempDir, testPassphrase } from '../fixtures/temp-site.js';
import { repoRoot, servingLine, spawnTimeout } from './program.js';

/** The build that `serve` and the package's bin run, and how a start tells that it is out of date. */

let dir: string;
let remove: () => void;

beforeEach(() => {
  ({ dir, remove } = tempDir('osq-cli-build-'));
});

afterEach(() => remove());

function writeManifest(outDir: string, manifest: BuildManifest): void {
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'build.json'), JSON.stringify(manifest));
}

/** Sets a file's modification time, so no test has to wait for the clock to move. */
function setModified(file: string, at: number): void {
  fs.utimesSync(file, at / 1000, at / 1000);
}

describe('staleReason', () => {
  const builtAt = Date.UTC(2026, 10, 24, 10, 0, 0);
  let root: string;
  let outDir: string;

  beforeEach(() => {
    root = path.join(dir, 'package');
    outDir = path.join(root, 'out', 'cli');
    fs.mkdirSync(path.join(root, 'electron', 'cli'), { recursive: true });
    for (const source of ['electron/cli/main.ts', 'electron/cli/serve-command.ts']) {
      fs.writeFileSync(path.join(root, source), '');
      setModified(path.join(root, source), builtAt - 60_000);
    }
    writeManifest(outDir, { version: 1, builtAt, sources: ['electron/cli/main.ts', 'electron/cli/serve-command.ts'], files: ['main.js'] });
    fs.writeFileSync(path.join(outDir, 'main.js'), '');
  });

  it('is null when every source is older than the build', () => {
    expect(staleReason({ root, outDir })).toBeNull();
  });

  it('names a source changed after the build began', () => {
    setModified(path.join(root, 'electron/cli/serve-command.ts'), builtAt + 1000);
    expect(staleReason({ root, outDir })).toBe('electron/cli/serve-command.ts has changed');
  });

  it('names a source that has gone', () => {
    fs.rmSync(path.join(root, 'electron/cli/main.ts'));
    expect(staleReason({ root, outDir })).toBe('electron/cli/main.ts is gone');
  });

  it('asks for a build when one of its files is missing', () => {
    fs.rmSync(path.join(outDir, 'main.js'));
    expect(staleReason({ root, outDir })).toBe('main.js is missing');
  });

  it('asks for a build when there is none, or its record cannot be read', () => {
    expect(staleReason({ root, outDir: path.join(dir, 'nowhere') })).toBe('no build');
    fs.writeFileSync(path.join(outDir, 'build.json'), '{"version": 1, "builtAt": "soon"');
    expect(staleReason({ root, outDir })).toBe('no build');
  });
});

describe('buildCli', { timeout: spawnTimeout }, () => {
  it('builds the program into one folder, listing every source it read and no package from node_modules', async () => {
    // Inside out/ so that the build's imports of packages find node_modules, as the real one does.
    const outDir = path.join(repoRoot, 'out', `cli-test-${String(process.pid)}`);
    try {
      const manifest = await buildCli({ outDir });

      expect(manifest.files).toContain('main.js');
      for (const file of manifest.files) expect(fs.existsSync(path.join(outDir, file))).toBe(true);
      expect(manifest.sources).toEqual(expect.arrayContaining(['electron/cli/main.ts', 'electron/cli/build-cli.mjs', 'electron/core/open-site.ts', 'electron/hub/server.ts']));
      expect(manifest.sources.some((s) => s.startsWith('shared/'))).toBe(true);
      expect(manifest.sources.every((s) => !s.includes('node_modules') && !path.isAbsolute(s))).toBe(true);
      expect(staleReason({ outDir })).toBeNull();
      // The native database module is loaded from node_modules, never copied into the bundle.
      // (In whichever of the build's chunks holds the store.)
      const built = manifest.files.map((file) => fs.readFileSync(path.join(outDir, file), 'utf8')).join('\n');
      expect(built).toContain('from "better-sqlite3-multiple-ciphers"');
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});

describe('npm run serve on an out-of-date build', { timeout: spawnTimeout }, () => {
  it('builds the program again before it starts, then serves', async () => {
    await ensureCliBuilt();
    // Out of date without touching a source: the record says the build began at the epoch. A
    // start running beside this test would only build the same files again.
    const manifestFile = path.join(cliOutDir, 'build.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BuildManifest;
    fs.writeFileSync(`${manifestFile}.tmp-test`, JSON.stringify({ ...manifest, builtAt: 0 }));
    fs.renameSync(`${manifestFile}.tmp-test`, manifestFile);
    expect(staleReason()).not.toBeNull();

    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ONE_STOP_QUEUE_') && !name.startsWith('npm_')));
    const child = spawn('npm', ['run', '--silent', 'serve', '--', '--data-dir', path.join(dir, 'store'), '--port', '0', '--no-renderer'], {
      cwd: repoRoot,
      env: { ...env, ONE_STOP_QUEUE_PASSPHRASE: testPassphrase, npm_config_update_notifier: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (servingLine.test(stdout)) resolve();
      });
      void exited.then((code) => reject(new Error(`serve ended before serving (${String(code)}): ${stderr}`)));
    });
    // npm ends by the signal it passes on; the program in it stops cleanly (serve-stop.test.ts).
    child.kill('SIGTERM');
    await exited;
    expect(stderr).toContain(cliText.serve.stopped);

    // The building line went to stderr, before the store was opened; stdout has the one line.
    expect(stderr.indexOf(launcherWords.building)).toBeGreaterThanOrEqual(0);
    expect(stderr.indexOf(launcherWords.building)).toBeLessThan(stderr.indexOf('No store in'));
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(staleReason()).toBeNull();
  });
});
