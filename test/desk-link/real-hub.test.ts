import { describe, expect, it, onTestFinished } from 'vitest';
import { createHubLink, JoinFailure, pairWithHub, type HubLink, type LinkConfig } from '../../electron/desk-link/index.js';
import { appVersion } from '../../shared/app-version.js';
import { formatPairingCode, pairingCodeLifetimeMs, pairingSecretFrom, parsePairingCode } from '../../shared/lan-protocol.js';
import { startLanWorld, type LanWorld } from '../fixtures/lan-door-fixtures.js';
import { managerPin, managerToken } from '../fixtures/queue-fixtures.js';
import { makeLanCertificate } from '../fixtures/desk-link-fixtures.js';

/**
 * The desk link against the real hub's LAN door on 127.0.0.2 (electron/hub/lan-doors.ts), with
 * codes a manager made on the hub: what issue 14 asks to be shown end to end, in Node.
 */

async function newCode(w: LanWorld): Promise<string> {
  return (await w.t.site.call('createPairingCode', {}, managerToken(w.t))).code;
}

const hubAddress = (w: LanWorld): string => new URL(w.desksUrl).host;

async function joinFailure(promise: Promise<unknown>): Promise<JoinFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(JoinFailure);
  return error as JoinFailure;
}

function linkFor(config: LinkConfig): HubLink {
  const link = createHubLink(config, { appVersion });
  onTestFinished(() => link.close());
  return link;
}

const devices = (w: LanWorld) => w.t.site.call('listDevices', {}, managerToken(w.t));

describe('a desk PC joining the real hub', () => {
  it('pairs with a valid code once, pins the certificate the hub serves, and never pairs with that code twice', async () => {
    const w = await startLanWorld();
    const code = await newCode(w);
    const config = await pairWithHub({ address: hubAddress(w), code, label: 'Desk 3 PC', appVersion });
    expect(config.hubUrl).toBe(new URL(w.desksUrl).origin);
    expect(config.fingerprints).toEqual([w.t.site.lan.state().current?.fingerprint]);
    expect(config.siteName).toBe('Liverpool One Stop Shop');
    expect((await devices(w)).map((d) => [d.id, d.label])).toEqual([[config.deviceId, 'Desk 3 PC']]);

    const again = await joinFailure(pairWithHub({ address: hubAddress(w), code, label: 'Desk 4 PC', appVersion }));
    expect(again.code).toBe('pairing-refused');
    expect(await devices(w)).toHaveLength(1);

    // The token it was given works: a member of staff signs in on this desk PC.
    const link = linkFor(config);
    const session = await link.call('signIn', { staffId: w.t.manager.staff.id, pin: managerPin }, null);
    await expect(link.call('getSession', {}, session.token)).resolves.toMatchObject({ staff: { id: w.t.manager.staff.id } });
  });

  it('refuses a wrong code and a code more than ten minutes old', async () => {
    const w = await startLanWorld();
    const code = await newCode(w);
    const fingerprint = w.t.site.lan.state().current!.fingerprint;
    const real = parsePairingCode(code)!;
    const guessed = formatPairingCode(pairingSecretFrom(new Uint8Array([9, 9, 9, 9, 9])), fingerprint);
    expect(parsePairingCode(guessed)!.secret).not.toBe(real.secret);
    expect((await joinFailure(pairWithHub({ address: hubAddress(w), code: guessed, label: 'Desk 3 PC', appVersion }))).code).toBe('pairing-refused');

    w.t.clock.advance(pairingCodeLifetimeMs + 1_000);
    const late = await joinFailure(pairWithHub({ address: hubAddress(w), code, label: 'Desk 3 PC', appVersion }));
    expect(late.code).toBe('pairing-refused');
    expect(await devices(w)).toEqual([]);
  });

  it('refuses a withdrawn desk PC at once, whoever is signed in on it', async () => {
    const w = await startLanWorld();
    const config = await pairWithHub({ address: hubAddress(w), code: await newCode(w), label: 'Desk 3 PC', appVersion });
    const link = linkFor(config);
    const session = await link.call('signIn', { staffId: w.t.manager.staff.id, pin: managerPin }, null);
    await expect(link.call('getQueue', {}, session.token)).resolves.toBeDefined();

    await w.t.site.call('revokeDevice', { deviceId: config.deviceId }, managerToken(w.t));
    await expect(link.call('getQueue', {}, session.token)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(link.call('getDisplayState', {}, null)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a desk shown a different certificate refuses to talk: the hub never even sees its device token', async () => {
    const w = await startLanWorld();
    const config = await pairWithHub({ address: hubAddress(w), code: await newCode(w), label: 'Desk 3 PC', appVersion });
    const stranger = await makeLanCertificate();
    // As if the PC at the hub's address were another: the desk trusts only what it pinned.
    const misled = linkFor({ ...config, fingerprints: [stranger.fingerprint] });
    await expect(misled.call('getDisplayState', {}, null)).rejects.toMatchObject({ code: 'unavailable' });
    expect((await devices(w))[0]?.lastSeenAt).toBeNull();

    // The same desk with the right pin is seen at once.
    await linkFor(config).call('getDisplayState', {}, null);
    expect((await devices(w))[0]?.lastSeenAt).not.toBeNull();
  });

  it('refuses to pair with a hub whose certificate is not the one the code names, sending it nothing', async () => {
    const w = await startLanWorld();
    const other = await startLanWorld();
    // A code from one hub, typed with the other hub's address.
    const failure = await joinFailure(pairWithHub({ address: hubAddress(other), code: await newCode(w), label: 'Desk 3 PC', appVersion }));
    expect(failure.code).toBe('hub-certificate');
    expect(await devices(other)).toEqual([]);
  });
});
