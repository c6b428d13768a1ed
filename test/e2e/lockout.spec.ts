import { addStaff, expect, expectNoSeriousAxeViolations, saveScreen, setUpSite, signInAs, site, test } from './fixtures/hub.js';

const rita = { name: 'Rita Reception', pin: '1357' };

test('five wrong PINs lock the account; the sixth try is refused even with the right PIN; a manager unlocks it', async ({ page, hub }) => {
  // The unlock is on the Settings page, whose axe check takes a while on a busy 2-core machine.
  test.setTimeout(180_000);
  const manager = await setUpSite(hub);
  await addStaff(hub, manager, rita.name, 'receptionist', rita.pin);

  await page.goto(hub.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'sign-in');

  await page.getByRole('button', { name: /^Rita Reception/ }).click();
  const pin = page.getByLabel('PIN', { exact: true });
  await expect(pin).toBeFocused();
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'sign-in-pin');

  const summary = page.locator('.error-summary');
  for (let wrong = 1; wrong <= 4; wrong += 1) {
    await pin.fill('0000');
    await pin.press('Enter');
    const left = 5 - wrong;
    await expect(summary).toContainText(`That PIN is wrong. ${left} more wrong PIN${left === 1 ? '' : 's'} will lock this account.`);
    // The field is cleared and keeps focus, so the next try can be typed at once.
    await expect(pin).toHaveValue('');
    await expect(pin).toBeFocused();
    await expect(pin).toHaveAttribute('aria-invalid', 'true');
    if (wrong === 1) {
      await expectNoSeriousAxeViolations(page);
      await saveScreen(page, 'sign-in-wrong-pin');
    }
  }

  await pin.fill('0000');
  await pin.press('Enter');
  await expect(summary).toContainText('Too many wrong PINs.');
  await expect(summary).toContainText('Account locked');

  await pin.fill(rita.pin);
  await pin.press('Enter');
  await expect(summary).toContainText('Too many wrong PINs. Try again in 5 minutes, or ask a manager to unlock you.');
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'sign-in-locked');

  // The manager sees the lock and clears it.
  await page.keyboard.press('Escape');
  await signInAs(page, site.manager, site.managerPin);
  await expect(page.getByRole('heading', { level: 1, name: 'Manager' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const row = page.getByRole('row', { name: /Rita Reception/ });
  await expect(row).toContainText(/Locked until \d\d:\d\d/);
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'manager-staff');
  await row.getByRole('button', { name: 'Unlock Rita Reception' }).click();
  // Unlocking asks for the manager's own PIN again; a wrong one is refused by the field.
  const confirm = page.locator('form').filter({ hasText: 'Unlock Rita Reception' });
  await expect(confirm.getByLabel('Your PIN')).toBeFocused();
  await page.keyboard.type('0000');
  await page.keyboard.press('Enter');
  await expect(confirm.locator('#unlock-staff-managerPin-error')).toContainText('That PIN is wrong.');
  await expect(row).toContainText(/Locked until/);
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'manager-unlock-confirm');
  await page.keyboard.type(site.managerPin);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Rita Reception can sign in again.');
  await expect(row).toContainText('Active');
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signInAs(page, rita.name, rita.pin);
  await expect(page.getByRole('heading', { level: 1, name: 'Reception' })).toBeVisible();
});
