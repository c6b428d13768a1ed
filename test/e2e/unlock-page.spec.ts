import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { UnlockErrorCode, UnlockReply, UnlockState } from '../../shared/unlock-bridge.js';
import { unlockText as t } from '../../renderer/unlock/text.en-GB.js';
import { repoRoot, screensDir } from './fixtures/paths.js';

/*
 * The desktop app's unlock page (renderer/unlock/, as built) in Chromium, with a stand-in for the
 * shell's `window.deskUnlock`: Electron cannot run here. The shell's side of each step is tested
 * in test/shell/; this is the page: words, keyboard focus, where each error shows.
 */

const origin = 'http://unlock.test';
const rendererDir = path.join(repoRoot, 'out/renderer');
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.ico': 'image/x-icon' };

declare global {
  interface Window {
    /** What the stand-in bridge was asked, and what joinSite answers next. */
    unlockCalls: unknown[][];
    joinAnswers: Array<UnlockErrorCode | 'ok'>;
  }
}

async function openUnlockPage(page: Page, start: UnlockState): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.route(`${origin}/**`, async (route) => {
    const file = path.join(rendererDir, new URL(route.request().url()).pathname);
    if (!file.startsWith(rendererDir) || !fs.existsSync(file)) return route.fulfill({ status: 404 });
    return route.fulfill({ body: fs.readFileSync(file), contentType: types[path.extname(file)] ?? 'application/octet-stream' });
  });
  await page.addInitScript((first: UnlockState) => {
    let state = first;
    window.unlockCalls = [];
    window.joinAnswers = [];
    const reply = (next: UnlockState | null, code?: string): Promise<UnlockReply> => {
      if (next !== null) state = next;
      return Promise.resolve(code === undefined ? { ok: true, state } : ({ ok: false, code, state } as UnlockReply));
    };
    const record =
      (name: string, work: (argument?: unknown) => Promise<UnlockReply>) =>
      (argument?: unknown): Promise<UnlockReply> => {
        window.unlockCalls.push(argument === undefined ? [name] : [name, argument]);
        return work(argument);
      };
    Object.defineProperty(window, 'deskUnlock', {
      value: {
        getState: () => Promise.resolve(state),
        chooseHub: record('chooseHub', () => reply({ step: 'first-run', systemProtection: true })),
        chooseJoin: record('chooseJoin', () => reply({ step: 'join', suggestedLabel: 'WIRRAL-DESK-03', fixedAddress: null, roleFixed: false })),
        backToChoice: record('backToChoice', () => reply({ step: 'choose-role', systemProtection: true })),
        joinSite: record('joinSite', () => {
          const answer = window.joinAnswers.shift() ?? 'ok';
          return answer === 'ok' ? reply({ step: 'open' }) : reply(null, answer);
        }),
        useSystemProtection: record('useSystemProtection', () => reply({ step: 'recovery-offer' })),
        createWithPassphrase: record('createWithPassphrase', () => reply({ step: 'open' })),
        unlockWithPassphrase: record('unlockWithPassphrase', () => reply({ step: 'open' })),
        setRecoveryPassphrase: record('setRecoveryPassphrase', () => reply({ step: 'open' })),
        skipRecoveryPassphrase: record('skipRecoveryPassphrase', () => reply({ step: 'open' })),
        retry: () => Promise.resolve(state),
        quit: () => Promise.resolve(),
      },
    });
  }, start);
  await page.goto(`${origin}/unlock/index.html`);
}

