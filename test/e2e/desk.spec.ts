import type { Browser, Page } from '@playwright/test';
import type { Service } from '../../shared/domain/site.js';
import type { Session } from '../../shared/domain/staff.js';
import type { TicketView } from '../../shared/domain/visit.js';
import { addStaff, expect, expectNoSeriousAxeViolations, saveScreen, setUpSite, signInAs, test, type Hub } from './fixtures/hub.js';

// Each test signs in, opens a desk and walks several steps through a real hub: more than the
// default minute on a busy machine.
test.describe.configure({ timeout: 180_000 });

const adam = { name: 'Adam Advisor', pin: '9753' };
const bea = { name: 'Bea Advisor', pin: '8642' };
const everyDay = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

interface Site {
  manager: Session;
  services: Service[];
  /** A service's id by its letter. */
  serviceId(letter: string): number;
}

/** Tickets stop at the last-ticket time and these tests run at any hour: the site is open all day. */
async function siteWithAdvisors(hub: Hub): Promise<Site> {
  const manager = await setUpSite(hub);
  const hours = { open: '00:00', lastTicket: '23:59', close: '23:59' };
  await hub.call('updateSettings', { openingHours: Object.fromEntries(everyDay.map((day) => [day, hours])) as Record<(typeof everyDay)[number], typeof hours> }, manager.token);
  await addStaff(hub, manager, adam.name, 'advisor', adam.pin);
  await addStaff(hub, manager, bea.name, 'advisor', bea.pin);
  const services = await hub.call('listServices', {}, manager.token);
  return {
    manager,
    services,
    serviceId: (letter) => {
      const found = services.find((service) => service.letter === letter);
      if (found === undefined) throw new Error(`no service ${letter}`);
      return found.id;
    },
  };
}

interface VisitorOptions {
  reason?: string;
  interpreter?: string;
  callByNumberOnly?: boolean;
}

/** A ticket issued over the API, as reception would. */
async function issue(hub: Hub, site: Site, letter: string, name: string, options: VisitorOptions = {}): Promise<TicketView> {
  const issued = await hub.call(
    'issueTicket',
    {
      visitor: { name, addressLines: ['1 Dale Street', 'Liverpool'], postcode: 'L2 2DP', noFixedAbode: false },
      serviceId: site.serviceId(letter),
      reason: options.reason ?? '',
      needs: { interpreter: options.interpreter !== undefined, language: options.interpreter ?? null, hearing: false, mobility: false },
      priority: null,
      callByNumberOnly: options.callByNumberOnly ?? false,
    },
    site.manager.token,
  );
  return issued.ticket;
}

async function waitingNumbers(hub: Hub, site: Site, letters: string[]): Promise<string[]> {
  const queue = await hub.call('getQueue', { serviceIds: letters.map(site.serviceId) }, site.manager.token);
  return queue.filter((ticket) => ticket.status === 'waiting').map((ticket) => ticket.number);
}

/** The receipt dialog is a counter here: printing is reception's test. */
async function countPrints(page: Page): Promise<void> {
  await page.addInitScript({ content: 'window.printed = 0; window.print = () => { window.printed += 1; };' });
}

async function signInAtDesk(page: Page, hub: Hub, who: { name: string; pin: string }): Promise<void> {
  await page.goto(hub.url);
  await signInAs(page, who.name, who.pin);
  await expect(page.getByRole('heading', { level: 1, name: 'Desk' })).toBeVisible();
}

/** Opens a desk through the form, by its labels. */
async function openDesk(page: Page, desk: string, letters: string[]): Promise<void> {
  await page.getByRole('radio', { name: new RegExp(`^${desk}\\b`) }).check();
  for (const letter of letters) await page.getByRole('checkbox', { name: new RegExp(`\\(${letter}\\)$`) }).check();
  await page.getByRole('button', { name: 'Open desk' }).click();
  await expect(page.getByRole('button', { name: 'Call next' })).toBeFocused();
}

