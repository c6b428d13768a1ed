import type { Browser, Page } from '@playwright/test';
import type { Session } from '../../shared/domain/staff.js';
import { addStaff, expect, expectNoSeriousAxeViolations, saveScreen, setUpSite, signInAs, test, type Hub } from './fixtures/hub.js';
import { NetCutProxy } from './fixtures/net-cut-proxy.js';

// Two screens, a cut, a restart and the backoff of the reconnection: longer than one screen's test.
test.describe.configure({ timeout: 180_000 });

const rita = { name: 'Rita Reception', pin: '1357' };
const adam = { name: 'Adam Advisor', pin: '9753' };
const everyDay = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
// The probe backs off to 10 s between tries (renderer/api/backoff.ts): give it a few.
const backSoon = { timeout: 40_000 };

/** Open all day (these tests run at any hour), a receptionist and an advisor. */
async function siteWithStaff(hub: Hub): Promise<Session> {
  const manager = await setUpSite(hub);
  const hours = { open: '00:00', lastTicket: '23:59', close: '23:59' };
  await hub.call('updateSettings', { openingHours: Object.fromEntries(everyDay.map((day) => [day, hours])) as Record<(typeof everyDay)[number], typeof hours> }, manager.token);
  await addStaff(hub, manager, rita.name, 'receptionist', rita.pin);
  await addStaff(hub, manager, adam.name, 'advisor', adam.pin);
  return manager;
}

/** A Council Tax ticket issued through the hub directly, as another reception PC would. */
async function issueDirectly(hub: Hub, manager: Session, name: string): Promise<string> {
  const councilTax = (await hub.call('listServices', {}, manager.token)).find((service) => service.letter === 'C')!;
  const issued = await hub.call(
    'issueTicket',
    {
      visitor: { name, addressLines: [], postcode: null, noFixedAbode: true },
      serviceId: councilTax.id,
      reason: '',
      needs: { interpreter: false, language: null, hearing: false, mobility: false },
      priority: null,
      callByNumberOnly: false,
    },
    manager.token,
  );
  return issued.ticket.number;
}

async function openScreen(browser: Browser, url: string, who: { name: string; pin: string }, heading: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.addInitScript({ content: 'window.print = () => undefined;' });
  await page.goto(url);
  await signInAs(page, who.name, who.pin);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  return page;
}

async function openDeskOne(page: Page): Promise<void> {
  await page.getByRole('radio', { name: /^Desk 1\b/ }).check();
  await page.getByRole('checkbox', { name: 'Council Tax (C)' }).check();
  await page.getByRole('button', { name: 'Open desk' }).click();
  await expect(page.getByRole('button', { name: 'Call next' })).toBeFocused();
}

const banner = (page: Page) => page.getByRole('alert').filter({ hasText: 'No connection to the One Stop Queue hub' });
const issueButton = (page: Page) => page.getByRole('button', { name: 'Issue ticket' });
const callNext = (page: Page) => page.getByRole('button', { name: 'Call next' });
const deskQueue = (page: Page) => page.getByRole('complementary', { name: 'Waiting for your services' });
const waitingNote = 'Waiting for the hub. These steps work again as soon as the connection is back; what you typed is kept.';

