/**
 * `npm run screenshots`: copies the screens the browser tests took (test-results/screens/, made
 * by `npm run test:e2e` from the real app) into docs/screenshots/ under the names the docs use,
 * so every picture in the guides is the app as it is. Run after the browser tests; a screen
 * they did not take this time is named, and nothing is copied.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The docs' name → the browser tests' name (without .png). */
export const docsScreenshots: Readonly<Record<string, string>> = {
  'sign-in': 'sign-in',
  'reception-form': 'reception-form',
  'reception-issued': 'reception-issued',
  'ticket-80mm': 'ticket-80mm',
  'receipt-80mm': 'receipt-80mm',
  'desk-1366': 'desk-1366',
  'desk-1920': 'desk-1920',
  'display-1280': 'display-1280',
  'display-1920': 'display-1920',
  'manager-board-1280': 'manager-board-1280',
  'manager-board-1920': 'manager-board-1920',
  'manager-report-1280': 'manager-report-1280',
  'manager-report-1920': 'manager-report-1920',
  'manager-settings-1280': 'manager-settings-1280',
  'manager-settings-1920': 'manager-settings-1920',
  'manager-add-staff-errors': 'manager-add-staff-errors',
  'manager-unlock-confirm': 'manager-unlock-confirm',
  'data-protection-1280': 'data-protection-1280',
  'data-protection-1920': 'data-protection-1920',
  'lan-settings-1366': 'lan-settings-1366',
  'join-a-site': 'unlock-join',
  'join-a-site-it-fixed': 'unlock-join-it-fixed',
  'it-config-invalid': 'unlock-it-config-invalid',
  'settings-this-pc-printing': 'settings-this-pc-printing',
  'desk-hub-away-1366': 'lan-cut-desk-1366',
  'safety-alert': 'safety-alert',
  'staff-no-pin-yet': 'manager-settings-staff-no-pin-yet',
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const screensDir = path.join(root, 'test-results', 'screens');
export const docsScreenshotsDir = path.join(root, 'docs', 'screenshots');

function main(): number {
  const missing = Object.entries(docsScreenshots).filter(([, from]) => !fs.existsSync(path.join(screensDir, `${from}.png`)));
  if (missing.length > 0) {
    console.error(`These screens were not taken by the browser tests (run "npm run test:e2e" first): ${missing.map(([, from]) => from).join(', ')}. Nothing was copied.`);
    return 1;
  }
  fs.mkdirSync(docsScreenshotsDir, { recursive: true });
  for (const file of fs.readdirSync(docsScreenshotsDir)) if (file.endsWith('.png') && !(file.slice(0, -4) in docsScreenshots)) fs.rmSync(path.join(docsScreenshotsDir, file));
  for (const [name, from] of Object.entries(docsScreenshots)) fs.copyFileSync(path.join(screensDir, `${from}.png`), path.join(docsScreenshotsDir, `${name}.png`));
  console.warn(`Copied ${String(Object.keys(docsScreenshots).length)} screens into docs/screenshots/.`);
  return 0;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
