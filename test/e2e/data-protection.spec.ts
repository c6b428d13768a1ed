import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { SubjectAccessExport } from '../../shared/domain/privacy.js';
import type { Session } from '../../shared/domain/staff.js';
import { addStaff, expect, expectNoSeriousAxeViolations, saveScreen, setUpSite, signInAs, site, test, type Hub } from './fixtures/hub.js';
import { seedHistory, siteToday, type HistorySite } from './fixtures/seed-history.js';

const everyDay = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const noNeeds = { interpreter: false, language: null, hearing: false, mobility: false };

/** Tickets stop at the last-ticket time and these tests run at any hour: the site is open all day, every day. */
async function openAllDay(hub: Hub, manager: Session): Promise<void> {
  const hours = { open: '00:00', lastTicket: '23:59', close: '23:59' };
  await hub.call('updateSettings', { openingHours: Object.fromEntries(everyDay.map((day) => [day, hours])) as Record<(typeof everyDay)[number], typeof hours> }, manager.token);
}

/** Two people whose names a search for "smith" finds both of: only the address tells them apart. */
const jon = { name: 'Jon Smith', addressLines: ['12 Dale Street', 'Liverpool'], postcode: 'L2 2DP' };
const john = { name: 'John Smith', addressLines: ['4 Bold Street', 'Liverpool'], postcode: 'L1 4DJ' };

interface World {
  manager: Session;
  jonVisits: number[];
  johnVisits: number[];
}

/**
 * A site with three days of older visits written into the store (so the oldest record is days
 * old), then today Jon Smith twice (one visit with evidence) and John Smith once, issued over the
 * API and cancelled — a visit still waiting may not be erased.
 */
async function siteWithTwoSmiths(hub: Hub): Promise<World> {
  const manager = await setUpSite(hub);
  await openAllDay(hub, manager);
  await addStaff(hub, manager, 'Adam Advisor', 'advisor', '1357');
  const services = await hub.call('listServices', {}, manager.token);
  const desk = (await hub.call('listDesks', {}, manager.token))[0] ?? (await hub.call('createDesk', { name: 'Desk 1' }, manager.token));
  const advisorId = (await hub.call('listStaff', {}, manager.token)).find((m) => m.name === 'Adam Advisor')!.id;
  const history: HistorySite = { services: services.map((s) => ({ id: s.id, letter: s.letter })), desks: [{ deskId: desk.id, advisorId }] };
  await hub.serve.stop();
  await seedHistory(hub.serve.dataDir, history, { days: 3, perDay: 2 });
  await hub.serve.restart();

  const session = await hub.call('signIn', { staffId: manager.staff.id, pin: site.managerPin });
  const serviceId = (letter: string) => services.find((s) => s.letter === letter)!.id;
  const issue = async (visitor: typeof jon, letter: string, reason: string) => {
    const issued = await hub.call(
      'issueTicket',
      { visitor: { ...visitor, noFixedAbode: false }, serviceId: serviceId(letter), reason, needs: noNeeds, priority: null, callByNumberOnly: false },
      session.token,
    );
    return issued.ticket.visitId;
  };
  const jonVisits = [await issue(jon, 'C', 'Council tax single person discount'), await issue(jon, 'H', 'Repairs to the back door')];
  const johnVisits = [await issue(john, 'C', 'Direct debit date change')];
  await hub.call('recordEvidence', { visitId: jonVisits[0]!, items: [{ kind: 'payslip', description: 'March payslip', count: 2, original: true, returned: true }] }, session.token);
  for (const visitId of [...jonVisits, ...johnVisits]) await hub.call('cancelTicket', { visitId }, session.token);
  return { manager: session, jonVisits, johnVisits };
}

async function openDataProtection(page: Page, hub: Hub): Promise<void> {
  await page.goto(hub.url);
  await signInAs(page, site.manager, site.managerPin);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Data protection' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Data protection' })).toBeVisible();
}

