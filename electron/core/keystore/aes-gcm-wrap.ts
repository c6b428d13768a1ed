import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Wrapped {
  iv: string;
  tag: string;
  wrapped: string;
}

/** The slot id goes into the AAD so a wrapped key cannot be moved into another slot unnoticed. */
export function slotAad(slotId: string): Buffer {
  return Buffer.from(`one-stop-queue:${slotId}`, 'utf8');
}

export function assertDatabaseKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) {
    // Only the length is reported: the key itself must never reach a message.
    throw new RangeError(`A database key must be ${String(KEY_BYTES)} bytes, not ${String(key.length)}.`);
  }
}

export function wrapKey(kek: Buffer, key: Buffer, slotId: string): Wrapped {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', kek, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(slotAad(slotId));
  const wrapped = Buffer.concat([cipher.update(key), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), wrapped: wrapped.toString('base64') };
}

/** Returns undefined when GCM authentication fails: to the caller that means "wrong secret". */
export function unwrapKey(kek: Buffer, slot: Wrapped, slotId: string): Buffer | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'), { authTagLength: TAG_BYTES });
    decipher.setAAD(slotAad(slotId));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(slot.wrapped, 'base64')), decipher.final()]);
    if (key.length !== KEY_BYTES) {
      key.fill(0);
      return undefined;
    }
    return key;
  } catch {
    return undefined;
  }
}
