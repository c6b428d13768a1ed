import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appVersion } from '../../../shared/app-version.js';
import { fingerprintMatchesCode, lanProtocol, parsePairingCode } from '../../../shared/lan-protocol.js';
import { day, managerPin, minute, openTuesdaySite, refusal } from '../../fixtures/queue-fixtures.js';
import { fakeLanCertificate } from '../../fixtures/lan-fixtures.js';
import { staffSession, type TestSite } from '../../fixtures/temp-site.js';

const certificate = fakeLanCertificate;

async function lanOn(t: TestSite): Promise<void> {
  await t.site.call('setLanAccess', { enabled: true, managerPin }, t.manager.token);
  t.site.lan.saveCertificate(certificate, 'current');
}

function pair(t: TestSite, code: string, extra: { protocol?: number; appVersion?: string } = {}) {
  return t.site.call('pairDevice', { code, label: 'Desk 3 PC', appVersion: extra.appVersion ?? appVersion, protocol: extra.protocol ?? lanProtocol }, null);
}

function auditActions(t: TestSite): Array<{ action: string; outcome: string }> {
  return t.site.database.prepare("SELECT action, outcome FROM audit WHERE action LIKE 'lan.%' ORDER BY id").all() as Array<{ action: string; outcome: string }>;
}

describe('LAN access in the core', () => {
  it('keeps the app version package.json has', () => {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(appVersion).toBe(pkg.version);
  });

  it('is off until a manager turns it on with their PIN, and tells the doors after the commit', async () => {
    const t = await openTuesdaySite();
    expect(await t.site.call('getLanStatus', {}, t.manager.token)).toMatchObject({ enabled: false, fingerprint: null, desksAt: [], displayAt: [] });
    expect(await t.site.call('getHubInfo', {}, null)).toEqual({
      siteName: 'Liverpool One Stop Shop',
      hubVersion: appVersion,
      protocol: lanProtocol,
      fingerprint: null,
      nextFingerprint: null,
    });
    expect((await refusal(t.site.call('createPairingCode', {}, t.manager.token))).code).toBe('conflict');
    const wrongPin = await refusal(t.site.call('setLanAccess', { enabled: true, managerPin: '0000' }, t.manager.token));
    expect(wrongPin.code).toBe('invalid-input');
    expect(t.site.lan.state().enabled).toBe(false);

    const told: boolean[] = [];
    t.site.lan.onChanged(() => told.push(t.site.lan.state().enabled));
    const advisor = await staffSession(t, 'Ade Advisor', 'advisor');
    expect((await refusal(t.site.call('setLanAccess', { enabled: true, managerPin: '1357' }, advisor.token))).code).toBe('forbidden');
    await t.site.call('setLanAccess', { enabled: true, managerPin }, t.manager.token);
    expect(told).toEqual([true]);
    // Turning on what is on changes nothing and tells no one.
    await t.site.call('setLanAccess', { enabled: true, managerPin }, t.manager.token);
    expect(told).toEqual([true]);
    await t.site.call('setLanAccess', { enabled: false, managerPin }, t.manager.token);
    expect(told).toEqual([true, false]);
    expect(auditActions(t).map((a) => a.action)).toEqual(['lan.enable', 'lan.disable']);
  });

  it('answers with where the doors listen and the certificate desks pin', async () => {
    const t = await openTuesdaySite();
    await lanOn(t);
    expect((await t.site.call('getLanStatus', {}, t.manager.token)).desksAt).toEqual([]);
    t.site.lan.setListening({ desksAt: ['https://192.168.1.20:4781'], displayAt: ['http://192.168.1.20:4782'] });
    expect(await t.site.call('getLanStatus', {}, t.manager.token)).toEqual({
      enabled: true,
      fingerprint: certificate.fingerprint,
      certificateExpiresAt: certificate.notAfter,
      nextFingerprint: null,
      desksAt: ['https://192.168.1.20:4781'],
      displayAt: ['http://192.168.1.20:4782'],
    });
    const next = { ...certificate, fingerprint: certificate.fingerprint.replace(/^../, 'FF'), notAfter: certificate.notAfter + 5 * 365 * day };
    t.site.lan.saveCertificate(next, 'next');
    expect(await t.site.call('getHubInfo', {}, null)).toMatchObject({ fingerprint: certificate.fingerprint, nextFingerprint: next.fingerprint });
    t.site.lan.promoteNextCertificate();
    expect(t.site.lan.state()).toMatchObject({ current: next, next: null });
  });

  it('pairs a desk PC once with a code that names the certificate, and never twice', async () => {
    const t = await openTuesdaySite();
    await lanOn(t);
    const { code, expiresAt } = await t.site.call('createPairingCode', {}, t.manager.token);
    expect(expiresAt).toBe(t.clock.now() + 10 * minute);
    const parsed = parsePairingCode(code);
    expect(parsed).not.toBeNull();
    expect(fingerprintMatchesCode(certificate.fingerprint, parsed?.fingerprintPart ?? '')).toBe(true);

    // Typed in lower case with spaces: the same code.
    const paired = await pair(t, code.toLowerCase().replace(/-/g, ' '));
    expect(paired).toMatchObject({ siteName: 'Liverpool One Stop Shop', hubVersion: appVersion, protocol: lanProtocol, fingerprint: certificate.fingerprint });
    expect(paired.deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(t.site.lan.deviceFor(paired.deviceToken)).toEqual({ id: paired.deviceId, label: 'Desk 3 PC' });

    const again = await refusal(pair(t, code));
    expect(again.code).toBe('unauthenticated');
    expect(again.message).toContain('Ask a manager');
    expect(await t.site.call('listDevices', {}, t.manager.token)).toEqual([
      { id: paired.deviceId, label: 'Desk 3 PC', appVersion, pairedAt: t.clock.now(), lastSeenAt: t.clock.now(), revokedAt: null },
    ]);
    expect(auditActions(t)).toEqual([
      { action: 'lan.enable', outcome: 'ok' },
      { action: 'lan.certificate', outcome: 'ok' },
      { action: 'lan.pairing-code', outcome: 'ok' },
      { action: 'lan.pair', outcome: 'ok' },
      { action: 'lan.pair', outcome: 'denied' },
    ]);
    // Only the token's hash is kept.
    const stored = t.site.database.prepare('SELECT * FROM lan_devices').all();
    expect(JSON.stringify(stored)).not.toContain(paired.deviceToken);
  });

  it('refuses a wrong code, a code past its ten minutes, and a desk or hub that must be updated first', async () => {
    const t = await openTuesdaySite();
    await lanOn(t);
    const { code } = await t.site.call('createPairingCode', {}, t.manager.token);
    const wrong = code.startsWith('0') ? `1${code.slice(1)}` : `0${code.slice(1)}`;
    expect((await refusal(pair(t, wrong))).code).toBe('unauthenticated');
    expect((await refusal(pair(t, 'not a code'))).code).toBe('invalid-input');

    const newerDesk = await refusal(pair(t, code, { protocol: lanProtocol + 1, appVersion: '9.0.0' }));
    expect(newerDesk.code).toBe('conflict');
    expect(newerDesk.message).toBe(`The hub PC runs One Stop Queue ${appVersion}, which is older than this desk PC’s 9.0.0. Update the hub PC.`);

    t.clock.advance(10 * minute);
    expect((await refusal(pair(t, code))).code).toBe('unauthenticated');

    // Off again: nothing pairs, and the doors are the ones to close.
    const fresh = await t.site.call('createPairingCode', {}, t.manager.token);
    await t.site.call('setLanAccess', { enabled: false, managerPin }, t.manager.token);
    expect((await refusal(pair(t, fresh.code))).code).toBe('unavailable');
  });

  it('keeps a session to the door it was signed in through, and a withdrawn device loses its sessions at once', async () => {
    const t = await openTuesdaySite();
    await lanOn(t);
    const paired = await pair(t, (await t.site.call('createPairingCode', {}, t.manager.token)).code);
    const other = await pair(t, (await t.site.call('createPairingCode', {}, t.manager.token)).code);
    const member = await t.site.call('createStaff', { name: 'Ade Advisor', role: 'advisor', pin: '1357', managerPin }, t.manager.token);
    const onDesk = await t.site.call('signIn', { staffId: member.id, pin: '1357' }, null, { deviceId: paired.deviceId });

    expect((await t.site.call('getSession', {}, onDesk.token, { deviceId: paired.deviceId })).staff.id).toBe(member.id);
    expect((await refusal(t.site.call('getSession', {}, onDesk.token))).code).toBe('unauthenticated');
    expect((await refusal(t.site.call('getSession', {}, onDesk.token, { deviceId: other.deviceId }))).code).toBe('unauthenticated');
    expect((await refusal(t.site.call('getSession', {}, t.manager.token, { deviceId: paired.deviceId }))).code).toBe('unauthenticated');
    // Refused elsewhere, still live where it belongs.
    expect(t.site.sessionAlive(onDesk.token, paired.deviceId)).toBe(true);
    expect(t.site.sessionAlive(onDesk.token)).toBe(false);

    const ended: string[] = [];
    const revoked: number[] = [];
    t.site.onSessionEnded((token) => ended.push(token));
    t.site.lan.onDeviceRevoked((id) => revoked.push(id));
    t.clock.advance(minute);
    const withdrawn = await t.site.call('revokeDevice', { deviceId: paired.deviceId }, t.manager.token);
    expect(withdrawn.revokedAt).toBe(t.clock.now());
    expect(ended).toEqual([onDesk.token]);
    expect(revoked).toEqual([paired.deviceId]);
    expect(t.site.lan.deviceFor(paired.deviceToken)).toBeNull();
    expect(t.site.lan.deviceFor(other.deviceToken)).toMatchObject({ id: other.deviceId });
    expect((await refusal(t.site.call('revokeDevice', { deviceId: 999 }, t.manager.token))).code).toBe('not-found');
  });

  it('forgets pairing codes a day after they end, with the purge', async () => {
    const t = await openTuesdaySite();
    await lanOn(t);
    await t.site.call('createPairingCode', {}, t.manager.token);
    const count = () => (t.site.database.prepare('SELECT count(*) AS n FROM lan_pairing_codes').get() as { n: number }).n;
    t.clock.advance(day);
    t.site.purge('hourly');
    expect(count()).toBe(1);
    t.clock.advance(11 * minute);
    t.site.purge('hourly');
    expect(count()).toBe(0);
  });
});
