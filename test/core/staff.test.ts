import { afterEach, describe, expect, it } from 'vitest';
import { openTestSite, staffSession, type TestSite } from '../fixtures/temp-site.js';
import { refusal } from '../fixtures/queue-fixtures.js';

let t: TestSite;
afterEach(() => t?.close());

describe('first-run setup', () => {
  it('creates the site and its first manager once, and refuses a second setup', async () => {
    t = await openTestSite();
    expect(await t.site.call('getSetupState', {}, null)).toEqual({ needsSetup: false, siteName: 'Liverpool One Stop Shop' });
    const again = await refusal(
      t.site.call('setupSite', { siteName: 'Other', timeZone: 'Europe/London', manager: { name: 'Eve', pin: '1234' } }, null),
    );
    expect(again.code).toBe('conflict');
    expect((await t.site.call('listSignInStaff', {}, null)).map((s) => s.name)).toEqual(['Mia Manager']);
  });
});

describe('sign-in and PIN lockout', () => {
  it('locks an account after five wrong PINs, refuses even the right PIN, and opens again after five minutes', async () => {
    t = await openTestSite();
    const member = await t.site.call('createStaff', { name: 'Rita Reception', role: 'receptionist', pin: '4321', managerPin: '2468' }, t.manager.token);
    for (let i = 1; i <= 4; i += 1) {
      const wrong = await refusal(t.site.call('signIn', { staffId: member.id, pin: '0000' }, null));
      expect(wrong.code).toBe('unauthenticated');
      expect(wrong.message).toContain(`${5 - i} more wrong PIN`);
    }
    expect((await refusal(t.site.call('signIn', { staffId: member.id, pin: '0000' }, null))).code).toBe('locked');
    expect((await refusal(t.site.call('signIn', { staffId: member.id, pin: '4321' }, null))).code).toBe('locked');
    t.clock.advance(4 * 60_000);
    expect((await refusal(t.site.call('signIn', { staffId: member.id, pin: '4321' }, null))).code).toBe('locked');
    t.clock.advance(60_000 + 1);
    const session = await t.site.call('signIn', { staffId: member.id, pin: '4321' }, null);
    expect(session.staff.name).toBe('Rita Reception');
  });

  it('lets a manager unlock a locked account at once', async () => {
    t = await openTestSite();
    const member = await t.site.call('createStaff', { name: 'Adam Advisor', role: 'advisor', pin: '4321', managerPin: '2468' }, t.manager.token);
    for (let i = 0; i < 5; i += 1) await refusal(t.site.call('signIn', { staffId: member.id, pin: '9999' }, null));
    const listed = (await t.site.call('listStaff', {}, t.manager.token)).find((s) => s.id === member.id)!;
    expect(listed.lockedUntil).not.toBeNull();
    await t.site.call('unlockStaff', { staffId: member.id, managerPin: '2468' }, t.manager.token);
    expect((await t.site.call('signIn', { staffId: member.id, pin: '4321' }, null)).staff.id).toBe(member.id);
  });

  it('records failed and locked sign-ins in the audit log, with ids only', async () => {
    t = await openTestSite();
    const member = await t.site.call('createStaff', { name: 'Adam Advisor', role: 'advisor', pin: '4321', managerPin: '2468' }, t.manager.token);
    for (let i = 0; i < 5; i += 1) await refusal(t.site.call('signIn', { staffId: member.id, pin: '9999' }, null));
    const audit = await t.site.call('listAudit', {}, t.manager.token);
    expect(audit.filter((a) => a.action === 'sign-in' && a.outcome === 'failed')).toHaveLength(4);
    expect(audit.filter((a) => a.action === 'sign-in.locked' && a.targetId === member.id)).toHaveLength(1);
  });
});