/** The session token this tab keeps, to make the advisor's own calls over the API. */
async function tokenOf(page: Page): Promise<string> {
  const kept = await page.evaluate(() => sessionStorage.getItem('one-stop-queue.session'));
  return (JSON.parse(kept ?? '{}') as { token: string }).token;
}

const card = (page: Page) => page.locator('.desk-card');
const queue = (page: Page) => page.getByRole('complementary', { name: 'Waiting for your services' });

async function newAdvisorPage(browser: Browser, hub: Hub, who: { name: string; pin: string }) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  await signInAtDesk(page, hub, who);
  return { context, page };
}

test('an advisor opens a desk, calls, starts and finishes a visit by keyboard alone', async ({ page, hub }) => {
  const site = await siteWithAdvisors(hub);
  await issue(hub, site, 'C', 'Aoife Byrne', { reason: 'Council tax reduction', interpreter: 'Polish' });
  await issue(hub, site, 'C', 'Ben Okafor');
  await issue(hub, site, 'B', 'Chen Wei');
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAtDesk(page, hub, adam);

  // Nothing remembered on this PC yet: focus starts on the first desk.
  await expect(page.getByRole('radio', { name: /^Desk 1\b/ })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: 'Council Tax (C)' })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'Benefits (B)' })).toBeChecked();
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'desk-open');
  await page.keyboard.press('Enter');

  const callNext = page.getByRole('button', { name: 'Call next' });
  await expect(callNext).toBeFocused();
  await expect(callNext).toHaveAttribute('aria-keyshortcuts', 'F2');
  await expect(page.getByRole('region', { name: 'Desk 1' })).toContainText('Council Tax');
  await expect(queue(page)).toContainText('3 waiting');
  // Ids only, on this PC.
  expect(await page.evaluate(() => localStorage.getItem('one-stop-queue.desk-choice'))).toBe(JSON.stringify({ deskId: 1, serviceIds: [site.serviceId('C'), site.serviceId('B')] }));

  await page.keyboard.press('F2');
  await expect(card(page).getByRole('heading', { name: 'Ticket C001' })).toBeVisible();
  await expect(card(page)).toContainText('Aoife Byrne');
  await expect(card(page)).toContainText('Council tax reduction');
  await expect(card(page)).toContainText('Interpreter (Polish)');
  await expect(card(page)).toContainText('None yet');
  await expect(page.getByRole('status').filter({ hasText: 'C001 called to Desk 1.' })).toBeVisible();
  await expect(queue(page)).toContainText('2 waiting');
  await expect(queue(page)).not.toContainText('C001');
  const start = card(page).getByRole('button', { name: /^Start \(visitor arrived\) C001/ });
  await expect(start).toBeFocused();
  await expect(start).toHaveAttribute('aria-keyshortcuts', 'Alt+S');
  // The whole card and Call next, without scrolling, at 1366×768.
  await expect(callNext).toBeInViewport({ ratio: 1 });
  await expect(card(page)).toBeInViewport({ ratio: 1 });
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'desk-1366');

  // The visitor sits down: Enter starts, focus moves to the outcome.
  await page.keyboard.press('Enter');
  await expect(card(page)).toContainText('Being served');
  const resolved = card(page).getByRole('radio', { name: 'Resolved' });
  await expect(resolved).toBeFocused();
  await saveScreen(page, 'desk-serving');
  await expect(card(page)).toBeInViewport({ ratio: 1 });
  // Finishing without an outcome is refused on the outcome; Alt+O goes back to it.
  await page.keyboard.press('Enter');
  await expect(card(page).locator('.error-summary')).toContainText('Choose how the visit ended.');
  await page.keyboard.press('Alt+O');
  await expect(resolved).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(card(page).getByLabel('Short note (optional)')).toBeFocused();
  await page.keyboard.type('Reduction applied from April.');
  await page.keyboard.press('Control+Enter');

  await expect(page.getByRole('status').filter({ hasText: 'C001 finished: Resolved.' })).toBeVisible();
  await expect(card(page)).toContainText('Nobody called yet');
  await expect(callNext).toBeFocused();
  const finished = await hub.call('getVisit', { visitId: 1 }, site.manager.token);
  expect(finished.status).toBe('finished');
  expect(finished.outcome).toBe('resolved');
  expect(finished.note).toBe('Reduction applied from April.');

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.keyboard.press('F2');
  await expect(card(page).getByRole('heading', { name: 'Ticket C002' })).toBeVisible();
  await expect(card(page)).toContainText('Ben Okafor');
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'desk-1920');
});

