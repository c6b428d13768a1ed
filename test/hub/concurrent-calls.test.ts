import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk, Service } from '../../shared/domain/site.js';
import type { Session } from '../../shared/domain/staff.js';
import type { IssuedTicket, TicketView } from '../../shared/domain/visit.js';
import { staffSession } from '../fixtures/temp-site.js';
import { callOk, sampleInput, startTestHub, type HubWorld } from '../fixtures/hub-fixtures.js';

const ticketCount = 30;
const advisorCount = 6;

describe('many desks calling at once over HTTP', () => {
  let w: HubWorld;
  const agents: http.Agent[] = [];
  beforeAll(async () => {
    w = await startTestHub();
  });
  afterAll(async () => {
    agents.forEach((agent) => agent.destroy());
    await w?.close();
  });

  it(`calls each of ${ticketCount} tickets exactly once across ${advisorCount} desks`, async () => {
    const manager = w.t.manager.token;
    const services = await callOk<Service[]>(w.url, 'listServices', {}, manager);
    let desks = await callOk<Desk[]>(w.url, 'listDesks', {}, manager);
    for (let i = desks.length; i < advisorCount; i++) await callOk(w.url, 'createDesk', { name: `Desk ${i + 1}` }, manager);
    desks = await callOk<Desk[]>(w.url, 'listDesks', {}, manager);

    // Issued from several reception PCs at once, across services.
    const receptionists: Session[] = [];
    for (let i = 0; i < 3; i++) receptionists.push(await staffSession(w.t, `Reception ${i + 1}`, 'receptionist'));
    const issued = await Promise.all(
      Array.from({ length: ticketCount }, (_, i) => {
        const input = { ...(sampleInput('issueTicket') as object), serviceId: services[i % services.length]!.id };
        return callOk<IssuedTicket>(w.url, 'issueTicket', input, receptionists[i % receptionists.length]!.token);
      }),
    );
    expect(new Set(issued.map((t) => t.ticket.number)).size).toBe(ticketCount);

    // Six advisors, each a client of its own (one keep-alive connection), at six desks.
    const advisors: Array<{ session: Session; deskId: number; agent: http.Agent }> = [];
    for (let i = 0; i < advisorCount; i++) {
      const session = await staffSession(w.t, `Advisor ${i + 1}`, 'advisor');
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      agents.push(agent);
      const deskId = desks[i]!.id;
      await callOk(w.url, 'openDesk', { deskId, serviceIds: services.map((s) => s.id) }, session.token, agent);
      advisors.push({ session, deskId, agent });
    }

    const calledBy = await Promise.all(
      advisors.map(async ({ session, deskId, agent }) => {
        const mine: number[] = [];
        for (;;) {
          const ticket = await callOk<TicketView | null>(w.url, 'callNext', { deskId }, session.token, agent);
          if (ticket === null) return mine;
          mine.push(ticket.visitId);
          await callOk(w.url, 'startService', { visitId: ticket.visitId }, session.token, agent);
          await callOk(w.url, 'finishService', { visitId: ticket.visitId, outcome: 'resolved' }, session.token, agent);
        }
      }),
    );

    const all = calledBy.flat();
    expect(all).toHaveLength(ticketCount);
    expect(new Set(all).size).toBe(ticketCount);
    expect([...all].sort((a, b) => a - b)).toEqual(issued.map((t) => t.ticket.visitId).sort((a, b) => a - b));
    expect(await callOk<TicketView[]>(w.url, 'getQueue', {}, manager)).toEqual([]);
  });
});
