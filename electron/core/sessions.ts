import { randomBytes } from 'node:crypto';

interface Live {
  staffId: number;
  expiresAt: number;
}

/**
 * Sessions live in memory only: a restart signs everyone out, which is what a shared front
 * desk PC wants, and no token is ever written to disk.
 */
export class SessionStore {
  private readonly live = new Map<string, Live>();

  create(staffId: number, now: number, idleMs: number): { token: string; expiresAt: number } {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + idleMs;
    this.live.set(token, { staffId, expiresAt });
    return { token, expiresAt };
  }

  /** The staff id behind a token still in date, its expiry moved on; null otherwise. */
  touch(token: string, now: number, idleMs: number): { staffId: number; expiresAt: number } | null {
    const session = this.live.get(token);
    if (session === undefined) return null;
    if (session.expiresAt <= now) {
      this.live.delete(token);
      return null;
    }
    session.expiresAt = now + idleMs;
    return { staffId: session.staffId, expiresAt: session.expiresAt };
  }

  revoke(token: string): void {
    this.live.delete(token);
  }

  revokeStaff(staffId: number): void {
    for (const [token, session] of this.live) if (session.staffId === staffId) this.live.delete(token);
  }
}