test('two advisors pressing Call next together get different tickets', async ({ browser, hub }) => {
  const site = await siteWithAdvisors(hub);
  await issue(hub, site, 'C', 'Aoife Byrne');
  await issue(hub, site, 'C', 'Ben Okafor');
  const first = await newAdvisorPage(browser, hub, adam);
  const second = await newAdvisorPage(browser, hub, bea);
  try {
    await openDesk(first.page, 'Desk 1', ['C']);
    // Bea's form hears that Desk 1 is taken, and by whom.
    const taken = second.page.getByRole('radio', { name: /^Desk 1\b/ });
    await expect(taken).toBeDisabled();
    await expect(second.page.locator('label', { has: taken })).toContainText('Open for Adam Advisor');
    await openDesk(second.page, 'Desk 2', ['C']);

    await Promise.all([first.page.keyboard.press('F2'), second.page.keyboard.press('F2')]);
    const number = async (page: Page) => {
      const heading = card(page).getByRole('heading', { name: /^Ticket C00\d$/ });
      await expect(heading).toBeVisible();
      return (await heading.textContent())?.replace('Ticket', '').trim();
    };
    const numbers = [await number(first.page), await number(second.page)].sort();
    expect(numbers).toEqual(['C001', 'C002']);
    // Nobody left: the next press says so.
    await first.page.keyboard.press('F2');
    await expect(first.page.getByRole('alert').filter({ hasText: /before calling someone else/ })).toBeVisible();
  } finally {
    await first.context.close();
    await second.context.close();
  }
});

test('a transferred ticket joins the other service’s queue in its original place, with the note', async ({ page, hub }) => {
  const site = await siteWithAdvisors(hub);
  await issue(hub, site, 'H', 'Hana Hughes');
  await issue(hub, site, 'C', 'Aoife Byrne', { reason: 'Rent and council tax' });
  await issue(hub, site, 'H', 'Harry Hall');
  await signInAtDesk(page, hub, adam);
  await openDesk(page, 'Desk 1', ['C']);
  await expect(queue(page)).not.toContainText('H001');

  await page.keyboard.press('F2');
  await expect(card(page).getByRole('heading', { name: 'Ticket C001' })).toBeVisible();
  await page.keyboard.press('Alt+T');
  const transfer = card(page).getByRole('form', { name: 'Transfer C001' });
  await expect(transfer.getByLabel('To service')).toBeFocused();
  // Not sent without a service; the note typed stays.
  await transfer.getByLabel('Note for the next advisor (optional)').fill('Asks about housing benefit too.');
  await transfer.getByRole('button', { name: 'Transfer C001' }).click();
  await expect(transfer.locator('#transfer-2-serviceId-error')).toContainText('Choose the service to send the visitor to.');
  await expect(transfer.getByLabel('Note for the next advisor (optional)')).toHaveValue('Asks about housing benefit too.');
  await transfer.getByLabel('To service').selectOption({ label: 'H – Housing' });
  await transfer.getByLabel('Note for the next advisor (optional)').press('Control+Enter');

  await expect(page.getByRole('status').filter({ hasText: 'C001 transferred to Housing' })).toBeVisible();
  await expect(card(page)).toContainText('Nobody called yet');
  await expect(page.getByRole('button', { name: 'Call next' })).toBeFocused();
  // Between H001 (issued before it) and H002 (issued after).
  expect(await waitingNumbers(hub, site, ['H'])).toEqual(['H001', 'C001', 'H002']);

  // Serving Housing too, the sidebar shows the same order, and the next advisor reads the note.
  await page.getByRole('button', { name: 'Change services' }).click();
  await page.getByRole('checkbox', { name: 'Housing (H)' }).check();
  await page.getByRole('button', { name: 'Save services' }).click();
  await expect(page.getByRole('region', { name: 'Desk 1' })).toContainText('Housing');
  await expect(queue(page).locator('.desk-queue__number')).toHaveText(['H001', 'C001', 'H002']);
  await queue(page).getByRole('button', { name: 'Call C001' }).click();
  await expect(card(page).getByRole('heading', { name: 'Ticket C001' })).toBeVisible();
  await expect(card(page)).toContainText('Housing');
  await expect(card(page)).toContainText('transferred once');
  await expect(card(page)).toContainText('Asks about housing benefit too.');
});

