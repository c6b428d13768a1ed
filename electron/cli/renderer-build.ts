import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliText } from './cli-text.js';

const text = cliText.rendererBuild;

/** The package root: this file lives in electron/cli/, and its build in out/cli/ (build-cli.mjs): two folders down either way. */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
export const rendererDir = path.join(packageRoot, 'out', 'renderer');

function runBuild(): Promise<void> {
  const viteBin = path.join(packageRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const [command, args] = fs.existsSync(viteBin) ? [process.execPath, [viteBin, 'build']] : ['npx', ['vite', 'build']];
  // No ONE_STOP_QUEUE_* variable reaches the build: they can hold a passphrase.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ONE_STOP_QUEUE_')));
  return new Promise((resolve, reject) => {
    // The build's chatter goes to stderr: stdout carries only the line that scripts read.
    const child = spawn(command, args, { cwd: packageRoot, env, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' && command === 'npx' });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(text.exitStatus(code, signal)));
    });
  });
}

/**
 * What a build leaves that serving needs: the app's page, and the manifest by which the LAN's
 * display door serves the display's own files (a build older than that has none).
 */
const builtFiles = ['index.html', path.join('.vite', 'manifest.json')];

const isBuilt = (): boolean => builtFiles.every((file) => fs.existsSync(path.join(rendererDir, file)));

/**
 * The built renderer's folder, building it first when it is missing or older than the display
 * door (vite.config.ts builds renderer/ into out/renderer). Null when the build fails: the API
 * is still served.
 */
export async function ensureRenderer(log: (line: string) => void): Promise<string | null> {
  if (isBuilt()) return rendererDir;
  log(text.building);
  try {
    await runBuild();
  } catch (error) {
    log(text.failed(error instanceof Error ? error.message : String(error)));
    return null;
  }
  if (isBuilt()) return rendererDir;
  log(text.failed(text.noIndex));
  return null;
}
