import type { Migration } from './migration.js';

/**
 * LAN access (docs/lan.md): the hub's own certificate, the desk PCs paired with it and the
 * pairing codes that let them in. No personal data: a device's label is what IT called the PC.
 * - `lan_certificates`: the certificate desks pin, and the renewed one announced before the change;
 *   its private key lives here, in the encrypted store, and nowhere else.
 * - `lan_devices`: a device token is kept only as its SHA-256; a withdrawn device keeps its row,
 *   so the audit and the managers' list can still name it.
 * - `lan_pairing_codes`: only the secret's SHA-256, with when it ends and when it was used;
 *   purged a day after it ends.
 */
export const lanAccess: Migration = {
  version: 9,
  name: 'LAN access: certificate, paired devices, pairing codes',
  up: `
    CREATE TABLE lan_certificates (
      slot TEXT PRIMARY KEY CHECK (slot IN ('current', 'next')),
      cert_pem TEXT NOT NULL,
      key_pem TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      not_after INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE lan_devices (
      id INTEGER PRIMARY KEY,
      label TEXT NOT NULL,
      token_hash BLOB NOT NULL UNIQUE,
      app_version TEXT NOT NULL,
      paired_at INTEGER NOT NULL,
      revoked_at INTEGER
    ) STRICT;
    CREATE TABLE lan_pairing_codes (
      id INTEGER PRIMARY KEY,
      secret_hash BLOB NOT NULL UNIQUE,
      created_by INTEGER NOT NULL REFERENCES staff (id),
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      used_at INTEGER,
      device_id INTEGER REFERENCES lan_devices (id)
    ) STRICT;
  `,
};