/** The oldest record's age as the page should word it, worked out here from the hub's two instants. */
function ageText(at: number, oldest: number): string {
  const span = at - oldest;
  const days = Math.floor(span / 86_400_000);
  const hours = Math.floor((span % 86_400_000) / 3_600_000);
  const d = `${days} ${days === 1 ? 'day' : 'days'}`;
  const h = `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return hours === 0 ? d : `${d} ${h}`;
}

async function searchSmith(page: Page, pin: string): Promise<void> {
  const find = page.getByRole('form', { name: 'Find a person’s visits' });
  await find.getByLabel('Name', { exact: true }).fill('smith');
  await find.getByLabel('Your PIN').fill(pin);
  await find.getByLabel('Your PIN').press('Enter');
}

test('a subject access export holds exactly the chosen person’s records; erasure removes them, keeps the other Smith and the report’s totals, and leaves an audit entry without the name', async ({ page, hub }) => {
  test.setTimeout(180_000);
  const { manager, jonVisits, johnVisits } = await siteWithTwoSmiths(hub);
  const today = siteToday();
  const totalsBefore = (await hub.call('getReport', { from: today, to: today }, manager.token)).totals;

  const before = await hub.call('getDataProtectionStatus', {}, manager.token);
  await openDataProtection(page, hub);
  const after = await hub.call('getDataProtectionStatus', {}, manager.token);

  // The DPO's self-check: the oldest record's age is the oldest visit's, as the hub reckons it.
  expect(before.oldestIssuedAt).not.toBeNull();
  const oldest = page.locator('[data-status="oldest-age"]');
  await expect(oldest).toContainText(' old');
  const shown = (await oldest.textContent()) ?? '';
  // Read between the two calls: the page's age is one of theirs (an hour may turn in between).
  expect([`${ageText(before.at, before.oldestIssuedAt!)} old`, `${ageText(after.at, after.oldestIssuedAt!)} old`]).toContain(shown);
  // The oldest seeded visit was issued at 09:00 three local days ago: before 09:00 today it is 2 days and some hours old.
  expect(shown).toMatch(/^[23] days/);
  await expect(page.locator('[data-status="visits"]')).toHaveText(`${after.visitsHeld} visits with 1 receipt`);
  await expectNoSeriousAxeViolations(page);

  // Both Smiths are found; the address tells them apart.
  await searchSmith(page, site.managerPin);
  await expect(page.getByRole('heading', { level: 3, name: 'Visits found' })).toBeFocused();
  const results = page.getByRole('table', { name: /found, latest first/ });
  await expect(results.getByRole('row')).toHaveCount(1 + jonVisits.length + johnVisits.length);
  await expect(results.getByRole('row', { name: /Jon Smith/ }).first()).toContainText('12 Dale Street, Liverpool');
  await expect(results.getByRole('row', { name: /John Smith/ })).toContainText('4 Bold Street, Liverpool');

  // Only Jon Smith's visits, by keyboard.
  for (const box of await page.getByRole('checkbox', { name: /Jon Smith/ }).all()) {
    await box.focus();
    await page.keyboard.press('Space');
  }
  await expect(page.getByText('2 visits chosen.')).toBeVisible();

  // Subject access: the PIN again, then the JSON through the screen's own download.
  await page.getByRole('button', { name: 'Subject access: export chosen visits' }).click();
  const exportForm = page.getByRole('form', { name: 'Export everything held for 2 visits' });
  await expect(exportForm.getByLabel('Case reference for the file name (optional)')).toBeFocused();
  await page.keyboard.type('SAR-2026-0042');
  await exportForm.getByLabel('Your PIN').fill(site.managerPin);
  await exportForm.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByText('The export is ready: 2 visits.')).toBeFocused();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
  expect(download.suggestedFilename()).toBe('subject-access-SAR-2026-0042.json');
  const file = fs.readFileSync(await download.path(), 'utf8');
  const exported = JSON.parse(file) as SubjectAccessExport;
  expect(exported.visits.map((v) => v.visitId).sort()).toEqual([...jonVisits].sort());
  expect(exported.visits.every((v) => v.visitor.name === 'Jon Smith' && v.visitor.postcode === 'L2 2DP')).toBe(true);
  expect(exported.visits.flatMap((v) => v.receipts.flatMap((r) => r.items.map((i) => i.description)))).toEqual(['March payslip']);
  for (const other of ['John Smith', 'Bold Street', 'L1 4DJ', 'Direct debit', 'Fairweather', 'Mia Manager']) expect(file).not.toContain(other);

  // The printable page says everything in plain words, and prints alone.
  const document = page.getByRole('article', { name: 'Records held about you' });
  await expect(document).toContainText('Council tax single person discount');
  await expect(document).toContainText('Payslip: March payslip — 2 pages, original, returned to you');
  await expect(document).toContainText('Staff who served you are named by their role only');
  await expect(document).toContainText('will be deleted after');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'data-protection-1920');
  await page.emulateMedia({ media: 'print' });
  await expect(document).toBeVisible();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('form', { name: 'Find a person’s visits' })).toBeHidden();
  await saveScreen(page, 'data-protection-print');
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Close the export' }).click();
  await expect(page.getByRole('button', { name: 'Subject access: export chosen visits' })).toBeFocused();

  // Erasure: a case reference not in the council's form is refused on its field, here and by the hub.
  await page.getByRole('button', { name: 'Erase chosen visits' }).click();
  const eraseForm = page.getByRole('form', { name: 'Erase on request' });
  await expect(eraseForm).toContainText('It cannot be undone. The anonymous figures in reports stay as they are.');
  await expect(eraseForm.getByLabel('Why the records are erased')).toBeFocused();
  await expect(eraseForm).toContainText('such as SAR-2026-0042');
  await eraseForm.getByLabel('Why the records are erased').selectOption({ label: 'The person asked for their records to be erased' });
  await eraseForm.getByLabel('Case reference').fill('SAR2026');
  await eraseForm.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeFocused();
  await expect(eraseForm.getByLabel('Case reference')).toHaveAttribute('aria-invalid', 'true');
  await expect(
    hub.call('eraseVisits', { visitIds: jonVisits, reason: 'subject-request', caseReference: 'SMITH2026', managerPin: site.managerPin }, manager.token),
  ).rejects.toThrow('eraseVisits: invalid-input');

  // A wrong PIN is refused on the PIN field and changes nothing.
  await eraseForm.getByLabel('Case reference').fill('SAR-2026-0042');
  await eraseForm.getByRole('button', { name: 'Continue' }).click();
  const confirm = page.getByRole('form', { name: 'Erase 2 visits for SAR-2026-0042' });
  await expect(confirm.getByLabel('Your PIN')).toBeFocused();
  await expect(page.getByText('It cannot be undone.', { exact: false })).toBeVisible();
  await page.keyboard.type('9999');
  await page.keyboard.press('Enter');
  await expect(confirm.getByLabel('Your PIN')).toHaveAttribute('aria-invalid', 'true');
  await expect(confirm.getByLabel('Your PIN')).toHaveValue('');
  await saveScreen(page, 'data-protection-erase');
  const stillHeld = await hub.call('findPersonRecords', { name: 'smith', managerPin: site.managerPin }, manager.token);
  expect(stillHeld.map((r) => r.visitId).sort()).toEqual([...jonVisits, ...johnVisits].sort());
  expect(await hub.call('listErasures', {}, manager.token)).toEqual([]);

  // The right PIN erases: said plainly, and gone from the results.
  await confirm.getByLabel('Your PIN').fill(site.managerPin);
  await confirm.getByRole('button', { name: 'Erase 2 visits' }).click();
  await expect(page.getByText('Erased 2 visits and 1 receipt for SAR-2026-0042.')).toBeFocused();
  await expect(results.getByRole('row')).toHaveCount(1 + johnVisits.length);
  await expect(results.getByRole('row', { name: /Jon Smith/ })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Erasures on request, latest first' })).toContainText('SAR-2026-0042');

  // The hub finds none of Jon Smith's and all of John Smith's.
  const left = await hub.call('findPersonRecords', { name: 'smith', managerPin: site.managerPin }, manager.token);
  expect(left.map((r) => r.visitId)).toEqual(johnVisits);
  expect(await hub.call('findPersonRecords', { postcode: 'L2 2DP', managerPin: site.managerPin }, manager.token)).toEqual([]);

  // The audit holds the erasure, by id and code only.
  const audit = await hub.call('listAudit', { limit: 500 }, manager.token);
  expect(audit.filter((e) => e.action === 'visit.erase').map((e) => e.targetId).sort()).toEqual([...jonVisits].sort());
  expect(audit.some((e) => e.action === 'privacy.erase')).toBe(true);
  const auditJson = JSON.stringify(audit);
  for (const personal of ['Jon', 'Smith', 'Dale Street', 'L2 2DP', 'smith', 'Council tax single']) expect(auditJson).not.toContain(personal);

  // The report's totals for today are what they were.
  expect((await hub.call('getReport', { from: today, to: today }, manager.token)).totals).toEqual(totalsBefore);

  // The page's audit log, filtered by action, shows the erasure.
  const filters = page.getByRole('form', { name: 'Filter the audit log' });
  await filters.getByLabel('Action').selectOption({ label: 'Visit erased on request' });
  await filters.getByRole('button', { name: 'Show entries' }).click();
  const auditTable = page.getByRole('table', { name: 'Audit log entries, latest first' });
  await expect(auditTable.getByRole('row')).toHaveCount(1 + jonVisits.length);
  await expect(auditTable).toContainText('Mia Manager');
  await expect(auditTable).not.toContainText('Jon Smith');

  await page.setViewportSize({ width: 1280, height: 800 });
  await expectNoSeriousAxeViolations(page);
});

test('a search with a wrong PIN is refused on the PIN field and shows nothing; an empty search says so plainly', async ({ page, hub }) => {
  test.setTimeout(120_000);
  await siteWithTwoSmiths(hub);
  await openDataProtection(page, hub);
  await saveScreen(page, 'data-protection-1280');

  await searchSmith(page, '1111');
  const find = page.getByRole('form', { name: 'Find a person’s visits' });
  await expect(find.getByLabel('Your PIN')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('heading', { name: 'Visits found' })).toHaveCount(0);

  await find.getByLabel('Name', { exact: true }).fill('Nobody Of That Name');
  await find.getByLabel('Your PIN').fill(site.managerPin);
  await find.getByLabel('Your PIN').press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: 'Visits found' })).toBeFocused();
  await expect(page.getByText('No visits held match that search.')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test('the audit log filters by member of staff and action, and pages back with "Older entries"', async ({ page, hub }) => {
  const manager = await setUpSite(hub);
  await addStaff(hub, manager, 'Rita Reception', 'receptionist', '1357');
  const rita = await hub.call('signIn', { staffId: (await hub.call('listSignInStaff', {})).find((s) => s.name === 'Rita Reception')!.id, pin: '1357' });
  for (let i = 0; i < 30; i += 1) await hub.call('searchTodaysVisits', { query: '' }, rita.token);
  await openDataProtection(page, hub);

  const filters = page.getByRole('form', { name: 'Filter the audit log' });
  await filters.getByLabel('Member of staff').selectOption({ label: 'Rita Reception' });
  await filters.getByLabel('Action').selectOption({ label: 'Searched today’s visits' });
  await filters.getByRole('button', { name: 'Show entries' }).click();
  const rows = page.getByRole('table', { name: 'Audit log entries, latest first' }).locator('tbody tr');
  await expect(rows).toHaveCount(25);
  await page.getByRole('button', { name: 'Older entries' }).click();
  await expect(rows).toHaveCount(30);
  // The keyboard carries on from the first entry that arrived.
  await expect(rows.nth(25)).toBeFocused();
  await expect(page.getByText('No older entries.')).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText('Rita ReceptionSearched today’s visits');

  // Another member of staff has done none of that.
  await filters.getByLabel('Member of staff').selectOption({ label: site.manager });
  await filters.getByRole('button', { name: 'Show entries' }).click();
  await expect(page.getByText('No audit entries match these filters.')).toBeVisible();
});

for (const person of [
  { name: 'Rita Reception', role: 'receptionist' as const, home: 'Reception', hash: '#/reception' },
  { name: 'Adam Advisor', role: 'advisor' as const, home: 'Desk', hash: '#/desk' },
]) {
  test(`${person.name}, ${person.role}, is sent home from #/data-protection and refused its calls`, async ({ page, hub }) => {
    const manager = await setUpSite(hub);
    await addStaff(hub, manager, person.name, person.role, '1357');
    await page.goto(hub.url);
    await signInAs(page, person.name, '1357');
    await expect(page.getByRole('heading', { level: 1, name: person.home })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Data protection', exact: true })).toHaveCount(0);
    await page.evaluate(() => {
      window.location.hash = '#/data-protection';
    });
    await expect(page).toHaveURL(new RegExp(`${person.hash}$`));
    await expect(page.getByRole('heading', { level: 1, name: person.home })).toBeVisible();
    const staffId = (await hub.call('listSignInStaff', {})).find((s) => s.name === person.name)!.id;
    const session = await hub.call('signIn', { staffId, pin: '1357' });
    await expect(hub.call('findPersonRecords', { name: 'smith', managerPin: '1357' }, session.token)).rejects.toThrow('findPersonRecords: forbidden');
    await expect(hub.call('getDataProtectionStatus', {}, session.token)).rejects.toThrow('getDataProtectionStatus: forbidden');
  });
}
