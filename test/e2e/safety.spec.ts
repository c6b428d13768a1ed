import type { Browser, Page } from '@playwright/test';
import { addStaff, expect, expectNoSeriousAxeViolations, saveScreen, setUpSite, signInAs, site, test, type Hub } from './fixtures/hub.js';

const rita = { name: 'Rita Reception', pin: '1357' };
const amir = { name: 'Amir Advisor', pin: '9753' };

/** Another member of staff's screen, in a browser context of its own (its own tab storage and session). */
async function screenFor(browser: Browser, hub: Hub, person: { name: string; pin: string }, home: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  await page.goto(hub.url);
  await signInAs(page, person.name, person.pin);
  await expect(page.getByRole('heading', { level: 1, name: home })).toBeVisible();
  return page;
}

async function tokenOf(hub: Hub, person: { name: string; pin: string }): Promise<string> {
  const entry = (await hub.call('listSignInStaff', {})).find((each) => each.name === person.name);
  if (entry === undefined) throw new Error(`${person.name} cannot sign in`);
  return (await hub.call('signIn', { staffId: entry.id, pin: person.pin })).token;
}

test('a call for help reaches every other staff screen and never the display, until someone answers; raising and answering are audited', async ({ page, hub, browser }) => {
  // Four browsers at once (three staff screens and the display): longer than one screen's test.
  test.setTimeout(180_000);
  const manager = await setUpSite(hub);
  await addStaff(hub, manager, rita.name, 'receptionist', rita.pin);
  await addStaff(hub, manager, amir.name, 'advisor', amir.pin);
  const desk = (await hub.call('listDesks', {}, manager.token)).find((each) => each.active);
  const service = (await hub.call('listServices', {}, manager.token))[0];
  if (desk === undefined || service === undefined) throw new Error('the site has no desk or service');
  const amirToken = await tokenOf(hub, amir);
  await hub.call('openDesk', { deskId: desk.id, serviceIds: [service.id] }, amirToken);

  // The waiting-area display, listening to every frame its event socket receives.
  const displayContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const display = await displayContext.newPage();
  const frames: string[] = [];
  display.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(String(frame.payload))));
  await display.goto(`${hub.url}/#/display`);
  // Listening once its socket has said hello and the hub answered ready (whatever the page shows first).
  await expect.poll(() => frames.some((frame) => frame.includes('"ready"'))).toBe(true);

  await page.goto(hub.url);
  await signInAs(page, rita.name, rita.pin);
  await expect(page.getByRole('heading', { level: 1, name: 'Reception' })).toBeVisible();
  const advisor = await screenFor(browser, hub, amir, 'Desk');
  const boss = await screenFor(browser, hub, { name: site.manager, pin: site.managerPin }, 'Manager');

  // The button is discreet but says its key, to people and to screen readers.
  const getHelp = page.getByRole('button', { name: 'Get help' });
  await expect(getHelp).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+H');
  await expect(getHelp).toHaveAttribute('title', 'Get help (Ctrl+Shift+H)');
  await expect(getHelp).toHaveAccessibleDescription(/Ctrl\+Shift\+H/);

  // Rita, typing a visitor's name, presses the key: no question asked, nothing typed.
  const name = page.getByLabel('Name', { exact: true });
  await expect(name).toBeFocused();
  await page.keyboard.type('Dav');
  await page.keyboard.press('Control+Shift+H');
  await expect(page.getByRole('status').filter({ hasText: 'Help requested at Reception. Waiting for a colleague…' })).toBeVisible();
  await expect(name).toHaveValue('Dav');
  await expect(name).toBeFocused();
  // Her own call is a calm confirmation on her screen, never an alert to herself.
  await expect(page.getByText('Help needed at')).toHaveCount(0);

  const fromRita = 'Help needed at Reception — Rita Reception';
  for (const colleague of [advisor, boss]) {
    await expect(colleague.getByRole('alert').filter({ hasText: fromRita })).toBeVisible();
    await expect(colleague.getByRole('region', { name: 'Staff alerts' })).toContainText(/Rita Reception, just now|Rita Reception, 1 min ago/);
    await expect(colleague.getByRole('button', { name: 'I’m going — acknowledge help at Reception' })).toBeVisible();
  }
  await expectNoSeriousAxeViolations(advisor);
  await saveScreen(advisor, 'safety-alert');
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'safety-requested');

  // The manager is going: the alert leaves every screen, and Rita learns who is coming.
  await boss.getByRole('button', { name: 'I’m going — acknowledge help at Reception' }).click();
  await expect(boss.getByRole('status').filter({ hasText: 'You are going to Reception. Rita Reception can see that help is on the way.' })).toBeFocused();
  await expect(advisor.getByText(fromRita)).toHaveCount(0);
  await expect(boss.getByText(fromRita)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Colleague on the way: Mia Manager' })).toBeVisible();
  await expect(page.getByText('Waiting for a colleague')).toHaveCount(0);
  await saveScreen(page, 'safety-on-the-way');

  // Amir asks from his desk (over the API, as his desk screen would).
  await hub.call('raiseSafetyAlert', { deskId: desk.id }, amirToken);
  const fromAmir = `Help needed at ${desk.name} — Amir Advisor`;
  await expect(page.getByRole('alert').filter({ hasText: fromAmir })).toBeVisible();
  await expect(boss.getByRole('alert').filter({ hasText: fromAmir })).toBeVisible();
  // His own screen (another session of his) shows it as his own request.
  await expect(advisor.getByRole('status').filter({ hasText: `Help requested at ${desk.name}. Waiting for a colleague…` })).toBeVisible();
  await expect(advisor.getByText('Help needed at')).toHaveCount(0);
  await saveScreen(boss, 'safety-alert-manager');
  // Rita answers from reception, by keyboard: the alert leaves the manager's screen too.
  await page.getByRole('button', { name: `I’m going — acknowledge help at ${desk.name}` }).focus();
  await page.keyboard.press('Enter');
  await expect(boss.getByText(fromAmir)).toHaveCount(0);
  await expect(page.getByText(fromAmir)).toHaveCount(0);
  await expect(advisor.getByRole('status').filter({ hasText: 'Colleague on the way: Rita Reception' })).toBeVisible();

  // Rita asks again with the button, then cancels: the alert goes everywhere and nobody is "on the way".
  await page.getByRole('button', { name: 'Close “Colleague on the way: Mia Manager”' }).click();
  await page.getByRole('button', { name: `Close “You are going to ${desk.name}. Amir Advisor can see that help is on the way.”` }).click();
  await getHelp.click();
  await expect(advisor.getByRole('alert').filter({ hasText: fromRita })).toBeVisible();
  await expect(boss.getByRole('alert').filter({ hasText: fromRita })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel — I’m fine' }).click();
  await expect(advisor.getByText(fromRita)).toHaveCount(0);
  await expect(boss.getByText(fromRita)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Staff alerts' })).toHaveCount(0);
  await expect(getHelp).toBeFocused();

  // Amir, at his open desk, presses the key on the desk screen: the alert names his desk.
  await expect(advisor.getByRole('button', { name: 'Get help' })).toBeVisible();
  await advisor.keyboard.press('Control+Shift+H');
  await expect(advisor.getByRole('status').filter({ hasText: `Help requested at ${desk.name}. Waiting for a colleague…` })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: fromAmir })).toBeVisible();
  await expect(boss.getByRole('alert').filter({ hasText: fromAmir })).toBeVisible();
  await saveScreen(advisor, 'safety-requested-desk');
  await boss.getByRole('button', { name: `I’m going — acknowledge help at ${desk.name}` }).click();
  await expect(page.getByText(fromAmir)).toHaveCount(0);
  await expect(advisor.getByRole('status').filter({ hasText: 'Colleague on the way: Mia Manager' })).toBeVisible();

  // Audited, by the alert's id and who did it: four raised, four answered (one by its raiser).
  const audit = await hub.call('listAudit', { limit: 500 }, manager.token);
  const raised = audit.filter((entry) => entry.action === 'safety.raise');
  const answered = audit.filter((entry) => entry.action === 'safety.acknowledge');
  const ids = async (person: { name: string }) => (await hub.call('listSignInStaff', {})).find((each) => each.name === person.name)?.id;
  const [ritaId, amirId] = [await ids(rita), await ids(amir)];
  const byWho = (entries: typeof audit) => entries.map((entry) => entry.staffId).sort();
  expect(byWho(raised)).toEqual([ritaId, ritaId, amirId, amirId].sort());
  expect(byWho(answered)).toEqual([manager.staff.id, manager.staff.id, ritaId, ritaId].sort());
  for (const entry of [...raised, ...answered]) expect(entry.targetType).toBe('alert');

  // The display was listening all along: a ticket called now reaches it.
  const issued = await hub.call(
    'issueTicket',
    {
      visitor: { name: 'Siân Evans', addressLines: ['1 Castle Street'], postcode: 'L2 9SH', noFixedAbode: false },
      serviceId: service.id,
      reason: 'Council tax bill',
      needs: { interpreter: false, language: null, hearing: false, mobility: false },
      priority: null,
      callByNumberOnly: false,
      // Lets the ticket in whatever the hour the test runs at.
      afterHours: { managerId: manager.staff.id, managerPin: site.managerPin },
    },
    manager.token,
  );
  await hub.call('callNext', { deskId: desk.id }, amirToken);
  await expect.poll(() => frames.some((frame) => frame.includes('ticket-called') && frame.includes(issued.ticket.number))).toBe(true);

  // And heard none of the alerts: not on its page, not in one frame of its event socket.
  await expect(display.locator('body')).not.toContainText('Help needed');
  await expect(display.locator('body')).not.toContainText('Help requested');
  await expect(display.locator('body')).not.toContainText('Rita');
  await expect(display.locator('body')).not.toContainText('Amir');
  expect(frames.length).toBeGreaterThan(0);
  expect(frames.filter((frame) => /safety|alert|Rita|Amir/i.test(frame))).toEqual([]);

  await Promise.all([advisor.context().close(), boss.context().close(), displayContext.close()]);
});
