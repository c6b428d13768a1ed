import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeystore, keystoreExists, readKeystore, writeKeystore } from '../../../electron/core/keystore/index.js';
import type { KeystoreFile } from '../../../electron/core/keystore/index.js';

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'osq-'));
  path = join(dir, 'keystore.json');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const sample: KeystoreFile = {
  format: 'one-stop-queue-keystore',
  version: 1,
  keyId: 'b1f0c2a4-0000-4000-8000-000000000001',
  slots: [
    {
      kind: 'safe-storage',
      id: 'slot-1',
      label: "this computer's account",
      createdAt: '2026-01-05T09:00:00.000Z',
      wrapped: Buffer.from('opaque bytes from the OS').toString('base64'),
    },
  ],
};

describe('keystore file', () => {
  it('reports a missing keystore as missing-keystore, naming the path', () => {
    expect(keystoreExists(path)).toBe(false);
    expect(() => readKeystore(path)).toThrow(expect.objectContaining({ reason: 'missing-keystore' }));
    expect(() => readKeystore(path)).toThrow(path);
  });

  it('reports garbage as corrupt-keystore', () => {
    writeFileSync(path, 'this is not a keystore \u0000\u0001');
    expect(() => readKeystore(path)).toThrow(expect.objectContaining({ reason: 'corrupt-keystore' }));
  });

  it('reports a truncated keystore as corrupt-keystore', async () => {
    await createKeystore(path, { kind: 'passphrase', passphrase: 'correct horse battery' });
    const text = readKeystoreText();
    writeFileSync(path, text.slice(0, Math.floor(text.length / 2)));
    expect(() => readKeystore(path)).toThrow(expect.objectContaining({ reason: 'corrupt-keystore' }));
  });

  it('reports valid JSON of the wrong shape as corrupt-keystore', () => {
    writeFileSync(path, JSON.stringify({ ...sample, slots: [{ ...sample.slots[0], kind: 'magic' }] }));
    expect(() => readKeystore(path)).toThrow(expect.objectContaining({ reason: 'corrupt-keystore' }));
    writeFileSync(path, JSON.stringify({ ...sample, slots: [] }));
    expect(() => readKeystore(path)).toThrow(expect.objectContaining({ reason: 'corrupt-keystore' }));
  });

  it('refuses a keystore from a newer version with a message saying so', () => {
    writeFileSync(path, JSON.stringify({ ...sample, version: 2 }));
    expect(() => readKeystore(path)).toThrow(/version 2/);
  });

  it('writes a file that reads back the same and leaves no temporary files behind', () => {
    writeKeystore(path, sample);
    expect(readKeystore(path)).toEqual(sample);
    writeKeystore(path, { ...sample, keyId: 'another-id' });
    expect(readKeystore(path).keyId).toBe('another-id');
    expect(readdirSync(dir)).toEqual(['keystore.json']);
  });

  it.skipIf(process.platform === 'win32')('writes the keystore readable by its owner only', () => {
    writeKeystore(path, sample);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses to write an invalid keystore and leaves the old one in place', () => {
    writeKeystore(path, sample);
    const before = readKeystoreText();
    const invalid = { ...sample, slots: [] };
    expect(() => { writeKeystore(path, invalid); }).toThrow(expect.objectContaining({ reason: 'corrupt-keystore' }));
    expect(readKeystoreText()).toBe(before);
    expect(readdirSync(dir)).toEqual(['keystore.json']);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)(
    'fails to write into a read-only folder without touching the old keystore',
    () => {
      writeKeystore(path, sample);
      const before = readKeystoreText();
      chmodSync(dir, 0o500);
      try {
        expect(() => { writeKeystore(path, { ...sample, keyId: 'x' }); }).toThrow();
      } finally {
        chmodSync(dir, 0o700);
      }
      expect(readKeystoreText()).toBe(before);
    },
  );
});

function readKeystoreText(): string {
  return readFileSync(path, 'utf8');
}
