import { X509Certificate } from 'node:crypto';
import net from 'node:net';
import { generate } from 'selfsigned';
import type { LanCertificate, LanState } from '../core/index.js';

const day = 24 * 60 * 60_000;

/** Five years: long enough that a site rarely sees a renewal, and renewal is automatic when it does. */
export const certificateLifetimeMs = 5 * 365 * day;
/** The next certificate is made this long before the current one ends, and its fingerprint announced to the desks (getHubInfo). */
export const makeNextBeforeMs = 90 * day;
/** … and served from this long before: the sixty days between are the desks' time to learn it. */
export const promoteBeforeMs = 30 * day;

export const certificateCommonName = 'One Stop Queue hub';

/** What the doors do next about the certificate; `none` once nothing is due. */
export type RenewalStep = 'make-current' | 'make-next' | 'promote' | 'none';

/**
 * The one rule for the hub's certificate, pure so that it is tested by dates. Applied until it
 * says `none`: a hub that was off through the whole window makes its next certificate and
 * promotes it in one go (its desks then have to be paired again, as docs/lan.md says).
 * A `next` that would itself be due for renewal is no use, and is made again.
 */
export function renewalStep(state: Pick<LanState, 'current' | 'next'>, now: number): RenewalStep {
  if (state.current === null) return 'make-current';
  const left = state.current.notAfter - now;
  if (left >= makeNextBeforeMs) return 'none';
  const usableNext = state.next !== null && state.next.notAfter - now >= makeNextBeforeMs;
  if (!usableNext) return 'make-next';
  return left < promoteBeforeMs ? 'promote' : 'none';
}

/** `AB:CD:…`, the SHA-256 fingerprint desks pin (not selfsigned's own `fingerprint`, which is SHA-1). */
export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

/**
 * A new self-signed certificate for the LAN door: ECDSA P-256 signed with SHA-256 (selfsigned
 * defaults to RSA and SHA-1), valid five years from `now`. The names are informative only —
 * desks trust the pinned fingerprint, not a name — but a browser opening the display over
 * HTTPS shows them.
 */
export async function makeLanCertificate(names: readonly string[], now: number): Promise<LanCertificate> {
  const altNames = [...new Set(names)].map((name) => {
    const bare = name.replace(/^\[|\]$/g, '');
    return net.isIP(bare) !== 0 ? { type: 7 as const, ip: bare } : { type: 2 as const, value: name };
  });
  const pems = await generate([{ name: 'commonName', value: certificateCommonName }], {
    algorithm: 'sha256',
    keyType: 'ec',
    curve: 'P-256',
    // A minute back, so that a desk whose clock is slightly behind still accepts it.
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + certificateLifetimeMs),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      ...(altNames.length > 0 ? [{ name: 'subjectAltName' as const, altNames }] : []),
    ],
  });
  const x509 = new X509Certificate(pems.cert);
  return { certPem: pems.cert, keyPem: pems.private, fingerprint: x509.fingerprint256, notAfter: Date.parse(x509.validTo) };
}
