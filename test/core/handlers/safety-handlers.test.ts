import { afterEach, describe, expect, it } from 'vitest';
import { eventAudience, type DeskEvent } from '../../../shared/events.js';
import { openTestSite, staffSession, type TestSite } from '../../fixtures/temp-site.js';
import { advisorAtDesk, deskIdOf, issue, minute, refusal, tuesday } from '../../fixtures/queue-fixtures.js';

/** Staff-safety alerts: a call for help from a desk or reception, on every staff screen until answered. */
let t: TestSite | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

async function world() {
  t = await openTestSite({ now: tuesday(10) });
  const s = t;
  const rec = await staffSession(s, 'Rita Reception', 'receptionist');
  const desk = await advisorAtDesk(s, 'Adam Advisor', 'Desk 3', ['C']);
  const heard: Array<{ event: DeskEvent; audience: string }> = [];
  s.site.subscribe((event, audience) => heard.push({ event, audience }));
  return { s, rec, desk, adam: desk.session, heard };
}

const alertAudit = (s: TestSite) =>
  s.site.database.prepare("SELECT * FROM audit WHERE action LIKE 'safety.%' ORDER BY id").all() as Array<Record<string, unknown>>;

describe('raising a safety alert', () => {
  it('raises an alert at the caller’s open desk, listed for every member of staff until someone acknowledges it, then gone', async () => {
    const { s, rec, desk, adam } = await world();
    const raised = await s.site.call('raiseSafetyAlert', { deskId: desk.deskId }, adam.token);
    expect(raised).toEqual({
      id: raised.id,
      raisedBy: { id: adam.staff.id, name: 'Adam Advisor' },
      place: 'Desk 3',
      deskId: desk.deskId,
      raisedAt: tuesday(10),
      acknowledgedBy: null,
      acknowledgedAt: null,
    });
    expect(await s.site.call('listSafetyAlerts', {}, rec.token)).toEqual([raised]);
    expect(await s.site.call('listSafetyAlerts', {}, s.manager.token)).toEqual([raised]);

    s.clock.advance(minute);
    const answered = await s.site.call('acknowledgeSafetyAlert', { alertId: raised.id }, rec.token);
    expect(answered).toEqual({ ...raised, acknowledgedBy: { id: rec.staff.id, name: 'Rita Reception' }, acknowledgedAt: tuesday(10, 1) });
    expect(await s.site.call('listSafetyAlerts', {}, adam.token)).toEqual([]);
  });

  it('raises one at reception when no desk is named, from any role', async () => {
    const { s, rec } = await world();
    const raised = await s.site.call('raiseSafetyAlert', { deskId: null }, rec.token);
    expect(raised).toMatchObject({ place: 'Reception', deskId: null, raisedBy: { name: 'Rita Reception' } });
  });

  it('returns the caller’s own open alert when raised again, with no second row, audit line or event', async () => {
    const { s, desk, adam, heard } = await world();
    const first = await s.site.call('raiseSafetyAlert', { deskId: desk.deskId }, adam.token);
    s.clock.advance(minute);
    expect(await s.site.call('raiseSafetyAlert', { deskId: desk.deskId }, adam.token)).toEqual(first);
    expect(await s.site.call('raiseSafetyAlert', { deskId: null }, adam.token)).toEqual(first);
    expect(s.site.database.prepare('SELECT count(*) AS n FROM safety_alerts').get()).toEqual({ n: 1 });
    expect(alertAudit(s)).toHaveLength(1);
    expect(heard.filter((h) => h.event.type === 'safety-alerts-changed')).toHaveLength(1);
    // Once answered, pressing again is a new call for help.
    await s.site.call('acknowledgeSafetyAlert', { alertId: first.id }, s.manager.token);
    const second = await s.site.call('raiseSafetyAlert', { deskId: desk.deskId }, adam.token);
    expect(second.id).not.toBe(first.id);
  });

  it('lists open alerts oldest first, each person’s own', async () => {
    const { s, rec, desk, adam } = await world();
    const fromDesk = await s.site.call('raiseSafetyAlert', { deskId: desk.deskId }, adam.token);
    s.clock.advance(minute);
    const fromReception = await s.site.call('raiseSafetyAlert', { deskId: null }, rec.token);
    expect((await s.site.call('listSafetyAlerts', {}, s.manager.token)).map((a) => a.id)).toEqual([fromDesk.id, fromReception.id]);
  });

  it('answers not-found for a desk the caller does not have open; a manager may name any active desk', async () => {
    const { s, rec, adam } = await world();
    const notOpen = await refusal(s.site.call('raiseSafetyAlert', { deskId: deskIdOf(s, 'Desk 1') }, adam.token));
    expect(notOpen).toMatchObject({ code: 'not-found', issues: [{ path: ['deskId'] }] });
    // Desk 3 is open, but for Adam, not for Rita.
    expect(await refusal(s.site.call('raiseSafetyAlert', { deskId: deskIdOf(s, 'Desk 3') }, rec.token))).toMatchObject({ code: 'not-found' });
    expect(await refusal(s.site.call('raiseSafetyAlert', { deskId: 999 }, s.manager.token))).toMatchObject({ code: 'not-found' });
    expect(s.site.database.prepare('SELECT count(*) AS n FROM safety_alerts').get()).toEqual({ n: 0 });
    const byManager = await s.site.call('raiseSafetyAlert', { deskId: deskIdOf(s, 'Desk 1') }, s.manager.token);
    expect(byManager).toMatchObject({ place: 'Desk 1', deskId: deskIdOf(s, 'Desk 1') });
  });

  it('needs a signed-in member of staff', async () => {
    const { s } = await world();
    expect(await refusal(s.site.call('raiseSafetyAlert', { deskId: null }, null))).toMatchObject({ code: 'unauthenticated' });
    expect(await refusal(s.site.call('listSafetyAlerts', {}, null))).toMatchObject({ code: 'unauthenticated' });
  });
});

