import type { Locator, Page } from '@playwright/test';
import type { Service } from '../../shared/domain/site.js';
import type { Session } from '../../shared/domain/staff.js';
import { addStaff, expect, expectNoSeriousAxeViolations, saveScreen, setUpSite, signInAs, site, test, type Hub } from './fixtures/hub.js';

// A site with a queue, three advisors and a manager's screen, walked through several changes.
test.describe.configure({ timeout: 180_000 });

const adam = { name: 'Adam Advisor', pin: '9753' };
const bea = { name: 'Bea Advisor', pin: '8642' };
const cara = { name: 'Cara Advisor', pin: '1470' };
const everyDay = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

interface Site {
  manager: Session;
  services: Service[];
  serviceId(letter: string): number;
  deskId(name: string): number;
}

/** Tickets stop at the last-ticket time and this test runs at any hour: the site is open all day. */
async function openSite(hub: Hub): Promise<Site> {
  const manager = await setUpSite(hub);
  const hours = { open: '00:00', lastTicket: '23:58', close: '23:59' };
  await hub.call('updateSettings', { openingHours: Object.fromEntries(everyDay.map((day) => [day, hours])) as Record<(typeof everyDay)[number], typeof hours> }, manager.token);
  for (const advisor of [adam, bea, cara]) await addStaff(hub, manager, advisor.name, 'advisor', advisor.pin);
  const services = await hub.call('listServices', {}, manager.token);
  const desks = await hub.call('listDesks', {}, manager.token);
  return {
    manager,
    services,
    serviceId: (letter) => services.find((service) => service.letter === letter)?.id ?? Number.NaN,
    deskId: (name) => desks.find((desk) => desk.name === name)?.id ?? Number.NaN,
  };
}

async function tokenOf(hub: Hub, person: { name: string; pin: string }): Promise<string> {
  const entry = (await hub.call('listSignInStaff', {})).find((each) => each.name === person.name);
  if (entry === undefined) throw new Error(`${person.name} cannot sign in`);
  return (await hub.call('signIn', { staffId: entry.id, pin: person.pin })).token;
}

async function issue(hub: Hub, at: Site, letter: string, name: string): Promise<void> {
  await hub.call(
    'issueTicket',
    {
      visitor: { name, addressLines: ['1 Dale Street', 'Liverpool'], postcode: 'L2 2DP', noFixedAbode: false },
      serviceId: at.serviceId(letter),
      reason: '',
      needs: { interpreter: false, language: null, hearing: false, mobility: false },
      priority: null,
      callByNumberOnly: false,
    },
    at.manager.token,
  );
}

/** One row of one of the board's tables, found by its row header. */
function row(table: Locator, header: string): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: header, exact: true }) });
}

function figure(board: Locator, label: string): Locator {
  return board.locator('.board-figure').filter({ has: board.page().getByText(label, { exact: true }) });
}

async function setTarget(hub: Hub, at: Site, letter: string, minutes: number): Promise<void> {
  // As the settings screen will: the manager's own call through the hub, which tells every screen.
  await hub.call('updateService', { serviceId: at.serviceId(letter), targetWaitMinutes: minutes }, at.manager.token);
}

async function boardFor(page: Page): Promise<{ board: Locator; services: Locator; desks: Locator }> {
  await expect(page.getByRole('heading', { level: 1, name: 'Manager' })).toBeVisible();
  const board = page.getByRole('region', { name: 'Live board' });
  return {
    board,
    services: board.getByRole('table', { name: /^Waiting and the longest wait in each service/ }),
    desks: board.getByRole('table', { name: /desks open/ }),
  };
}

