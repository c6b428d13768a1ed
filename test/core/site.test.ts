import { describe, it, expect } from 'vitest';
import { openTestSite, staffSession } from '../fixtures/temp-site.js';

describe('a day at the site', () => {
  it('issues, calls, serves and finishes a ticket, takes evidence, reports it, and purges it into the figures', async () => {
    const t = await openTestSite();
    try {
      const rec = await staffSession(t, 'Rita Reception', 'receptionist');
      const adv = await staffSession(t, 'Adam Advisor', 'advisor');
      const services = await t.site.call('listServices', {}, rec.token);
      const c = services.find((s) => s.letter === 'C')!;
      const issued = await t.site.call(
        'issueTicket',
        {
          visitor: { name: "Seán O'Brien", addressLines: ['1 Dale Street'], postcode: 'l1 1jq', noFixedAbode: false },
          serviceId: c.id,
          reason: 'Council tax bill',
          needs: { interpreter: false, language: null, hearing: false, mobility: false },
          priority: null,
          callByNumberOnly: false,
        },
        rec.token,
      );
      expect(issued.ticket.number).toBe('C001');
      const desks = await t.site.call('listDesks', {}, adv.token);
      await t.site.call('openDesk', { deskId: desks[0]!.id, serviceIds: [c.id] }, adv.token);
      const called = await t.site.call('callNext', { deskId: desks[0]!.id }, adv.token);
      expect(called?.number).toBe('C001');
      await t.site.call('startService', { visitId: called!.visitId }, adv.token);
      const done = await t.site.call('finishService', { visitId: called!.visitId, outcome: 'resolved' }, adv.token);
      expect(done.status).toBe('finished');
      const visit = await t.site.call('getVisit', { visitId: called!.visitId }, adv.token);
      expect(visit.visitor.postcode).toBe('L1 1JQ');
      const receipt = await t.site.call('recordEvidence', { visitId: visit.visitId, items: [{ kind: 'payslip', description: 'Oct payslip', count: 2, original: false, returned: true }] }, adv.token);
      expect(receipt.reference).toBe('R-20261124-001');
      const live = await t.site.call('getLiveSnapshot', {}, t.manager.token);
      expect(live.servedToday).toBe(1);
      const hist = await t.site.call('getHistory', { from: '2026-11-01', to: '2026-11-30', groupBy: 'service' }, t.manager.token);
      expect(hist.find((r) => r.label === 'Council Tax')?.served).toBe(1);
      const display = await t.site.call('getDisplayState', {}, null);
      expect(display.siteName).toBe('Liverpool One Stop Shop');
      t.clock.advance(29 * 24 * 3600_000);
      const again = await t.site.call('signIn', { staffId: t.manager.staff.id, pin: '2468' }, null);
      const purged = await t.site.call('runPurge', {}, again.token);
      expect(purged.visitsDeleted).toBe(1);
      const hist2 = await t.site.call('getHistory', { from: '2026-11-01', to: '2026-11-30', groupBy: 'service' }, again.token);
      expect(hist2).toEqual(hist);
    } finally {
      t.close();
    }
  });
});
