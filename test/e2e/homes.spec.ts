import { addStaff, expect, expectNoSeriousAxeViolations, saveScreen, setUpSite, signInAs, site, test } from './fixtures/hub.js';

test('each role lands on its own home and may open only what its role allows', async ({ page, hub }) => {
  const manager = await setUpSite(hub);
  await addStaff(hub, manager, 'Rita Reception', 'receptionist', '1357');
  await addStaff(hub, manager, 'Adam Advisor', 'advisor', '9753');

  await page.goto(hub.url);
  await signInAs(page, 'Rita Reception', '1357');
  await expect(page.getByRole('heading', { level: 1, name: 'Reception' })).toBeVisible();
  await expect(page).toHaveTitle(`Reception – ${site.name} – One Stop Queue`);
  await expect(page.getByRole('banner')).toContainText('Signed in as Rita Reception');
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'reception-home');
  // A receptionist asking for the manager's home is taken back to Reception.
  await page.evaluate(() => {
    window.location.hash = '#/manager';
  });
  await expect(page).toHaveURL(/#\/reception$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Reception' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signInAs(page, 'Adam Advisor', '9753');
  await expect(page.getByRole('heading', { level: 1, name: 'Desk' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Advisor');
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'desk-home');
  await page.getByRole('button', { name: 'Sign out' }).click();

  // A manager may open every home, through the section links.
  await signInAs(page, site.manager, site.managerPin);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('link', { name: 'Manager' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Desk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Desk' })).toBeVisible();
  await nav.getByRole('link', { name: 'Reception' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reception' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'reception-home-as-manager');
});

test('a manager adds a member of staff; field errors come from the contract and from the core', async ({ page, hub }) => {
  await setUpSite(hub);
  await page.goto(hub.url);
  await signInAs(page, site.manager, site.managerPin);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const form = page.locator('form').filter({ hasText: 'Add a member of staff' });

  await form.getByRole('button', { name: 'Add member of staff' }).click();
  await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.locator('#add-staff-pin-error')).toContainText('A PIN is 4 to 8 digits.');

  // Checked by the core alone: names are unique on a site.
  await form.getByLabel('Name').fill(site.manager);
  await form.getByLabel('First PIN').fill('4321');
  await form.getByLabel('Your PIN').fill(site.managerPin);
  await form.getByLabel('Your PIN').press('Enter');
  await expect(form.locator('#add-staff-name-error')).toContainText('This name is already used.');
  await expect(form.locator('.error-summary')).toContainText('Someone on this site already has that name.');
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'manager-add-staff-errors');

  await form.getByLabel('Name').fill('Adam Advisor');
  await form.getByLabel('Role').selectOption({ label: 'Advisor' });
  await form.getByLabel('First PIN').fill('4321');
  // A refusal empties "Your PIN": it is typed again, never resent by accident.
  await expect(form.getByLabel('Your PIN')).toHaveValue('');
  await form.getByLabel('Your PIN').fill(site.managerPin);
  await form.getByLabel('Your PIN').press('Enter');
  await expect(page.getByRole('status')).toHaveText('Adam Advisor has been added and can sign in.');
  await expect(page.getByRole('row', { name: /Adam Advisor/ })).toContainText('Advisor');
  await expect(form.getByLabel('Name')).toHaveValue('');
});
