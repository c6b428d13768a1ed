import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JoinFailure, pairWithHub, parseHubAddress } from '../../electron/desk-link/index.js';
import type { LanCertificate } from '../../electron/core/index.js';
import { formatPairingCode, parsePairingCode, pairingSecretFrom, fingerprintMatchesCode } from '../../shared/lan-protocol.js';
import { makeLanCertificate, startHttpsServer, type SeenRequest, type TestHttpsServer } from '../fixtures/desk-link-fixtures.js';

/**
 * Pairing against a small HTTPS server that answers as a hub would: what the desk checks before
 * it sends the code, and what it keeps. (test/desk-link/real-hub.test.ts pairs with the real hub.)
 */

const secret = pairingSecretFrom(new Uint8Array([1, 2, 3, 4, 5]));

function fakeHub(cert: LanCertificate, overrides: { protocol?: number; fingerprint?: string | null; nextFingerprint?: string | null; pair?: { status: number; body: unknown } } = {}) {
  return (request: SeenRequest): { status: number; body: unknown } => {
    if (request.url === '/api/getHubInfo') {
      return {
        status: 200,
        body: {
          result: {
            siteName: 'Wirral One Stop Shop',
            hubVersion: '0.1.0',
            protocol: overrides.protocol ?? 1,
            fingerprint: overrides.fingerprint === undefined ? cert.fingerprint : overrides.fingerprint,
            nextFingerprint: overrides.nextFingerprint ?? null,
          },
        },
      };
    }
    if (request.url === '/api/pairDevice') {
      return (
        overrides.pair ?? {
          status: 200,
          body: { result: { deviceId: 4, deviceToken: 'T'.repeat(43), siteName: 'Wirral One Stop Shop', hubVersion: '0.1.0', protocol: 1, fingerprint: cert.fingerprint } },
        }
      );
    }
    return { status: 404, body: { error: { code: 'not-found', message: 'There is no such call.' } } };
  };
}

async function joinFailure(promise: Promise<unknown>): Promise<JoinFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(JoinFailure);
  return error as JoinFailure;
}

describe('pairing codes and hub addresses', () => {
  it('a code carries the certificate: formatted in groups of four, parsed back forgivingly, and matching only its own certificate', async () => {
    const [one, two] = await Promise.all([makeLanCertificate(), makeLanCertificate()]);
    const code = formatPairingCode(secret, one.fingerprint);
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    const typed = ` ${code.toLowerCase().replaceAll('-', ' ')} `;
    const parsed = parsePairingCode(typed);
    expect(parsed?.secret).toBe(secret);
    expect(fingerprintMatchesCode(one.fingerprint, parsed!.fingerprintPart)).toBe(true);
    expect(fingerprintMatchesCode(two.fingerprint, parsed!.fingerprintPart)).toBe(false);
    expect(parsePairingCode(code.slice(0, -1))).toBeNull();
  });

  it.each([
    ['hub-pc', 'https://hub-pc:4781'],
    ['192.168.1.20', 'https://192.168.1.20:4781'],
    ['192.168.1.20:4790', 'https://192.168.1.20:4790'],
    ['https://hub-pc.council.local/', 'https://hub-pc.council.local:4781'],
    ['[fe80::1]:4781', 'https://[fe80::1]:4781'],
    ['  HUB-PC  ', 'https://hub-pc:4781'],
  ])('reads the hub address %j as %s', (typed, url) => {
    expect(parseHubAddress(typed)).toBe(url);
  });

  it.each(['', 'http://hub-pc', 'hub pc', 'https://user:pw@hub-pc', 'hub-pc/api', 'hub-pc?x=1', 'ftp://hub-pc', 'hub_pc!', '-hub'])('refuses %j as a hub address', (typed) => {
    expect(parseHubAddress(typed)).toBeNull();
  });
});

