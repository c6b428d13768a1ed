import type { Page } from '@playwright/test';
import type { Session } from '../../shared/domain/staff.js';
import { addStaff, expect, expectNoSeriousAxeViolations, saveScreen, setUpSite, signInAs, site, test, type Hub } from './fixtures/hub.js';
import { printedText, screenshotPrint } from './fixtures/print.js';

const rita = { name: 'Rita Reception', pin: '1357' };
const everyDay = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/**
 * Tickets stop at the last-ticket time, and these tests run at any hour: the site is open all
 * day, every day (a run in the minute before midnight would still meet the last-ticket time).
 */
async function openAllDay(hub: Hub, manager: Session): Promise<void> {
  const hours = { open: '00:00', lastTicket: '23:59', close: '23:59' };
  await hub.call('updateSettings', { openingHours: Object.fromEntries(everyDay.map((day) => [day, hours])) as Record<(typeof everyDay)[number], typeof hours> }, manager.token);
}

/** The browser's print dialog, replaced by a counter: the page's own print view is what gets checked, as a PDF. */
async function countPrints(page: Page): Promise<void> {
  // A string: a function would be compiled with helpers the page does not have.
  await page.addInitScript({ content: 'window.printed = 0; window.print = () => { window.printed += 1; };' });
}

function prints(page: Page): Promise<number> {
  return page.evaluate(() => (window as Window & { printed?: number }).printed ?? 0);
}

