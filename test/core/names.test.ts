import { afterEach, describe, expect, it } from 'vitest';
import { DeskFailure } from '../../shared/errors.js';
import { errorText } from '../../shared/i18n/errors.en-GB.js';
import { validationText } from '../../shared/i18n/validation.en-GB.js';
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

  it('stores staff names as typed, but for outer and repeated spaces', async () => {
    t = await openTestSite();
    for (const name of awkwardNames.map((n) => n.slice(0, 60))) {
      await t.site.call('createStaff', { name, role: 'advisor', pin: '1234', managerPin: '2468' }, t.manager.token);
    }
    const listed = (await t.site.call('listSignInStaff', {}, null)).map((s) => s.name);
    for (const name of awkwardNames.map((n) => n.slice(0, 60))) expect(listed).toContain(name.trim().replace(/\s+/g, ' '));
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

describe('staff names that could look alike on the sign-in list', () => {
  const staffCount = () => (t.site.database.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n;

  it('stores "  Mandy   Manager " as "Mandy Manager", non-breaking and ideographic spaces too', async () => {
    t = await openTestSite();
    expect((await staffSession(t, '  Mandy   Manager ', 'manager')).staff.name).toBe('Mandy Manager');
    expect((await staffSession(t, 'Ngozi\u00a0\u3000Okafor\t', 'advisor').catch((e: unknown) => e)) as DeskFailure).toMatchObject({ code: 'invalid-input' });
    expect((await staffSession(t, 'Ngozi\u00a0\u3000Okafor', 'advisor')).staff.name).toBe('Ngozi Okafor');
    expect((await staffSession(t, 'Zoe\u0308 Smith', 'advisor')).staff.name).toBe('Zo\u00eb Smith');
    const listed = (await t.site.call('listSignInStaff', {}, null)).map((s) => s.name);
    expect(listed).toEqual(expect.arrayContaining(['Mandy Manager', 'Ngozi Okafor', 'Zo\u00eb Smith']));
  });

  it('refuses "alice " beside "Alice" (and a full-width or differently spaced one) as a conflict, on creating and on renaming', async () => {
    t = await openTestSite();
    const alice = await staffSession(t, 'Alice', 'advisor');
    for (const lookAlike of ['alice ', 'ALICE', '\uff21lice', '  alice\u00a0']) {
      const before = staffCount();
      await expect(staffSession(t, lookAlike, 'receptionist')).rejects.toMatchObject({
        code: 'conflict',
        message: errorText.staffNameTaken,
        issues: [{ path: ['name'], message: errorText.nameTakenField }],
      });
      expect(staffCount()).toBe(before);
    }
    const bob = await staffSession(t, 'Bob', 'advisor');
    await expect(t.site.call('updateStaff', { staffId: bob.staff.id, name: ' alice' }, t.manager.token)).rejects.toMatchObject({ code: 'conflict' });
    // The setup manager's name is kept by the same rule.
    await expect(staffSession(t, 'mia  MANAGER', 'advisor')).rejects.toMatchObject({ code: 'conflict' });
    // Renaming oneself to another case of one's own name is no conflict.
    const renamed = await t.site.call('updateStaff', { staffId: alice.staff.id, name: 'ALICE' }, t.manager.token);
    expect(renamed.name).toBe('ALICE');
  });

  it('refuses invisible, control and direction-changing characters in a name, and stores nothing', async () => {
    t = await openTestSite();
    const sneaky = {
      'zero-width space': 'Al\u200bice',
      'zero-width joiner': 'Al\u200dice',
      'byte order mark': '\ufeffAlice',
      'soft hyphen': 'Ali\u00adce',
      'right-to-left override': 'Alice \u202eregana\u202c',
      'right-to-left isolate': '\u2067Alice\u2069',
      'left-to-right mark': 'Alice\u200e',
      'Hangul filler': 'Alice\u3164',
      'tab': 'Alice\tSmith',
      'line break': 'Alice\nSmith',
      'C1 control': 'Alice\u0085',
    };
    for (const [what, name] of Object.entries(sneaky)) {
      const before = staffCount();
      const failure = (await t.site.call('createStaff', { name, role: 'advisor', pin: '1357', managerPin: '2468' }, t.manager.token).catch((e: unknown) => e)) as DeskFailure;
      expect(failure, what).toBeInstanceOf(DeskFailure);
      expect(failure.code, what).toBe('invalid-input');
      expect(failure.issues, what).toContainEqual({ path: ['name'], message: validationText.invisibleCharacters });
      expect(staffCount(), what).toBe(before);
    }
  });
});
