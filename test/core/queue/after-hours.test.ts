import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/domain/staff.js';
import { errorText } from '../../../shared/i18n/errors.en-GB.js';
import { openTestSite, staffSession, type TestSite } from '../../fixtures/temp-site.js';
import { expectRefused, issue, lateManager, london, refusal, tuesday, visitRow } from '../../fixtures/queue-fixtures.js';

/**
 * After the last-ticket time (or on a closed day) a manager at the counter lets one more visitor
 * in: their id and their own PIN, typed on the receptionist's screen (docs/access.md).
 */
let t: TestSite | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

interface Counter {
  s: TestSite;
  rec: Session;
  /** A second manager, not the one signed in: the one who comes to the counter. */
  mo: Session;
}

async function counter(now: number): Promise<Counter> {
  t = await openTestSite({ now });
  const s = t;
  const rec = await staffSession(s, 'Rita Reception', 'receptionist');
  const mo = await staffSession(s, 'Mo Manager', 'manager', '8642');
  return { s, rec, mo };
}

function staffRow(s: TestSite, id: number): { failed_pins: number; locked_until: number | null } {
  return s.site.database.prepare('SELECT failed_pins, locked_until FROM staff WHERE id = ?').get(id) as never;
}

function auditSince(s: TestSite, id: number): unknown[] {
  return s.site.database.prepare('SELECT staff_id, action, target_type, target_id, outcome FROM audit WHERE id > ? ORDER BY id').all(id);
}

function lastAuditId(s: TestSite): number {
  return (s.site.database.prepare('SELECT coalesce(max(id), 0) AS id FROM audit').get() as { id: number }).id;
}

