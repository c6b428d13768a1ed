import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/domain/staff.js';
import { openTestSite, staffSession, type TestSite } from '../../fixtures/temp-site.js';
import { advisorAtDesk, hour, issue, managerToken, openAllHours } from '../../fixtures/queue-fixtures.js';

/**
 * The need-to-know table of docs/access.md, call by call: who may read (or add evidence to)
 * which visitor's record. Everything not allowed is `forbidden`, audited, and changes nothing.
 */
type Role = 'manager' | 'receptionist' | 'advisorHere' | 'advisorThere' | 'advisorNoDesk';
type VisitKind = 'yesterday' | 'todayWaiting' | 'calledHere' | 'servedHere' | 'parkedHere' | 'calledThere' | 'transferredFromHere';

const allowed: Record<Role, readonly VisitKind[]> = {
  manager: ['yesterday', 'todayWaiting', 'calledHere', 'servedHere', 'parkedHere', 'calledThere', 'transferredFromHere'],
  receptionist: ['todayWaiting', 'calledHere', 'servedHere', 'parkedHere', 'calledThere', 'transferredFromHere'],
  advisorHere: ['calledHere', 'servedHere', 'parkedHere', 'transferredFromHere'],
  advisorThere: ['calledThere'],
  advisorNoDesk: [],
};

const reads = ['getVisit', 'listReceipts', 'getReceipt', 'recordEvidence'] as const;

interface World {
  t: TestSite;
  sessions: Record<Role, Session>;
  visits: Record<VisitKind, { visitId: number; receiptId: number }>;
}

const evidence = [{ kind: 'payslip' as const, description: 'Payslip for October', count: 1, original: false, returned: true }];

async function world(): Promise<World> {
  const t = await openTestSite();
  await openAllHours(t);
  const manager = managerToken(t);
  const receipt = async (visitId: number) => (await t.site.call('recordEvidence', { visitId, items: evidence }, managerToken(t))).id;

  // Yesterday's visit, served and finished yesterday at Desk 1 by the same advisor.
  t.clock.advance(-24 * hour);
  const here = await advisorAtDesk(t, 'Hana Here', 'Desk 1', ['C', 'H']);
  const yesterday = (await issue(t, managerToken(t), 'C', { name: 'Yvonne Yesterday' })).ticket.visitId;
  await t.site.call('callTicket', { deskId: here.deskId, visitId: yesterday }, here.session.token);
  await t.site.call('startService', { visitId: yesterday }, here.session.token);
  await t.site.call('finishService', { visitId: yesterday, outcome: 'resolved' }, here.session.token);
  const yesterdayReceipt = await receipt(yesterday);
  t.clock.advance(24 * hour);
  // A new day: the advisor signs in again and opens the desk again.
  const hereAgain = await t.site.call('signIn', { staffId: here.session.staff.id, pin: '1357' }, null);
  const there = await advisorAtDesk(t, 'Theo There', 'Desk 2', ['C', 'H']);

  const issueOne = async (name: string) => (await issue(t, manager, 'H', { name })).ticket.visitId;
  const servedHere = await issueOne('Sam Served');
  const parkedHere = await issueOne('Pia Parked');
  const transferred = await issueOne('Tom Transferred');
  const calledThere = await issueOne('Cal There');
  const calledHere = await issueOne('Carla Here');
  const todayWaiting = await issueOne('Wendy Waiting');

  const hereToken = hereAgain.token;
  const deskHere = here.deskId;
  await t.site.call('callTicket', { deskId: deskHere, visitId: servedHere }, hereToken);
  await t.site.call('startService', { visitId: servedHere }, hereToken);
  await t.site.call('finishService', { visitId: servedHere, outcome: 'resolved' }, hereToken);
  await t.site.call('callTicket', { deskId: deskHere, visitId: parkedHere }, hereToken);
  await t.site.call('parkTicket', { visitId: parkedHere }, hereToken);
  await t.site.call('callTicket', { deskId: deskHere, visitId: transferred }, hereToken);
  const council = (t.site.database.prepare("SELECT id FROM services WHERE letter = 'C'").get() as { id: number }).id;
  await t.site.call('transferTicket', { visitId: transferred, serviceId: council }, hereToken);
  await t.site.call('callTicket', { deskId: deskHere, visitId: calledHere }, hereToken);
  await t.site.call('callTicket', { deskId: there.deskId, visitId: calledThere }, there.session.token);

  const visits = {
    yesterday: { visitId: yesterday, receiptId: yesterdayReceipt },
    todayWaiting: { visitId: todayWaiting, receiptId: await receipt(todayWaiting) },
    calledHere: { visitId: calledHere, receiptId: await receipt(calledHere) },
    servedHere: { visitId: servedHere, receiptId: await receipt(servedHere) },
    parkedHere: { visitId: parkedHere, receiptId: await receipt(parkedHere) },
    calledThere: { visitId: calledThere, receiptId: await receipt(calledThere) },
    transferredFromHere: { visitId: transferred, receiptId: await receipt(transferred) },
  } satisfies World['visits'];

  const sessions: Record<Role, Session> = {
    manager: t.manager,
    receptionist: await staffSession(t, 'Rita Reception', 'receptionist'),
    advisorHere: hereAgain,
    advisorThere: there.session,
    advisorNoDesk: await staffSession(t, 'Nell Nodesk', 'advisor'),
  };
  return { t, sessions, visits };
}

