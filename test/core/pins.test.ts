import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../electron/core/pins.js';

/** A stored hash with other scrypt costs, as an older or newer version of the app might have written. */
function storedWith(pin: string, N: number, r: number, p: number): string {
  const salt = randomBytes(16);
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${scryptSync(pin, salt, 32, { N, r, p }).toString('base64')}`;
}

describe('PIN hashes', () => {
  it('store scheme, costs, a 16-byte salt and a 32-byte hash, never the PIN', () => {
    const stored = hashPin('2468');
    const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '16384', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(hash!, 'base64')).toHaveLength(32);
    expect(rest).toEqual([]);
    expect(stored).not.toContain('2468');
    // The hash is scrypt's own, so another implementation could check it.
    expect(scryptSync('2468', Buffer.from(salt!, 'base64'), 32, { N: 16384, r: 8, p: 1 }).toString('base64')).toBe(hash);
  });

  it('salt each hash afresh, so the same PIN never hashes the same twice', () => {
    expect(hashPin('2468')).not.toBe(hashPin('2468'));
  });

  it('accept the PIN they were made from and no other', () => {
    const stored = hashPin('2468');
    expect(verifyPin('2468', stored)).toBe(true);
    expect(verifyPin('2469', stored)).toBe(false);
    expect(verifyPin('24680', stored)).toBe(false);
  });

  it('check a hash with the costs written in it, not today’s', () => {
    expect(verifyPin('1357', storedWith('1357', 1024, 4, 2))).toBe(true);
    expect(verifyPin('1358', storedWith('1357', 1024, 4, 2))).toBe(false);
  });

  it('refuse, without throwing, a stored value of another scheme or with parts missing', () => {
    const good = hashPin('2468');
    expect(verifyPin('2468', good.replace(/^scrypt/, 'bcrypt'))).toBe(false);
    expect(verifyPin('2468', 'scrypt$16384$8$1')).toBe(false);
    expect(verifyPin('2468', good.split('$').slice(0, 5).join('$'))).toBe(false);
    expect(verifyPin('2468', '')).toBe(false);
  });
});
