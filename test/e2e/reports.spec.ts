import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Session } from '../../shared/domain/staff.js';
import { addStaff, expect, expectNoSeriousAxeViolations, saveScreen, setUpSite, signInAs, site, test, type Hub } from './fixtures/hub.js';
import { screensDir } from './fixtures/paths.js';
import { countsOf, seedHistory, siteToday, type Counts, type HistorySite, type SeededHistory } from './fixtures/seed-history.js';
import { daysBefore } from '../bench/bench-store.js';

const advisors = ['Priya Advisor', 'Tomasz Advisor', 'Grace Advisor'];

/** A site with three desks, each with its advisor, ready to be given history. */
async function siteWithDesks(hub: Hub): Promise<{ manager: Session; history: HistorySite }> {
  const manager = await setUpSite(hub);
  const services = await hub.call('listServices', {}, manager.token);
  const desks: HistorySite['desks'] = [];
  const existing = await hub.call('listDesks', {}, manager.token);
  for (const [i, name] of advisors.entries()) {
    const deskId = existing[i]?.id ?? (await hub.call('createDesk', { name: `Desk ${i + 1}` }, manager.token)).id;
    await addStaff(hub, manager, name, 'advisor', '1357');
    const staff = await hub.call('listStaff', {}, manager.token);
    desks.push({ deskId, advisorId: staff.find((member) => member.name === name)!.id });
  }
  return { manager, history: { services: services.map((s) => ({ id: s.id, letter: s.letter })), desks } };
}

/** History written into the closed store, then `serve` started again (its start-up purge runs). */
async function seedAndRestart(hub: Hub, history: HistorySite, days: number, perDay: number): Promise<SeededHistory> {
  await hub.serve.stop();
  const seeded = await seedHistory(hub.serve.dataDir, history, { days, perDay });
  await hub.serve.restart();
  return seeded;
}

async function openReports(page: Page, hub: Hub): Promise<void> {
  await page.goto(hub.url);
  await signInAs(page, site.manager, site.managerPin);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
}

const longDay = (day: string) => format(new TZDate(`${day}T12:00:00Z`, 'UTC'), 'd MMMM yyyy');
const tableDay = (day: string) => format(new TZDate(`${day}T12:00:00Z`, 'UTC'), 'EEE d MMM yyyy');
const n = (value: number) => value.toLocaleString('en-GB');