test('the network fails while the hub keeps running: desk and reception show the banner and disable their actions, then carry on with the current queue and nothing typed lost', async ({ browser, hub }) => {
  const manager = await siteWithStaff(hub);
  await issueDirectly(hub, manager, 'Aoife Byrne');
  const proxy = await NetCutProxy.start(hub.url);
  try {
    const reception = await openScreen(browser, proxy.url(hub.url), rita, 'Reception');
    const desk = await openScreen(browser, proxy.url(hub.url), adam, 'Desk');
    await openDeskOne(desk);
    await callNext(desk).click();
    await expect(desk.locator('.desk-card').getByRole('heading', { name: 'Ticket C001' })).toBeVisible();
    await desk.locator('.desk-card').getByRole('button', { name: /^Start \(visitor arrived\) C001/ }).click();
    await expect(desk.locator('.desk-card')).toContainText('Being served');

    // Half-way through: a visitor's details at reception, a note at the desk.
    await reception.getByLabel('Name', { exact: true }).fill('Ben Okafor');
    await reception.getByLabel('No fixed abode').check();
    await reception.getByLabel('Reason for visit').fill('Direct debit');
    const note = desk.locator('.desk-card').getByLabel('Short note (optional)');
    await note.fill('Reduction applied from April.');
    await expect(reception.getByRole('region', { name: 'The queue now' })).toContainText('Nobody waiting');

    proxy.cut();
    for (const page of [reception, desk]) await expect(banner(page)).toBeVisible();

    // Reception: Issue ticket is disabled, the reason is beside it, and what was typed stays.
    await expect(issueButton(reception)).toBeDisabled();
    await expect(issueButton(reception)).toHaveAccessibleDescription(waitingNote);
    await issueButton(reception).click({ force: true });
    await reception.keyboard.press('Control+Enter');
    await expect(reception.getByLabel('Name', { exact: true })).toHaveValue('Ben Okafor');
    await expect(reception.getByLabel('Reason for visit')).toHaveValue('Direct debit');
    await expectNoSeriousAxeViolations(reception);
    await saveScreen(reception, 'lan-cut-reception-1366');

    // Desk: Call next and Finish are disabled, said why; F2 sends nothing; the note stays.
    await expect(callNext(desk)).toBeDisabled();
    await expect(callNext(desk)).toHaveAccessibleDescription(new RegExp(waitingNote.replace(/[.?]/g, '\\$&')));
    const finish = desk.locator('.desk-card').getByRole('button', { name: /^Finish/ });
    await expect(finish).toBeDisabled();
    await expect(finish).toHaveAccessibleDescription(waitingNote);
    await expect(desk.locator('.desk-card').getByText(waitingNote)).toHaveCount(1);
    await desk.keyboard.press('F2');
    await expect(note).toHaveValue('Reduction applied from April.');
    await expectNoSeriousAxeViolations(desk);
    await saveScreen(desk, 'lan-cut-desk-1366');
    await desk.setViewportSize({ width: 1920, height: 1080 });
    await saveScreen(desk, 'lan-cut-desk-1920');

    // Meanwhile another reception PC, whose network still works, issues a ticket.
    const issuedMeanwhile = await issueDirectly(hub, manager, 'Chen Wei');
    expect(issuedMeanwhile).toBe('C002');
    // Nothing was sent from the cut screens while the hub was away.
    expect((await hub.call('getVisit', { visitId: 1 }, manager.token)).status).toBe('serving');

    proxy.restore();
    for (const page of [reception, desk]) await expect(banner(page)).toHaveCount(0, backSoon);

    // The queue shown is the hub's, including the ticket issued while the network was down.
    await expect(deskQueue(desk)).toContainText('C002');
    await expect(reception.getByRole('region', { name: 'The queue now' })).toContainText('Longest wait: C002');
    await expect(reception.getByLabel('Name', { exact: true })).toHaveValue('Ben Okafor');
    await expect(note).toHaveValue('Reduction applied from April.');
    await expect(issueButton(reception)).toBeEnabled();
    await expect(reception.getByText(waitingNote)).toHaveCount(0);

    // And the actions work again.
    await desk.locator('.desk-card').getByRole('radio', { name: 'Resolved' }).check();
    await finish.click();
    await expect(desk.getByRole('status').filter({ hasText: 'C001 finished: Resolved.' })).toBeVisible();
    const finished = await hub.call('getVisit', { visitId: 1 }, manager.token);
    expect(finished.status).toBe('finished');
    expect(finished.note).toBe('Reduction applied from April.');

    await reception.keyboard.press('Alt+C');
    await issueButton(reception).click();
    await expect(reception.getByRole('region', { name: 'Last ticket' })).toContainText('C003');
    await expect(deskQueue(desk)).toContainText('C003');
    await reception.context().close();
    await desk.context().close();
  } finally {
    await proxy.close();
  }
});

test('the hub is stopped and started again: banner and disabled actions while it is down, then staff sign in again and carry on', async ({ browser, hub }) => {
  const manager = await siteWithStaff(hub);
  await issueDirectly(hub, manager, 'Aoife Byrne');
  const reception = await openScreen(browser, hub.url, rita, 'Reception');
  const desk = await openScreen(browser, hub.url, adam, 'Desk');
  await openDeskOne(desk);
  await reception.getByLabel('Name', { exact: true }).fill('Ben Okafor');

  await hub.serve.stop();
  for (const page of [reception, desk]) await expect(banner(page)).toBeVisible();
  await expect(issueButton(reception)).toBeDisabled();
  await expect(callNext(desk)).toBeDisabled();
  await expect(desk.getByText(waitingNote)).toBeVisible();
  await expect(reception.getByLabel('Name', { exact: true })).toHaveValue('Ben Okafor');

  // Sessions live in the hub's memory: a restarted hub asks everyone to sign in again.
  await hub.serve.restart();
  for (const page of [reception, desk]) {
    await expect(banner(page)).toHaveCount(0, backSoon);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  }
  await signInAs(desk, adam.name, adam.pin);
  await expect(desk.getByRole('heading', { level: 1, name: 'Desk' })).toBeVisible();
  await signInAs(reception, rita.name, rita.pin);
  await expect(reception.getByRole('heading', { level: 1, name: 'Reception' })).toBeVisible();

  // The desk stayed open on the hub: Call next calls the ticket that waited through the restart.
  await expect(callNext(desk)).toBeEnabled();
  await callNext(desk).click();
  await expect(desk.locator('.desk-card').getByRole('heading', { name: 'Ticket C001' })).toBeVisible();
  await reception.getByLabel('Name', { exact: true }).fill('Ben Okafor');
  await reception.getByLabel('No fixed abode').check();
  await reception.keyboard.press('Alt+C');
  await issueButton(reception).click();
  await expect(reception.getByRole('region', { name: 'Last ticket' })).toContainText('C002');
  await reception.context().close();
  await desk.context().close();
});
