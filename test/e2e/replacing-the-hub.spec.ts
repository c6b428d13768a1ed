import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { addStaff, expect, expectNoSeriousAxeViolations, setUpSite, signInAs, site, test } from './fixtures/hub.js';
import { repoRoot, screensDir } from './fixtures/paths.js';
import { passphrase } from './fixtures/serve-process.js';

const run = promisify(execFile);

/** The one-stop-queue program, as IT runs it on the hub PC (docs/replacing-the-hub.md). */
async function program(args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ONE_STOP_QUEUE_PASSPHRASE: passphrase, ...env },
  });
  return stdout;
}

const rita = { name: 'Rita Reception', pin: '1357' };
const adam = { name: 'Adam Advisor', pin: '9753' };
const newManagerPin = '8642';

test('on a hub taken over from a site file, the staff table says who has no PIN yet, and they cannot sign in until a manager sets one', async ({ page, hub }) => {
  test.setTimeout(180_000);
  const manager = await setUpSite(hub);
  await addStaff(hub, manager, rita.name, 'receptionist', rita.pin);
  await addStaff(hub, manager, adam.name, 'advisor', adam.pin);

  // The old hub's store is exported and put aside; a new, empty store takes the site file in its place.
  await hub.serve.stop();
  const dataDir = hub.serve.dataDir;
  const file = path.join(path.dirname(dataDir), 'site.osq.json');
  await program(['export-site', '--data-dir', dataDir, '--out', file]);
  fs.renameSync(dataDir, `${dataDir}-old-hub`);
  await program(['import-site', file, '--data-dir', dataDir]);
  await program(['reset-manager-pin', '--data-dir', dataDir, '--manager', site.manager], { ONE_STOP_QUEUE_NEW_PIN: newManagerPin });
  await hub.serve.restart();

  await page.goto(hub.url);
  // Rita's old PIN means nothing here: she is told to ask a manager.
  await signInAs(page, rita.name, rita.pin);
  await expect(page.getByRole('alert')).toContainText('No PIN has been set for you on this hub yet. Ask a manager to set one');
  await page.goto(hub.url);
  await signInAs(page, site.manager, newManagerPin);
  await expect(page.getByRole('heading', { level: 1, name: 'Manager' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const staff = page.getByRole('region', { name: 'Staff', exact: true });
  await expect(staff.getByRole('row', { name: /Rita Reception/ })).toContainText('No PIN yet');
  await expect(staff.getByRole('row', { name: /Adam Advisor/ })).toContainText('No PIN yet');
  await expect(staff.getByRole('row', { name: /Mia Manager/ })).not.toContainText('No PIN yet');
  await expectNoSeriousAxeViolations(page);
  // The Staff part alone: the whole settings page is too long to read the table in.
  await staff.screenshot({ path: path.join(screensDir, 'manager-settings-staff-no-pin-yet.png'), animations: 'disabled', caret: 'hide' });

  await staff.getByRole('button', { name: 'Reset PIN of Rita Reception' }).click();
  const pinForm = page.getByRole('form', { name: 'Reset the PIN of Rita Reception' });
  await pinForm.getByLabel('New PIN').fill('4321');
  await pinForm.getByLabel('Your PIN').fill(newManagerPin);
  await pinForm.getByLabel('Your PIN').press('Enter');
  await expect(staff.getByRole('status')).toHaveText('Rita Reception has a new PIN and can sign in with it.');
  await expect(staff.getByRole('row', { name: /Rita Reception/ })).not.toContainText('No PIN yet');
  await expect(staff.getByRole('row', { name: /Adam Advisor/ })).toContainText('No PIN yet');
  const ritaId = (await hub.call('listSignInStaff', {})).find((member) => member.name === rita.name)!.id;
  await hub.call('signIn', { staffId: ritaId, pin: '4321' });
});
