import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSiteLog } from '../../electron/core/site-log.js';
import { startHub } from '../../electron/hub/index.js';
import type { Session } from '../../shared/domain/staff.js';
import { callOk, postCall } from '../fixtures/hub-fixtures.js';
import { day, issueInput, managerPin, managerToken, openAllHours, serviceIdOf, tuesday } from '../fixtures/queue-fixtures.js';
import { openTestSite, tempDir } from '../fixtures/temp-site.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Visitors whose every field is distinctive, some of it hostile, so a leak of any one is found. */
const visitors = [
  { name: 'Oluwaseun Fairweather', addressLines: ['17 Quarrybank Terrace', 'Kirkdale'], postcode: 'L4 3QZ', reason: 'Housing benefit backdating request' },
  { name: "Seán O'Brien-Ní Bhriain", addressLines: ['Flat 2, 9 Hope Street'], postcode: 'L1 9BQ', reason: 'Council tax reduction appeal' },
  { name: 'Robert"); DROP TABLE visits;--', addressLines: ['<script>alert(1)</script> Lane'], postcode: 'L20 7DN', reason: 'Blue badge ${jndi:ldap://x} renewal' },
  { name: 'Zofia Wiśniewska-Łęcka', addressLines: ['5 Rue de Paris', 'Toxteth'], postcode: 'L8 0SY', reason: 'Parking permit — for a carer' },
];
const receptionPin = '8642';

describe('the site log, while a real hub is used', () => {
  it('records purges and rate-limited sign-ins, and holds no visitor’s data, token, PIN or passphrase', async () => {
    const { dir, remove } = tempDir('osq-log-privacy-');
    cleanups.push(remove);
    const logDir = path.join(dir, 'logs');
    const log = await openSiteLog({ dir: logDir, program: 'serve' });
    cleanups.push(() => log.close());
    const t = await openTestSite({ now: tuesday(9, 0), log });
    cleanups.push(() => t.close());
    await openAllHours(t);
    const hub = await startHub({ site: t.site, host: '127.0.0.1', port: 0, log, signInLimit: { max: 3, timeWindowMs: 60_000 } });
    cleanups.push(() => hub.close());

    const rita = await callOk<{ id: number }>(hub.url, 'createStaff', { name: 'Rita Reception', role: 'receptionist', pin: receptionPin, managerPin }, managerToken(t));
    const session = await callOk<Session>(hub.url, 'signIn', { staffId: rita.id, pin: receptionPin }, null);
    for (const visitor of visitors) {
      await callOk(hub.url, 'issueTicket', issueInput(serviceIdOf(t, 'C'), visitor), session.token);
    }
    // A wrong PIN until the door limits this address.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await postCall(hub.url, 'signIn', { staffId: rita.id, pin: '0000' })).status);
    expect(statuses.at(-1)).toBe(429);
    // A refusal whose input is a visitor's data.
    expect((await postCall(hub.url, 'issueTicket', { ...issueInput(serviceIdOf(t, 'C'), visitors[0]), serviceId: 'Oluwaseun' }, { token: session.token })).status).toBe(400);

    // Past the 28 days: the hourly purge takes the four visits.
    t.clock.set(t.clock.now() + 30 * day);
    t.site.tick();
    // A manager's "purge now" is logged too.
    await callOk(hub.url, 'runPurge', {}, managerToken(t));
    await hub.close();
    t.site.close();
    await log.close();

    const text = fs.readdirSync(logDir).map((file) => fs.readFileSync(path.join(logDir, file), 'utf8')).join('');
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((line) => line.event === 'purge')).toEqual([
      expect.objectContaining({ trigger: 'startup', visitsDeleted: 0 }),
      expect.objectContaining({ trigger: 'hourly', visitsDeleted: visitors.length }),
      expect.objectContaining({ trigger: 'manual', visitsDeleted: 0 }),
    ]);
    expect(lines).toContainEqual(expect.objectContaining({ event: 'rate-limited', door: 'local', call: 'signIn', level: 'warn' }));

    const secrets = [
      ...visitors.flatMap((v) => [v.name, ...v.addressLines, v.postcode, v.reason]),
      'Oluwaseun',
      'Quarrybank',
      'Rita Reception',
      session.token,
      t.manager.token,
      receptionPin,
      managerPin,
      fs.readFileSync(path.join(t.dir, 'site.key'), 'utf8').trim(),
    ];
    for (const secret of secrets) expect(text, secret).not.toContain(secret);
    // The postcodes as the core normalised them, too.
    for (const postcode of ['L43QZ', 'L4 3QZ', 'L1 9BQ']) expect(text).not.toContain(postcode);
  });
});
