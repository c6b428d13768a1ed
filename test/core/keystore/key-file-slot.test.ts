import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createKeyFile,
  makeKeyFileSlot,
  openKeyFileSlot,
  readKeyFile,
} from '../../../electron/core/keystore/index.js';

let dir: string;
let keyFilePath: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'osq-'));
  keyFilePath = join(dir, 'site.key');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('key file', () => {
  it('holds 32 random bytes as 64 hex characters and a newline', () => {
    createKeyFile(keyFilePath);
    expect(readFileSync(keyFilePath, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(readKeyFile(keyFilePath)).toHaveLength(32);
  });

  it.skipIf(process.platform === 'win32')('is created readable by its owner only', () => {
    createKeyFile(keyFilePath);
    expect(statSync(keyFilePath).mode & 0o777).toBe(0o600);
  });

  it('refuses to overwrite an existing file', () => {
    createKeyFile(keyFilePath);
    const before = readFileSync(keyFilePath, 'utf8');
    expect(() => { createKeyFile(keyFilePath); }).toThrow(expect.objectContaining({ reason: 'key-file-exists' }));
    expect(readFileSync(keyFilePath, 'utf8')).toBe(before);
  });

  it.skipIf(process.platform === 'win32')('is refused when other users can read it, with the chmod that fixes it', () => {
    createKeyFile(keyFilePath);
    chmodSync(keyFilePath, 0o644);
    expect(() => readKeyFile(keyFilePath)).toThrow(
      expect.objectContaining({
        reason: 'key-file-permissions',
        message: expect.stringContaining(`chmod 600 ${keyFilePath}`) as unknown,
      }),
    );
  });

  it('is refused as wrong-key-file when its content is not 64 hex characters, without quoting it', () => {
    writeFileSync(keyFilePath, 'not-a-key-zzzz\n', { mode: 0o600 });
    expect(() => readKeyFile(keyFilePath)).toThrow(expect.objectContaining({ reason: 'wrong-key-file' }));
    expect(() => readKeyFile(keyFilePath)).not.toThrow(/zzzz/);
  });

  it('is refused as wrong-key-file when it does not exist', () => {
    expect(() => readKeyFile(keyFilePath)).toThrow(expect.objectContaining({ reason: 'wrong-key-file' }));
  });
});

describe('key-file slot', () => {
  it('opens with the key file it was made with and gives back the same key', () => {
    createKeyFile(keyFilePath);
    const key = randomBytes(32);
    const slot = makeKeyFileSlot(key, readKeyFile(keyFilePath), 'key file');
    expect(openKeyFileSlot(slot, readKeyFile(keyFilePath))).toEqual(key);
  });

  it('gives wrong-key-file for another key file', () => {
    const slot = makeKeyFileSlot(randomBytes(32), randomBytes(32), 'key file');
    expect(() => openKeyFileSlot(slot, randomBytes(32))).toThrow(expect.objectContaining({ reason: 'wrong-key-file' }));
  });
});
