import type { Page } from '@playwright/test';
import path from 'node:path';
import { fingerprintCodePart, parsePairingCode } from '../../shared/lan-protocol.js';
import { expect, expectNoSeriousAxeViolations, saveScreen, setUpSite, signInAs, site, test, type Hub } from './fixtures/hub.js';
import { seedLan } from './fixtures/lan-seed.js';
import { screensDir } from './fixtures/paths.js';

// A long page, axe, and a restart of the hub to seed it: more than the default minute.
test.describe.configure({ timeout: 180_000 });

async function openLanSettings(page: Page, hub: Hub) {
  await page.goto(hub.url);
  await signInAs(page, site.manager, site.managerPin);
  await expect(page.getByRole('heading', { level: 1, name: 'Manager' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Desk PCs on the network' }).click();
  const part = page.getByRole('region', { name: 'Desk PCs on the network', exact: true });
  await expect(part.getByRole('heading', { level: 2 })).toBeFocused();
  return part;
}

/** `AB:CD:…` → the sixteen groups of four the screen shows. */
const groupsOf = (fingerprint: string) => fingerprint.replace(/:/g, '').match(/.{4}/g)!;

test('a manager turns LAN access on with their PIN, reads the fingerprint, makes a single-use pairing code, and withdraws a desk PC by name', async ({ page, hub }) => {
  await setUpSite(hub);
  // A hub that has made its certificates and has had two desk PCs join, written into its store.
  await hub.serve.stop();
  const seed = await seedLan(hub.serve.dataDir, [
    { label: 'RECEPTION-PC2', appVersion: '0.1.0' },
    { label: 'DESK-07', appVersion: '0.1.0' },
  ]);
  await hub.serve.restart();
  await page.setViewportSize({ width: 1366, height: 768 });
  const part = await openLanSettings(page, hub);

  await expect(part.getByText('LAN access is off.')).toBeVisible();
  // A code while it is off: refused, said plainly, nothing shown.
  await part.getByRole('button', { name: 'Make a pairing code' }).click();
  await expect(part.getByRole('alert')).toHaveText('Turn LAN access on first: a desk PC can only join while it is on.');
  await expect(part.locator('#lan-pairing-code')).toHaveCount(0);

  // On, confirmed with the manager's own PIN; a wrong one is refused by its field.
  await part.getByRole('button', { name: 'Turn LAN access on' }).click();
  const pin = part.getByLabel('Your PIN');
  await expect(pin).toBeFocused();
  await pin.fill('1111');
  await page.keyboard.press('Enter');
  await expect(part.locator('.error-summary')).toBeVisible();
  expect((await hub.call('getLanStatus', {}, await tokenOf(page))).enabled).toBe(false);
  await pin.fill(site.managerPin);
  await page.keyboard.press('Enter');
  await expect(part.getByRole('status').filter({ hasText: 'LAN access is on.' })).toBeVisible();
  await expect(part.getByText('LAN access is on.', { exact: true })).toBeVisible();
  await expect(part.getByRole('button', { name: 'Turn LAN access off' })).toBeFocused();

  // The fingerprint IT compares, in groups, with its expiry; and the renewed one announced.
  const facts = part.locator('.lan-facts');
  const shown = (await facts.locator('.lan-fingerprint').first().innerText()).split(/\s+/);
  expect(shown).toEqual(groupsOf(seed.current.fingerprint));
  expect((await facts.locator('.lan-fingerprint').nth(1).innerText()).split(/\s+/)).toEqual(groupsOf(seed.next.fingerprint));
  await expect(facts).toContainText(`Valid until ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' }).format(seed.current.notAfter)}`);
  await expect(facts).toContainText('Renewed certificate');

  // A code: large, in groups, naming this hub's certificate; valid ten minutes, with a countdown.
  await part.getByRole('button', { name: 'Make a pairing code' }).click();
  const code = part.locator('#lan-pairing-code');
  await expect(code).toBeFocused();
  const first = (await code.innerText()).trim();
  expect(first).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  expect(parsePairingCode(first)?.fingerprintPart).toBe(fingerprintCodePart(seed.current.fingerprint));
  await expect(part.getByText(/^Valid until \d\d:\d\d, once only\./)).toBeVisible();
  await expect(part.locator('.lan-code__left')).toHaveText(/^\((9 min \d\d s|10 min 00 s) left\)$/);
  await expect(part.getByRole('status').filter({ hasText: /^About (9|10) minutes left\.$/ })).toHaveCount(1);
  await expect(part).toContainText('choose “Join a site as a desk PC”');
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'lan-settings-1366');
  // The part itself, for a person to look at: the full page is long.
  await part.screenshot({ path: path.join(screensDir, 'lan-part-1366.png'), animations: 'disabled', caret: 'hide' });

  // Another: a new code replaces it.
  await part.getByRole('button', { name: 'Make another' }).click();
  await expect(code).not.toHaveText(first);

  // The desk PCs that joined, newest first; withdrawing one names it, and Escape keeps it.
  const table = part.getByRole('table', { name: 'Desk PCs paired with this hub, newest first' });
  await expect(table.getByRole('row')).toHaveCount(3);
  const desk07 = table.getByRole('row', { name: /DESK-07/ });
  await expect(desk07).toContainText('0.1.0');
  await expect(desk07).toContainText('Not yet');
  await desk07.getByRole('button', { name: 'Withdraw DESK-07' }).click();
  const confirm = part.getByRole('group', { name: 'Withdraw DESK-07?' });
  await expect(confirm).toContainText('everyone signed in on it is signed out');
  await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(desk07.getByRole('button', { name: 'Withdraw DESK-07' })).toBeFocused();
  await page.keyboard.press('Enter');
  await confirm.getByRole('button', { name: 'Withdraw DESK-07' }).click();
  await expect(part.getByRole('status').filter({ hasText: 'DESK-07 has been withdrawn.' })).toBeVisible();
  await expect(desk07).toContainText('Withdrawn');
  await expect(desk07.getByRole('button')).toHaveCount(0);
  await expect(table.getByRole('row', { name: /RECEPTION-PC2/ }).getByRole('button', { name: 'Withdraw RECEPTION-PC2' })).toBeVisible();
  const devices = await hub.call('listDevices', {}, await tokenOf(page));
  expect(devices.find((d) => d.label === 'DESK-07')?.revokedAt).not.toBeNull();
  expect(devices.find((d) => d.label === 'RECEPTION-PC2')?.revokedAt).toBeNull();

  await page.setViewportSize({ width: 1920, height: 1080 });
  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'lan-settings-1920');
  await part.screenshot({ path: path.join(screensDir, 'lan-part-1920.png'), animations: 'disabled', caret: 'hide' });

  // Off again, with the PIN: the code on screen goes with it.
  await part.getByRole('button', { name: 'Turn LAN access off' }).click();
  await part.getByLabel('Your PIN').fill(site.managerPin);
  await page.keyboard.press('Enter');
  await expect(part.getByText('LAN access is off.', { exact: true })).toBeVisible();
  await expect(code).toHaveCount(0);
});

async function tokenOf(page: Page): Promise<string> {
  const kept = await page.evaluate(() => sessionStorage.getItem('one-stop-queue.session'));
  return (JSON.parse(kept!) as { token: string }).token;
}

test('a pairing code runs out after ten minutes on this PC’s clock, says so, and another can be made', async ({ page, hub }) => {
  await setUpSite(hub);
  await hub.serve.stop();
  await seedLan(hub.serve.dataDir, []);
  await hub.serve.restart();
  // Turned on by API: the screen's own switch is the test above.
  await hub.call('setLanAccess', { enabled: true, managerPin: site.managerPin }, (await signInOverApi(hub)).token);
  // The page's clock runs as usual until it is moved on; the hub's is the real one.
  await page.clock.install();
  const part = await openLanSettings(page, hub);
  await expect(part.getByText('LAN access is on.', { exact: true })).toBeVisible();
  await expect(part.getByText('No desk PC has joined yet.')).toBeVisible();

  await part.getByRole('button', { name: 'Make a pairing code' }).click();
  const code = part.locator('#lan-pairing-code');
  await expect(code).toBeFocused();
  await page.clock.fastForward('05:00');
  await expect(part.getByRole('status').filter({ hasText: /^About 5 minutes left\.$/ })).toHaveCount(1);
  await page.clock.fastForward('05:01');
  await expect(part.getByRole('status').filter({ hasText: 'This code has run out. Make another.' })).toBeVisible();
  await expect(part.locator('.lan-code__left')).toHaveCount(0);
  const old = (await code.innerText()).trim();

  await part.getByRole('button', { name: 'Make another' }).click();
  await expect(code).not.toHaveText(old);
  await expect(part.locator('.lan-code__left')).toHaveText(/^\((9 min \d\d s|10 min 00 s) left\)$/);
});

/** The manager signed in over the API (sessions do not outlive a restart of the hub). */
async function signInOverApi(hub: Hub) {
  const staff = await hub.call('listSignInStaff', {});
  const me = staff.find((member) => member.name === site.manager)!;
  return hub.call('signIn', { staffId: me.id, pin: site.managerPin });
}
