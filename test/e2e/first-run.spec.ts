import { expect, expectNoSeriousAxeViolations, saveScreen, site, test } from './fixtures/hub.js';

test('first-run setup signs the first manager in, and sign-out returns to sign-in', async ({ page, hub }) => {
  await page.goto(hub.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up this site' })).toBeVisible();
  await expect(page).toHaveTitle('Set up this site – One Stop Queue');
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/London');
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'setup');

  // Nothing filled in: every field says what it needs, before anything is sent.
  await page.getByRole('button', { name: 'Set up and sign in' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(page.getByLabel('Site name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Your name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Choose a PIN')).toHaveAttribute('aria-describedby', /setup-manager-pin-error/);
  await expect(page.locator('#setup-manager-pin-error')).toHaveText('Error: A PIN is 4 to 8 digits.');
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'setup-errors');

  await page.getByLabel('Site name').fill(site.name);
  await page.getByLabel('Your name').fill(site.manager);
  await page.getByLabel('Choose a PIN').fill(site.managerPin);
  await page.getByLabel('Type the PIN again').fill('1111');
  await page.getByLabel('Type the PIN again').press('Enter');
  await expect(page.locator('#setup-pinAgain-error')).toContainText('The two PINs are not the same.');

  await page.getByLabel('Type the PIN again').fill(site.managerPin);
  await page.getByLabel('Type the PIN again').press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Manager' })).toBeVisible();
  await expect(page).toHaveURL(/#\/manager$/);
  await expect(page).toHaveTitle(`Manager – ${site.name} – One Stop Queue`);
  const banner = page.getByRole('banner');
  await expect(banner).toContainText(site.name);
  await expect(banner).toContainText(`Signed in as ${site.manager}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Live board' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('You have signed out.');
  await expect(page).toHaveURL(/#\/sign-in$/);

  // Keyboard only: focus starts on the first name; Enter picks it, the PIN field takes focus.
  const name = page.getByRole('button', { name: new RegExp(`^${site.manager}`) });
  await expect(name).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('PIN', { exact: true })).toBeFocused();
  await page.keyboard.type(site.managerPin);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Manager' })).toBeVisible();
});

test('Escape on the PIN goes back to the names', async ({ page, hub }) => {
  await hub.call('setupSite', { siteName: site.name, timeZone: 'Europe/London', manager: { name: site.manager, pin: site.managerPin } });
  await page.goto(hub.url);
  await page.getByRole('button', { name: new RegExp(`^${site.manager}`) }).click();
  await expect(page.getByRole('heading', { name: `Enter your PIN, ${site.manager}` })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: new RegExp(`^${site.manager}`) })).toBeFocused();
});