async function saveScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screensDir, `${name}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test('the first run asks what this PC is, keyboard first, and goes on to the hub’s first-key choice or back', async ({ page }) => {
  await openUnlockPage(page, { step: 'choose-role', systemProtection: true });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.chooseRole.title);
  const hub = page.getByRole('button', { name: t.chooseRole.hub });
  await expect(hub).toBeFocused();
  await expect(hub).toHaveAccessibleDescription(t.chooseRole.hubHint);
  await expect(page.getByRole('button', { name: t.chooseRole.join })).toHaveAccessibleDescription(t.chooseRole.joinHint);
  await expectNoAxeViolations(page);
  await saveScreen(page, 'unlock-choose-role');

  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.firstRun.title);
  await saveScreen(page, 'unlock-first-run-with-back');
  await page.getByRole('button', { name: t.back }).click();
  await expect(page.getByRole('button', { name: t.chooseRole.hub })).toBeFocused();
  expect(await page.evaluate(() => window.unlockCalls)).toEqual([['chooseHub'], ['backToChoice']]);
});

test('the join form: the PC’s name filled in, each refusal in plain words by the field it concerns, the focus on it', async ({ page }) => {
  await openUnlockPage(page, { step: 'choose-role', systemProtection: true });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: t.chooseRole.join })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.join.title);
  const address = page.getByLabel(t.join.address);
  const code = page.getByLabel(t.join.code);
  const label = page.getByLabel(t.join.label);
  await expect(address).toBeFocused();
  await expect(label).toHaveValue('WIRRAL-DESK-03');
  await expectNoAxeViolations(page);
  await saveScreen(page, 'unlock-join');

  // Nothing typed: both missing fields at once, the focus on the first; nothing sent.
  await page.getByRole('button', { name: t.join.submit }).click();
  await expect(page.locator('#address-error')).toHaveText(t.join.addressMissing);
  await expect(page.locator('#code-error')).toHaveText(t.join.codeMissing);
  await expect(address).toBeFocused();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  expect(await page.evaluate(() => window.unlockCalls)).toEqual([['chooseJoin']]);
  await saveScreen(page, 'unlock-join-missing');

  await page.evaluate(() => {
    window.joinAnswers = ['hub-unreachable', 'pairing-refused', 'lan-off', 'update-desk', 'ok'];
  });
  await address.fill('192.168.1.20');
  await code.fill('7kq4 9xmp 2c3d 8f1a qw7r');
  await code.press('Enter');
  await expect(page.locator('#address-error')).toHaveText(t.errors['hub-unreachable']);
  await expect(page.locator('#code-error')).toBeEmpty();
  await expect(address).toBeFocused();
  await expect(address).toHaveAccessibleDescription(new RegExp(t.errors['hub-unreachable'].slice(0, 30)));
  await saveScreen(page, 'unlock-join-unreachable');

  await page.keyboard.press('Enter');
  await expect(page.locator('#code-error')).toHaveText(t.errors['pairing-refused']);
  await expect(page.locator('#address-error')).toBeEmpty();
  await expect(code).toBeFocused();

  // About the hub, not a field: said above the form, and read out.
  await page.keyboard.press('Enter');
  await expect(page.locator('#join-error')).toHaveText(t.errors['lan-off']);
  await expect(page.locator('#join-error')).toBeFocused();
  await page.getByRole('button', { name: t.join.submit }).click();
  await expect(page.locator('#join-error')).toHaveText(t.errors['update-desk']);
  await saveScreen(page, 'unlock-join-update-desk');

  await page.getByRole('button', { name: t.join.submit }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.opening);
  const joins = (await page.evaluate(() => window.unlockCalls)).filter(([name]) => name === 'joinSite');
  expect(joins).toHaveLength(5);
  expect(joins[0]).toEqual(['joinSite', { address: '192.168.1.20', code: '7kq4 9xmp 2c3d 8f1a qw7r', label: 'WIRRAL-DESK-03' }]);
});

test('a desk PC IT has set up: the hub’s address shown as fixed by IT, the focus on the code, no way back to the choice', async ({ page }) => {
  await openUnlockPage(page, { step: 'join', suggestedLabel: 'WIRRAL-DESK-03', fixedAddress: 'hub-pc:4781', roleFixed: true });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.join.title);
  const address = page.getByLabel(t.join.address);
  await expect(address).toHaveValue('hub-pc:4781');
  await expect(address).toHaveAttribute('readonly', '');
  await expect(address).toHaveAccessibleDescription(new RegExp(t.join.addressFixed));
  await expect(page.getByLabel(t.join.code)).toBeFocused();
  await expect(page.getByRole('button', { name: t.back })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await saveScreen(page, 'unlock-join-it-fixed');

  await page.evaluate(() => {
    window.joinAnswers = ['ok'];
  });
  await page.getByLabel(t.join.code).fill('7kq4 9xmp 2c3d 8f1a qw7r');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.unlockCalls)).toEqual([['joinSite', { address: 'hub-pc:4781', code: '7kq4 9xmp 2c3d 8f1a qw7r', label: 'WIRRAL-DESK-03' }]]);
});

test('a wrong IT settings file: the app goes no further and IT is told which file and which setting', async ({ page }) => {
  const detail = 'The IT settings file C:\\ProgramData\\One Stop Queue\\it-config.json was not used: "paper" must be one of "80mm", "a5". Correct it or remove it; nothing was changed.';
  await openUnlockPage(page, { step: 'blocked', problem: 'it-config-invalid', detail });
  await expect(page.getByText(t.blocked.problems['it-config-invalid'])).toBeVisible();
  await expect(page.getByText(detail)).toBeVisible();
  await expectNoAxeViolations(page);
  await saveScreen(page, 'unlock-it-config-invalid');
});
