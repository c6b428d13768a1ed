import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/clock.js';
import type { Site } from '../../electron/core/site.js';
import { storePaths } from '../../electron/core/store/paths.js';
import { openPlainTestSite, staffSession, tempDir, type TestSite } from '../fixtures/temp-site.js';
import { advisorAtDesk, day, issue, issueInput, managerToken, minute, openTuesdaySite as site, refusal, tuesday } from '../fixtures/queue-fixtures.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

const jon = { name: 'Jon Smith', addressLines: ['4 Rose Street', 'Bootle'], postcode: 'L20 3AA', reason: 'Council tax arrears letter' };
const john = { name: 'John Smith', addressLines: ['9 Elm Road', 'Anfield'], postcode: 'L4 0TH', reason: 'Blue badge renewal' };

/** Jon Smith twice (one served, with a receipt and a note), John Smith once: similar names, different people. */
async function twoSmiths(t: TestSite) {
  const rec = await staffSession(t, 'Rita Reception', 'receptionist');
  const adam = await advisorAtDesk(t, 'Adam Advisor', 'Desk 1', ['C', 'D']);
  const jonFirst = await issue(t, rec.token, 'C', jon);
  t.clock.advance(5 * minute);
  const johnVisit = await issue(t, rec.token, 'D', john);
  await t.site.call('callTicket', { deskId: adam.deskId, visitId: jonFirst.ticket.visitId }, adam.session.token);
  await t.site.call('startService', { visitId: jonFirst.ticket.visitId }, adam.session.token);
  await t.site.call(
    'recordEvidence',
    { visitId: jonFirst.ticket.visitId, items: [{ kind: 'payslip', description: 'October payslip', count: 1, original: false, returned: true }] },
    adam.session.token,
  );
  t.clock.advance(10 * minute);
  await t.site.call('finishService', { visitId: jonFirst.ticket.visitId, outcome: 'resolved', note: 'Arranged instalments' }, adam.session.token);
  await t.site.call('callTicket', { deskId: adam.deskId, visitId: johnVisit.ticket.visitId }, adam.session.token);
  await t.site.call('markNoShow', { visitId: johnVisit.ticket.visitId }, adam.session.token);
  // Jon again the next day: cancelled before being called.
  t.clock.set(tuesday(10, 0, 1));
  const rec2 = await t.site.call('signIn', { staffId: rec.staff.id, pin: '1357' }, null);
  const jonSecond = await issue(t, rec2.token, 'C', jon);
  await t.site.call('cancelTicket', { visitId: jonSecond.ticket.visitId }, rec2.token);
  return { jon: [jonFirst.ticket.visitId, jonSecond.ticket.visitId], john: johnVisit.ticket.visitId, adam };
}

describe('finding a person', () => {
  it('finds by any part of the name, the start of the postcode and dates, with the PIN again, audited without the terms', async () => {
    const t = await site();
    const ids = await twoSmiths(t);
    const token = managerToken(t);
    const find = (criteria: object) => t.site.call('findPersonRecords', { managerPin: '2468', ...criteria }, token);

    expect((await find({ name: 'smith' })).map((r) => r.visitId).sort()).toEqual([...ids.jon, ids.john].sort());
    expect((await find({ name: 'JON SMITH' })).map((r) => r.visitId)).toEqual([ids.jon[1], ids.jon[0]]);
    expect((await find({ name: 'smith', postcode: 'l4' })).map((r) => r.visitId)).toEqual([ids.john]);
    expect((await find({ name: 'smith', from: '2026-11-25' })).map((r) => r.visitId)).toEqual([ids.jon[1]]);
    const [record] = await find({ postcode: 'L20 3AA' });
    expect(record).toMatchObject({ visitor: { name: 'Jon Smith', addressLines: jon.addressLines, postcode: 'L20 3AA' }, serviceName: 'Council Tax' });
    expect(await find({ name: 'Nobody' })).toEqual([]);

    const wrong = await refusal(t.site.call('findPersonRecords', { name: 'smith', managerPin: '0000' }, token));
    expect(wrong.code).toBe('invalid-input');
    expect(wrong.issues?.[0]?.path).toEqual(['managerPin']);
    expect((await refusal(t.site.call('findPersonRecords', { managerPin: '2468' }, token))).code).toBe('invalid-input');

    const audit = await t.site.call('listAudit', { action: 'privacy.search' }, token);
    expect(audit).toHaveLength(6);
    expect(audit.every((e) => e.targetId === null && e.staffId === t.manager.staff.id)).toBe(true);
    expect(JSON.stringify(await t.site.call('listAudit', { limit: 500 }, token))).not.toMatch(/smith|L20|L4 0TH/i);
  });
});

