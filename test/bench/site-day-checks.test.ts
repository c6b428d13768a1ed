import { afterEach, describe, expect, it } from 'vitest';
import type { TicketView } from '../../shared/domain/visit.js';
import { advisorAtDesk, issue, managerToken, openAllHours } from '../fixtures/queue-fixtures.js';
import { openTestSite, type TestSite } from '../fixtures/temp-site.js';
import { checkDay } from './site-day/day-checks.js';
import { Ledger } from './site-day/ledger.js';

/*
 * The replay's checks are only worth their silence if they speak up: a day that adds up passes,
 * and each way a day can go wrong — a lost acknowledgement, a double call, a ticket applied twice
 * — is named.
 */

let t: TestSite | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

/** Three visitors issued, called and finished at one desk, with the ledger the clients would keep. */
async function smallDay(): Promise<{ s: TestSite; ledger: Ledger; deskId: number }> {
  const s = await openTestSite();
  t = s;
  await openAllHours(s);
  const { session, deskId } = await advisorAtDesk(s, 'Adam Advisor', 'Desk 1', ['C']);
  const ledger = new Ledger();
  for (let i = 0; i < 3; i += 1) {
    const issued = await issue(s, managerToken(s), 'C', { name: `Visitor ${String(i)}` });
    ledger.issue(i, issued.ticket, issued.estimatedWaitMinutes);
  }
  for (let i = 0; i < 3; i += 1) {
    const called = (await s.site.call('callNext', { deskId }, session.token)) as TicketView;
    ledger.call(called.visitId, deskId, called.calledAt ?? 0);
    await s.site.call('startService', { visitId: called.visitId }, session.token);
    await s.site.call('finishService', { visitId: called.visitId, outcome: 'resolved' }, session.token);
    ledger.end(called.visitId, 'finished');
  }
  return { s, ledger, deskId };
}

describe('the site day’s checks', () => {
  it('find nothing wrong with a day that adds up', async () => {
    const { s, ledger } = await smallDay();
    expect(checkDay(s.site.database, ledger, 3)).toEqual([]);
  });

  it('name a ticket handed to two desks, an ending never acknowledged and a visitor short of a ticket', async () => {
    const { s, ledger } = await smallDay();
    const [first, second] = [...ledger.issued.values()];
    ledger.call(first!.visitId, 99, 0);
    ledger.endings.delete(second!.visitId);
    const problems = checkDay(s.site.database, ledger, 4);
    expect(problems).toContain(`visit ${String(first!.visitId)} (${first!.number}) handed to 2 desks by callNext`);
    expect(problems).toContain(`visit ${String(second!.visitId)} ended 0 times`);
    expect(problems).toContain('3 visits stored for 4 visitors');
  });

  it('name a visit stored but never acknowledged, as a retried issueTicket applied twice would leave', async () => {
    const { s, ledger } = await smallDay();
    const extra = await issue(s, managerToken(s), 'C', { name: 'Visitor 0' });
    const problems = checkDay(s.site.database, ledger, 3);
    expect(problems).toContain(`visit ${String(extra.ticket.visitId)} (${extra.ticket.number}) stored but never acknowledged`);
    expect(problems).toContain('1 visitors have more than one visit');
  });
});
