import { describe, expect, it } from 'vitest';
import { appVersion } from '../../shared/app-version.js';
import { callNames } from '../../shared/contract/index.js';
import { errorText } from '../../shared/i18n/catalogue.js';
import { versionHeaderValue } from '../../shared/lan-protocol.js';
import { sampleInput } from '../fixtures/hub-fixtures.js';
import { LanSocket, lanCall, pairDesk, signInOnDesk, startLanWorld } from '../fixtures/lan-door-fixtures.js';

/** Calls that would change what the rest of the test stands on (the doors, this device, the PINs). */
const leftOut = new Set(['setLanAccess', 'revokeDevice', 'setStaffPin', 'changeOwnPin', 'unlockStaff', 'eraseVisits', 'signOut']);

describe('the LAN door to a paired desk PC', () => {
  it('lets every call through to the core, which answers it', async () => {
    const w = await startLanWorld();
    const desk = await pairDesk(w);
    const session = await signInOnDesk(w, desk.deviceToken);
    for (const name of callNames.filter((each) => !leftOut.has(each))) {
      const answer = await lanCall(w.desksUrl, name, sampleInput(name), { token: session.token, desk });
      // The door refuses with 403 (not paired, display only) or 404 (no such call): neither happened.
      expect([name, answer.status === 403 && /desk PC|display/.test(answer.text)]).toEqual([name, false]);
      expect([name, answer.status === 404 && answer.text.includes(errorText.hubNoSuchCall)]).toEqual([name, false]);
    }
    const queue = await lanCall(w.desksUrl, 'getQueue', {}, { token: session.token, desk });
    expect(queue.status).toBe(200);
  });

  it('carries the device to the core: a session signed in on the desk works there and nowhere else', async () => {
    const w = await startLanWorld();
    const desk = await pairDesk(w);
    const other = await pairDesk(w, 'Desk 4 PC');
    const session = await signInOnDesk(w, desk.deviceToken);
    expect((await lanCall(w.desksUrl, 'getSession', {}, { token: session.token, desk })).status).toBe(200);
    // Through another paired desk, or the hub PC's own door, the same token is refused.
    expect((await lanCall(w.desksUrl, 'getSession', {}, { token: session.token, desk: other })).status).toBe(401);
    await expect(w.t.site.call('getSession', {}, session.token)).rejects.toMatchObject({ code: 'unauthenticated' });
    // A session of the hub PC does not work through the desk either.
    expect((await lanCall(w.desksUrl, 'getSession', {}, { token: w.t.manager.token, desk })).status).toBe(401);
  });

  it('keeps an action sent twice with its idempotency key applied once, through the desk', async () => {
    const w = await startLanWorld();
    const desk = await pairDesk(w);
    const session = await signInOnDesk(w, desk.deviceToken);
    const send = () => lanCall(w.desksUrl, 'createDesk', { name: 'Desk 12' }, { token: session.token, desk, idempotencyKey: 'desk-12-retry-key-0001' });
    const first = await send();
    const retry = await send();
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual(first.json);
    const desks = await w.t.site.call('listDesks', {}, w.t.manager.token);
    expect(desks.filter((each) => each.name === 'Desk 12')).toHaveLength(1);
  });

  it('refuses an unknown device token with 403', async () => {
    const w = await startLanWorld();
    const answer = await lanCall(w.desksUrl, 'getDisplayState', {}, { desk: { deviceToken: 'x'.repeat(43) } });
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({ error: { code: 'forbidden', message: errorText.lanNotPaired } });
    await expect(LanSocket.connect(w.desksUrl, { deviceToken: 'x'.repeat(43) })).rejects.toThrow('upgrade refused: 403');
  });

  it('refuses a withdrawn device at once, and closes its event sockets', async () => {
    const w = await startLanWorld();
    const desk = await pairDesk(w);
    const session = await signInOnDesk(w, desk.deviceToken);
    const staff = await LanSocket.connect(w.desksUrl, desk);
    staff.send({ type: 'auth', token: session.token });
    expect(await staff.next()).toEqual({ type: 'ready', audience: 'staff' });
    const display = await LanSocket.connect(w.desksUrl, desk);
    display.send({ type: 'display' });
    expect(await display.next()).toEqual({ type: 'ready', audience: 'everyone' });

    await w.t.site.call('revokeDevice', { deviceId: desk.deviceId }, w.t.manager.token);

    const answer = await lanCall(w.desksUrl, 'getQueue', {}, { token: session.token, desk });
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({ error: { code: 'forbidden', message: errorText.lanNotPaired } });
    expect([4401, 4403]).toContain((await staff.closed).code);
    expect((await display.closed).code).toBe(4403);
    await expect(LanSocket.connect(w.desksUrl, desk)).rejects.toThrow('upgrade refused: 403');
  });

  it('lets a withdrawn desk PC pair again with a new code, whatever token it still sends', async () => {
    const w = await startLanWorld();
    const desk = await pairDesk(w);
    await w.t.site.call('revokeDevice', { deviceId: desk.deviceId }, w.t.manager.token);
    const { code } = await w.t.site.call('createPairingCode', {}, w.t.manager.token);
    const again = await lanCall(w.desksUrl, 'pairDevice', { code, label: 'Desk 3 PC', appVersion, protocol: 1 }, { desk });
    expect(again.status).toBe(200);
  });

  it('answers a desk of another protocol with 409, naming the side to update', async () => {
    const w = await startLanWorld();
    const desk = await pairDesk(w);
    const older = await lanCall(w.desksUrl, 'getHubInfo', {}, { desk: { ...desk, version: versionHeaderValue('0.0.9', 0) } });
    expect(older.status).toBe(409);
    expect(older.json).toEqual({ error: { code: 'conflict', message: errorText.deskMustUpdate('0.0.9', appVersion) } });
    const newer = await lanCall(w.desksUrl, 'getHubInfo', {}, { desk: { ...desk, version: versionHeaderValue('0.2.0', 2) } });
    expect(newer.status).toBe(409);
    expect(newer.json).toEqual({ error: { code: 'conflict', message: errorText.hubMustUpdate('0.2.0', appVersion) } });
    const none = await lanCall(w.desksUrl, 'getHubInfo', {}, { desk: { ...desk, version: null } });
    expect(none.status).toBe(409);
    expect(none.json).toEqual({ error: { code: 'conflict', message: errorText.lanNoVersion(appVersion) } });
    await expect(LanSocket.connect(w.desksUrl, { ...desk, version: 'nonsense' })).rejects.toThrow('upgrade refused: 409');
  });
});
