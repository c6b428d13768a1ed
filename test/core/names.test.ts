import { afterEach, describe, expect, it } from 'vitest';
import { openTestSite, staffSession, type TestSite } from '../fixtures/temp-site.js';

/** Injection is defended where it happens (parameterised SQL, escaped output), not by refusing names. */
const awkwardNames = [
  "Seán O'Brien",
  'Siân Jones-Évans',
  'Zoë "Zee" Łukasiewicz',
  '<script>alert(1)</script> Smith',
  "Robert'); DROP TABLE visits;--",
  'Nguyễn Thị Minh Khai',
  '  Leading and trailing spaces  ',
];

let t: TestSite;
afterEach(() => t?.close());

describe('names as typed', () => {
  it('stores and returns visitor names and addresses exactly as typed, and breaks nothing', async () => {
    t = await openTestSite();
    const rec = await staffSession(t, 'Rita Reception', 'receptionist');
    const ids: number[] = [];
    for (const name of awkwardNames) {
      const issued = await t.site.call(
        'issueTicket',
        {
          visitor: { name, addressLines: [`Flat 2, ${name}'s House`, "St Helen's Road"], postcode: 'wa10 1hp', noFixedAbode: false },
          serviceId: 1,
          reason: `About "${name}" — 100% <b>urgent</b>`,
          needs: { interpreter: true, language: 'Português', hearing: false, mobility: true },
          priority: null,
          callByNumberOnly: false,
        },
        rec.token,
      );
      ids.push(issued.ticket.visitId);
    }
    for (const [i, name] of awkwardNames.entries()) {
      const visit = await t.site.call('getVisit', { visitId: ids[i]! }, rec.token);
      expect(visit.visitor.name).toBe(name);
      expect(visit.visitor.addressLines).toEqual([`Flat 2, ${name}'s House`, "St Helen's Road"]);
      expect(visit.visitor.postcode).toBe('WA10 1HP');
      expect(visit.reason).toBe(`About "${name}" — 100% <b>urgent</b>`);
      expect(visit.needs.language).toBe('Português');
    }
    expect((await t.site.call('getQueue', {}, rec.token)).length).toBe(awkwardNames.length);
  });

  it('stores staff names exactly as typed', async () => {
    t = await openTestSite();
    for (const name of awkwardNames.map((n) => n.slice(0, 60))) {
      await t.site.call('createStaff', { name, role: 'advisor', pin: '1234' }, t.manager.token);
    }
    const listed = (await t.site.call('listSignInStaff', {}, null)).map((s) => s.name);
    for (const name of awkwardNames.map((n) => n.slice(0, 60))) expect(listed).toContain(name);
  });

  it('keeps personal data out of the audit log, the stats and the purge log', async () => {
    t = await openTestSite();
    const rec = await staffSession(t, 'Rita Reception', 'receptionist');
    const visitor = 'Philippa Quartermaine-Oyelaran';
    const issued = await t.site.call(
      'issueTicket',
      {
        visitor: { name: visitor, addressLines: ['77 Sunnyside Terrace'], postcode: 'L1 1JQ', noFixedAbode: false },
        serviceId: 1,
        reason: 'Confidential housing matter',
        needs: { interpreter: false, language: null, hearing: false, mobility: false },
        priority: 'safeguarding',
        callByNumberOnly: true,
      },
      rec.token,
    );
    await t.site.call('getVisit', { visitId: issued.ticket.visitId }, rec.token);
    await t.site.call('recordEvidence', {
      visitId: issued.ticket.visitId,
      items: [{ kind: 'tenancy-agreement', description: 'Tenancy at 77 Sunnyside Terrace', count: 3, original: true, returned: true }],
    }, rec.token);
    t.clock.advance(29 * 24 * 3600_000);
    t.site.purge('hourly');
    const db = t.site.database;
    const dump = JSON.stringify([
      db.prepare('SELECT * FROM audit').all(),
      db.prepare('SELECT * FROM daily_stats').all(),
      db.prepare('SELECT * FROM purge_log').all(),
    ]);
    for (const secret of [visitor, 'Sunnyside', 'Confidential', 'L1 1JQ', 'Tenancy at']) expect(dump).not.toContain(secret);
    expect(JSON.parse(dump)[0].length).toBeGreaterThan(3);
  });
});