describe('subject access', () => {
  it('exports exactly the chosen visits with their receipts and notes, and no one else’s; audited per visit', async () => {
    const t = await site();
    const ids = await twoSmiths(t);
    const token = managerToken(t);
    const sar = await t.site.call('exportSubjectAccess', { visitIds: ids.jon, managerPin: '2468' }, token);
    expect(sar.visits.map((v) => v.visitId)).toEqual(ids.jon);
    expect(sar.visits[0]).toMatchObject({
      number: 'C001',
      visitor: { name: 'Jon Smith', addressLines: jon.addressLines },
      reason: jon.reason,
      note: 'Arranged instalments',
      outcome: 'resolved',
      deskName: 'Desk 1',
      deleteAfter: '2026-12-22',
      receipts: [{ items: [{ description: 'October payslip' }] }],
    });
    expect(sar.visits[1]).toMatchObject({ outcome: 'cancelled', receipts: [] });
    const text = JSON.stringify(sar);
    for (const other of ['John', 'Elm Road', 'L4 0TH', 'Blue badge', 'Adam Advisor', 'Rita']) expect(text).not.toContain(other);

    const audit = await t.site.call('listAudit', { action: 'privacy.export' }, token);
    expect(audit.map((e) => [e.targetType, e.targetId]).sort()).toEqual(ids.jon.map((id) => ['visit', id]).sort());
    expect((await refusal(t.site.call('exportSubjectAccess', { visitIds: [...ids.jon, 9999], managerPin: '2468' }, token))).code).toBe('not-found');
  });
});

