import { afterEach, describe, expect, it } from 'vitest';
import { callNames, type CallName, type CallResult } from '../../shared/contract/index.js';
import type { Site } from '../../electron/core/site.js';
import { postCall, sampleInput, startFreshHub, startTestHub } from '../fixtures/hub-fixtures.js';
import { fakeLanCertificate } from '../fixtures/lan-fixtures.js';

/** Looks like a visitor's name: it must never leave in a field the contract does not declare. */
const leak = 'Seán O’Brien, 1 Dale Street';

/** The value with an undeclared field added to every object in it, however deep. */
function withUndeclaredFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withUndeclaredFields);
  if (typeof value === 'object' && value !== null) {
    return { ...Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withUndeclaredFields(item)])), undeclaredName: leak, pinHash: leak };
  }
  return value;
}

/**
 * Makes the site's handlers "return" a field they should not, everywhere, and keeps what they
 * really returned: the hub must send exactly the declared fields — nothing more, nothing less.
 */
function overfill(site: Site): { lastResult: () => unknown; called: Set<string> } {
  const real = site.call.bind(site);
  let last: unknown;
  const called = new Set<string>();
  site.call = (async (name: CallName, input: unknown, token: string | null) => {
    const result = await real(name, input, token);
    last = JSON.parse(JSON.stringify(result ?? null)) as unknown;
    called.add(name);
    return withUndeclaredFields(result);
  }) as typeof site.call;
  return { lastResult: () => last, called };
}

