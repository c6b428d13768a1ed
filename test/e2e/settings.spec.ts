import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Session } from '../../shared/domain/staff.js';
import { addStaff, expect, expectNoSeriousAxeViolations, saveScreen, setUpSite, signInAs, site, test, type Hub } from './fixtures/hub.js';
import { screensDir } from './fixtures/paths.js';

const rita = { name: 'Rita Reception', pin: '1357' };
const adam = { name: 'Adam Advisor', pin: '9753' };

async function openSettings(page: Page, hub: Hub): Promise<void> {
  await page.goto(hub.url);
  await signInAs(page, site.manager, site.managerPin);
  await expect(page.getByRole('heading', { level: 1, name: 'Manager' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

const part = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** A ticket issued through the API; `afterHours` lets it in whatever the time of the run. */
async function issueTicket(hub: Hub, manager: Session, name: string): Promise<void> {
  const councilTax = (await hub.call('listServices', {}, manager.token)).find((service) => service.letter === 'C')!;
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

test('a manager changes a service’s target wait; a letter already used and a target of 0 are refused by their fields and change nothing', async ({ page, hub }) => {
  // A long page: axe and full-page screenshots of it take a while on a busy machine.
  test.setTimeout(180_000);
  const manager = await setUpSite(hub);
  await openSettings(page, hub);
  const services = part(page, 'Services');
  await expect(services.getByRole('row', { name: /Council Tax/ })).toContainText('15 minutes');

  await services.getByRole('button', { name: 'Edit C Council Tax' }).click();
  const edit = page.getByRole('form', { name: 'Edit C Council Tax' });
  await expect(edit.getByLabel('Name')).toBeFocused();
  await edit.getByLabel('Target wait in minutes').fill('25');
  await edit.getByLabel('Target wait in minutes').press('Enter');
  await expect(services.getByRole('status')).toHaveText('C Council Tax has been saved.');
  await expect(services.getByRole('row', { name: /Council Tax/ })).toContainText('25 minutes');
  // Focus goes back to the row's button that opened the form.
  await expect(services.getByRole('button', { name: 'Edit C Council Tax' })).toBeFocused();
  const saved = (await hub.call('listServices', {}, manager.token)).find((service) => service.letter === 'C')!;
  expect(saved.targetWaitMinutes).toBe(25);

  // Benefits (B) may not take Council Tax's letter: the core refuses it by the field.
  const before = await hub.call('listServices', {}, manager.token);
  await services.getByRole('button', { name: 'Edit B Benefits' }).click();
  const benefits = page.getByRole('form', { name: 'Edit B Benefits' });
  await benefits.getByLabel('Letter').fill('c');
  await expect(benefits.getByLabel('Letter')).toHaveValue('C');
  await benefits.getByRole('button', { name: 'Save' }).click();
  await expect(benefits.locator('#edit-service-letter-error')).toContainText('This letter is already used.');
  await expect(benefits.locator('.error-summary')).toContainText('Another service already uses that letter.');
  await expect(benefits.locator('.error-summary')).toBeFocused();
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'manager-settings-service-errors');

  // A target of 0 is refused by the contract's own schema before anything is sent; what was typed stays.
  await benefits.getByLabel('Letter').fill('B');
  await benefits.getByLabel('Target wait in minutes').fill('0');
  await benefits.getByRole('button', { name: 'Save' }).click();
  await expect(benefits.locator('#edit-service-targetWaitMinutes-error')).toContainText('Enter a number from 1 to 480.');
  await expect(benefits.getByLabel('Target wait in minutes')).toHaveValue('0');
  await expect(benefits.getByLabel('Target wait in minutes')).toHaveAttribute('aria-invalid', 'true');
  expect(await hub.call('listServices', {}, manager.token)).toEqual(before);
  await benefits.press('Escape');
  await expect(benefits).toHaveCount(0);

  // Added, then taken out of use.
  const add = page.getByRole('form', { name: 'Add a service' });
  await add.getByLabel('Name').fill('Licensing');
  await add.getByLabel('Letter').fill('L');
  await add.getByLabel('Target wait in minutes').fill('30');
  await add.getByRole('button', { name: 'Add service' }).click();
  await expect(services.getByRole('status')).toHaveText('L Licensing has been added.');
  await services.getByRole('button', { name: 'Deactivate L Licensing' }).click();
  await expect(services.getByRole('row', { name: /Licensing/ })).toContainText('Not in use');
  const licensing = (await hub.call('listServices', {}, manager.token)).find((service) => service.letter === 'L')!;
  expect(licensing).toMatchObject({ name: 'Licensing', targetWaitMinutes: 30, active: false });
});

test('a manager adds and renames a desk and changes the opening hours; hours out of order are refused and change nothing', async ({ page, hub }) => {
  // A long page: axe and full-page screenshots of it take a while on a busy machine.
  test.setTimeout(180_000);
  const manager = await setUpSite(hub);
  await openSettings(page, hub);

  const desks = part(page, 'Desks');
  const addDesk = page.getByRole('form', { name: 'Add a desk' });
  await addDesk.getByLabel('Name').fill('Desk 5');
  await addDesk.getByLabel('Name').press('Enter');
  await expect(desks.getByRole('status')).toHaveText('Desk 5 has been added.');
  await expect(addDesk.getByLabel('Name')).toHaveValue('');
  // A name already used is refused by the field.
  await addDesk.getByLabel('Name').fill('Desk 1');
  await addDesk.getByLabel('Name').press('Enter');
  await expect(addDesk.locator('#add-desk-name-error')).toBeVisible();
  await desks.getByRole('button', { name: 'Rename Desk 5' }).click();
  const rename = page.getByRole('form', { name: 'Rename Desk 5' });
  await expect(rename.getByLabel('New name')).toBeFocused();
  await rename.getByLabel('New name').fill('Quiet room');
  await rename.getByLabel('New name').press('Enter');
  await expect(desks.getByRole('status')).toHaveText('The desk is now called Quiet room.');
  expect((await hub.call('listDesks', {}, manager.token)).map((desk) => desk.name)).toEqual(['Desk 1', 'Desk 2', 'Desk 3', 'Desk 4', 'Quiet room']);

  const hours = page.getByRole('form', { name: 'Opening hours' });
  const day = (name: string) => hours.getByRole('group', { name, exact: true });
  await day('Saturday').getByLabel('Closed').uncheck();
  await day('Saturday').getByLabel('Opens').fill('10:00');
  await day('Saturday').getByLabel('Last ticket').fill('12:30');
  await day('Saturday').getByLabel('Closes').fill('13:00');
  await day('Wednesday').getByLabel('Closed').check();
  await day('Friday').getByLabel('Last ticket').fill('18:00');
  await hours.getByRole('button', { name: 'Save' }).click();
  await expect(hours.locator('#settings-hours-openingHours-friday-lastTicket-error')).toContainText('Opening, last ticket and closing times must come in that order.');
  await expect(hours.locator('.error-summary')).toContainText('Friday: last ticket');
  expect((await hub.call('getSettings', {}, manager.token)).openingHours.saturday).toBeNull();
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'manager-settings-hours-errors');

  await day('Friday').getByLabel('Last ticket').fill('16:00');
  await hours.getByRole('button', { name: 'Save' }).click();
  await expect(hours.getByRole('status')).toHaveText('The opening hours have been saved.');
  // The refusal that was put right is no longer shown.
  await expect(hours.locator('.error-summary')).toHaveCount(0);
  await expect(day('Friday').getByLabel('Last ticket')).not.toHaveAttribute('aria-invalid', 'true');
  const saved = (await hub.call('getSettings', {}, manager.token)).openingHours;
  expect(saved.saturday).toEqual({ open: '10:00', lastTicket: '12:30', close: '13:00' });
  expect(saved.wednesday).toBeNull();
  expect(saved.friday).toEqual({ open: '09:00', lastTicket: '16:00', close: '17:00' });
  expect(saved.sunday).toBeNull();
});

test('a manager changes a role and resets a PIN, which then signs in; disabling or demoting the last manager is refused and changes nothing', async ({ page, hub }) => {
  // A long page: axe and full-page screenshots of it take a while on a busy machine.
  test.setTimeout(180_000);
  const manager = await setUpSite(hub);
  await addStaff(hub, manager, rita.name, 'receptionist', rita.pin);
  await openSettings(page, hub);
  const staff = part(page, 'Staff');

  await staff.getByRole('button', { name: 'Change role of Rita Reception' }).click();
  const roleForm = page.getByRole('form', { name: 'Change the role of Rita Reception' });
  await expect(roleForm.getByLabel('New role')).toBeFocused();
  await roleForm.getByLabel('New role').selectOption({ label: 'Advisor' });
  await roleForm.getByRole('button', { name: 'Save' }).click();
  await expect(staff.getByRole('status')).toHaveText('Rita Reception is now an advisor.');
  await expect(staff.getByRole('row', { name: /Rita Reception/ })).toContainText('Advisor');
  const listed = await hub.call('listStaff', {}, manager.token);
  const ritaId = listed.find((member) => member.name === rita.name)!.id;
  expect(listed.find((member) => member.id === ritaId)!.role).toBe('advisor');

  await staff.getByRole('button', { name: 'Reset PIN of Rita Reception' }).click();
  const pinForm = page.getByRole('form', { name: 'Reset the PIN of Rita Reception' });
  await expect(pinForm.getByLabel('New PIN')).toBeFocused();
  await page.keyboard.type('8642');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0000');
  await page.keyboard.press('Enter');
  // A wrong PIN of the manager's own is refused by its field; the old PIN still works.
  await expect(pinForm.locator('#staff-pin-managerPin-error')).toContainText('That PIN is wrong.');
  await expect(pinForm.getByLabel('Your PIN')).toHaveValue('');
  await expect(pinForm.getByLabel('New PIN')).toHaveValue('8642');
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'manager-settings-reset-pin-wrong');
  await pinForm.getByLabel('Your PIN').fill(site.managerPin);
  await pinForm.getByLabel('Your PIN').press('Enter');
  await expect(staff.getByRole('status')).toHaveText('Rita Reception has a new PIN and can sign in with it.');
  await expect(hub.call('signIn', { staffId: ritaId, pin: rita.pin })).rejects.toThrow(/unauthenticated/);
  const session = await hub.call('signIn', { staffId: ritaId, pin: '8642' });
  expect(session.staff).toMatchObject({ name: rita.name, role: 'advisor' });

  // The only manager cannot be disabled, or made an advisor: the core's refusal is said at once.
  await staff.getByRole('button', { name: 'Disable Mia Manager' }).click();
  const problem = staff.getByRole('alert');
  await expect(problem).toHaveText('Nothing was changed for Mia Manager. This is the last active manager. Make someone else a manager first.');
  await expect(problem).toBeFocused();
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'manager-settings-last-manager');
  await staff.getByRole('button', { name: 'Change role of Mia Manager' }).click();
  const demote = page.getByRole('form', { name: 'Change the role of Mia Manager' });
  await demote.getByLabel('New role').selectOption({ label: 'Advisor' });
  await demote.getByRole('button', { name: 'Save' }).click();
  await expect(demote.locator('.error-summary')).toContainText('This is the last active manager. Make someone else a manager first.');
  await demote.press('Escape');
  const mia = (await hub.call('listStaff', {}, manager.token)).find((member) => member.name === site.manager)!;
  expect(mia).toMatchObject({ role: 'manager', active: true });

  // Anyone else can be disabled, and re-enabled.
  await staff.getByRole('button', { name: 'Disable Rita Reception' }).click();
  await expect(staff.getByRole('status')).toHaveText('Rita Reception can no longer sign in.');
  await expect(staff.getByRole('row', { name: /Rita Reception/ })).toContainText('No longer active');
  expect((await hub.call('listStaff', {}, manager.token)).find((member) => member.id === ritaId)!.active).toBe(false);
  await staff.getByRole('button', { name: 'Re-enable Rita Reception' }).click();
  await expect(staff.getByRole('status')).toHaveText('Rita Reception can sign in again.');
});

test('shortening retention says how many visits the next purge deletes and asks for the PIN; a wrong PIN changes nothing; lengthening asks nothing', async ({ page, hub }) => {
  // A long page: axe and full-page screenshots of it take a while on a busy machine.
  test.setTimeout(180_000);
  const manager = await setUpSite(hub);
  await issueTicket(hub, manager, 'Aoife Byrne');
  await issueTicket(hub, manager, 'Ben Okafor');
  await openSettings(page, hub);
  const records = page.getByRole('form', { name: 'Records kept' });
  await expect(records.getByLabel('Keep visits for this many days')).toHaveValue('28');
  await expect(records.getByLabel('Keep anonymous statistics for this many days')).toHaveValue('730');
  await expect(records.getByLabel('Keep the audit log for this many days')).toHaveValue('365');

  // Out of range: refused by the field before anything is sent.
  await records.getByLabel('Keep visits for this many days').fill('30');
  await records.getByRole('button', { name: 'Save' }).click();
  await expect(records.locator('#settings-records-retentionDays-error')).toContainText('Records cannot be kept longer than 28 days.');

  await records.getByLabel('Keep visits for this many days').fill('1');
  await records.getByRole('button', { name: 'Save' }).click();
  const preview = await hub.call('previewRetention', { retentionDays: 1 }, manager.token);
  const count = preview.visitsToDelete === 1 ? '1 visit' : `${preview.visitsToDelete} visits`;
  const warning = page.locator('#settings-records-preview');
  await expect(records.locator('#settings-records-retentionDays-error')).toHaveCount(0);
  await expect(warning).toContainText(`${count} issued before `);
  await expect(warning).toContainText('will be deleted at the next purge (within the hour).');
  const confirm = page.getByRole('form', { name: 'Confirm the shorter retention' });
  await expect(confirm.getByLabel('Your PIN')).toBeFocused();
  await page.keyboard.type('0000');
  await page.keyboard.press('Enter');
  await expect(confirm.locator('#settings-records-confirm-managerPin-error')).toContainText('That PIN is wrong.');
  expect((await hub.call('getSettings', {}, manager.token)).retentionDays).toBe(28);
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'manager-settings-retention-confirm');

  await page.keyboard.type(site.managerPin);
  await page.keyboard.press('Enter');
  await expect(records.getByRole('status')).toHaveText('How long records are kept has been saved.');
  await expect(confirm).toHaveCount(0);
  expect((await hub.call('getSettings', {}, manager.token)).retentionDays).toBe(1);

  // Longer again (and the statistics kept for three years): no PIN asked.
  await records.getByLabel('Keep visits for this many days').fill('14');
  await records.getByLabel('Keep anonymous statistics for this many days').fill('1095');
  await records.getByRole('button', { name: 'Save' }).click();
  await expect(records.getByRole('status')).toHaveText('How long records are kept has been saved.');
  await expect(confirm).toHaveCount(0);
  expect(await hub.call('getSettings', {}, manager.token)).toMatchObject({ retentionDays: 14, statsRetentionDays: 1095, auditRetentionDays: 365 });
});