describe('erasure on request', () => {
  it('erases the chosen visits and receipts, keeps the report totals, drops nothing else, and audits without the name', async () => {
    const t = await site();
    const ids = await twoSmiths(t);
    const token = managerToken(t);
    const range = { from: '2026-11-24', to: '2026-11-25' };
    // The first day is closed, so its figures sit in closed_day_totals: the erasure must drop them.
    t.site.tick();
    const before = await t.site.call('getReport', range, token);

    const erasure = await t.site.call('eraseVisits', { visitIds: ids.jon, reason: 'subject-request', caseReference: 'SAR-2026-0042', managerPin: '2468' }, token);
    expect(erasure).toMatchObject({ visitsErased: 2, receiptsErased: 1, reason: 'subject-request', caseReference: 'SAR-2026-0042', staffId: t.manager.staff.id });
    expect(await t.site.call('findPersonRecords', { name: 'smith', managerPin: '2468' }, token)).toEqual([expect.objectContaining({ visitId: ids.john })]);
    expect(t.site.database.prepare('SELECT count(*) AS n FROM receipts').get()).toEqual({ n: 0 });
    expect(await t.site.call('getReport', range, token)).toEqual(before);
    // And still the same once the purge has taken the rest.
    t.clock.set(tuesday(12, 0, 30));
    t.site.purge('manual');
    expect(await t.site.call('getReport', range, managerToken(t))).toEqual(before);

    const audit = await t.site.call('listAudit', { limit: 500 }, managerToken(t));
    expect(audit.filter((e) => e.action === 'visit.erase').map((e) => e.targetId).sort()).toEqual([...ids.jon].sort());
    expect(audit.find((e) => e.action === 'privacy.erase')).toMatchObject({ targetType: 'erasure', targetId: erasure.id });
    expect(JSON.stringify(audit)).not.toMatch(/smith|Rose Street|L20/i);
    expect(await t.site.call('listErasures', {}, managerToken(t))).toEqual([erasure]);
  });

  it('refuses a case reference outside the council’s pattern, a wrong PIN and a visit still in the queue, and changes nothing', async () => {
    const t = await site();
    const ids = await twoSmiths(t);
    const token = managerToken(t);
    const rec = await staffSession(t, 'Rhea Reception', 'receptionist');
    const waiting = await issue(t, rec.token, 'C', jon);
    const held = () => t.site.database.prepare('SELECT count(*) AS n FROM visits').get();
    const count = held();
    const erase = (input: object) => refusal(t.site.call('eraseVisits', { visitIds: ids.jon, reason: 'subject-request', caseReference: 'SAR-2026-0042', managerPin: '2468', ...input }, token));

    const mismatch = await erase({ caseReference: 'sar2026' });
    expect(mismatch).toMatchObject({ code: 'invalid-input', issues: [{ path: ['caseReference'] }] });
    expect((await erase({ caseReference: 'Jon Smith' })).issues?.[0]?.path).toEqual(['caseReference']);
    expect((await erase({ managerPin: '0000' })).issues?.[0]?.path).toEqual(['managerPin']);
    expect((await erase({ visitIds: [...ids.jon, waiting.ticket.visitId] })).code).toBe('conflict');
    expect((await erase({ reason: 'because' })).issues?.[0]?.path).toEqual(['reason']);
    expect(held()).toEqual(count);
    expect(await t.site.call('listErasures', {}, token)).toEqual([]);

    // The council sets its own pattern; one a name could match is refused.
    const refused = await refusal(t.site.call('updateSettings', { caseReferencePattern: '^[A-Za-z ]+$' }, token));
    expect(refused.issues?.[0]?.path).toEqual(['caseReferencePattern']);
    expect((await refusal(t.site.call('updateSettings', { caseReferencePattern: 'DPA-[0-9]+' }, token))).code).toBe('invalid-input');
    expect((await refusal(t.site.call('updateSettings', { caseReferencePattern: '^(DPA$' }, token))).code).toBe('invalid-input');
    await t.site.call('updateSettings', { caseReferencePattern: '^DPA/[0-9]{4}$' }, token);
    expect((await t.site.call('eraseVisits', { visitIds: [ids.jon[0]!], reason: 'recorded-in-error', caseReference: 'DPA/0001', managerPin: '2468' }, token)).visitsErased).toBe(1);
  });

  it('leaves the erased visitor in neither the .db nor the -wal file (unencrypted test store, raw bytes)', async () => {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    const store = path.join(dir, 'store');
    const clock = new ManualClock(tuesday(10, 0));
    const plain: Site = openPlainTestSite(store, clock);
    cleanups.unshift(() => plain.close());
    const manager = await plain.call('setupSite', { siteName: 'Test', timeZone: 'Europe/London', manager: { name: 'Mia', pin: '2468' } }, null);
    const secret = { name: 'Zebedee Quillfeather-Ormondroyd', address: '17 Xylophone Mews', reason: 'Quarrelsome-landlord-dispute' };
    const gone = await plain.call('issueTicket', issueInput(1, { name: secret.name, addressLines: [secret.address], reason: secret.reason }), manager.token);
    await plain.call('issueTicket', issueInput(1, { name: 'Kept Visitor' }), manager.token);
    await plain.call('cancelTicket', { visitId: gone.ticket.visitId }, manager.token);
    const onDisk = () => {
      const db = storePaths(store).database;
      const bytes = Buffer.concat([db, `${db}-wal`].map((f) => (fs.existsSync(f) ? fs.readFileSync(f) : Buffer.alloc(0))));
      return Object.values(secret).filter((s) => bytes.includes(Buffer.from(s, 'utf8')));
    };
    expect(onDisk()).toEqual(Object.values(secret));
    await plain.call('eraseVisits', { visitIds: [gone.ticket.visitId], reason: 'subject-request', caseReference: 'SAR-1', managerPin: '2468' }, manager.token);
    expect(onDisk()).toEqual([]);
    expect((await plain.call('findPersonRecords', { name: 'Kept', managerPin: '2468' }, manager.token)).length).toBe(1);
  });
});

