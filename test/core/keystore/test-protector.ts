import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { OsProtector } from '../../../electron/core/keystore/index.js';

/** Stands in for the OS account's protector (Electron's safeStorage) with a fixed test key. */
export class TestProtector implements OsProtector {
  constructor(private readonly secret: Buffer = Buffer.alloc(32, 7)) {}

  encryptString(plain: string): Promise<Buffer> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.secret, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]));
  }

  decryptString(cipher: Buffer): Promise<string> {
    const decipher = createDecipheriv('aes-256-gcm', this.secret, cipher.subarray(0, 12));
    decipher.setAuthTag(cipher.subarray(12, 28));
    return Promise.resolve(Buffer.concat([decipher.update(cipher.subarray(28)), decipher.final()]).toString('utf8'));
  }
}

/** An OS protector that has lost its key, as after a Windows profile is rebuilt. */
export class BrokenProtector implements OsProtector {
  encryptString(): Promise<Buffer> {
    return Promise.reject(new Error('encryption is not available'));
  }

  decryptString(): Promise<string> {
    return Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'));
  }
}
