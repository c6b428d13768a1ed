import net from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startLanDoors } from '../../electron/hub/lan-doors.js';
import { makeLanCertificate } from '../../electron/hub/lan-certificate.js';
import { managerPin, openAllHours } from '../fixtures/queue-fixtures.js';
import { fakeRendererBuild, lanAddress, lanCall, lanRequest, startLanWorld } from '../fixtures/lan-door-fixtures.js';
import { openTestSite } from '../fixtures/temp-site.js';

const day = 24 * 60 * 60_000;

/** Whether anything accepts a TCP connection at this URL's address and port. */
function accepts(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function hubInfo(url: string): Promise<{ fingerprint: string | null; nextFingerprint: string | null; served: string | null }> {
  const answer = await lanCall(url, 'getHubInfo', {});
  const result = (answer.json as { result: { fingerprint: string | null; nextFingerprint: string | null } }).result;
  return { fingerprint: result.fingerprint, nextFingerprint: result.nextFingerprint, served: answer.fingerprint };
}

describe('the LAN doors follow LAN access', () => {
  it('make the certificate on first start, keep it in the store, and serve it', async () => {
    const w = await startLanWorld();
    const kept = w.t.site.lan.state().current;
    expect(kept).not.toBeNull();
    expect(await hubInfo(w.desksUrl)).toEqual({ fingerprint: kept!.fingerprint, nextFingerprint: null, served: kept!.fingerprint });
    expect((await w.t.site.call('getLanStatus', {}, w.t.manager.token)).fingerprint).toBe(kept!.fingerprint);
  });

  it('close both listeners when LAN access is turned off, and open them again with the same certificate when it is on', async () => {
    const w = await startLanWorld();
    const fingerprint = w.t.site.lan.state().current!.fingerprint;
    await w.t.site.call('setLanAccess', { enabled: false, managerPin }, w.t.manager.token);
    await w.doors.settled();
    expect(w.doors.listening()).toBeNull();
    expect(await accepts(w.desksUrl)).toBe(false);
    expect(await accepts(w.displayUrl)).toBe(false);
    expect(await w.t.site.call('getLanStatus', {}, w.t.manager.token)).toMatchObject({ enabled: false, desksAt: [], displayAt: [] });

    await w.t.site.call('setLanAccess', { enabled: true, managerPin }, w.t.manager.token);
    await w.doors.settled();
    const again = w.doors.listening();
    expect(again).not.toBeNull();
    const info = await hubInfo(again!.desksAt[0]!);
    expect(info.served).toBe(fingerprint);
    expect((await lanRequest(again!.displayAt[0]!, '/')).status).toBe(200);
  });

  it('stay shut, and make no certificate, while LAN access is off', async () => {
    const t = await openTestSite();
    const build = fakeRendererBuild();
    onTestFinished(() => {
      t.close();
      build.remove();
    });
    const doors = await startLanDoors({ site: t.site, host: lanAddress, desksPort: 0, displayPort: 0, rendererDir: build.dir });
    onTestFinished(() => doors.close());
    expect(doors.listening()).toBeNull();
    expect(t.site.lan.state()).toEqual({ enabled: false, current: null, next: null });
  });

  it('close when told to, and leave LAN access on in the store for the next start', async () => {
    const w = await startLanWorld();
    await w.doors.close();
    expect(w.doors.listening()).toBeNull();
    expect(await accepts(w.desksUrl)).toBe(false);
    expect(w.t.site.lan.state().enabled).toBe(true);
    expect((await w.t.site.call('getLanStatus', {}, w.t.manager.token)).desksAt).toEqual([]);
  });

  it('serve a certificate saved while they run to new connections', async () => {
    const w = await startLanWorld();
    const replacement = await makeLanCertificate([lanAddress], Date.now());
    w.t.site.lan.saveCertificate(replacement, 'current');
    await w.doors.settled();
    expect((await hubInfo(w.desksUrl)).served).toBe(replacement.fingerprint);
  });

  it('report a port that is taken, and leave the hub working without them', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, lanAddress, resolve));
    onTestFinished(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const taken = (blocker.address() as net.AddressInfo).port;
    const errors: unknown[] = [];
    const t = await openTestSite();
    onTestFinished(() => t.close());
    await openAllHours(t);
    await t.site.call('setLanAccess', { enabled: true, managerPin }, t.manager.token);
    const doors = await startLanDoors({ site: t.site, host: lanAddress, desksPort: 0, displayPort: taken, onError: (error) => errors.push(error) });
    onTestFinished(() => doors.close());
    expect(doors.listening()).toBeNull();
    expect(errors).toHaveLength(1);
    expect((errors[0] as { code?: string }).code).toBe('EADDRINUSE');
    expect((await t.site.call('getLanStatus', {}, t.manager.token)).desksAt).toEqual([]);
  });
});

describe('the certificate is renewed before it ends', () => {
  it('announces the next certificate 90 days before, serves it from 30 days before', async () => {
    const t = await openTestSite();
    onTestFinished(() => t.close());
    await openAllHours(t);
    await t.site.call('setLanAccess', { enabled: true, managerPin }, t.manager.token);
    let now = Date.now();
    const start = () => startLanDoors({ site: t.site, host: lanAddress, desksPort: 0, displayPort: 0, now: () => now });

    let doors = await start();
    const first = t.site.lan.state().current!;
    await doors.close();

    now = first.notAfter - 60 * day;
    doors = await start();
    const next = t.site.lan.state().next;
    expect(next).not.toBeNull();
    expect(await hubInfo(doors.listening()!.desksAt[0]!)).toEqual({ fingerprint: first.fingerprint, nextFingerprint: next!.fingerprint, served: first.fingerprint });
    await doors.close();

    now = first.notAfter - 20 * day;
    doors = await start();
    onTestFinished(() => doors.close());
    expect(await hubInfo(doors.listening()!.desksAt[0]!)).toEqual({ fingerprint: next!.fingerprint, nextFingerprint: null, served: next!.fingerprint });
    expect(t.site.lan.state().next).toBeNull();
  });
});
