import type { LanStatus } from '../../shared/domain/lan.js';
import { expect, setUpSite, site, test } from './fixtures/hub.js';

/**
 * The waiting-area display through the hub's display door (plain HTTP, docs/lan.md), as a TV's
 * browser opens it: its own page and bundle, no sign-in, and calls arriving live. A context of
 * its own: the page fixture holds every answer to the OpenAPI document, which this door does not
 * serve (it serves the display alone).
 */
test('a TV’s browser opens the display door: the display alone, live, with nothing refused by the CSP', async ({ browser, hub }) => {
  const manager = await setUpSite(hub);
  await hub.call('setLanAccess', { enabled: true, managerPin: site.managerPin }, manager.token);
  let status: LanStatus | null = null;
  await expect
    .poll(async () => {
      status = await hub.call('getLanStatus', {}, manager.token);
      return status.displayAt.length;
    })
    .toBeGreaterThan(0);
  const displayAt = status!.displayAt[0]!;
  expect(displayAt).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);

  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  const refused: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) refused.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });

  await page.goto(displayAt);
  await expect(page.getByRole('heading', { name: 'Now calling' })).toBeVisible();
  await expect(page.getByText(site.name)).toBeVisible();

  const services = await hub.call('listServices', {}, manager.token);
  const desks = await hub.call('listDesks', {}, manager.token);
  const service = services[0]!;
  const desk = desks.find((each) => each.active)!;
  await hub.call('openDesk', { deskId: desk.id, serviceIds: [service.id] }, manager.token);
  const issued = await hub.call(
    'issueTicket',
    {
      visitor: { name: 'Siân Jones-Évans', addressLines: ['1 Castle Street'], postcode: 'L2 9SH', noFixedAbode: false },
      serviceId: service.id,
      reason: 'Council tax bill',
      needs: { interpreter: false, language: null, hearing: false, mobility: false },
      priority: null,
      callByNumberOnly: false,
      afterHours: { managerId: manager.staff.id, managerPin: site.managerPin },
    },
    manager.token,
  );
  await hub.call('callNext', { deskId: desk.id }, manager.token);
  await expect(page.locator('.display__calls')).toContainText(issued.ticket.number);
  await expect(page.locator('.display__calls')).toContainText(desk.name);
  await expect(page.getByText('Siân')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);

  expect(problems).toEqual([]);
  // Every file the page asked for was one the door serves (the chime answers 206, a range).
  expect(refused).toEqual([]);
  // The main app's page is not there to be had.
  expect((await page.request.get(new URL('/index.html', displayAt).href)).status()).toBe(404);
  await context.close();
});