test('site, tickets and security settings are saved by their own forms; the recovery passphrase is set with the PIN and never shown back', async ({ page, hub }) => {
  const manager = await setUpSite(hub);
  await openSettings(page, hub);

  const siteForm = page.getByRole('form', { name: 'Site', exact: true });
  await siteForm.getByLabel('Site name').fill('Liverpool Central One Stop Shop');
  await siteForm.getByRole('button', { name: 'Save' }).click();
  await expect(siteForm.getByRole('status')).toHaveText('The site’s name and time zone have been saved.');
  await expect(page.getByRole('banner')).toContainText('Liverpool Central One Stop Shop');

  const tickets = page.getByRole('form', { name: 'Tickets' });
  await tickets.getByLabel('Paper for tickets and receipts').selectOption({ label: 'A5 sheets' });
  await tickets.getByLabel('Priority head start, in minutes').fill('20');
  await tickets.getByRole('button', { name: 'Save' }).click();
  await expect(tickets.getByRole('status')).toHaveText('The ticket settings have been saved.');

  const idle = page.getByRole('form', { name: 'Idle lock' });
  await idle.getByLabel('Lock a screen after this many idle minutes').fill('0');
  await idle.getByRole('button', { name: 'Save' }).click();
  await expect(idle.locator('#settings-idle-sessionIdleMinutes-error')).toContainText('Enter a number from 1 to 720.');
  await idle.getByLabel('Lock a screen after this many idle minutes').fill('45');
  await idle.getByRole('button', { name: 'Save' }).click();
  await expect(idle.getByRole('status')).toHaveText('The idle lock has been saved.');
  expect(await hub.call('getSettings', {}, manager.token)).toMatchObject({
    siteName: 'Liverpool Central One Stop Shop',
    ticketPaper: 'a5',
    priorityHeadStartMinutes: 20,
    sessionIdleMinutes: 45,
  });

  // This hub's store was opened with a passphrase (`serve`), so one is set: replacing it is a choice of its own.
  const recovery = page.getByRole('form', { name: 'Recovery passphrase' });
  await expect(recovery).toContainText('A recovery passphrase is set.');
  const secret = 'plum kettle harbour seventeen';
  await recovery.getByLabel('New recovery passphrase').fill(secret);
  await recovery.getByLabel('Type the passphrase again').fill(`${secret}!`);
  await recovery.getByLabel('Your PIN').fill(site.managerPin);
  await recovery.getByRole('button', { name: 'Replace recovery passphrase' }).click();
  await expect(recovery.locator('#settings-passphrase-passphraseAgain-error')).toContainText('The two passphrases are not the same.');
  await recovery.getByLabel('Type the passphrase again').fill(secret);
  await recovery.getByLabel('Your PIN').fill(site.managerPin);
  await recovery.getByRole('button', { name: 'Replace recovery passphrase' }).click();
  await expect(recovery.locator('#settings-passphrase-replace-error')).toContainText('A recovery passphrase is already set.');
  await expect(recovery.getByLabel('New recovery passphrase')).toHaveValue(secret);
  await recovery.getByLabel('Replace the recovery passphrase that is set now').check();
  await recovery.getByLabel('Your PIN').fill(site.managerPin);
  await recovery.getByRole('button', { name: 'Replace recovery passphrase' }).click();
  await expect(recovery.getByRole('status')).toHaveText('The recovery passphrase has been set. Keep the written copy locked away.');
  await expect(recovery.getByLabel('New recovery passphrase')).toHaveValue('');
  await expect(recovery.getByLabel('Replace the recovery passphrase that is set now')).not.toBeChecked();
  expect(await page.content()).not.toContain(secret);
});

