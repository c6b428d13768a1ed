import { describe, expect, it } from 'vitest';
import { cleanLabel, joinArgument, parseHubAddress } from '../../electron/shell/join-request.js';

describe('what the join form typed', () => {
  it.each([
    ['hub-pc', { host: 'hub-pc', port: 4781 }],
    ['192.168.1.20', { host: '192.168.1.20', port: 4781 }],
    ['192.168.1.20:4790', { host: '192.168.1.20', port: 4790 }],
    [' HTTPS://Hub-PC.council.local:4781/ ', { host: 'hub-pc.council.local', port: 4781 }],
    ['[fe80::1]:4790', { host: '[fe80::1]', port: 4790 }],
  ])('reads %j as a hub address', (typed, expected) => {
    expect(parseHubAddress(typed)).toEqual(expected);
  });

  it.each(['', 'http://hub-pc', 'ftp://hub-pc', 'hub pc', 'hub-pc/api', 'hub-pc?x=1', 'admin@hub-pc', 'hub-pc:99999', 'https://', '\\\\hub-pc'])(
    'refuses %j as a hub address',
    (typed) => {
      expect(parseHubAddress(typed)).toBeNull();
    },
  );

  it('tidies the label, and falls back to the computer’s name', () => {
    expect(cleanLabel('  Desk 3  ', 'PC-1')).toBe('Desk 3');
    expect(cleanLabel('Desk\u00003\tupstairs', 'PC-1')).toBe('Desk 3 upstairs');
    expect(cleanLabel('', 'PC-1')).toBe('PC-1');
    expect(cleanLabel('x'.repeat(100), 'PC-1')).toHaveLength(60);
  });

  it('takes three bounded strings from the page and nothing else', () => {
    expect(joinArgument({ address: 'hub-pc', code: 'c', label: 'l', extra: 'dropped' })).toEqual({ address: 'hub-pc', code: 'c', label: 'l' });
    expect(joinArgument('hub-pc')).toEqual({ address: '', code: '', label: '' });
    expect(joinArgument({ address: 42, code: { toString: () => 'x' } })).toEqual({ address: '', code: '', label: '' });
    expect(joinArgument({ address: 'a'.repeat(1000) }).address).toHaveLength(300);
  });
});
