import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/domain/staff.js';
import { openTestSite, staffSession, type TestSite } from '../../fixtures/temp-site.js';
import { advisorAtDesk, issue, managerPin, minute, refusal, tuesday } from '../../fixtures/queue-fixtures.js';

/** Reception finding today's visitors: searchTodaysVisits and findRepeatVisit. */
let t: TestSite | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

function auditSince(s: TestSite, id: number): Array<Record<string, unknown>> {
  return s.site.database.prepare('SELECT * FROM audit WHERE id > ? ORDER BY id').all(id) as Array<Record<string, unknown>>;
}

function lastAuditId(s: TestSite): number {
  return (s.site.database.prepare('SELECT coalesce(max(id), 0) AS id FROM audit').get() as { id: number }).id;
}

/** Yesterday: a visitor named like today's; today: thirteen council tax tickets, then three named visitors. */
async function day(): Promise<{ s: TestSite; rec: Session; siân: number; łukasz: number; homeless: number; yesterday: number }> {
  t = await openTestSite({ now: tuesday(10, 0, -1) });
  const s = t;
  const yesterday = (await issue(s, s.manager.token, 'C', { name: 'Siân Jones-Évans' })).ticket.visitId;
  s.clock.set(tuesday(9, 30));
  s.manager = await s.site.call('signIn', { staffId: s.manager.staff.id, pin: managerPin }, null);
  const rec = await staffSession(s, 'Rita Reception', 'receptionist');
  for (let i = 1; i <= 13; i += 1) {
    await issue(s, rec.token, 'C', { name: `Visitor ${i}`, postcode: 'M1 1AA' });
    s.clock.advance(minute);
  }
  const siân = (await issue(s, rec.token, 'C', { name: 'Siân Jones-Évans', postcode: 'l1 1jq' })).ticket.visitId;
  s.clock.advance(minute);
  const łukasz = (await issue(s, rec.token, 'H', { name: 'ŁUKASZ NOWAK', postcode: 'CH41 5LH' })).ticket.visitId;
  s.clock.advance(minute);
  const homeless = (await issue(s, rec.token, 'H', { name: 'Siân Jones-Évans', postcode: null })).ticket.visitId;
  s.clock.advance(minute);
  return { s, rec, siân, łukasz, homeless, yesterday };
}

