import { beforeAll, describe, expect, it } from 'vitest';
import { HubCertificateError, createHubLink, createPinnedAgent, type LinkConfig } from '../../electron/desk-link/index.js';
import { postToHub } from '../../electron/desk-link/hub-request.js';
import { acceptsPins } from '../../electron/desk-link/pinned-agent.js';
import type { LanCertificate } from '../../electron/core/index.js';
import { DeskFailure } from '../../shared/errors.js';
import { makeLanCertificate, startHttpsServer, type TestHttpsServer } from '../fixtures/desk-link-fixtures.js';

const hubInfo = (fingerprint: string, nextFingerprint: string | null) => ({
  result: { siteName: 'Wirral One Stop Shop', hubVersion: '0.1.0', protocol: 1, fingerprint, nextFingerprint },
});

function linkConfig(server: TestHttpsServer, fingerprints: string[]): LinkConfig {
  return { hubUrl: server.url, fingerprints, deviceId: 7, deviceToken: 'device-token-of-desk-7-xxxxxxxxxxxxxxxxxxxxxx', label: 'Desk 7 PC', siteName: 'Wirral One Stop Shop' };
}

describe('the pinned agent', () => {
  let ours: LanCertificate;
  let another: LanCertificate;
  beforeAll(async () => {
    [ours, another] = await Promise.all([makeLanCertificate(), makeLanCertificate()]);
  });

  it('talks to a hub showing the pinned certificate, and tells which one it accepted', async () => {
    const server = await startHttpsServer(ours);
    const accepted: string[] = [];
    const agent = createPinnedAgent({ accepts: acceptsPins(() => [ours.fingerprint]), accepted: (f) => accepted.push(f) });
    try {
      const answer = await postToHub({ agent, hubUrl: server.url, name: 'getHubInfo', input: {}, headers: {}, timeoutMs: 5_000 });
      expect(answer).toEqual({ status: 200, body: { result: {} } });
      expect(server.requests.map((r) => r.url)).toEqual(['/api/getHubInfo']);
      expect(accepted).toEqual([ours.fingerprint]);
    } finally {
      agent.destroy();
      await server.close();
    }
  });

  it('sends not one byte to a server showing another certificate: the handshake ends and nothing follows', async () => {
    const impostor = await startHttpsServer(another);
    const agent = createPinnedAgent({ accepts: acceptsPins(() => [ours.fingerprint]) });
    try {
      const sent = postToHub({
        agent,
        hubUrl: impostor.url,
        name: 'signIn',
        input: { staffId: 1, pin: '2468' },
        headers: { authorization: 'Bearer a-session-token', 'desk-device': 'a-device-token' },
        timeoutMs: 5_000,
      });
      await expect(sent).rejects.toBeInstanceOf(HubCertificateError);
      await expect(sent).rejects.toMatchObject({ fingerprint: another.fingerprint });
      await impostor.allClosed();
      expect(impostor.connections()).toBe(1);
      expect(impostor.requests).toEqual([]);
      expect(impostor.bytesAfterHandshake()).toBe(0);
    } finally {
      agent.destroy();
      await impostor.close();
    }
  });

  it('reuses a kept-alive connection only to the hub it checked', async () => {
    const server = await startHttpsServer(ours);
    const agent = createPinnedAgent({ accepts: acceptsPins(() => [ours.fingerprint]) });
    try {
      for (let i = 0; i < 3; i += 1) await postToHub({ agent, hubUrl: server.url, name: 'getHubInfo', input: {}, headers: {}, timeoutMs: 5_000 });
      expect(server.requests).toHaveLength(3);
      expect(server.connections()).toBe(1);
    } finally {
      agent.destroy();
      await server.close();
    }
  });
});

describe('a renewed hub certificate', () => {
  let current: LanCertificate;
  let renewed: LanCertificate;
  beforeAll(async () => {
    [current, renewed] = await Promise.all([makeLanCertificate(), makeLanCertificate()]);
  });

  it('is accepted once the link has learnt its fingerprint from the hub over the pinned connection', async () => {
    const before = await startHttpsServer(current, () => ({ status: 200, body: hubInfo(current.fingerprint, renewed.fingerprint) }));
    let learnt!: (config: LinkConfig) => void;
    const pinsChanged = new Promise<LinkConfig>((resolve) => (learnt = resolve));
    const link = createHubLink(linkConfig(before, [current.fingerprint]), { appVersion: '0.1.0', onPinsChanged: (config) => learnt(config) });
    let after: TestHttpsServer | null = null;
    try {
      // Learnt when the link starts (and every hour), as `getHubInfo`'s `nextFingerprint`.
      expect((await pinsChanged).fingerprints).toEqual([current.fingerprint, renewed.fingerprint]);
      // That request went with the device token and the version, and no session.
      expect(before.requests[0]?.headers['desk-device']).toBe(linkConfig(before, []).deviceToken);
      expect(before.requests[0]?.headers['desk-version']).toBe('0.1.0; protocol=1');
      expect(before.requests[0]?.headers.authorization).toBeUndefined();

      // The hub changes to its renewed certificate, at the same address.
      await before.close();
      after = await startHttpsServer(renewed, () => ({ status: 200, body: hubInfo(renewed.fingerprint, null) }), before.port);
      await expect(link.call('getHubInfo', {}, null)).resolves.toMatchObject({ fingerprint: renewed.fingerprint });
      expect(after.requests.map((r) => r.url)).toContain('/api/getHubInfo');
    } finally {
      await link.close();
      await after?.close();
    }
  });

  it('becomes the only pin once the hub serves it, so the retired certificate can no longer stand in for the hub', async () => {
    const hub = await startHttpsServer(renewed, () => ({ status: 200, body: hubInfo(renewed.fingerprint, null) }));
    let learnt!: (config: LinkConfig) => void;
    const pinsChanged = new Promise<LinkConfig>((resolve) => (learnt = resolve));
    const link = createHubLink(linkConfig(hub, [current.fingerprint, renewed.fingerprint]), { appVersion: '0.1.0', onPinsChanged: (config) => learnt(config) });
    try {
      expect((await pinsChanged).fingerprints).toEqual([renewed.fingerprint]);
    } finally {
      await link.close();
      await hub.close();
    }
  });

  it('is refused by a link that never learnt it, which sends the new hub nothing', async () => {
    const renewedHub = await startHttpsServer(renewed, () => ({ status: 200, body: hubInfo(renewed.fingerprint, null) }));
    const reachable: boolean[] = [];
    const link = createHubLink(linkConfig(renewedHub, [current.fingerprint]), { appVersion: '0.1.0', onReachable: (up) => reachable.push(up) });
    try {
      const refused = link.call('listServices', {}, 'a-session-token');
      await expect(refused).rejects.toBeInstanceOf(DeskFailure);
      await expect(refused).rejects.toMatchObject({ code: 'unavailable' });
      await renewedHub.allClosed();
      expect(renewedHub.requests).toEqual([]);
      expect(renewedHub.bytesAfterHandshake()).toBe(0);
      expect(reachable).toEqual([false]);
    } finally {
      await link.close();
      await renewedHub.close();
    }
  });
});
