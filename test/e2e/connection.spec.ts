import { expect, expectNoSeriousAxeViolations, saveScreen, setUpSite, signInAs, site, test } from './fixtures/hub.js';

test('a banner says when the hub is unreachable and goes when it is back; a session lost with it is said calmly', async ({ page, hub }) => {
  await setUpSite(hub);
  await page.goto(hub.url);
  await signInAs(page, site.manager, site.managerPin);
  await expect(page.getByRole('heading', { level: 1, name: 'Manager' })).toBeVisible();
  const banner = page.getByRole('alert').filter({ hasText: 'No connection to the One Stop Queue hub' });
  await expect(banner).toHaveCount(0);

  await hub.serve.stop();
  await expect(banner).toBeVisible();
  // Still on the same screen: nothing is lost while the hub is away.
  await expect(page.getByRole('heading', { level: 1, name: 'Manager' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'connection-lost');

  // Sessions live in the hub's memory, so a restarted hub has forgotten this one.
  await hub.serve.restart();
  await expect(banner).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Your session has ended. Sign in again to carry on.');
});
