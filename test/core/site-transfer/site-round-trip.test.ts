import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKeyFile } from '../../../electron/core/keystore/index.js';
import { openSite } from '../../../electron/core/open-site.js';
import { hashPin } from '../../../electron/core/pins.js';
import { exportSite, importSite } from '../../../electron/core/site-transfer/site-transfer.js';
import { DeskFailure } from '../../../shared/errors.js';
import { managerPin } from '../../fixtures/queue-fixtures.js';
import { openTestSite, tempDir, type TestSite } from '../../fixtures/temp-site.js';

/** Names as a manager types them: letters from several alphabets, spaces, apostrophes, hyphens. */
const name = (max: number) => fc.stringMatching(new RegExp(`^[A-Za-zÀ-ÿŁłŚśĐđ'’ .-]{1,${String(max)}}$`)).filter((s) => /[A-Za-zÀ-ÿ]/.test(s));

/** One thing a manager does to the site's settings through the contract. */
const change = fc.oneof(
  fc.record({ kind: fc.constant('service' as const), name: name(60), letter: fc.constantFrom(...'AEFIJKLMNOQRSTUVXYZ'), targetWaitMinutes: fc.integer({ min: 1, max: 480 }), order: fc.integer({ min: 0, max: 999 }) }),
  fc.record({ kind: fc.constant('service-off' as const), index: fc.nat(6) }),
  fc.record({ kind: fc.constant('desk' as const), name: name(40) }),
  fc.record({ kind: fc.constant('desk-off' as const), index: fc.nat(3) }),
  fc.record({ kind: fc.constant('staff' as const), name: name(60), role: fc.constantFrom('receptionist' as const, 'advisor' as const, 'manager' as const) }),
  fc.record({ kind: fc.constant('staff-off' as const), index: fc.nat(3) }),
  fc.record({
    kind: fc.constant('settings' as const),
    siteName: name(80),
    timeZone: fc.constantFrom('Europe/London', 'Europe/Dublin', 'Atlantic/Canary', 'UTC'),
    retentionDays: fc.integer({ min: 1, max: 28 }),
    openingHours: fc.record(
      Object.fromEntries(
        (['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const).map((day) => [
          day,
          fc.option(fc.constantFrom({ open: '09:00', lastTicket: '16:30', close: '17:00' }, { open: '08:15', lastTicket: '12:00', close: '12:30' }), { nil: null }),
        ]),
      ) as Record<'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday', fc.Arbitrary<{ open: string; lastTicket: string; close: string } | null>>,
    ),
    priorityHeadStartMinutes: fc.integer({ min: 0, max: 240 }),
    sessionIdleMinutes: fc.integer({ min: 1, max: 720 }),
    auditRetentionDays: fc.integer({ min: 30, max: 3650 }),
    statsRetentionDays: fc.integer({ min: 30, max: 3650 }),
    ticketPaper: fc.constantFrom('80mm' as const, 'a5' as const),
  }),
);
type Change = typeof change extends fc.Arbitrary<infer C> ? C : never;

/** Applies a change; one the site refuses (a name or letter taken) is simply not made. */
async function apply(t: TestSite, c: Change): Promise<void> {
  const token = t.manager.token;
  const { site } = t;
  try {
    switch (c.kind) {
      case 'service':
        await site.call('createService', { name: c.name, letter: c.letter, targetWaitMinutes: c.targetWaitMinutes, order: c.order }, token);
        break;
      case 'service-off': {
        const services = site.callSync('listServices', {}, token);
        await site.call('updateService', { serviceId: services[c.index % services.length]!.id, active: false }, token);
        break;
      }
      case 'desk':
        await site.call('createDesk', { name: c.name }, token);
        break;
      case 'desk-off': {
        const desks = site.callSync('listDesks', {}, token);
        if (desks.length > 0) await site.call('updateDesk', { deskId: desks[c.index % desks.length]!.id, active: false }, token);
        break;
      }
      case 'staff':
        await site.call('createStaff', { name: c.name, role: c.role, pin: '1357', managerPin }, token);
        break;
      case 'staff-off': {
        const others = site.callSync('listStaff', {}, token).filter((member) => member.id !== t.manager.staff.id);
        if (others.length > 0) await site.call('updateStaff', { staffId: others[c.index % others.length]!.id, active: false, managerPin }, token);
        break;
      }
      case 'settings': {
        const { kind: _, ...settings } = c;
        await site.call('updateSettings', { ...settings, managerPin }, token);
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof DeskFailure) || !['conflict', 'invalid-input'].includes(error.code)) throw error;
  }
}

describe('a site file round trip', () => {
  it('brings every service, desk, member of staff and setting to the new hub as it was, and exports again to the same file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { maxLength: 12 }), async (changes) => {
        const t = await openTestSite();
        const { dir, remove } = tempDir('osq-round-trip-');
        const keyFile = path.join(dir, 'site.key');
        createKeyFile(keyFile);
        const fresh = await openSite({ dataDir: path.join(dir, 'store'), unlock: { kind: 'key-file', path: keyFile }, create: true });
        try {
          for (const c of changes) await apply(t, c);
          const token = t.manager.token;
          const seen = {
            services: t.site.callSync('listServices', {}, token),
            desks: t.site.callSync('listDesks', {}, token),
            staff: t.site.callSync('listStaff', {}, token),
            settings: t.site.callSync('getSettings', {}, token),
          };
          const file = exportSite(t.site.database, t.clock.now());
          importSite(fresh.database, JSON.stringify(file), t.clock.now());

          // The file again, from the new hub: the same, but for the import's own audit line.
          const again = exportSite(fresh.database, t.clock.now());
          const { audit, ...tables } = again.tables;
          const { audit: oldAudit, ...oldTables } = file.tables;
          expect(tables).toEqual(oldTables);
          expect(audit.map(({ action }) => action)).toEqual([...oldAudit.map(({ action }) => action), 'site.import']);
          expect(audit.slice(0, oldAudit.length)).toEqual(oldAudit);

          // And as the new hub's manager sees it, once their PIN is set (what reset-manager-pin does).
          fresh.database.prepare('UPDATE staff SET pin_hash = ? WHERE id = ?').run(hashPin(managerPin), t.manager.staff.id);
          const session = await fresh.call('signIn', { staffId: t.manager.staff.id, pin: managerPin }, null);
          expect(fresh.callSync('listServices', {}, session.token)).toEqual(seen.services);
          expect(fresh.callSync('listDesks', {}, session.token)).toEqual(seen.desks);
          expect(fresh.callSync('getSettings', {}, session.token)).toEqual(seen.settings);
          const staff = fresh.callSync('listStaff', {}, session.token);
          expect(staff.map(({ needsPin: _, ...member }) => member)).toEqual(seen.staff.map(({ needsPin: _, ...member }) => member));
          expect(staff.filter((member) => !member.needsPin).map((member) => member.id)).toEqual([t.manager.staff.id]);
        } finally {
          fresh.close();
          remove();
          t.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
