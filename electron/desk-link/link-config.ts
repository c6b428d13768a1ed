import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { normaliseFingerprint } from '../../shared/lan-protocol.js';

/** What a desk PC keeps of its site: where the hub is, which certificate it trusts, and who it is. */
export interface LinkConfig {
  /** `https://host:port` */
  hubUrl: string;
  /** The pinned SHA-256 fingerprints (`AB:CD:…`): the current certificate, and the renewed one once announced. */
  fingerprints: string[];
  deviceId: number;
  deviceToken: string;
  label: string;
  siteName: string;
}

/** The operating system's protection for the device token (`safeStorage` in Electron); = `OsProtector`. */
export interface LinkProtector {
  encryptString(plain: string): Promise<Buffer>;
  decryptString(cipher: Buffer): Promise<string>;
}

/** The desk PC's one file, in its app-data folder. It holds no visit data, ever. */
export const linkConfigFile = 'desk-link.json';

const fingerprint = z.string().refine((s) => normaliseFingerprint(s) !== null);

const fileSchema = z.strictObject({
  version: z.literal(1),
  hubUrl: z.url({ protocol: /^https$/ }),
  fingerprints: z.array(fingerprint).min(1).max(8),
  deviceId: z.int().positive(),
  /** The device token, encrypted by the protector, in base64. */
  deviceToken: z.base64().min(1),
  label: z.string().max(200),
  siteName: z.string().max(200),
});

/** `desk-link.json` is there but cannot be read as one: said plainly rather than pairing again silently. */
export class LinkConfigError extends Error {
  constructor(readonly reason: 'unreadable') {
    super(`${linkConfigFile} is damaged: pair this desk PC with the hub again.`);
    this.name = 'LinkConfigError';
  }
}

/** The saved link, or null when this PC has not joined a site. The protector decrypts the token. */
export async function readLinkConfig(dir: string, protector: LinkProtector): Promise<LinkConfig | null> {
  let text: string;
  try {
    text = await readFile(path.join(dir, linkConfigFile), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: z.infer<typeof fileSchema>;
  try {
    parsed = fileSchema.parse(JSON.parse(text));
  } catch {
    throw new LinkConfigError('unreadable');
  }
  // A protector that cannot decrypt (another Windows account, a reset keyring) fails loudly here.
  const deviceToken = await protector.decryptString(Buffer.from(parsed.deviceToken, 'base64'));
  return {
    hubUrl: new URL(parsed.hubUrl).origin,
    fingerprints: parsed.fingerprints.map((f) => normaliseFingerprint(f) as string),
    deviceId: parsed.deviceId,
    deviceToken,
    label: parsed.label,
    siteName: parsed.siteName,
  };
}

/**
 * Saves the link: the token encrypted by the protector, the file readable by this user only,
 * and written whole or not at all (a temporary file, flushed, then renamed over the old one), so
 * a power cut mid-write leaves the previous link rather than half of one.
 */
export async function writeLinkConfig(dir: string, config: LinkConfig, protector: LinkProtector): Promise<void> {
  const cipher = await protector.encryptString(config.deviceToken);
  const content = fileSchema.parse({
    version: 1,
    hubUrl: config.hubUrl,
    fingerprints: config.fingerprints,
    deviceId: config.deviceId,
    deviceToken: cipher.toString('base64'),
    label: config.label,
    siteName: config.siteName,
  });
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, linkConfigFile);
  const temp = path.join(dir, `.${linkConfigFile}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(content, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The mode given to open is reduced by the umask; say it again so no umask widens it.
    await chmod(temp, 0o600);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
