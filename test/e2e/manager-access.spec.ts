import { callNames, contract, type CallName } from '../../shared/contract/index.js';
import type { Role } from '../../shared/domain/staff.js';
import { sampleInputs } from '../fixtures/hub-fixtures.js';
import { addStaff, expect, setUpSite, signInAs, test } from './fixtures/hub.js';

const managersOnly = callNames.filter((name) => {
  const access = contract[name].access;
  return access !== 'public' && access.length === 1 && access[0] === 'manager';
});

const people: Array<{ name: string; role: Exclude<Role, 'manager'>; home: string }> = [
  { name: 'Rita Reception', role: 'receptionist', home: 'Reception' },
  { name: 'Adam Advisor', role: 'advisor', home: 'Desk' },
];

for (const person of people) {
  test(`${person.name}, ${person.role}, reaches none of the manager's board, reports or settings, on screen or through the API`, async ({ page, hub }) => {
    const manager = await setUpSite(hub);
    await addStaff(hub, manager, person.name, person.role, '1357');
    await page.goto(hub.url);
    await signInAs(page, person.name, '1357');
    await expect(page.getByRole('heading', { level: 1, name: person.home })).toBeVisible();
    // Nothing offers the manager's screens…
    for (const name of ['Manager', 'Reports', 'Settings']) await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
    // …and asking for them by address lands back at home.
    for (const hash of ['#/manager', '#/reports', '#/settings']) {
      await page.evaluate((to) => {
        window.location.hash = to;
      }, hash);
      await expect(page).toHaveURL(new RegExp(`#/${person.role === 'receptionist' ? 'reception' : 'desk'}$`));
      await expect(page.getByRole('heading', { level: 1, name: person.home })).toBeVisible();
    }

    // Every call for managers alone is refused with this person's session, whatever it asks.
    const session = await hub.call('signIn', { staffId: (await hub.call('listSignInStaff', {})).find((s) => s.name === person.name)!.id, pin: '1357' });
    expect(managersOnly).toEqual(expect.arrayContaining(['getLiveSnapshot', 'getReport', 'exportReportCsv', 'updateSettings', 'updateService', 'previewRetention', 'listStaff']));
    for (const name of managersOnly) {
      await expect(hub.call(name, sampleInputs[name as CallName] as never, session.token), name).rejects.toThrow(`${name}: forbidden`);
    }
    // And nothing changed: the site's settings are as they were.
    expect((await hub.call('getSettings', {}, manager.token)).retentionDays).toBe(28);
  });
}