describe('acknowledging a safety alert', () => {
  it('keeps the first answer: acknowledging again returns the alert unchanged, audited and announced once', async () => {
    const { s, rec, desk, adam, heard } = await world();
    const raised = await s.site.call('raiseSafetyAlert', { deskId: desk.deskId }, adam.token);
    const answered = await s.site.call('acknowledgeSafetyAlert', { alertId: raised.id }, rec.token);
    s.clock.advance(minute);
    expect(await s.site.call('acknowledgeSafetyAlert', { alertId: raised.id }, s.manager.token)).toEqual(answered);
    expect(alertAudit(s).map((a) => [a.action, a.staff_id])).toEqual([
      ['safety.raise', adam.staff.id],
      ['safety.acknowledge', rec.staff.id],
    ]);
    expect(heard.filter((h) => h.event.type === 'safety-alerts-changed')).toHaveLength(2);
  });

  it('answers not-found for an alert that does not exist', async () => {
    const { s, rec } = await world();
    expect(await refusal(s.site.call('acknowledgeSafetyAlert', { alertId: 42 }, rec.token))).toMatchObject({ code: 'not-found', issues: [{ path: ['alertId'] }] });
  });
});

describe('what a safety alert tells, and whom', () => {
  it('audits each raise and acknowledgement by the alert’s id only: no visitor data, whoever is at the desk', async () => {
    const { s, rec, desk, adam } = await world();
    await issue(s, rec.token, 'C', { name: 'Seán O’Brien', reason: 'Threatened over a bill' });
    await s.site.call('callNext', { deskId: desk.deskId }, adam.token);
    const raised = await s.site.call('raiseSafetyAlert', { deskId: desk.deskId }, adam.token);
    await s.site.call('acknowledgeSafetyAlert', { alertId: raised.id }, rec.token);
    const rows = alertAudit(s);
    expect(rows.map(({ id: _id, ...row }) => row)).toEqual([
      { at: tuesday(10), staff_id: adam.staff.id, action: 'safety.raise', target_type: 'alert', target_id: raised.id, outcome: 'ok' },
      { at: tuesday(10), staff_id: rec.staff.id, action: 'safety.acknowledge', target_type: 'alert', target_id: raised.id, outcome: 'ok' },
    ]);
    // Nor does the alert itself carry the visitor being served there.
    const stored = JSON.stringify([rows, s.site.database.prepare('SELECT * FROM safety_alerts').all(), raised]);
    expect(stored).not.toMatch(/O’Brien|Threatened|C001/);
  });

  it('announces each change as safety-alerts-changed to staff only, never to the display', async () => {
    const { s, desk, adam, heard } = await world();
    expect(eventAudience['safety-alerts-changed']).toBe('staff');
    const raised = await s.site.call('raiseSafetyAlert', { deskId: desk.deskId }, adam.token);
    await s.site.call('acknowledgeSafetyAlert', { alertId: raised.id }, s.manager.token);
    expect(heard).toEqual([
      { event: { type: 'safety-alerts-changed', at: tuesday(10) }, audience: 'staff' },
      { event: { type: 'safety-alerts-changed', at: tuesday(10) }, audience: 'staff' },
    ]);
  });
});