async function receptionistAtTheDesk(page: Page, hub: Hub): Promise<Session> {
  const manager = await setUpSite(hub);
  await openAllDay(hub, manager);
  await addStaff(hub, manager, rita.name, 'receptionist', rita.pin);
  await countPrints(page);
  await page.goto(hub.url);
  await signInAs(page, rita.name, rita.pin);
  await expect(page.getByRole('heading', { level: 1, name: 'Reception' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  return manager;
}

test('from an empty form to a printed ticket by keyboard alone: C001, C002, H001, each ticket at 80 mm with its number, place and wait, never the name', async ({ page, hub }) => {
  // Three tickets, each rendered to PDF and read back: longer than one screen's test.
  test.setTimeout(180_000);
  // Every file the page loads is there: the favicon, the print logo, the fonts and scripts.
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.request().method() === 'GET' && response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
  });
  await page.setViewportSize({ width: 1366, height: 768 });
  await receptionistAtTheDesk(page, hub);
  const favicon = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]'), (link) => link.href));
  expect(favicon.length).toBeGreaterThan(0);
  for (const href of favicon) expect((await page.request.get(href)).status(), href).toBe(200);
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'reception-empty');

  const visitors = [
    { name: 'Aoife Byrne', lines: ['12 Dale Street', '', 'Liverpool'], postcode: 'l2 2dp', service: 'C', reason: 'Council tax reduction' },
    { name: 'Ben Okafor', lines: ['4 Bold Street', 'Flat 2', 'Liverpool'], postcode: 'L1 4DJ', service: 'C', reason: 'Direct debit' },
    { name: 'Chen Wei', lines: ['9 Hope Street', '', 'Liverpool'], postcode: 'L1 9BP', service: 'H', reason: 'Repairs' },
  ];
  const expected = [
    { number: 'C001', service: 'Council Tax', ahead: 'You are next' },
    { number: 'C002', service: 'Council Tax', ahead: '1 person ahead of you' },
    { number: 'H001', service: 'Housing', ahead: 'You are next' },
  ];
  for (const [index, visitor] of visitors.entries()) {
    // Focus starts in the name after every ticket: the next visitor is already at the counter.
    await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
    await page.keyboard.type(visitor.name);
    for (const line of visitor.lines) {
      await page.keyboard.press('Tab');
      await page.keyboard.type(line);
    }
    await page.keyboard.press('Tab');
    await page.keyboard.type(visitor.postcode);
    await page.keyboard.press(`Alt+${visitor.service}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type(visitor.reason);
    if (index === 0) {
      // Checked as typed and written the standard way on leaving the field.
      await expect(page.getByLabel('Postcode', { exact: true })).toHaveValue('L2 2DP');
      await saveScreen(page, 'reception-form');
      await expectNoSeriousAxeViolations(page);
    }
    // Ctrl+Enter issues from inside the reason; Enter anywhere else.
    await page.keyboard.press(index === 2 ? 'Shift+Tab' : 'Control+Enter');
    if (index === 2) await page.keyboard.press('Enter');

    const want = expected[index]!;
    const issued = page.getByRole('region', { name: 'Last ticket' });
    await expect(issued).toContainText(want.number);
    await expect(issued).toContainText(want.service);
    await expect.poll(() => prints(page)).toBe(index + 1);
    const ticket = await printedText(page);
    expect(ticket).toContain(want.number);
    expect(ticket).toContain(want.service);
    expect(ticket).toContain(want.ahead);
    expect(ticket).toContain('Estimated wait');
    expect(ticket).toContain(site.name);
    expect(ticket.replace(/\s+/g, ' ')).toContain('Your details are kept for 28 days, then deleted.');
    for (const personal of [visitor.name, visitor.lines[0]!, visitor.postcode.toUpperCase(), visitor.reason]) expect(ticket).not.toContain(personal);
  }

  // The queue at a glance moved with each ticket, pushed by the hub.
  const strip = page.getByRole('region', { name: 'The queue now' });
  await expect(strip).toContainText('Council Tax2 waiting');
  await expect(strip).toContainText('Housing1 waiting');
  await expect(strip).toContainText(/Longest wait: C001/);
  await saveScreen(page, 'reception-issued');
  expect(missing).toEqual([]);
  // Print media hides the screen (and so moves focus off it): the picture of the ticket comes last.
  await screenshotPrint(page, 'ticket-80mm');

  // Chen hands in two documents for H001, from the last ticket's panel.
  await page.getByRole('button', { name: 'Add evidence for H001' }).click();
  const evidence = page.getByRole('region', { name: /Evidence for H001 — Chen Wei/ });
  const first = evidence.getByRole('group', { name: 'Item 1' });
  await expect(first.getByLabel('Kind of document')).toBeFocused();
  await first.getByLabel('Kind of document').selectOption({ label: 'Tenancy agreement' });
  await first.getByLabel('Description').fill('Tenancy, 9 Hope Street');
  await first.getByLabel('Pages').fill('4');
  await first.getByLabel('Returned to the visitor or kept').selectOption({ label: 'Returned to the visitor' });
  await page.keyboard.press('Alt+A');
  const second = evidence.getByRole('group', { name: 'Item 2' });
  await second.getByLabel('Kind of document').selectOption({ label: 'Proof of address' });
  await second.getByLabel('Description').fill('Water bill, October');
  await second.getByLabel('Original or copy').selectOption({ label: 'Copy' });
  await page.keyboard.press('Enter');
  await expect(evidence.getByText(/Receipt R-\d{8}-\d{3} recorded and printed/)).toBeVisible();
  const receipt = (await printedText(page)).replace(/\s+/g, ' ');
  expect(receipt).toContain('Chen Wei');
  expect(receipt).toContain('2 documents received');
  expect(receipt).toContain('Tenancy, 9 Hope Street');
  await screenshotPrint(page, 'receipt-80mm');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await saveScreen(page, 'reception-1920');
});

test('an invalid postcode is refused next to its field, the summary links to it, and nothing is stored', async ({ page, hub }) => {
  const manager = await receptionistAtTheDesk(page, hub);
  await page.keyboard.type('Dana Smith');
  await page.getByLabel('Postcode', { exact: true }).fill('L1 XYZ');
  await page.getByLabel('Postcode', { exact: true }).press('Tab');
  const field = page.locator('#visitor-visitor-postcode-error');
  await expect(field).toContainText('This is not a full UK postcode');
  await page.keyboard.press('Alt+C');
  await page.keyboard.press('Enter');
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /Postcode/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'reception-errors');
  await summary.getByRole('link', { name: /Postcode/ }).click();
  await expect(page.getByLabel('Postcode', { exact: true })).toBeFocused();
  // What was typed is all still there.
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Dana Smith');
  expect(await hub.call('getQueue', {}, manager.token)).toEqual([]);
  expect(await hub.call('searchTodaysVisits', { query: '' }, manager.token)).toEqual([]);
  expect(await prints(page)).toBe(0);
});

test('Escape clears the form and Ctrl+Z brings it back; a visitor seen earlier today is flagged', async ({ page, hub }) => {
  const manager = await receptionistAtTheDesk(page, hub);
  const services = await hub.call('listServices', {}, manager.token);
  await hub.call(
    'issueTicket',
    {
      visitor: { name: 'Eve Jones', addressLines: ['1 Lord Street'], postcode: 'L2 1TS', noFixedAbode: false },
      serviceId: services.find((service) => service.letter === 'B')!.id,
      reason: '',
      needs: { interpreter: false, language: null, hearing: false, mobility: false },
      priority: null,
      callByNumberOnly: false,
    },
    manager.token,
  );

  await page.keyboard.type('eve  JONES');
  await page.getByLabel('Postcode', { exact: true }).fill('l21ts');
  await page.getByLabel('Postcode', { exact: true }).press('Tab');
  await expect(page.getByText(/Seen today already: B001/)).toBeVisible();
  await page.getByLabel('Reason for visit').fill('Came back with the form');

  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Reason for visit')).toHaveValue('');
  await expect(page.getByText('Form cleared.')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('eve  JONES');
  await expect(page.getByLabel('Reason for visit')).toHaveValue('Came back with the form');
  await expect(page.getByLabel('Postcode', { exact: true })).toHaveValue('L2 1TS');
});

test('a hostile name is text on screen and on the receipt and runs nothing; three items print a receipt whose reprint is the same', async ({ page, hub }) => {
  test.setTimeout(180_000);
  const hostile = '<img src=x onerror=alert(1)>';
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await receptionistAtTheDesk(page, hub);
  await page.keyboard.type(hostile);
  await page.getByLabel('No fixed abode').check();
  await page.keyboard.press('Alt+B');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Last ticket' })).toContainText('B001');
  const ticket = await printedText(page);
  expect(ticket).toContain('B001');
  expect(ticket).not.toContain('img src');

  // Today's visits: found by ticket, shown as text.
  const search = page.getByLabel('Search by name, postcode or ticket');
  await search.fill('b1');
  await search.press('Enter');
  const row = page.getByRole('row', { name: /B001/ });
  await expect(row).toContainText(hostile);
  await row.getByRole('button', { name: 'Evidence for B001' }).click();

  const evidence = page.getByRole('region', { name: /Evidence for B001/ });
  await expect(evidence).toContainText(hostile);
  const items = [
    { kind: 'Proof of address', description: 'Council tax bill', pages: '2' },
    { kind: 'Payslip', description: 'October payslip', pages: '1' },
    { kind: 'Bank statement', description: 'Three months', pages: '6' },
  ];
  for (const [index, item] of items.entries()) {
    if (index > 0) await evidence.getByRole('button', { name: /Add another item/ }).click();
    const group = evidence.getByRole('group', { name: `Item ${index + 1}` });
    await group.getByLabel('Kind of document').selectOption({ label: item.kind });
    await group.getByLabel('Description').fill(item.description);
    await group.getByLabel('Pages').fill(item.pages);
  }
  await expectNoSeriousAxeViolations(page);
  await evidence.getByRole('button', { name: 'Record and print receipt' }).click();
  const recorded = evidence.getByText(/Receipt R-\d{8}-\d{3} recorded/);
  await expect(recorded).toBeVisible();
  const reference = /R-\d{8}-\d{3}/.exec((await recorded.textContent()) ?? '')?.[0];
  expect(reference).toBeDefined();

  const receipt = await printedText(page);
  expect(receipt).toContain(reference!);
  expect(receipt).toContain(hostile);
  for (const item of items) expect(receipt).toContain(item.description);
  expect(receipt).toContain('Received by Rita Reception');
  // Long lines wrap on 72 mm of paper.
  expect(receipt.replace(/\s+/g, ' ')).toMatch(/We keep a record of this receipt for 28 days, until \d{1,2} \w+ \d{4}, then delete it\./);
  await screenshotPrint(page, 'receipt-hostile-80mm');
  await saveScreen(page, 'reception-evidence');

  await evidence.getByRole('button', { name: `Reprint ${reference!}` }).click();
  await expect.poll(() => prints(page)).toBe(3);
  const reprinted = await printedText(page);
  expect(reprinted).toBe(receipt);

  await evidence.getByRole('button', { name: `Back-office copy of ${reference!}` }).click();
  await expect.poll(() => prints(page)).toBe(4);
  expect(await printedText(page)).toContain('BACK-OFFICE COPY');

  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
});

test('after the last ticket the form says so, and a manager lets one more visitor in with their own PIN', async ({ page, hub }) => {
  const manager = await receptionistAtTheDesk(page, hub);
  // Closed every day: tickets have stopped whatever the hour.
  await hub.call('updateSettings', { openingHours: Object.fromEntries(everyDay.map((day) => [day, null])) as Record<(typeof everyDay)[number], null> }, manager.token);
  const panel = page.getByRole('group', { name: 'After the last ticket' });
  await expect(panel).toContainText('The centre is closed today.');

  await page.keyboard.type('Frank Lee');
  await page.getByLabel('No fixed abode').check();
  await page.keyboard.press('Alt+G');
  await panel.getByLabel('Manager’s PIN').fill('0000');
  await page.keyboard.press('Enter');
  await expect(page.locator('#visitor-afterHours-managerPin-error')).toContainText('That PIN is wrong.');
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'reception-after-hours');
  await panel.getByLabel('Manager’s PIN').fill(site.managerPin);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Last ticket' })).toContainText('G001');

  const audit = await hub.call('listAudit', {}, manager.token);
  const override = audit.find((entry) => entry.action === 'visit.after-hours');
  expect(override).toBeDefined();
  expect(JSON.stringify(audit)).not.toContain('Frank Lee');
});

test('F5 keeps the receptionist signed in and at the desk; sign-out then F5 does not', async ({ page, hub }) => {
  const manager = await receptionistAtTheDesk(page, hub);
  await page.keyboard.type('Gita Patel');
  await page.getByLabel('No fixed abode').check();
  await page.keyboard.press('Alt+P');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Last ticket' })).toContainText('P001');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Reception' })).toBeVisible();
  await expect(page.locator('.masthead__person')).toContainText(rita.name);
  // The queue strip still hears the hub: a ticket issued elsewhere shows without a reload.
  const services = await hub.call('listServices', {}, manager.token);
  await hub.call(
    'issueTicket',
    {
      visitor: { name: 'Hal Ward', addressLines: [], postcode: null, noFixedAbode: true },
      serviceId: services.find((service) => service.letter === 'P')!.id,
      reason: '',
      needs: { interpreter: false, language: null, hearing: false, mobility: false },
      priority: null,
      callByNumberOnly: false,
    },
    manager.token,
  );
  const strip = page.getByRole('region', { name: 'The queue now' });
  await expect(strip).toContainText('Parking2 waiting');
  // A desk opened and paused elsewhere shows on the strip at once: the queue moves slower.
  const desk = (await hub.call('listDesks', {}, manager.token))[0]!;
  await hub.call('openDesk', { deskId: desk.id, serviceIds: [services[0]!.id] }, manager.token);
  await expect(strip).toContainText('1 desk calling');
  await hub.call('pauseDesk', { deskId: desk.id, reason: 'break' }, manager.token);
  await expect(strip).toContainText(`No desk is calling${desk.name} paused (break)`);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});