async function showRange(page: Page, from: string, to: string): Promise<void> {
  await page.getByLabel('From', { exact: true }).fill(from);
  await page.getByLabel('To', { exact: true }).fill(to);
  await page.getByRole('button', { name: 'Show report' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toContainText(`Showing ${longDay(from)} to ${longDay(to)}.`);
}

/** The totals at the top and the figures under "Visitors by day" both say what was seeded. */
async function expectFigures(page: Page, expected: Counts, day: { key: string; counts: Counts }): Promise<void> {
  const headline = (figure: string) => page.locator(`[data-figure="${figure}"] dd`);
  await expect(headline('issued')).toHaveText(n(expected.issued));
  await expect(headline('served')).toHaveText(n(expected.served));
  await expect(headline('no-shows')).toHaveText(n(expected.noShow));
  const panel = page.locator('[data-panel="by-day"]');
  const figures = panel.locator('details');
  if ((await figures.getAttribute('open')) === null) await panel.getByText('Show the figures').click();
  await expect(panel.getByRole('row', { name: /^Total/ }).getByRole('cell')).toHaveText([n(expected.issued), n(expected.served), n(expected.noShow)]);
  await expect(panel.getByRole('row', { name: new RegExp(`^${tableDay(day.key)}`) }).getByRole('cell')).toHaveText([
    n(day.counts.issued),
    n(day.counts.served),
    n(day.counts.noShow),
  ]);
  const outcomes = page.locator('[data-panel="outcomes"]');
  await outcomes.getByText('Show the figures').click();
  await expect(outcomes.getByRole('row', { name: /^Cancelled/ }).getByRole('cell').first()).toHaveText(n(expected.cancelled));
}

test('a report counts exactly the visits seeded, before and after the purge rolls half of them into the anonymous figures; its CSV holds no visitor data', async ({ page, hub }) => {
  // Two starts of `serve` and a purge on a shared machine: room, not a timing assertion.
  test.slow();
  const { manager, history } = await siteWithDesks(hub);
  // 20 days inside the 28-day retention: all still visits when the report is first read.
  const seeded = await seedAndRestart(hub, history, 20, 30);
  const today = siteToday();
  const from = daysBefore(today, 20);
  const to = daysBefore(today, 1);
  const expected = countsOf(seeded.visits);
  const probe = daysBefore(today, 15);
  const day = { key: probe, counts: countsOf(seeded.visits.filter((v) => v.day === probe)) };

  await openReports(page, hub);
  await showRange(page, from, to);
  await expectFigures(page, expected, day);

  // The CSV, through the screen's own download: figures only, its totals row the same.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`one-stop-queue-report-${from}-to-${to}.csv`);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  const leaked = seeded.personal.filter((value) => csv.includes(value));
  expect(leaked, `visitor data in the CSV: ${leaked.slice(0, 5).join(' | ')}`).toEqual([]);
  const lines = csv.replace(/^\ufeff/, '').split('\r\n');
  expect(lines[0]).toMatch(/^grouping,key,label,issued,called,served,no_show,cancelled,/);
  const total = lines.find((line) => line.startsWith('total,'))!.split(',');
  expect(total.slice(3, 8).map(Number)).toEqual([expected.issued, expected.called, expected.served, expected.noShow, expected.cancelled]);

  // A shorter retention, then a purge: about half of those visits now live on only as figures.
  const session = await hub.call('signIn', { staffId: manager.staff.id, pin: site.managerPin });
  await hub.call('updateSettings', { retentionDays: 10, managerPin: site.managerPin }, session.token);
  const purge = await hub.call('runPurge', {}, session.token);
  expect(purge.visitsDeleted).toBeGreaterThan(expected.issued / 3);
  expect(purge.visitsDeleted).toBeLessThan(expected.issued);

  await page.getByRole('button', { name: 'Show report' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toContainText(`Showing ${longDay(from)} to ${longDay(to)}.`);
  await expectFigures(page, expected, day);
});

test('sixty days of history draw every chart, at 1280×800 and 1920×1080 and on A4', async ({ page, hub }) => {
  test.slow();
  const { history } = await siteWithDesks(hub);
  // 60 days: the start-up purge rolls the 32 oldest into the anonymous figures.
  const seeded = await seedAndRestart(hub, history, 60, 40);
  const today = siteToday();
  const from = daysBefore(today, 60);
  await openReports(page, hub);
  await showRange(page, from, today);
  await expect(page.locator('[data-figure="issued"] dd')).toHaveText(n(seeded.visits.length));
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toContainText(`Figures are held from ${longDay(from)}.`);

  const charts = page.locator('.report-panel__chart svg.recharts-surface');
  await expect(charts).toHaveCount(7);
  for (const id of ['by-day', 'within-target', 'no-shows', 'by-hour', 'outcomes', 'by-service', 'by-advisor']) {
    await expect(page.locator(`[data-panel="${id}"] .recharts-bar-rectangle, [data-panel="${id}"] .recharts-line-curve`).first()).toBeVisible();
  }
  await expect(page.locator('[data-panel="by-advisor"]')).toContainText('management information: not for publication');
  for (const name of advisors) await expect(page.locator('[data-panel="by-advisor"] table')).toContainText(name);

  await expectNoSeriousAxeViolations(page);
  await saveScreen(page, 'manager-report-1280');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(charts.first()).toHaveAttribute('width', /^(1[0-9]{3}|[2-9][0-9]{2})/);
  await saveScreen(page, 'manager-report-1920');

  // Paper: no masthead, form or buttons; every chart redrawn to the page's width.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.locator('form')).toBeHidden();
  await expect(charts.first()).toHaveAttribute('width', '700');
  await saveScreen(page, 'manager-report-print');
  await page.pdf({ path: path.join(screensDir, 'manager-report.pdf'), format: 'A4', printBackground: false });
});

test('an empty site says it has no figures yet, and a range that ends before it starts is refused on From', async ({ page, hub }) => {
  await setUpSite(hub);
  await openReports(page, hub);
  await expect(page.getByText('No tickets were issued on these dates.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toContainText('No figures are held yet');
  await expect(page.getByRole('button', { name: 'Download CSV' })).toHaveCount(0);

  await page.getByLabel('From', { exact: true }).fill('2026-03-10');
  await page.getByLabel('To', { exact: true }).fill('2026-03-01');
  await page.getByLabel('To', { exact: true }).press('Enter');
  await expect(page.getByLabel('From', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#report-range-from-error')).toContainText('The start date must be on or before the end date.');
  await expectNoSeriousAxeViolations(page);

  // A quick choice, by keyboard, puts it right.
  await page.getByRole('button', { name: 'Last 7 days' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('From', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(daysBefore(siteToday(), 6));
});

test('a receptionist who asks for #/reports is sent to Reception', async ({ page, hub }) => {
  const manager = await setUpSite(hub);
  await addStaff(hub, manager, 'Rita Reception', 'receptionist', '1357');
  await page.goto(hub.url);
  await signInAs(page, 'Rita Reception', '1357');
  await expect(page.getByRole('heading', { level: 1, name: 'Reception' })).toBeVisible();
  await page.evaluate(() => {
    window.location.hash = '#/reports';
  });
  await expect(page).toHaveURL(/#\/reception$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Reception' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toHaveCount(0);
});