test('the board follows the queue live: waits age on their own, a changed target turns a service near or over and says so, desks show their state and pauses, calls for help show', async ({ page, hub }) => {
  const at = await openSite(hub);
  const [adamToken, beaToken, caraToken] = await Promise.all([adam, bea, cara].map((person) => tokenOf(hub, person)));
  // A target the first wait is well within; "near" from 6 minutes (three quarters of 8).
  await setTarget(hub, at, 'C', 8);
  await setTarget(hub, at, 'H', 8);
  for (const [letter, name] of [
    ['C', 'Aoife Byrne'],
    ['C', 'Ben Okafor'],
    ['C', 'Chen Wei'],
    ['H', 'Dara Kelly'],
    ['H', 'Eve Lund'],
    ['B', 'Femi Ade'],
    ['B', 'Gus Hart'],
  ] as const) {
    await issue(hub, at, letter, name);
  }

  // Bea has served C001 and is serving C002; Cara is calling B001; Adam is on a break.
  const desk1 = at.deskId('Desk 1');
  await hub.call('openDesk', { deskId: desk1, serviceIds: [at.serviceId('C')] }, beaToken);
  const first = await hub.call('callNext', { deskId: desk1 }, beaToken);
  await hub.call('startService', { visitId: first!.visitId }, beaToken);
  await hub.call('finishService', { visitId: first!.visitId, outcome: 'resolved' }, beaToken);
  const second = await hub.call('callNext', { deskId: desk1 }, beaToken);
  await hub.call('startService', { visitId: second!.visitId }, beaToken);
  await hub.call('openDesk', { deskId: at.deskId('Desk 2'), serviceIds: [at.serviceId('H')] }, adamToken);
  await hub.call('pauseDesk', { deskId: at.deskId('Desk 2'), reason: 'break' }, adamToken);
  await hub.call('openDesk', { deskId: at.deskId('Desk 3'), serviceIds: [at.serviceId('B')] }, caraToken);
  await hub.call('callNext', { deskId: at.deskId('Desk 3') }, caraToken);

  // The page's clock is Playwright's, so minutes can pass on the manager's PC without waiting.
  await page.clock.install();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(hub.url);
  await signInAs(page, site.manager, site.managerPin);
  const { board, services, desks } = await boardFor(page);

  await expect(figure(board, 'Waiting now')).toContainText('4');
  await expect(figure(board, 'Served today')).toContainText('1');
  await expect(figure(board, 'Called within target today')).toContainText('100%');
  const councilTax = row(services, 'Council Tax');
  await expect(councilTax).toContainText('Within target');
  await expect(councilTax.getByRole('cell').nth(0)).toHaveText('1');
  await expect(councilTax.getByRole('cell').nth(2)).toHaveText('8 min');
  await expect(row(services, 'Parking')).toContainText('Nobody waiting');

  await expect(row(desks, 'Desk 1')).toContainText('Bea Advisor');
  await expect(row(desks, 'Desk 1')).toContainText('Serving C002');
  await expect(row(desks, 'Desk 2')).toContainText('Adam Advisor');
  await expect(row(desks, 'Desk 2')).toContainText(/Paused — break since \d\d:\d\d/);
  await expect(row(desks, 'Desk 3')).toContainText('Calling B001');
  await expect(row(desks, 'Desk 4')).toContainText('Closed');
  await expect(board.getByRole('region', { name: 'Calls for help' })).toContainText('No open calls for help.');

  // Six minutes on, with no event from the hub: the board's own clock ages the waits.
  await page.clock.fastForward('06:00');
  await expect(councilTax.getByRole('cell').nth(1)).toHaveText(/^[678] min$/);
  await expect(councilTax).toContainText('Near target');
  await expect(figure(board, 'Longest wait now')).toContainText(/[678] min/);

  // The manager lowers the target: the board shows the new target and the service over it, and
  // tells a screen reader once, by name.
  await setTarget(hub, at, 'C', 5);
  await expect(councilTax.getByRole('cell').nth(2)).toHaveText('5 min');
  await expect(councilTax).toContainText('Over target');
  await expect(board.getByText('Over target now: Council Tax', { exact: true })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /Council Tax passed its target wait/ })).toHaveCount(1);

  // And raises it again: within target, and the warning goes.
  await setTarget(hub, at, 'C', 30);
  await expect(councilTax.getByRole('cell').nth(2)).toHaveText('30 min');
  await expect(councilTax).toContainText('Within target');
  await expect(board.getByText(/^Over target now/)).toHaveCount(0);

  // Adam asks for help from his desk: who, where and since when, on the board as well as in the banner.
  await hub.call('raiseSafetyAlert', { deskId: at.deskId('Desk 2') }, adamToken);
  const help = board.getByRole('region', { name: 'Calls for help' });
  await expect(help).toContainText('Desk 2');
  await expect(help).toContainText('Adam Advisor asked for help');
  // "ago" by this PC's clock, which the test has moved on: only the time it was raised is exact.
  await expect(help).toContainText(/since \d\d:\d\d \(/);

  // The scene for the screenshots: one service over target, one near, the rest within or empty.
  await setTarget(hub, at, 'C', 5);
  await expect(councilTax).toContainText('Over target');
  await expect(row(services, 'Housing')).toContainText('Near target');
  await expect(page.getByRole('alert').filter({ hasText: /Council Tax.* passed/ })).toHaveCount(1);
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'manager-board-1280');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'manager-board-1920');
});