test('out of order from the queue, a no-show reinstated in its place, and a parked visitor resumed', async ({ page, hub }) => {
  const site = await siteWithAdvisors(hub);
  for (const name of ['Aoife Byrne', 'Ben Okafor', 'Chen Wei']) await issue(hub, site, 'C', name);
  await signInAtDesk(page, hub, adam);
  await openDesk(page, 'Desk 1', ['C']);
  await expect(queue(page).locator('.desk-queue__number')).toHaveText(['C001', 'C002', 'C003']);
  await expect(queue(page)).toContainText('within target');

  await queue(page).getByRole('button', { name: 'Call C002' }).click();
  await expect(card(page).getByRole('heading', { name: 'Ticket C002' })).toBeVisible();
  await expect(queue(page).locator('.desk-queue__number')).toHaveText(['C001', 'C003']);

  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('status').filter({ hasText: 'C002 marked as a no-show.' })).toBeVisible();
  await expect(card(page)).toContainText('Nobody called yet');
  await expect(page.getByRole('button', { name: 'Call next' })).toBeFocused();
  await queue(page).getByRole('button', { name: 'Reinstate C002' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'C002 is back in the queue in its place.' })).toBeVisible();
  await expect(queue(page).locator('.desk-queue__number')).toHaveText(['C001', 'C002', 'C003']);
  expect(await waitingNumbers(hub, site, ['C'])).toEqual(['C001', 'C002', 'C003']);

  // The visitor went to fetch a payslip: parked, then resumed at this desk.
  await page.keyboard.press('F2');
  await expect(card(page).getByRole('heading', { name: 'Ticket C001' })).toBeVisible();
  await page.keyboard.press('Alt+S');
  await expect(card(page)).toContainText('Being served');
  await page.keyboard.press('Alt+P');
  await expect(card(page)).toContainText('Nobody called yet');
  const parked = queue(page).getByRole('button', { name: 'Resume C001' });
  await expect(parked).toBeVisible();
  await parked.click();
  await expect(card(page).getByRole('heading', { name: 'Ticket C001' })).toBeVisible();
  await expect(card(page)).toContainText('Aoife Byrne');
  await expect(queue(page).getByRole('button', { name: 'Resume C001' })).toHaveCount(0);
});