test('the settings page by keyboard, with no serious axe findings, at 1280×800 and 1920×1080', async ({ page, hub }) => {
  // A long page: axe and full-page screenshots of it take a while on a busy machine.
  test.setTimeout(180_000);
  const manager = await setUpSite(hub);
  await addStaff(hub, manager, rita.name, 'receptionist', rita.pin);
  await addStaff(hub, manager, adam.name, 'advisor', adam.pin);
  await openSettings(page, hub);
  await expect(part(page, 'Services').getByRole('row', { name: /Council Tax/ })).toBeVisible();
  await expect(part(page, 'Staff').getByRole('row', { name: /Adam Advisor/ })).toBeVisible();

  // The contents list moves focus to a part's heading, and the route stays on Settings.
  const contents = page.getByRole('navigation', { name: 'On this page' });
  await contents.getByRole('link', { name: 'Records kept' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Records kept' })).toBeFocused();
  await expect(page).toHaveURL(/#\/settings$/);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Keep visits for this many days')).toBeFocused();

  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'manager-settings-1280');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'manager-settings-1920');
});

test('a receptionist and an advisor asking for Settings are sent to their own home', async ({ page, hub }) => {
  const manager = await setUpSite(hub);
  await addStaff(hub, manager, rita.name, 'receptionist', rita.pin);
  await addStaff(hub, manager, adam.name, 'advisor', adam.pin);

  for (const [person, home, hash] of [
    [rita, 'Reception', /#\/reception$/],
    [adam, 'Desk', /#\/desk$/],
  ] as const) {
    await page.goto(hub.url);
    await signInAs(page, person.name, person.pin);
    await expect(page.getByRole('heading', { level: 1, name: home })).toBeVisible();
    await page.evaluate(() => {
      window.location.hash = '#/settings';
    });
    await expect(page).toHaveURL(hash);
    await expect(page.getByRole('heading', { level: 1, name: home })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  }
});

test('the council’s case reference pattern: one a name could match is refused by its field and changes nothing; a good one is saved', async ({ page, hub }) => {
  test.setTimeout(180_000);
  const manager = await setUpSite(hub);
  await openSettings(page, hub);
  const form = page.getByRole('form', { name: 'Case references for erasure' });
  const field = form.getByLabel('Pattern of the council’s case references');
  await expect(field).toHaveValue('^[A-Z]{2,6}(-[0-9]{1,10}){1,3}$');

  await field.fill('^[A-Za-z ]+$');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(form.locator('.error-summary')).toContainText('that a person’s name cannot match');
  expect((await hub.call('getSettings', {}, manager.token)).caseReferencePattern).toBe('^[A-Z]{2,6}(-[0-9]{1,10}){1,3}$');

  await field.fill('^DPA/[0-9]{4}$');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('The case reference pattern has been saved.')).toBeVisible();
  expect((await hub.call('getSettings', {}, manager.token)).caseReferencePattern).toBe('^DPA/[0-9]{4}$');
});

test('in the desktop app, Tickets shows this PC’s printer and paper, marked where IT’s settings file fixed them', async ({ page, hub }) => {
  await setUpSite(hub);
  // The desktop shell's print bridge, as the preload exposes it on a PC IT has set up
  // (docs/it-setup.md); the shell's side is tested in test/shell/print-ipc.test.ts.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'deskPrint', {
      value: {
        print: () => Promise.resolve({ ok: true, printer: 'Star TSP143 (Reception)' }),
        setup: () => Promise.resolve({ printer: 'Star TSP143 (Reception)', printerSetByIt: true, itPaper: '80mm' }),
      },
    });
  });
  await openSettings(page, hub);
  const tickets = page.getByRole('form', { name: 'Tickets' });
  const thisPc = tickets.getByRole('region', { name: 'This PC’s printing' });
  await expect(thisPc).toContainText('Tickets and receipts print on Star TSP143 (Reception).');
  await expect(thisPc).toContainText('This PC prints on 80 mm receipt roll, whatever the paper above says.');
  await expect(thisPc.getByText('Set by your IT department')).toHaveCount(2);
  await thisPc.scrollIntoViewIfNeeded();
  await expectNoSeriousAxeViolations(page);
  await tickets.screenshot({ path: path.join(screensDir, 'settings-this-pc-printing.png'), animations: 'disabled', caret: 'hide' });
});

test('in a browser, Tickets says nothing of this PC’s printing: the browser prints through its own dialog', async ({ page, hub }) => {
  await setUpSite(hub);
  await openSettings(page, hub);
  await expect(page.getByRole('form', { name: 'Tickets' }).getByRole('region', { name: 'This PC’s printing' })).toHaveCount(0);
});
