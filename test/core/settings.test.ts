import { afterEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../shared/events.js';
import { openTestSite, staffSession, type TestSite } from '../fixtures/temp-site.js';
import { refusal } from '../fixtures/queue-fixtures.js';

let t: TestSite | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

describe('the ticket paper setting', () => {
  it('is an 80 mm roll until a manager says otherwise, and any member of staff reads it', async () => {
    t = await openTestSite();
    const rec = await staffSession(t, 'Rita Reception', 'receptionist');
    expect((await t.site.call('getSettings', {}, rec.token)).ticketPaper).toBe('80mm');
  });

  it('changes to A5 without the manager’s PIN again, is audited and tells the screens', async () => {
    t = await openTestSite();
    const s = t;
    const rec = await staffSession(s, 'Rita Reception', 'receptionist');
    const events: DeskEvent[] = [];
    s.site.subscribe((e) => events.push(e));
    expect((await s.site.call('updateSettings', { ticketPaper: 'a5' }, s.manager.token)).ticketPaper).toBe('a5');
    expect((await s.site.call('getSettings', {}, rec.token)).ticketPaper).toBe('a5');
    expect(events).toEqual([{ type: 'settings-changed', at: s.clock.now() }]);
    expect(s.site.database.prepare('SELECT staff_id, action, target_type FROM audit ORDER BY id DESC LIMIT 1').get()).toEqual({
      staff_id: s.manager.staff.id,
      action: 'settings.update',
      target_type: 'setting',
    });
    // The other settings are left as they were.
    expect((await s.site.call('getSettings', {}, rec.token)).retentionDays).toBe(28);
  });

  it('refuses a paper it does not know, and a receptionist changing it', async () => {
    t = await openTestSite();
    const s = t;
    const rec = await staffSession(s, 'Rita Reception', 'receptionist');
    const wrong = await refusal(s.site.call('updateSettings', { ticketPaper: 'a4' as never }, s.manager.token));
    expect(wrong.code).toBe('invalid-input');
    expect(wrong.issues?.map((issue) => issue.path)).toEqual([['ticketPaper']]);
    expect((await refusal(s.site.call('updateSettings', { ticketPaper: 'a5' }, rec.token))).code).toBe('forbidden');
    expect((await s.site.call('getSettings', {}, rec.token)).ticketPaper).toBe('80mm');
  });
});
