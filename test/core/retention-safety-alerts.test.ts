import { afterEach, describe, expect, it } from 'vitest';
import { openTestSite, staffSession, type TestSite } from '../fixtures/temp-site.js';
import { minute, tuesday } from '../fixtures/queue-fixtures.js';

/** Answered safety alerts name staff only, like the audit log, and are kept as long as it is (365 days by default). */
let t: TestSite | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

describe('purging safety alerts', () => {
  it('deletes an answered alert raised before the audit cut-off, and keeps a newer one and one nobody has answered', async () => {
    t = await openTestSite({ now: tuesday(10) });
    const s = t;
    const rec = await staffSession(s, 'Rita Reception', 'receptionist');
    const adam = await staffSession(s, 'Adam Advisor', 'advisor');
    const old = await s.site.call('raiseSafetyAlert', { deskId: null }, rec.token);
    await s.site.call('acknowledgeSafetyAlert', { alertId: old.id }, s.manager.token);
    const unanswered = await s.site.call('raiseSafetyAlert', { deskId: null }, adam.token);

    s.clock.set(tuesday(10, 0, 2));
    const manager = await s.site.call('signIn', { staffId: s.manager.staff.id, pin: '2468' }, null);
    const recent = await s.site.call('raiseSafetyAlert', { deskId: null }, manager.token);
    await s.site.call('acknowledgeSafetyAlert', { alertId: recent.id }, manager.token);

    // 365 days after the first two: the first is past the audit's retention, the third is not.
    s.clock.set(tuesday(10, 1, 365));
    s.site.purge('manual');
    const left = (s.site.database.prepare('SELECT id FROM safety_alerts ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
    expect(left).toEqual([unanswered.id, recent.id]);
  });

  it('keeps an answered alert until the same time 365 days later, and deletes it just after', async () => {
    t = await openTestSite({ now: tuesday(10) });
    const s = t;
    const raised = await s.site.call('raiseSafetyAlert', { deskId: null }, s.manager.token);
    await s.site.call('acknowledgeSafetyAlert', { alertId: raised.id }, s.manager.token);
    s.clock.set(tuesday(10, 0, 365) - 60_000);
    s.site.purge('manual');
    expect(s.site.database.prepare('SELECT count(*) AS n FROM safety_alerts').get()).toEqual({ n: 1 });
    s.clock.advance(2 * minute);
    s.site.purge('manual');
    expect(s.site.database.prepare('SELECT count(*) AS n FROM safety_alerts').get()).toEqual({ n: 0 });
  });
});
