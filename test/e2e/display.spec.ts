import { expect, expectNoSeriousAxeViolations, saveScreen, setUpSite, site, test } from './fixtures/hub.js';

test('the waiting-area display needs no sign-in and shows a called ticket and its desk, never a name', async ({ page, hub }) => {
  const manager = await setUpSite(hub);
  await page.goto(`${hub.url}/#/display`);
  await expect(page.getByRole('heading', { name: 'Now calling' })).toBeVisible();
  await expect(page.getByText('Please take a seat.')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'display-empty');

  const services = await hub.call('listServices', {}, manager.token);
  const service = services[0];
  if (service === undefined) throw new Error('the site has no services');
  const desk = (await hub.call('listDesks', {}, manager.token)).find((each) => each.active);
  if (desk === undefined) throw new Error('the site has no desks');
  await hub.call('openDesk', { deskId: desk.id, serviceIds: [service.id] }, manager.token);
  const visitor = 'Siân Jones-Évans';
  // A manager's PIN lets a ticket in after the last-ticket time, so the test passes at any hour.
  const issued = await hub.call(
    'issueTicket',
    {
      visitor: { name: visitor, addressLines: ['1 Castle Street'], postcode: 'L2 9SH', noFixedAbode: false },
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

  // Pushed over the event socket: no reload.
  const now = page.locator('.display__call');
  await expect(now).toContainText(issued.ticket.number);
  await expect(now).toContainText(desk.name);
  await expect(page.locator('body')).not.toContainText(visitor);
  await expect(page.locator('body')).not.toContainText('Castle Street');
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'display');
});
