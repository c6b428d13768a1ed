import { createHash, randomBytes } from 'node:crypto';
import type { Device } from '../../../shared/domain/lan.js';
import { DeskFailure } from '../../../shared/errors.js';
import { errorText as t } from '../../../shared/i18n/catalogue.js';
import type { Db } from '../store/open-database.js';

/**
 * Paired desk PCs (migration 9). A device token is 256 random bits, like a session's, and only
 * its SHA-256 is stored: a copy of the store does not let anyone act as a desk.
 */

export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Device tokens are 43 base64url characters; anything else is not looked up at all. */
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/** The paired, not withdrawn device a token belongs to; null otherwise. */
export function findDevice(db: Db, token: string): { id: number; label: string } | null {
  if (!tokenShape.test(token)) return null;
  const row = db.prepare('SELECT id, label FROM lan_devices WHERE token_hash = ? AND revoked_at IS NULL').get(tokenHash(token)) as
    | { id: number; label: string }
    | undefined;
  return row ?? null;
}

export function addDevice(db: Db, device: { label: string; appVersion: string; token: string; now: number }): number {
  const info = db
    .prepare('INSERT INTO lan_devices (label, token_hash, app_version, paired_at) VALUES (?, ?, ?, ?)')
    .run(device.label, tokenHash(device.token), device.appVersion, device.now);
  return Number(info.lastInsertRowid);
}

interface DeviceRow {
  id: number;
  label: string;
  app_version: string;
  paired_at: number;
  revoked_at: number | null;
}

function toDevice(row: DeviceRow, lastSeen: (id: number) => number | null): Device {
  return { id: row.id, label: row.label, appVersion: row.app_version, pairedAt: row.paired_at, lastSeenAt: lastSeen(row.id), revokedAt: row.revoked_at };
}

/** Newest first: the PC just paired is the one a manager is looking for. */
export function listDevices(db: Db, lastSeen: (id: number) => number | null): Device[] {
  const rows = db.prepare('SELECT id, label, app_version, paired_at, revoked_at FROM lan_devices ORDER BY paired_at DESC, id DESC').all() as DeviceRow[];
  return rows.map((row) => toDevice(row, lastSeen));
}

/** Withdraws a device (once: withdrawing again keeps the first time). */
export function revokeDevice(db: Db, id: number, now: number, lastSeen: (id: number) => number | null): Device {
  db.prepare('UPDATE lan_devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id);
  const row = db.prepare('SELECT id, label, app_version, paired_at, revoked_at FROM lan_devices WHERE id = ?').get(id) as DeviceRow | undefined;
  if (row === undefined) throw new DeskFailure('not-found', t.noSuchDevice, [{ path: ['deviceId'], message: t.deviceField }]);
  return toDevice(row, lastSeen);
}
