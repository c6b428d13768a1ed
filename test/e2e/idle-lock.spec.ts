import { addStaff, expect, setUpSite, signInAs, site, test } from './fixtures/hub.js';

test('after the idle time with nothing pressed, the screen returns to sign-in and says why', async ({ page, hub }) => {
  await setUpSite(hub);
  await page.clock.install();
  await page.goto(hub.url);
  await signInAs(page, site.manager, site.managerPin);
  await expect(page.getByRole('heading', { level: 1, name: 'Manager' })).toBeVisible();

  // The site's default idle time is 30 minutes.
  await page.clock.fastForward('29:00');
  await expect(page.getByRole('heading', { level: 1, name: 'Manager' })).toBeVisible();
  await page.clock.fastForward('01:30');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(
    'You were signed out because this screen was not used for a while. Sign in again to carry on.',
  );
});

test('a call answered "unauthenticated" ends the session on screen, calmly', async ({ page, hub }) => {
  const manager = await setUpSite(hub);
  await addStaff(hub, manager, 'Rita Reception', 'receptionist', '1357');
  await page.clock.install();
  await page.goto(hub.url);
  await signInAs(page, 'Rita Reception', '1357');
  await expect(page.getByRole('heading', { level: 1, name: 'Reception' })).toBeVisible();

  // A manager sets a new PIN, which ends Rita's sessions on the hub.
  const rita = (await hub.call('listStaff', {}, manager.token)).find((member) => member.name === 'Rita Reception');
  if (rita === undefined) throw new Error('Rita is missing');
  await hub.call('setStaffPin', { staffId: rita.id, pin: '8642', managerPin: '2468' }, manager.token);

  // Rita keeps working; halfway through the idle time the screen checks in with the hub.
  await page.clock.fastForward('16:00');
  await page.keyboard.press('Shift');
  await page.clock.fastForward('00:10');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Your session has ended. Sign in again to carry on.');
});
