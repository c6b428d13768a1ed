import { X509Certificate, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LanCertificate } from '../../electron/core/index.js';
import { certificateCommonName, makeLanCertificate, renewalStep } from '../../electron/hub/lan-certificate.js';

const day = 24 * 60 * 60_000;
const now = Date.UTC(2031, 5, 1, 12, 0);

function cert(name: string, notAfter: number): LanCertificate {
  return { certPem: name, keyPem: name, fingerprint: name, notAfter };
}

describe('renewalStep', () => {
  it('makes the first certificate when there is none', () => {
    expect(renewalStep({ current: null, next: null }, now)).toBe('make-current');
  });

  it('does nothing while more than 90 days are left', () => {
    expect(renewalStep({ current: cert('a', now + 5 * 365 * day), next: null }, now)).toBe('none');
    expect(renewalStep({ current: cert('a', now + 90 * day), next: null }, now)).toBe('none');
  });

  it('makes the next certificate when fewer than 90 days are left, and then waits', () => {
    const current = cert('a', now + 90 * day - 1);
    expect(renewalStep({ current, next: null }, now)).toBe('make-next');
    expect(renewalStep({ current, next: cert('b', now + 5 * 365 * day) }, now)).toBe('none');
    // Sixty days on, still announced, not yet served.
    expect(renewalStep({ current, next: cert('b', now + 5 * 365 * day) }, now + 59 * day)).toBe('none');
  });

  it('promotes the next certificate when fewer than 30 days are left', () => {
    const current = cert('a', now + 30 * day - 1);
    expect(renewalStep({ current, next: cert('b', now + 5 * 365 * day) }, now)).toBe('promote');
    expect(renewalStep({ current: cert('a', now + 30 * day), next: cert('b', now + 5 * 365 * day) }, now)).toBe('none');
  });

  it('after a hub was off through the whole window, makes the next certificate first, then promotes it', () => {
    const expired = cert('a', now - 10 * day);
    expect(renewalStep({ current: expired, next: null }, now)).toBe('make-next');
    expect(renewalStep({ current: expired, next: cert('b', now + 5 * 365 * day) }, now)).toBe('promote');
  });

  it('makes a next certificate again when the one kept would itself be due', () => {
    const current = cert('a', now + 20 * day);
    expect(renewalStep({ current, next: cert('b', now + 80 * day) }, now)).toBe('make-next');
  });
});

describe('makeLanCertificate', () => {
  it('makes an ECDSA P-256 certificate, valid five years, named for the hub and its addresses, with its SHA-256 fingerprint', async () => {
    const made = await makeLanCertificate(['127.0.0.2', '[::1]', 'hub-pc', 'hub-pc.local'], now);
    const x509 = new X509Certificate(made.certPem);
    expect(x509.subject).toBe(`CN=${certificateCommonName}`);
    expect(x509.subjectAltName).toBe('IP Address:127.0.0.2, IP Address:0:0:0:0:0:0:0:1, DNS:hub-pc, DNS:hub-pc.local');
    expect(x509.publicKey.asymmetricKeyType).toBe('ec');
    expect(x509.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(x509.checkPrivateKey(createPrivateKey(made.keyPem))).toBe(true);
    expect(made.fingerprint).toBe(x509.fingerprint256);
    expect(made.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(made.notAfter).toBe(Date.parse(x509.validTo));
    expect(Math.abs(made.notAfter - (now + 5 * 365 * day))).toBeLessThan(2_000);
    expect(Date.parse(x509.validFrom)).toBeLessThanOrEqual(now);
    // Signed with SHA-256, not selfsigned's default SHA-1: the signature algorithm OID sits in the DER.
    const ecdsaWithSha256 = Buffer.from('06082a8648ce3d040302', 'hex');
    expect(x509.raw.includes(ecdsaWithSha256)).toBe(true);
  });

  it('makes a different key and fingerprint each time', async () => {
    const [a, b] = await Promise.all([makeLanCertificate(['hub-pc'], now), makeLanCertificate(['hub-pc'], now)]);
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(a.keyPem).not.toBe(b.keyPem);
  });
});
