/**
 * The site's LAN: how a desk PC talks to the hub PC, shared by the hub, the desk's main process
 * and the screens that show pairing codes. Plain data and pure functions: no Node, no DOM.
 *
 * - The hub listens on the LAN over HTTPS (`lanPorts.desks`) with a certificate it generated
 *   itself; a desk pins the certificate's SHA-256 fingerprint and refuses any other.
 * - A plain-HTTP listener (`lanPorts.display`) serves the waiting-area display alone.
 * - Every call from a desk carries its device token (`Desk-Device`), its version and protocol
 *   (`Desk-Version`), and the staff member's session (`Authorization: Bearer`).
 */

/** Raised when a change on one side needs the other side updated; both sides compare it. */
export const lanProtocol = 1;

/** Default ports: the hub's own loopback door is 4780 (`serve`), these two open only with LAN access. */
export const lanPorts = { desks: 4781, display: 4782 } as const;

/** Header names, lower case as Node gives them. */
export const lanHeaders = {
  /** The paired device's token: 43 base64url characters (256 bits). */
  device: 'desk-device',
  /** `<app version>; protocol=<n>`, e.g. `0.1.0; protocol=1`. */
  version: 'desk-version',
} as const;

export function versionHeaderValue(appVersion: string, protocol: number = lanProtocol): string {
  return `${appVersion}; protocol=${protocol}`;
}

/** `{ appVersion, protocol }` from a `Desk-Version` header, or null when it is not one. */
export function parseVersionHeader(value: string | undefined): { appVersion: string; protocol: number } | null {
  const match = /^([0-9A-Za-z.+-]{1,32}); protocol=(\d{1,4})$/.exec(value ?? '');
  if (match === null) return null;
  return { appVersion: match[1] as string, protocol: Number(match[2]) };
}

/** Which side must be updated when the protocols differ; null when they match. */
export function whoMustUpdate(deskProtocol: number, hubProtocol: number): 'desk' | 'hub' | null {
  if (deskProtocol === hubProtocol) return null;
  return deskProtocol < hubProtocol ? 'desk' : 'hub';
}

/** How long a pairing code is valid. */
export const pairingCodeLifetimeMs = 10 * 60_000;

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed is hard to get wrong. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The code's secret: 8 characters, 40 bits, single use and ten minutes long. */
export const pairingSecretLength = 8;
/** The fingerprint's part: 12 characters, the first 60 bits of the certificate's SHA-256. */
export const pairingFingerprintLength = 12;

/** A SHA-256 fingerprint as Node writes it (`AB:CD:…`, 32 bytes) → its bytes; null if not one. */
export function fingerprintBytes(fingerprint: string): Uint8Array | null {
  const hex = fingerprint.replace(/:/g, '');
  if (!/^[0-9A-Fa-f]{64}$/.test(hex)) return null;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i += 1) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Upper-case hex pairs with colons, as `X509Certificate.fingerprint256` writes them. */
export function normaliseFingerprint(fingerprint: string): string | null {
  const bytes = fingerprintBytes(fingerprint);
  if (bytes === null) return null;
  return [...bytes].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(':');
}

function base32(bytes: Uint8Array, characters: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < characters) {
      out += alphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
    if (out.length >= characters) break;
  }
  return out;
}

/** The part of a pairing code that names the hub's certificate. */
export function fingerprintCodePart(fingerprint: string): string {
  const bytes = fingerprintBytes(fingerprint);
  if (bytes === null) throw new RangeError('not a SHA-256 fingerprint');
  return base32(bytes, pairingFingerprintLength);
}

/** Random bytes → a code secret (the hub passes 5 random bytes). */
export function pairingSecretFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length < 5) throw new RangeError('a pairing secret needs 5 random bytes');
  return base32(randomBytes, pairingSecretLength);
}

/** The code as shown and typed: secret then fingerprint part, in groups of four (`7KQ4-9XMP-…`). */
export function formatPairingCode(secret: string, fingerprint: string): string {
  const all = secret + fingerprintCodePart(fingerprint);
  return all.match(/.{1,4}/g)?.join('-') ?? all;
}

/**
 * A typed code → its secret and fingerprint part; null when it cannot be one. Case, spaces and
 * dashes are forgiven, and the letters people confuse with digits (O, I, L) are read as them.
 */
export function parsePairingCode(typed: string): { secret: string; fingerprintPart: string } | null {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== pairingSecretLength + pairingFingerprintLength) return null;
  if ([...cleaned].some((c) => !alphabet.includes(c))) return null;
  return { secret: cleaned.slice(0, pairingSecretLength), fingerprintPart: cleaned.slice(pairingSecretLength) };
}

/** Whether a certificate's full fingerprint is the one a pairing code names. */
export function fingerprintMatchesCode(fingerprint: string, fingerprintPart: string): boolean {
  return fingerprintBytes(fingerprint) !== null && fingerprintCodePart(fingerprint) === fingerprintPart;
}