describe('issuing a ticket after hours', () => {
  it('ignores afterHours before the last-ticket time: no PIN is checked, nothing extra is audited', async () => {
    const { s, rec, mo } = await counter(tuesday(16, 29));
    const from = lastAuditId(s);
    const issued = await issue(s, rec.token, 'C', { afterHours: { managerId: mo.staff.id, managerPin: '0000' } });
    expect(issued.ticket.number).toBe('C001');
    // Not even an unknown manager is looked at.
    expect((await issue(s, rec.token, 'C', { afterHours: { managerId: 999, managerPin: '0000' } })).ticket.number).toBe('C002');
    expect(staffRow(s, mo.staff.id).failed_pins).toBe(0);
    expect(auditSince(s, from)).toEqual([
      { staff_id: rec.staff.id, action: 'visit.issue', target_type: 'visit', target_id: issued.ticket.visitId, outcome: 'ok' },
      { staff_id: rec.staff.id, action: 'visit.issue', target_type: 'visit', target_id: issued.ticket.visitId + 1, outcome: 'ok' },
    ]);
  });

  it('refuses a late ticket without afterHours with a conflict naming the last-ticket time, on the afterHours field too', async () => {
    const { s, rec } = await counter(tuesday(16, 30));
    const refused = await refusal(issue(s, rec.token, 'C'));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe(errorText.ticketsStopAt('16:30'));
    expect(refused.issues).toEqual([{ path: ['afterHours'], message: errorText.ticketsStopAt('16:30') }]);
    await expectRefused(s, () => issue(s, rec.token, 'C'), 'conflict');
  });

  it('refuses a ticket on a closed day without afterHours, with the closed-today words on the field', async () => {
    const { s, rec } = await counter(london(2026, 11, 29, 11)); // a Sunday
    const refused = await refusal(issue(s, rec.token, 'C'));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe(errorText.closedToday);
    expect(refused.issues).toEqual([{ path: ['afterHours'], message: errorText.closedToday }]);
  });

  it('asks for a manager when the id is unknown, not a manager, or an inactive manager, and checks no PIN', async () => {
    const { s, rec, mo } = await counter(tuesday(17, 5));
    const ada = await staffSession(s, 'Ada Advisor', 'advisor');
    const gone = await staffSession(s, 'Gus Gone', 'manager', '9753');
    await s.site.call('updateStaff', { staffId: gone.staff.id, active: false }, s.manager.token);
    for (const managerId of [999, rec.staff.id, ada.staff.id, gone.staff.id]) {
      const refused = await refusal(issue(s, rec.token, 'C', { afterHours: { managerId, managerPin: '9753' } }));
      expect(refused.code).toBe('invalid-input');
      expect(refused.message).toBe(errorText.afterHoursChooseManager);
      expect(refused.issues).toEqual([{ path: ['afterHours', 'managerId'], message: errorText.chooseManagerField }]);
      await expectRefused(s, () => issue(s, rec.token, 'C', { afterHours: { managerId, managerPin: '1357' } }), 'invalid-input');
    }
    for (const id of [rec.staff.id, ada.staff.id, gone.staff.id, mo.staff.id]) expect(staffRow(s, id).failed_pins).toBe(0);
  });

  it('counts a wrong PIN toward the chosen manager’s lockout, on the managerPin field, and locks them after five', async () => {
    const { s, rec, mo } = await counter(tuesday(17, 5));
    const wrongPin = { afterHours: { managerId: mo.staff.id, managerPin: '1111' } };
    for (let left = 4; left >= 1; left -= 1) {
      const refused = await refusal(issue(s, rec.token, 'C', wrongPin));
      expect(refused.code).toBe('invalid-input');
      expect(refused.message).toBe(errorText.wrongAfterHoursPin(left));
      expect(refused.issues).toEqual([{ path: ['afterHours', 'managerPin'], message: errorText.wrongPinField }]);
      expect(staffRow(s, mo.staff.id).failed_pins).toBe(5 - left);
    }
    // The receptionist typed nothing of their own: their account is untouched.
    expect(staffRow(s, rec.staff.id).failed_pins).toBe(0);
    expect(await refusal(issue(s, rec.token, 'C', wrongPin))).toMatchObject({ code: 'locked', message: errorText.nowLockedFor(5) });
    // Locked: even the right PIN is not checked, at the counter or at sign-in.
    const right = { afterHours: { managerId: mo.staff.id, managerPin: '8642' } };
    expect(await refusal(issue(s, rec.token, 'C', right))).toMatchObject({ code: 'locked', message: errorText.lockedFor(5) });
    expect(await refusal(s.site.call('signIn', { staffId: mo.staff.id, pin: '8642' }, null))).toMatchObject({ code: 'locked' });
    expect(s.site.database.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 0 });
    const attempts = s.site.database
      .prepare("SELECT staff_id, action, target_type, target_id, outcome FROM audit WHERE action IN ('pin.confirm', 'sign-in.locked') ORDER BY id")
      .all();
    expect(attempts.slice(0, 5)).toEqual([
      ...Array.from({ length: 4 }, () => ({ staff_id: rec.staff.id, action: 'pin.confirm', target_type: 'staff', target_id: mo.staff.id, outcome: 'failed' })),
      { staff_id: rec.staff.id, action: 'sign-in.locked', target_type: 'staff', target_id: mo.staff.id, outcome: 'failed' },
    ]);
  });

  it('issues the ticket with the right PIN and audits which manager let the visitor in, by id and without visitor data', async () => {
    const { s, rec, mo } = await counter(tuesday(17, 5));
    const from = lastAuditId(s);
    const name = 'Siân Jones-Évans';
    const issued = await issue(s, rec.token, 'C', { name, postcode: 'L2 9SH', afterHours: { managerId: mo.staff.id, managerPin: '8642' } });
    expect(issued.ticket).toMatchObject({ number: 'C001', status: 'waiting' });
    expect(issued.position).toBe(1);
    expect(visitRow(s, issued.ticket.visitId)).toMatchObject({ visitor_name: name, issued_by: rec.staff.id });
    expect(auditSince(s, from)).toEqual([
      { staff_id: rec.staff.id, action: 'visit.issue', target_type: 'visit', target_id: issued.ticket.visitId, outcome: 'ok' },
      { staff_id: rec.staff.id, action: 'visit.after-hours', target_type: 'staff', target_id: mo.staff.id, outcome: 'ok' },
    ]);
    const everything = JSON.stringify(s.site.database.prepare('SELECT * FROM audit').all());
    for (const personal of ['Siân', 'Jones', 'L2 9SH', '9SH', 'Dale Street', 'bill', '8642']) expect(everything).not.toContain(personal);
    expect(staffRow(s, mo.staff.id).failed_pins).toBe(0);
  });

  it('needs the manager’s id and PIN even when a manager is the one signed in', async () => {
    const { s } = await counter(tuesday(17, 5));
    expect(await refusal(issue(s, s.manager.token, 'C'))).toMatchObject({ code: 'conflict' });
    expect((await issue(s, s.manager.token, 'C', { afterHours: lateManager(s) })).ticket.number).toBe('C001');
  });
});

describe('the after-hours picker', () => {
  it('lists the active managers by name for reception, and nobody else', async () => {
    const { s, rec, mo } = await counter(tuesday(17, 5));
    const ada = await staffSession(s, 'Ada Advisor', 'advisor');
    const gone = await staffSession(s, 'Gus Gone', 'manager', '9753');
    await s.site.call('updateStaff', { staffId: gone.staff.id, active: false }, s.manager.token);
    const al = await staffSession(s, 'Al Manager', 'manager', '9753');
    const expected = [
      { id: al.staff.id, name: 'Al Manager' },
      { id: s.manager.staff.id, name: 'Mia Manager' },
      { id: mo.staff.id, name: 'Mo Manager' },
    ];
    expect(await s.site.call('listManagers', {}, rec.token)).toEqual(expected);
    expect(await s.site.call('listManagers', {}, s.manager.token)).toEqual(expected);
    expect(await refusal(s.site.call('listManagers', {}, ada.token))).toMatchObject({ code: 'forbidden' });
  });
});
