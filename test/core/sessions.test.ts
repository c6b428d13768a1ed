import { describe, expect, it } from 'vitest';
import { SessionStore } from '../../electron/core/sessions.js';

const minute = 60_000;
const idle = 15 * minute;
const nine = Date.UTC(2026, 10, 24, 9, 0);

function storeWithEnded(): { store: SessionStore; ended: string[] } {
  const store = new SessionStore();
  const ended: string[] = [];
  store.onEnded((token) => ended.push(token));
  return { store, ended };
}

describe('sessions', () => {
  it('gives each sign-in its own unguessable token, expiring the idle time after it', () => {
    const store = new SessionStore();
    const a = store.create(1, nine, idle);
    const b = store.create(1, nine, idle);
    expect(a.expiresAt).toBe(nine + idle);
    // 32 random bytes in base64url: 43 characters, no padding.
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(b.token).not.toBe(a.token);
    expect(store.alive(a.token, nine)).toBe(true);
    expect(store.alive(b.token, nine)).toBe(true);
  });

  it('moves the expiry on at each use and tells whose session it is', () => {
    const store = new SessionStore();
    const { token } = store.create(7, nine, idle);
    expect(store.touch(token, nine + 10 * minute, idle)).toEqual({ staffId: 7, expiresAt: nine + 25 * minute });
    // Used ten minutes ago: still in date at 24 minutes past, though the first expiry (15) has gone.
    expect(store.touch(token, nine + 24 * minute, idle)).toEqual({ staffId: 7, expiresAt: nine + 39 * minute });
    expect(store.alive(token, nine + 38 * minute)).toBe(true);
  });

  it('ends a session at the very millisecond it expires, not one later, and says so once', () => {
    const { store, ended } = storeWithEnded();
    const { token } = store.create(1, nine, idle);
    expect(store.touch(token, nine + idle - 1, idle)).not.toBeNull();
    const expiry = nine + idle - 1 + idle;
    expect(store.touch(token, expiry, idle)).toBeNull();
    expect(ended).toEqual([token]);
    // Gone for good: touching it later, even with the clock put back, finds nothing.
    expect(store.touch(token, nine, idle)).toBeNull();
    expect(store.alive(token, nine)).toBe(false);
    expect(ended).toEqual([token]);
  });

  it('checks a session without moving its expiry, so an idle one still ends', () => {
    const { store, ended } = storeWithEnded();
    const { token } = store.create(1, nine, idle);
    expect(store.alive(token, nine + idle - 1)).toBe(true);
    expect(ended).toEqual([]);
    expect(store.alive(token, nine + idle)).toBe(false);
    expect(ended).toEqual([token]);
    expect(store.touch(token, nine, idle)).toBeNull();
  });

  it('knows nothing of a token it never gave out', () => {
    const { store, ended } = storeWithEnded();
    store.create(1, nine, idle);
    expect(store.touch('made-up', nine, idle)).toBeNull();
    expect(store.alive('made-up', nine)).toBe(false);
    store.revoke('made-up');
    expect(ended).toEqual([]);
  });

  it('ends a signed-out session at once and tells the listeners, once', () => {
    const { store, ended } = storeWithEnded();
    const mine = store.create(1, nine, idle).token;
    const other = store.create(1, nine, idle).token;
    store.revoke(mine);
    store.revoke(mine);
    expect(ended).toEqual([mine]);
    expect(store.touch(mine, nine, idle)).toBeNull();
    expect(store.alive(other, nine)).toBe(true);
  });

  it('ends every session of one member of staff but the one kept, and no one else’s', () => {
    const { store, ended } = storeWithEnded();
    const here = store.create(1, nine, idle).token;
    const elsewhere = store.create(1, nine, idle).token;
    const thirdPc = store.create(1, nine, idle).token;
    const colleague = store.create(2, nine, idle).token;
    store.revokeStaff(1, here);
    expect(ended.sort()).toEqual([elsewhere, thirdPc].sort());
    expect(store.alive(here, nine)).toBe(true);
    expect(store.alive(elsewhere, nine)).toBe(false);
    expect(store.alive(thirdPc, nine)).toBe(false);
    expect(store.alive(colleague, nine)).toBe(true);
  });

  it('ends all of a deactivated person’s sessions when none is kept', () => {
    const { store, ended } = storeWithEnded();
    const a = store.create(3, nine, idle).token;
    const b = store.create(3, nine, idle).token;
    const colleague = store.create(4, nine, idle).token;
    store.revokeStaff(3);
    expect(ended.sort()).toEqual([a, b].sort());
    expect(store.alive(colleague, nine)).toBe(true);
  });

  it('stops telling a listener once it has let go, and keeps telling the others', () => {
    const store = new SessionStore();
    const first: string[] = [];
    const second: string[] = [];
    const stop = store.onEnded((token) => first.push(token));
    store.onEnded((token) => second.push(token));
    const a = store.create(1, nine, idle).token;
    const b = store.create(1, nine, idle).token;
    store.revoke(a);
    stop();
    store.revoke(b);
    expect(first).toEqual([a]);
    expect(second).toEqual([a, b]);
  });
});