describe('pairing with a hub', () => {
  let cert: LanCertificate;
  let other: LanCertificate;
  beforeAll(async () => {
    [cert, other] = await Promise.all([makeLanCertificate(), makeLanCertificate()]);
  });

  const servers: TestHttpsServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });
  async function hub(certificate: LanCertificate, answer: ReturnType<typeof fakeHub>): Promise<TestHttpsServer> {
    const server = await startHttpsServer(certificate, answer);
    servers.push(server);
    return server;
  }

  it('checks the hub, then sends the code, and keeps the full fingerprint it was shown', async () => {
    const server = await hub(cert, fakeHub(cert, { nextFingerprint: other.fingerprint }));
    const config = await pairWithHub({ address: `127.0.0.2:${String(server.port)}`, code: formatPairingCode(secret, cert.fingerprint), label: ' Desk 4 PC ', appVersion: '0.1.0' });
    expect(config).toEqual({
      hubUrl: server.url,
      fingerprints: [cert.fingerprint, other.fingerprint],
      deviceId: 4,
      deviceToken: 'T'.repeat(43),
      label: 'Desk 4 PC',
      siteName: 'Wirral One Stop Shop',
    });
    expect(server.requests.map((r) => r.url)).toEqual(['/api/getHubInfo', '/api/pairDevice']);
    // The code's secret goes only in the second request, after the versions were compared.
    expect(server.requests[0]!.body).not.toContain(secret);
    expect(JSON.parse(server.requests[1]!.body)).toMatchObject({ label: 'Desk 4 PC', appVersion: '0.1.0', protocol: 1 });
    expect(server.requests.every((r) => r.headers['desk-version'] === '0.1.0; protocol=1')).toBe(true);
  });

  it('sends nothing — not even its version — to a PC whose certificate the code does not name', async () => {
    const impostor = await hub(other, fakeHub(other));
    const failure = await joinFailure(pairWithHub({ address: impostor.url, code: formatPairingCode(secret, cert.fingerprint), label: 'Desk 4 PC', appVersion: '0.1.0' }));
    expect(failure.code).toBe('hub-certificate');
    await impostor.allClosed();
    expect(impostor.requests).toEqual([]);
    expect(impostor.bytesAfterHandshake()).toBe(0);
  });

  it('says which side to update, before the code is sent, when the protocols differ', async () => {
    const newer = await hub(cert, fakeHub(cert, { protocol: 2 }));
    const failure = await joinFailure(pairWithHub({ address: newer.url, code: formatPairingCode(secret, cert.fingerprint), label: 'Desk 4 PC', appVersion: '0.1.0' }));
    expect(failure.code).toBe('update-desk');
    expect(failure.message).toContain('Update this desk PC');
    expect(newer.requests.map((r) => r.url)).toEqual(['/api/getHubInfo']);
  });

  it('passes on the hub’s refusal of a wrong or used code in its own words', async () => {
    const refusing = await hub(
      cert,
      fakeHub(cert, { pair: { status: 401, body: { error: { code: 'unauthenticated', message: 'That pairing code is wrong, already used or more than ten minutes old.' } } } }),
    );
    const failure = await joinFailure(pairWithHub({ address: refusing.url, code: formatPairingCode(secret, cert.fingerprint), label: 'Desk 4 PC', appVersion: '0.1.0' }));
    expect(failure.code).toBe('pairing-refused');
    expect(failure.message).toContain('already used');
  });

  it('says LAN access is off when the hub has no certificate to serve', async () => {
    const off = await hub(cert, fakeHub(cert, { fingerprint: null }));
    const failure = await joinFailure(pairWithHub({ address: off.url, code: formatPairingCode(secret, cert.fingerprint), label: 'Desk 4 PC', appVersion: '0.1.0' }));
    expect(failure.code).toBe('lan-off');
  });

  it('refuses a bad address or a mistyped code without connecting anywhere, and says when no hub answers', async () => {
    const code = formatPairingCode(secret, cert.fingerprint);
    expect((await joinFailure(pairWithHub({ address: 'http://hub-pc', code, label: 'Desk 4 PC', appVersion: '0.1.0' }))).code).toBe('bad-address');
    expect((await joinFailure(pairWithHub({ address: '127.0.0.2', code: code.slice(0, 10), label: 'Desk 4 PC', appVersion: '0.1.0' }))).code).toBe('bad-code');
    const gone = await startHttpsServer(cert);
    await gone.close();
    expect((await joinFailure(pairWithHub({ address: gone.url, code, label: 'Desk 4 PC', appVersion: '0.1.0' }))).code).toBe('hub-unreachable');
  });
});
