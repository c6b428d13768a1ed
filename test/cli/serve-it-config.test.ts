import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exitCodes } from '../../electron/cli/exit-codes.js';
import { storePaths } from '../../electron/core/store/paths.js';
import { tempDir, testPassphrase } from '../fixtures/temp-site.js';
import { runProgram, servingLine, spawnProgram, spawnTimeout } from './program.js';

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir('osq-serve-it-')));
afterEach(() => remove());

function itFile(config: unknown): Record<string, string> {
  const file = path.join(dir, 'it-config.json');
  fs.writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
  return { ONE_STOP_QUEUE_PASSPHRASE: testPassphrase, ONE_STOP_QUEUE_IT_CONFIG: file };
}

describe('serve and IT’s settings file', { timeout: spawnTimeout }, () => {
  it('refuses to start on a wrong file, naming the file and the field, and makes no store', async () => {
    const store = path.join(dir, 'store');
    const result = await runProgram(['serve', '--data-dir', store, '--port', '0', '--no-renderer'], itFile({ role: 'hub', paper: 'tabloid' }));
    expect(result.code).toBe(exitCodes.usage);
    expect(result.stderr).toContain(path.join(dir, 'it-config.json'));
    expect(result.stderr).toContain('"paper"');
    expect(result.stderr).toContain('nothing was changed');
    expect(fs.existsSync(store)).toBe(false);
  });

  it('keeps the store where IT says when no --data-dir is given', async () => {
    const store = path.join(dir, 'it-store');
    const started = await runServeWithoutDataDir(itFile({ role: 'hub', dataDir: store }));
    expect(started).toBe(true);
    expect(fs.existsSync(storePaths(store).keystore)).toBe(true);
  });

  it('refuses to run on a PC that IT made a desk PC', async () => {
    const result = await runProgram(['serve', '--data-dir', path.join(dir, 'store'), '--port', '0', '--no-renderer'], itFile({ role: 'desk' }));
    expect(result.code).toBe(exitCodes.refused);
    expect(result.stderr).toMatch(/desk PC/);
    expect(fs.existsSync(path.join(dir, 'store'))).toBe(false);
  });
});

/** serve with no --data-dir at all: it must take IT's folder. */
async function runServeWithoutDataDir(env: Record<string, string>): Promise<boolean> {
  const child = spawnProgram(['serve', '--port', '0', '--no-renderer'], env);
  child.stdin.end();
  let out = '';
  const served = await new Promise<boolean>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (servingLine.test(out)) resolve(true);
    });
    child.on('close', () => resolve(false));
  });
  const closed = new Promise((resolve) => child.on('close', resolve));
  child.kill('SIGTERM');
  await closed;
  return served;
}
