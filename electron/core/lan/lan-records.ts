import type { Db } from '../store/open-database.js';

/** The hub's LAN certificate as the store keeps it (migration 9). */
export interface LanCertificate {
  certPem: string;
  keyPem: string;
  /** SHA-256, as `X509Certificate.fingerprint256` writes it: what desks pin. */
  fingerprint: string;
  /** UTC ms. */
  notAfter: number;
}

export type CertificateSlot = 'current' | 'next';

/** One settings row, like any other setting, but not part of the settings screen's form. */
const enabledKey = 'lanEnabled';

export function lanEnabled(db: Db): boolean {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(enabledKey) as { value: string } | undefined;
  return row !== undefined && JSON.parse(row.value) === true;
}

export function setLanEnabled(db: Db, enabled: boolean): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(enabledKey, JSON.stringify(enabled));
}

interface CertificateRow {
  slot: CertificateSlot;
  cert_pem: string;
  key_pem: string;
  fingerprint: string;
  not_after: number;
}

export function readCertificates(db: Db): Record<CertificateSlot, LanCertificate | null> {
  const rows = db.prepare('SELECT slot, cert_pem, key_pem, fingerprint, not_after FROM lan_certificates').all() as CertificateRow[];
  const of = (slot: CertificateSlot): LanCertificate | null => {
    const row = rows.find((r) => r.slot === slot);
    return row === undefined ? null : { certPem: row.cert_pem, keyPem: row.key_pem, fingerprint: row.fingerprint, notAfter: row.not_after };
  };
  return { current: of('current'), next: of('next') };
}

export function saveCertificate(db: Db, cert: LanCertificate, slot: CertificateSlot): void {
  db.prepare(
    `INSERT INTO lan_certificates (slot, cert_pem, key_pem, fingerprint, not_after) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (slot) DO UPDATE SET cert_pem = excluded.cert_pem, key_pem = excluded.key_pem,
       fingerprint = excluded.fingerprint, not_after = excluded.not_after`,
  ).run(slot, cert.certPem, cert.keyPem, cert.fingerprint, cert.notAfter);
}

/** The renewed certificate becomes the one served; false when there is none to promote. */
export function promoteNextCertificate(db: Db): boolean {
  const next = readCertificates(db).next;
  if (next === null) return false;
  saveCertificate(db, next, 'current');
  db.prepare("DELETE FROM lan_certificates WHERE slot = 'next'").run();
  return true;
}
