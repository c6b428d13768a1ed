import { afterEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../shared/events.js';
import { writeAudit } from '../../../electron/core/audit.js';
import { takeStep, type StepContext } from '../../../electron/core/queue/ticket-steps.js';
import { getVisitRow } from '../../../electron/core/queue/visit-records.js';
import { openTestSite, type TestSite } from '../../fixtures/temp-site.js';
import { deskIdOf, issue, queueState, serviceIdOf } from '../../fixtures/queue-fixtures.js';

let t: TestSite | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

describe('a step taken on a stale copy of a ticket', () => {
  it('is a bug, thrown as one, and the call’s transaction rolls back: no audit line, no event, nothing changed', async () => {
    const s = await openTestSite();
    t = s;
    const deskId = deskIdOf(s, 'Desk 1');
    await s.site.call('openDesk', { deskId, serviceIds: [serviceIdOf(s, 'C')] }, s.manager.token);
    const visitId = (await issue(s, s.manager.token, 'C')).ticket.visitId;
    const db = s.site.database;
    // Read while waiting, then called by another desk before the step is taken.
    const stale = getVisitRow(db, visitId);
    await s.site.call('callTicket', { deskId, visitId }, s.manager.token);
    const before = queueState(s);
    const sent: DeskEvent[] = [];
    const now = s.clock.now();
    const ctx: StepContext = {
      db,
      now,
      audit: (action, target) => writeAudit(db, { at: now, staffId: s.manager.staff.id, action, ...(target ? { target } : {}) }),
      emit: (event) => sent.push(event),
    };
    const take = () => db.transaction(() => takeStep(ctx, stale, 'call', { deskId, advisorId: s.manager.staff.id })).immediate();
    expect(take).toThrow(new Error('ticket step call changed 0 visits'));
    expect(queueState(s)).toEqual(before);
    expect(sent).toEqual([]);
  });
});