describe('the data-protection self-check', () => {
  it('gives the oldest visit held, which after a purge is under the retention, and when the next purge runs', async () => {
    const t = await site();
    const rec = await staffSession(t, 'Rita Reception', 'receptionist');
    const first = await issue(t, rec.token, 'C');
    t.clock.set(tuesday(9, 0, 20));
    const rec2 = await t.site.call('signIn', { staffId: rec.staff.id, pin: '1357' }, null);
    await issue(t, rec2.token, 'C');
    t.clock.set(tuesday(9, 30, 30));
    const status = await t.site.call('getDataProtectionStatus', {}, managerToken(t));
    expect(status).toMatchObject({ at: tuesday(9, 30, 30), visitsHeld: 2, oldestIssuedAt: first.ticket.issuedAt, retentionDays: 28 });
    expect(status.at - status.oldestIssuedAt!).toBeGreaterThan(28 * day);

    const purge = t.site.purge('hourly');
    const after = await t.site.call('getDataProtectionStatus', {}, managerToken(t));
    expect(after).toMatchObject({ visitsHeld: 1, oldestIssuedAt: tuesday(9, 0, 20), lastPurge: purge, nextPurgeBy: purge.at + 61 * minute });
    expect(after.at - after.oldestIssuedAt!).toBeLessThan(28 * day);
  });

  it('filters the audit log by member of staff, action and local dates', async () => {
    const t = await site();
    const rec = await staffSession(t, 'Rita Reception', 'receptionist');
    await issue(t, rec.token, 'C');
    t.clock.set(tuesday(10, 0, 2));
    const token = managerToken(t);
    // By who acted: Rita's own sign-in is recorded before she is anyone (target: her), so it is not hers.
    const byRita = await t.site.call('listAudit', { staffId: rec.staff.id }, token);
    expect(byRita.map((e) => e.action)).toEqual(['visit.issue']);
    expect((await t.site.call('listAudit', { action: 'visit.issue' }, token)).length).toBe(1);
    expect(await t.site.call('listAudit', { from: '2026-11-25', to: '2026-11-25' }, token)).toEqual([]);
    expect((await t.site.call('listAudit', { from: '2026-11-24', to: '2026-11-24', staffId: rec.staff.id }, token)).length).toBe(1);
    expect((await t.site.call('listAudit', { from: '2026-11-24', to: '2026-11-24' }, token)).length).toBeGreaterThan(3);
    expect((await refusal(t.site.call('listAudit', { from: '2026-11-25', to: '2026-11-24' }, token))).code).toBe('invalid-input');
  });

  it('is for managers only', async () => {
    const t = await site();
    for (const role of ['receptionist', 'advisor'] as const) {
      const who = await staffSession(t, `Someone ${role}`, role);
      for (const attempt of [
        t.site.call('findPersonRecords', { name: 'x', managerPin: '1357' }, who.token),
        t.site.call('exportSubjectAccess', { visitIds: [1], managerPin: '1357' }, who.token),
        t.site.call('eraseVisits', { visitIds: [1], reason: 'subject-request', caseReference: 'SAR-1', managerPin: '1357' }, who.token),
        t.site.call('getDataProtectionStatus', {}, who.token),
        t.site.call('listErasures', {}, who.token),
      ]) {
        expect((await refusal(attempt)).code).toBe('forbidden');
      }
    }
  });
});