describe('sessions', () => {
  it('expire after the idle time but stay alive while used', async () => {
    t = await openTestSite();
    const rec = await staffSession(t, 'Rita Reception', 'receptionist');
    t.clock.advance(29 * 60_000);
    await t.site.call('listServices', {}, rec.token);
    t.clock.advance(29 * 60_000);
    await t.site.call('listServices', {}, rec.token);
    t.clock.advance(30 * 60_000 + 1);
    expect((await refusal(t.site.call('listServices', {}, rec.token))).code).toBe('unauthenticated');
  });

  it('follow the idle time a manager sets', async () => {
    t = await openTestSite();
    await t.site.call('updateSettings', { sessionIdleMinutes: 5 }, t.manager.token);
    const rec = await staffSession(t, 'Rita Reception', 'receptionist');
    t.clock.advance(5 * 60_000 + 1);
    expect((await refusal(t.site.call('getSession', {}, rec.token))).code).toBe('unauthenticated');
  });

  it('end at sign-out and when the member of staff is deactivated', async () => {
    t = await openTestSite();
    const rec = await staffSession(t, 'Rita Reception', 'receptionist');
    await t.site.call('signOut', {}, rec.token);
    expect((await refusal(t.site.call('getSession', {}, rec.token))).code).toBe('unauthenticated');
    const adv = await staffSession(t, 'Adam Advisor', 'advisor');
    await t.site.call('updateStaff', { staffId: adv.staff.id, active: false }, t.manager.token);
    expect((await refusal(t.site.call('getSession', {}, adv.token))).code).toBe('unauthenticated');
    expect((await t.site.call('listSignInStaff', {}, null)).map((s) => s.name)).not.toContain('Adam Advisor');
  });
});

describe('roles', () => {
  it('keeps each role to its own calls', async () => {
    t = await openTestSite();
    const rec = await staffSession(t, 'Rita Reception', 'receptionist');
    const adv = await staffSession(t, 'Adam Advisor', 'advisor');
    expect((await refusal(t.site.call('listAudit', {}, rec.token))).code).toBe('forbidden');
    expect((await refusal(t.site.call('createStaff', { name: 'New Person', role: 'manager', pin: '1234', managerPin: '2468' }, adv.token))).code).toBe('forbidden');
    expect((await refusal(t.site.call('callNext', { deskId: 1 }, rec.token))).code).toBe('forbidden');
    expect((await refusal(t.site.call('updateSettings', { retentionDays: 7 }, adv.token))).code).toBe('forbidden');
    expect((await refusal(t.site.call('getLiveSnapshot', {}, rec.token))).code).toBe('forbidden');
    const services = await t.site.call('listServices', {}, adv.token);
    const issue = {
      visitor: { name: 'Ann Visitor', addressLines: [], postcode: null, noFixedAbode: true },
      serviceId: services[0]!.id,
      reason: '',
      needs: { interpreter: false, language: null, hearing: false, mobility: false },
      priority: null,
      callByNumberOnly: false,
    };
    expect((await refusal(t.site.call('issueTicket', issue, adv.token))).code).toBe('forbidden');
    expect((await t.site.call('issueTicket', issue, rec.token)).ticket.number).toBe('C001');
    // A manager may do everything.
    expect((await t.site.call('issueTicket', issue, t.manager.token)).ticket.number).toBe('C002');
  });

  it('audits a refused call with the caller id and no details', async () => {
    t = await openTestSite();
    const rec = await staffSession(t, 'Rita Reception', 'receptionist');
    await refusal(t.site.call('listStaff', {}, rec.token));
    const denied = (await t.site.call('listAudit', {}, t.manager.token)).find((a) => a.action === 'access.denied');
    expect(denied).toMatchObject({ staffId: rec.staff.id, outcome: 'denied' });
  });

  it('never leaves the site without an active manager', async () => {
    t = await openTestSite();
    const demote = await refusal(t.site.call('updateStaff', { staffId: t.manager.staff.id, role: 'advisor' }, t.manager.token));
    expect(demote.code).toBe('conflict');
    const deactivate = await refusal(t.site.call('updateStaff', { staffId: t.manager.staff.id, active: false }, t.manager.token));
    expect(deactivate.code).toBe('conflict');
  });

  it('keeps staff names unique on a site, whatever their case', async () => {
    t = await openTestSite();
    await t.site.call('createStaff', { name: 'Sam Smith', role: 'advisor', pin: '1234', managerPin: '2468' }, t.manager.token);
    const duplicate = await refusal(t.site.call('createStaff', { name: 'sam smith', role: 'receptionist', pin: '1234', managerPin: '2468' }, t.manager.token));
    expect(duplicate.code).toBe('conflict');
    expect(duplicate.issues?.[0]?.path).toEqual(['name']);
  });

  it('lets staff change their own PIN only with the current one', async () => {
    t = await openTestSite();
    const rec = await staffSession(t, 'Rita Reception', 'receptionist', '1357');
    expect((await refusal(t.site.call('changeOwnPin', { currentPin: '9999', newPin: '2468' }, rec.token))).code).toBe('invalid-input');
    await t.site.call('changeOwnPin', { currentPin: '1357', newPin: '24680' }, rec.token);
    expect((await t.site.call('signIn', { staffId: rec.staff.id, pin: '24680' }, null)).staff.id).toBe(rec.staff.id);
  });
});
