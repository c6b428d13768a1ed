import type { Browser, Page } from '@playwright/test';
import { addStaff, expect, setUpSite, signInAs, site, test } from './fixtures/hub.js';

const rita = { name: 'Rita Reception', pin: '1357' };
const adam = { name: 'Adam Advisor', pin: '9753' };

/** Each person at their own PC: a browser context of their own, so no session is shared. */
async function screenFor(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

test('one call reaches every screen at once: the desk shows the card, the display the number, reception one fewer waiting', async ({ page, hub, browser }) => {
  test.setTimeout(180_000);
  const manager = await setUpSite(hub);
  await addStaff(hub, manager, rita.name, 'receptionist', rita.pin);
  await addStaff(hub, manager, adam.name, 'advisor', adam.pin);
  const services = await hub.call('listServices', {}, manager.token);
  const councilTax = services.find((service) => service.letter === 'C')!;
  const desk = (await hub.call('listDesks', {}, manager.token))[0]!;

  // The display is this test's own page; reception and the desk have PCs of their own.
  await page.goto(`${hub.url}/#/display`);
  await page.getByRole('button', { name: 'Start display' }).press('Enter');
  const reception = await screenFor(browser, hub.url);
  await signInAs(reception, rita.name, rita.pin);
  const deskPage = await screenFor(browser, hub.url);
  await signInAs(deskPage, adam.name, adam.pin);
  const adamSession = await hub.call('signIn', { staffId: (await hub.call('listSignInStaff', {})).find((s) => s.name === adam.name)!.id, pin: adam.pin });
  await hub.call('openDesk', { deskId: desk.id, serviceIds: [councilTax.id] }, adamSession.token);

  for (const name of ['Aoife Byrne', 'Ben Okafor']) {
    await hub.call(
      'issueTicket',
      {
        visitor: { name, addressLines: [], postcode: null, noFixedAbode: true },
        serviceId: councilTax.id,
        reason: '',
        needs: { interpreter: false, language: null, hearing: false, mobility: false },
        priority: null,
        callByNumberOnly: false,
        afterHours: { managerId: manager.staff.id, managerPin: site.managerPin },
      },
      manager.token,
    );
  }
  const strip = reception.getByRole('region', { name: 'The queue now' });
  await expect(strip).toContainText('Council Tax2 waiting');
  await expect(page.locator('.display__waiting')).toContainText('2 waiting');

  // The desk screen finds Adam's open desk; F2 calls the next ticket.
  await expect(deskPage.getByRole('button', { name: /Call next/ })).toBeVisible();
  await deskPage.keyboard.press('F2');
  await expect(deskPage.getByText('Aoife Byrne')).toBeVisible();
  await expect(page.locator('.display__call')).toContainText('C001');
  await expect(page.locator('.display__call')).toContainText(desk.name);
  await expect(strip).toContainText('Council Tax1 waiting');
  await expect(page.locator('.display__waiting')).toContainText('1 waiting');
  await expect(page.locator('body')).not.toContainText('Aoife');

  await reception.context().close();
  await deskPage.context().close();
});