describe('answers serialised by the call’s result schema', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('send every declared field and nothing else, for every call in the contract', async () => {
    const fresh = await startFreshHub();
    closers.push(() => fresh.close());
    const freshSite = overfill(fresh.site);
    const w = await startTestHub();
    closers.push(() => w.close());
    const site = overfill(w.t.site);
    let token: string = w.t.manager.token;

    async function call<K extends CallName>(name: K, input: unknown, options: { url?: string; as?: typeof site; token?: string | null } = {}): Promise<CallResult<K>> {
      const answer = await postCall(options.url ?? w.url, name, input, { token: options.token === undefined ? token : options.token });
      expect(answer.status, `${name}: ${answer.text}`).toBe(200);
      expect(answer.text, name).not.toContain('undeclaredName');
      expect(answer.text, name).not.toContain('pinHash');
      expect(answer.json, name).toEqual({ result: (options.as ?? site).lastResult() });
      return (answer.json as { result: CallResult<K> }).result;
    }

    await call('setupSite', sampleInput('setupSite'), { url: fresh.url, as: freshSite, token: null });
    await call('getSetupState', {}, { token: null });
    await call('listSignInStaff', {}, { token: null });
    await call('getSession', {});
    const staff = await call('createStaff', { name: 'Sam Sample', role: 'advisor', pin: '4321', managerPin: '2468' });
    await call('signIn', { staffId: staff.id, pin: '4321' }, { token: null });
    await call('listStaff', {});
    await call('listManagers', {});
    await call('updateStaff', { staffId: staff.id, role: 'receptionist' });
    await call('unlockStaff', { staffId: staff.id, managerPin: '2468' });
    await call('setStaffPin', { staffId: staff.id, pin: '5678', managerPin: '2468' });
    await call('listServices', {});
    const service = await call('createService', { name: 'Licensing', letter: 'L', targetWaitMinutes: 15 });
    await call('updateService', { serviceId: service.id, targetWaitMinutes: 20 });
    await call('listDesks', {});
    const desk = await call('createDesk', { name: 'Desk 9' });
    await call('updateDesk', { deskId: desk.id, name: 'Desk Nine' });
    await call('getSettings', {});
    await call('updateSettings', { priorityHeadStartMinutes: 10, ticketPaper: 'a5' });

    const first = await call('issueTicket', sampleInput('issueTicket'));
    const visitId = first.ticket.visitId;
    await call('reprintTicket', { visitId });
    // Non-empty answers, so the nested objects are overfilled too.
    expect(await call('searchTodaysVisits', { query: '' })).not.toEqual([]);
    expect(await call('findRepeatVisit', sampleInput('findRepeatVisit'))).not.toEqual([]);
    await call('getQueue', {});
    await call('getVisit', { visitId });
    await call('openDesk', { deskId: 1, serviceIds: [1] });
    // A paused desk: the nullable `paused` is an object now.
    expect((await call('pauseDesk', { deskId: 1, reason: 'break' })).paused).not.toBeNull();
    expect((await call('listDeskSessions', {}))[0]?.paused).not.toBeNull();
    expect((await call('getLiveSnapshot', {})).desks.find((d) => d.deskId === 1)?.paused).not.toBeNull();
    await call('resumeDesk', { deskId: 1 });
    const alert = await call('raiseSafetyAlert', { deskId: 1 });
    expect(await call('listSafetyAlerts', {})).not.toEqual([]);
    // Acknowledged: the nullable `acknowledgedBy` is an object now.
    expect((await call('acknowledgeSafetyAlert', { alertId: alert.id })).acknowledgedBy).not.toBeNull();
    await call('listDeskSessions', {});
    await call('callNext', { deskId: 1 });
    // A desk with a ticket at it: the nullable `current` is an object now.
    expect((await call('listDeskSessions', {}))[0]?.current).not.toBeNull();
    await call('recallTicket', { visitId });
    await call('startService', { visitId });
    const receipt = await call('recordEvidence', sampleInput('recordEvidence') as object & { visitId: number });
    await call('getReceipt', { receiptId: receipt.id });
    await call('listReceipts', { visitId });
    await call('parkTicket', { visitId });
    await call('resumeTicket', { visitId, deskId: 1 });
    await call('startService', { visitId });
    await call('finishService', { visitId, outcome: 'resolved', note: 'Paid in full' });
    // Data protection: a person's records, their export with a receipt, an erasure, the self-check.
    expect(await call('findPersonRecords', { postcode: 'L1', managerPin: '2468' })).not.toEqual([]);
    expect((await call('exportSubjectAccess', { visitIds: [visitId], managerPin: '2468' })).visits[0]?.receipts).not.toEqual([]);
    await call('getDataProtectionStatus', {});

    const second = await call('issueTicket', sampleInput('issueTicket'));
    await call('cancelTicket', { visitId: second.ticket.visitId });
    const third = await call('issueTicket', sampleInput('issueTicket'));
    await call('callTicket', { deskId: 1, visitId: third.ticket.visitId });
    await call('markNoShow', { visitId: third.ticket.visitId });
    await call('reinstateTicket', { visitId: third.ticket.visitId });
    await call('callTicket', { deskId: 1, visitId: third.ticket.visitId });
    await call('transferTicket', { visitId: third.ticket.visitId, serviceId: 2 });
    expect(await call('callNext', { deskId: 1 })).toBeNull();
    await call('closeDesk', { deskId: 1 });

    await call('getDisplayState', {}, { token: null });
    await call('getLiveSnapshot', {});
    await call('getHistory', { from: '2026-11-01', to: '2026-11-30', groupBy: 'service' });
    await call('getReport', { from: '2026-11-01', to: '2026-12-31' });
    await call('exportReportCsv', { from: '2026-11-01', to: '2026-12-31' });
    await call('previewRetention', { retentionDays: 7 });
    await call('listAudit', { limit: 10 });
    await call('runPurge', {});
    await call('listPurgeLog', {});
    await call('eraseVisits', { visitIds: [visitId], reason: 'subject-request', caseReference: 'SAR-2026-0042', managerPin: '2468' });
    expect(await call('listErasures', {})).not.toEqual([]);
    // The purge log has an entry now: the self-check's nullable `lastPurge` is an object.
    expect((await call('getDataProtectionStatus', {})).lastPurge).not.toBeNull();
    // LAN access: on, a code, a desk PC paired with it and withdrawn; what anyone may ask the hub.
    await call('setLanAccess', { enabled: true, managerPin: '2468' });
    w.t.site.lan.saveCertificate(fakeLanCertificate, 'current');
    expect((await call('getLanStatus', {})).fingerprint).toBe(fakeLanCertificate.fingerprint);
    const { code } = await call('createPairingCode', {});
    const paired = await call('pairDevice', { code, label: 'Desk 3 PC', appVersion: '0.1.0', protocol: 1 }, { token: null });
    await call('listDevices', {});
    // Withdrawn: the nullable `revokedAt` is a time now.
    expect((await call('revokeDevice', { deviceId: paired.deviceId })).revokedAt).not.toBeNull();
    await call('getHubInfo', {}, { token: null });
    await call('setRecoveryPassphrase', { passphrase: 'a long recovery passphrase', managerPin: '2468' });
    await call('changeOwnPin', { currentPin: '2468', newPin: '8642' });
    token = (await call('signIn', { staffId: w.t.manager.staff.id, pin: '8642' }, { token: null })).token;
    await call('signOut', {});

    expect([...new Set([...site.called, ...freshSite.called])].sort()).toEqual([...callNames].sort());
  });
});
