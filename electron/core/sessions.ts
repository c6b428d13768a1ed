import { randomBytes } from 'node:crypto';

interface Live {
  staffId: number;
  expiresAt: number;
  /** The paired desk PC it was signed in through; null for the hub PC's own door. */
  deviceId: number | null;
}

/** Told the token of every session that ends, whatever ended it (sign-out, revocation, idle expiry). */
export type SessionEndedListener = (token: string) => void;

/**
 * Sessions live in memory only: a restart signs everyone out, which is what a shared front
 * desk PC wants, and no token is ever written to disk.
 */
export class SessionStore {
  private readonly live = new Map<string, Live>();
  private readonly endedListeners = new Set<SessionEndedListener>();

  create(staffId: number, now: number, idleMs: number, deviceId: number | null = null): { token: string; expiresAt: number } {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + idleMs;
    this.live.set(token, { staffId, expiresAt, deviceId });
    return { token, expiresAt };
  }

  /**
   * The staff id behind a token still in date, its expiry moved on; null otherwise. A session
   * works only through the door it was signed in through (`deviceId`): a token carried to another
   * PC is refused there, without ending it for its owner.
   */
  touch(token: string, now: number, idleMs: number, deviceId: number | null = null): { staffId: number; expiresAt: number } | null {
    const session = this.live.get(token);
    if (session === undefined || session.deviceId !== deviceId) return null;
    if (session.expiresAt <= now) {
      this.end(token);
      return null;
    }
    session.expiresAt = now + idleMs;
    return { staffId: session.staffId, expiresAt: session.expiresAt };
  }

  /** Whether a token is live and in date, without moving its expiry (an idle session stays idle). */
  alive(token: string, now: number, deviceId: number | null = null): boolean {
    const session = this.live.get(token);
    if (session === undefined || session.deviceId !== deviceId) return false;
    if (session.expiresAt <= now) {
      this.end(token);
      return false;
    }
    return true;
  }

  revoke(token: string): void {
    this.end(token);
  }

  /** Ends every session of one member of staff, but `keep` (the caller's own, after a PIN change). */
  revokeStaff(staffId: number, keep?: string): void {
    for (const [token, session] of this.live) if (session.staffId === staffId && token !== keep) this.end(token);
  }

  /** Ends every session signed in through a desk PC that was withdrawn. */
  revokeDevice(deviceId: number): void {
    for (const [token, session] of this.live) if (session.deviceId === deviceId) this.end(token);
  }

  /** Listens for sessions ending, so that whoever holds a session open (an event socket) lets go. */
  onEnded(listener: SessionEndedListener): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  private end(token: string): void {
    if (!this.live.delete(token)) return;
    for (const listener of this.endedListeners) listener(token);
  }
}