describe('searching today’s visits', () => {
  it('finds C014 by c14, C14 or c014, with the visitor’s name, postcode and receipt count', async () => {
    const { s, rec, siân } = await day();
    await s.site.call(
      'recordEvidence',
      { visitId: siân, items: [{ kind: 'payslip', description: 'October payslip', count: 1, original: false, returned: true }] },
      rec.token,
    );
    for (const query of ['c14', 'C14', 'c014', 'C014']) {
      const found = await s.site.call('searchTodaysVisits', { query }, rec.token);
      expect(found, query).toHaveLength(1);
      expect(found[0]).toEqual({
        ticket: expect.objectContaining({ visitId: siân, number: 'C014', status: 'waiting' }) as unknown,
        visitorName: 'Siân Jones-Évans',
        postcode: 'L1 1JQ',
        noFixedAbode: false,
        receipts: 1,
      });
    }
  });

  it('finds a postcode by its start in any case and spacing', async () => {
    const { s, rec, siân, łukasz } = await day();
    const ids = async (query: string) => (await s.site.call('searchTodaysVisits', { query }, rec.token)).map((m) => m.ticket.visitId);
    expect(await ids('L1')).toEqual([siân]);
    expect(await ids('l11j')).toEqual([siân]);
    expect(await ids('L1 1JQ')).toEqual([siân]);
    expect(await ids('ch41 5')).toEqual([łukasz]);
    expect(await ids('L2')).toEqual([]);
  });

  it('finds part of a name in any case, beyond ASCII, and only today’s: yesterday’s visitor of the same name is not found', async () => {
    const { s, rec, siân, łukasz, homeless, yesterday } = await day();
    const ids = async (query: string, token = rec.token) => (await s.site.call('searchTodaysVisits', { query }, token)).map((m) => m.ticket.visitId);
    expect(await ids('jones-évans')).toEqual([homeless, siân]);
    expect(await ids('ÉVANS')).toEqual([homeless, siân]);
    expect(await ids('łukasz')).toEqual([łukasz]);
    expect(await ids('Nowak')).toEqual([łukasz]);
    // Not even a manager, who may read yesterday's visit, finds it here.
    expect(await ids('siân', s.manager.token)).not.toContain(yesterday);
    const homelessMatch = (await s.site.call('searchTodaysVisits', { query: 'siân' }, rec.token))[0];
    expect(homelessMatch).toMatchObject({ postcode: null, noFixedAbode: true, receipts: 0 });
  });

  it('lists all of today’s visits, latest issued first, fifty at most', async () => {
    t = await openTestSite({ now: tuesday(9, 0) });
    const s = t;
    const rec = await staffSession(s, 'Rita Reception', 'receptionist');
    const issued: number[] = [];
    for (let i = 0; i < 55; i += 1) {
      issued.push((await issue(s, rec.token, i % 2 === 0 ? 'C' : 'H', { name: `Visitor ${i}` })).ticket.visitId);
      s.clock.advance(2 * minute);
    }
    const found = await s.site.call('searchTodaysVisits', { query: '' }, rec.token);
    expect(found.map((m) => m.ticket.visitId)).toEqual(issued.slice(-50).reverse());
    expect((await s.site.call('searchTodaysVisits', { query: 'visitor' }, rec.token)).length).toBe(50);
  });

  it('audits that a search happened, by whom, and never what was typed', async () => {
    const { s, rec } = await day();
    const from = lastAuditId(s);
    for (const query of ['Siân Jones', 'l11j', 'c14']) await s.site.call('searchTodaysVisits', { query }, rec.token);
    const lines = auditSince(s, from);
    expect(lines.map(({ staff_id, action, target_type, target_id, outcome }) => ({ staff_id, action, target_type, target_id, outcome }))).toEqual(
      Array.from({ length: 3 }, () => ({ staff_id: rec.staff.id, action: 'visit.search', target_type: null, target_id: null, outcome: 'ok' })),
    );
    const text = JSON.stringify(lines).toLowerCase();
    for (const term of ['siân', 'jones', 'l11j', 'c14']) expect(text).not.toContain(term);
  });

  it('is reception’s: an advisor may not search', async () => {
    const { s } = await day();
    const advisor = await advisorAtDesk(s, 'Adam Advisor', 'Desk 1', ['C']);
    expect(await refusal(s.site.call('searchTodaysVisits', { query: '' }, advisor.session.token))).toMatchObject({ code: 'forbidden' });
  });
});

describe('checking for a repeat visit', () => {
  it('finds today’s earlier visits by the same name and postcode, ignoring case, spacing and accent encoding', async () => {
    const { s, rec, siân, yesterday } = await day();
    const repeat = async (name: string, postcode: string) => (await s.site.call('findRepeatVisit', { name, postcode }, rec.token)).map((v) => v.visitId);
    expect(await repeat('Siân Jones-Évans', 'L1 1JQ')).toEqual([siân]);
    expect(await repeat('  SIÂN   jones-évans ', 'l11jq')).toEqual([siân]);
    expect(await repeat('Sia\u0302n Jones-E\u0301vans', 'L1 1JQ')).toEqual([siân]);
    // Yesterday's visit had the same name and postcode: not today's, so not a repeat (above).
    expect(yesterday).not.toBe(siân);
    // The same name elsewhere, or part of the name, is not the same visitor.
    expect(await repeat('Siân Jones-Évans', 'L2 9SH')).toEqual([]);
    expect(await repeat('Siân Jones', 'L1 1JQ')).toEqual([]);
  });

  it('answers with tickets only, latest first, and audits the check without the name or postcode', async () => {
    const { s, rec } = await day();
    s.clock.advance(20 * minute);
    const again = (await issue(s, rec.token, 'B', { name: 'Siân Jones-Évans', postcode: 'L1 1JQ' })).ticket;
    const from = lastAuditId(s);
    const found = await s.site.call('findRepeatVisit', { name: 'Siân Jones-Évans', postcode: 'L1 1JQ' }, rec.token);
    expect(found.map((v) => v.number)).toEqual([again.number, 'C014']);
    expect(JSON.stringify(found)).not.toContain('Siân');
    const lines = auditSince(s, from);
    expect(lines.map(({ staff_id, action, target_type, target_id }) => ({ staff_id, action, target_type, target_id }))).toEqual([
      { staff_id: rec.staff.id, action: 'visit.repeat-check', target_type: null, target_id: null },
    ]);
    expect(JSON.stringify(lines).toLowerCase()).not.toMatch(/siân|jones|l1 1jq|l11jq/u);
  });
});
