import { expect, setUpSite, signInAs, site, test } from './fixtures/hub.js';

test('the page is served with a strict CSP, and an injected inline script does not run', async ({ page, hub }) => {
  const ownViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) ownViolations.push(message.text());
  });
  await setUpSite(hub);
  const response = await page.goto(hub.url);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  // The page may open a WebSocket to its own hub only, not to any ws: address.
  const connectSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('connect-src')) ?? '';
  expect(connectSrc.split(/\s+/)).toEqual(['connect-src', "'self'", `ws://${new URL(hub.url).host}`]);

  // The app itself breaks no rule of the policy: no inline script or style anywhere.
  await signInAs(page, site.manager, site.managerPin);
  await expect(page.getByRole('heading', { level: 1, name: 'Manager' })).toBeVisible();
  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(await page.locator('style').count()).toBe(0);
  expect(ownViolations).toEqual([]);

  const outcome = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) => {
      document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true });
    });
    const script = document.createElement('script');
    script.textContent = 'window.__pwned = true;';
    document.body.append(script);
    const directive = await Promise.race([violation, new Promise<string>((resolve) => setTimeout(() => resolve('none'), 3000))]);
    return { pwned: (window as Window & { __pwned?: boolean }).__pwned, directive };
  });
  expect(outcome.pwned).toBeUndefined();
  expect(outcome.directive).toMatch(/^script-src/);
});

test('the session is kept in this tab only (sessionStorage, never localStorage or cookies): F5 keeps it, sign-out then F5 does not', async ({ page, hub }) => {
  await setUpSite(hub);
  await page.goto(hub.url);
  await signInAs(page, site.manager, site.managerPin);
  await expect(page.getByRole('heading', { level: 1, name: 'Manager' })).toBeVisible();
  const stored = await page.evaluate(() => ({ local: localStorage.length, session: Object.keys(sessionStorage) }));
  expect(stored).toEqual({ local: 0, session: ['one-stop-queue.session'] });
  expect(await page.context().cookies()).toEqual([]);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Manager' })).toBeVisible();
  // The kept session still works on the hub: the live board (managers only) loads.
  await expect(page.getByRole('row', { name: /Council Tax/ })).toBeVisible();

  // A tab opened afresh does not share it.
  const other = await page.context().newPage();
  await other.goto(hub.url);
  await expect(other.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await other.close();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('a kept session the hub does not know is never shown after F5: sign-in says the session ended', async ({ page, hub }) => {
  await setUpSite(hub);
  await page.goto(hub.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  // A well-formed session whose token the hub never issued (or has since forgotten: a restart).
  await page.evaluate(() => {
    const staff = { id: 1, name: 'Mia Manager', role: 'manager' };
    sessionStorage.setItem('one-stop-queue.session', JSON.stringify({ token: 'f'.repeat(64), staff, expiresAt: Date.now() + 3_600_000 }));
  });
  await page.reload();
  await expect(page.getByText('Your session has ended. Sign in again to carry on.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
});