function attempt(w: World, call: (typeof reads)[number], token: string, visit: { visitId: number; receiptId: number }): Promise<unknown> {
  switch (call) {
    case 'getVisit':
      return w.t.site.call('getVisit', { visitId: visit.visitId }, token);
    case 'listReceipts':
      return w.t.site.call('listReceipts', { visitId: visit.visitId }, token);
    case 'getReceipt':
      return w.t.site.call('getReceipt', { receiptId: visit.receiptId }, token);
    case 'recordEvidence':
      return w.t.site.call('recordEvidence', { visitId: visit.visitId, items: evidence }, token);
  }
}

let w: World | undefined;
afterEach(() => w?.t.close());

describe('who reads which visitor', () => {
  it('gives each role exactly what the need-to-know table says, and audits every refusal', async () => {
    w = await world();
    const visitKinds = Object.keys(w.visits) as VisitKind[];
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const role of Object.keys(w.sessions) as Role[]) {
      for (const kind of visitKinds) {
        for (const call of reads) {
          const visit = w.visits[kind];
          const receiptsBefore = w.t.site.database.prepare('SELECT count(*) AS n FROM receipts').get() as { n: number };
          const deniedBefore = w.t.site.database
            .prepare("SELECT count(*) AS n FROM audit WHERE outcome = 'denied' AND target_type = 'visit' AND target_id = ?")
            .get(visit.visitId) as { n: number };
          const answer = await attempt(w, call, w.sessions[role].token, visit).then(
            () => 'ok',
            (error: { code?: string }) => error.code ?? 'thrown',
          );
          outcomes.push(`${role} ${call} ${kind}: ${answer}`);
          expected.push(`${role} ${call} ${kind}: ${allowed[role].includes(kind) ? 'ok' : 'forbidden'}`);
          if (answer === 'forbidden') {
            const receiptsAfter = w.t.site.database.prepare('SELECT count(*) AS n FROM receipts').get() as { n: number };
            expect(receiptsAfter).toEqual(receiptsBefore);
            const deniedAfter = w.t.site.database
              .prepare("SELECT count(*) AS n FROM audit WHERE outcome = 'denied' AND target_type = 'visit' AND target_id = ?")
              .get(visit.visitId) as { n: number };
            expect(deniedAfter.n).toBe(deniedBefore.n + 1);
          }
        }
      }
    }
    expect(outcomes).toEqual(expected);
  });

  it('lets an advisor read their visitor until the end of that day, and not after', async () => {
    w = await world();
    const token = w.sessions.advisorHere.token;
    await w.t.site.call('getVisit', { visitId: w.visits.servedHere.visitId }, token);
    w.t.clock.advance(24 * hour);
    // The same desk is still open the next morning (the advisor never closed it).
    const again = await w.t.site.call('signIn', { staffId: w.sessions.advisorHere.staff.id, pin: '1357' }, null);
    await expect(w.t.site.call('getVisit', { visitId: w.visits.servedHere.visitId }, again.token)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('stops an advisor reading a visit once they close the desk', async () => {
    w = await world();
    const token = w.sessions.advisorHere.token;
    const deskId = (w.t.site.database.prepare("SELECT id FROM desks WHERE name = 'Desk 1'").get() as { id: number }).id;
    await w.t.site.call('startService', { visitId: w.visits.calledHere.visitId }, token);
    await w.t.site.call('finishService', { visitId: w.visits.calledHere.visitId, outcome: 'resolved' }, token);
    await w.t.site.call('closeDesk', { deskId }, token);
    await expect(w.t.site.call('getVisit', { visitId: w.visits.servedHere.visitId }, token)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('writes an audit line for every read of a visitor’s details, by id only', async () => {
    w = await world();
    await w.t.site.call('getVisit', { visitId: w.visits.calledHere.visitId }, w.sessions.receptionist.token);
    const rows = w.t.site.database
      .prepare("SELECT staff_id, action, target_type, target_id, outcome FROM audit WHERE action = 'visit.view' ORDER BY id DESC LIMIT 1")
      .all();
    expect(rows).toEqual([
      { staff_id: w.sessions.receptionist.staff.id, action: 'visit.view', target_type: 'visit', target_id: w.visits.calledHere.visitId, outcome: 'ok' },
    ]);
  });
});
