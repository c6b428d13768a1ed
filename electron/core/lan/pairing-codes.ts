import { createHash, randomBytes } from 'node:crypto';
import { pairingCodeLifetimeMs, pairingSecretFrom } from '../../../shared/lan-protocol.js';
import type { Db } from '../store/open-database.js';

/**
 * Pairing codes (migration 9): a manager makes one on the hub and types it on the desk PC. The
 * secret part is 40 random bits, valid ten minutes and once; only its SHA-256 is stored. The hub
 * limits guesses per address (the sign-in rate limit) on top.
 */

function secretHash(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** A new code's secret, kept (hashed) with its end; the caller formats it with the fingerprint. */
export function makePairingSecret(db: Db, staffId: number, now: number): { secret: string; expiresAt: number } {
  const secret = pairingSecretFrom(randomBytes(5));
  const expiresAt = now + pairingCodeLifetimeMs;
  db.prepare('INSERT INTO lan_pairing_codes (secret_hash, created_by, created_at, expires_at) VALUES (?, ?, ?, ?)').run(secretHash(secret), staffId, now, expiresAt);
  return { secret, expiresAt };
}

/** The id of an unused code still in date with this secret, or null; see `markUsed`. */
export function findUsableCode(db: Db, secret: string, now: number): number | null {
  const row = db.prepare('SELECT id FROM lan_pairing_codes WHERE secret_hash = ? AND used_at IS NULL AND expires_at > ?').get(secretHash(secret), now) as
    | { id: number }
    | undefined;
  return row?.id ?? null;
}

export function markUsed(db: Db, codeId: number, deviceId: number, now: number): void {
  db.prepare('UPDATE lan_pairing_codes SET used_at = ?, device_id = ? WHERE id = ?').run(now, deviceId, codeId);
}

/** Codes a day past their end go with the purge: nothing is left to learn from them. */
export function forgetOldPairingCodes(db: Db, now: number): number {
  return db.prepare('DELETE FROM lan_pairing_codes WHERE expires_at < ?').run(now - 24 * 60 * 60_000).changes;
}