test('a paused desk calls nobody until resumed; it cannot close while a visitor is called to it', async ({ page, hub }) => {
  const site = await siteWithAdvisors(hub);
  await issue(hub, site, 'C', 'Aoife Byrne');
  await signInAtDesk(page, hub, adam);
  await openDesk(page, 'Desk 1', ['C']);

  await page.getByRole('button', { name: 'Pause desk' }).click();
  const pause = page.getByRole('form', { name: 'Pause Desk 1' });
  await expect(pause.getByRole('radio', { name: 'Break' })).toBeFocused();
  await pause.getByRole('radio', { name: 'Training' }).check();
  await page.keyboard.press('Enter');
  const paused = page.getByRole('region', { name: 'Desk paused' });
  await expect(paused).toContainText('Training since');
  await expect(paused).toContainText('Nobody is called to Desk 1 until you resume.');
  await expect(page.getByRole('button', { name: 'Call next' })).toHaveCount(0);
  await expect(queue(page).getByRole('button', { name: 'Call C001' })).toHaveCount(0);
  const resume = paused.getByRole('button', { name: 'Resume desk' });
  await expect(resume).toBeFocused();
  await page.keyboard.press('F2');
  await expect(page.getByRole('alert').filter({ hasText: 'The desk is paused. Resume it to call the next ticket.' })).toBeVisible();
  // The core refuses too, whatever a page does.
  await expect(hub.call('callNext', { deskId: 1 }, await tokenOf(page))).rejects.toThrow(/conflict/);
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'desk-paused');

  await resume.click();
  await expect(page.getByRole('button', { name: 'Call next' })).toBeFocused();
  await page.keyboard.press('F2');
  await expect(card(page).getByRole('heading', { name: 'Ticket C001' })).toBeVisible();

  // Called, not yet here: the desk stays open.
  await page.getByRole('button', { name: 'Close desk' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'C001 is called to this desk.' })).toBeVisible();
  await page.keyboard.press('Alt+N');
  await expect(card(page)).toContainText('Nobody called yet');
  await page.getByRole('button', { name: 'Close desk' }).click();
  await expect(page.getByText('Desk 1 is closed. Open a desk to call again.')).toBeVisible();
  expect(await hub.call('listDeskSessions', {}, site.manager.token)).toEqual([]);
  // This PC remembers the choice: Enter opens the same desk again.
  await expect(page.getByRole('button', { name: 'Open desk' })).toBeFocused();
  await expect(page.getByRole('radio', { name: /^Desk 1\b/ })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Call next' })).toBeFocused();
});

test('a visitor called by number only is named in the card alone, under a warning; evidence is taken from the card', async ({ page, hub }) => {
  const site = await siteWithAdvisors(hub);
  await issue(hub, site, 'C', 'Zara Quinn', { callByNumberOnly: true, reason: 'Single person discount' });
  await issue(hub, site, 'C', 'Ben Okafor');
  await countPrints(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAtDesk(page, hub, adam);
  await openDesk(page, 'Desk 1', ['C']);
  await expect(page.locator('body')).not.toContainText('Zara Quinn');

  await page.keyboard.press('F2');
  await expect(card(page).getByRole('heading', { name: 'Ticket C001' })).toBeVisible();
  await expect(card(page)).toContainText('Call by number only — do not call out the name');
  await expect(page.getByText('Zara Quinn')).toHaveCount(1);
  await expect(card(page).getByText('Zara Quinn')).toBeVisible();
  await expect(queue(page)).not.toContainText('Zara Quinn');
  await expect(page.getByRole('status').filter({ hasText: 'C001 called to Desk 1.' })).not.toContainText('Zara');
  expect(await page.title()).not.toContain('Zara');
  await expect(card(page)).toBeInViewport({ ratio: 1 });
  await saveScreen(page, 'desk-by-number');

  await card(page).getByRole('button', { name: 'Evidence for C001' }).click();
  const evidence = card(page).getByRole('region', { name: /Evidence for C001/ });
  await evidence.getByLabel('Kind of document').selectOption({ label: 'Proof of identity' });
  await evidence.getByLabel('Description').fill('Passport');
  await evidence.getByRole('button', { name: 'Record and print receipt' }).click();
  await expect(evidence.getByText(/Receipt R-\d{8}-\d{3} recorded and printed/)).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as Window & { printed?: number }).printed ?? 0)).toBe(1);
  await evidence.getByRole('button', { name: 'Close' }).click();
  await expect(card(page)).toContainText('1 receipt');
  await expect(card(page).getByRole('button', { name: 'Evidence for C001' })).toBeFocused();
  await expectNoSeriousAxeViolations(page);
});
