import { describe, expect, it } from 'vitest';
import { summariseQueue } from '../../../renderer/reception/queue-summary.js';
import type { Service } from '../../../shared/domain/site.js';
import type { TicketView, VisitStatus } from '../../../shared/domain/visit.js';
import { sampleTicketView } from '../../fixtures/ticket-view.js';

const now = Date.UTC(2026, 10, 23, 11, 0);
const minutes = (n: number) => n * 60_000;

const service = (id: number, letter: string, active = true): Service => ({ id, name: `Service ${letter}`, letter, targetWaitMinutes: 20, order: id, active });

let nextVisit = 1;
const ticket = (serviceId: number, status: VisitStatus, queuedAt: number, changes: Partial<TicketView> = {}): TicketView => {
  const visitId = nextVisit++;
  return sampleTicketView({
    visitId,
    number: `X${String(visitId).padStart(3, '0')}`,
    serviceId,
    status,
    issuedAt: queuedAt,
    queuedAt,
    calledAt: status === 'waiting' ? null : queuedAt + minutes(1),
    deskId: status === 'waiting' ? null : 1,
    advisorId: status === 'waiting' ? null : 1,
    ...changes,
  });
};

const counts = (summary: ReturnType<typeof summariseQueue>) => summary.services.map(({ service: s, waiting }) => [s.letter, waiting]);

describe('summariseQueue: waiting per service', () => {
  const housing = service(1, 'A');
  const benefits = service(2, 'B');
  const council = service(3, 'C');

  it('counts only waiting tickets', () => {
    const statuses: VisitStatus[] = ['called', 'serving', 'parked', 'finished', 'no-show', 'cancelled', 'closed'];
    const tickets = [
      ticket(1, 'waiting', now - minutes(5)),
      ticket(1, 'waiting', now - minutes(4)),
      ticket(2, 'waiting', now - minutes(3)),
      ...statuses.map((status) => ticket(1, status, now - minutes(30))),
      ...statuses.map((status) => ticket(3, status, now - minutes(30))),
    ];
    expect(counts(summariseQueue(tickets, [housing, benefits, council], now))).toEqual([
      ['A', 2],
      ['B', 1],
      ['C', 0],
    ]);
  });

  it('keeps the services in the order given, not the tickets’ order', () => {
    const tickets = [ticket(1, 'waiting', now), ticket(2, 'waiting', now), ticket(3, 'waiting', now)];
    expect(counts(summariseQueue(tickets, [council, housing, benefits], now)).map(([letter]) => letter)).toEqual(['C', 'A', 'B']);
  });

  it('hands back the service itself', () => {
    expect(summariseQueue([], [benefits], now).services).toEqual([{ service: benefits, waiting: 0 }]);
  });

  it('lists an inactive service only while someone waits for it', () => {
    const closedDesk = service(4, 'D', false);
    const services = [housing, closedDesk, benefits];
    expect(counts(summariseQueue([], services, now))).toEqual([
      ['A', 0],
      ['B', 0],
    ]);
    expect(counts(summariseQueue([ticket(4, 'serving', now - minutes(2))], services, now))).toEqual([
      ['A', 0],
      ['B', 0],
    ]);
    expect(counts(summariseQueue([ticket(4, 'waiting', now - minutes(2))], services, now))).toEqual([
      ['A', 0],
      ['D', 1],
      ['B', 0],
    ]);
  });
});

describe('summariseQueue: the longest wait', () => {
  const services = [service(1, 'A'), service(2, 'B')];

  it('is the waiting ticket queued earliest, in whole minutes rounded down', () => {
    const tickets = [
      ticket(1, 'waiting', now - minutes(3), { number: 'A004' }),
      ticket(2, 'waiting', now - minutes(12) - 59_999, { number: 'B002' }),
      ticket(1, 'waiting', now - minutes(7), { number: 'A003' }),
    ];
    expect(summariseQueue(tickets, services, now).longest).toEqual({ number: 'B002', minutes: 12 });
  });

  it('goes by the place in line, kept across a transfer, not the time of issue', () => {
    const tickets = [
      ticket(1, 'waiting', now - minutes(10), { number: 'A001', issuedAt: now - minutes(40) }),
      ticket(2, 'waiting', now - minutes(20), { number: 'B001', issuedAt: now - minutes(20) }),
    ];
    expect(summariseQueue(tickets, services, now).longest).toEqual({ number: 'B001', minutes: 20 });
  });

  it('leaves out tickets no longer waiting, however long ago they queued', () => {
    const tickets = [ticket(1, 'called', now - minutes(50), { number: 'A001' }), ticket(1, 'parked', now - minutes(45), { number: 'A002' }), ticket(2, 'waiting', now - minutes(1), { number: 'B003' })];
    expect(summariseQueue(tickets, services, now).longest).toEqual({ number: 'B003', minutes: 1 });
  });

  it('says 0 minutes under a minute, and never less than 0 when a clock is ahead', () => {
    expect(summariseQueue([ticket(1, 'waiting', now - 59_999, { number: 'A001' })], services, now).longest).toEqual({ number: 'A001', minutes: 0 });
    expect(summariseQueue([ticket(1, 'waiting', now + minutes(2), { number: 'A001' })], services, now).longest).toEqual({ number: 'A001', minutes: 0 });
  });

  it('is null when nobody waits', () => {
    expect(summariseQueue([], services, now).longest).toBeNull();
    expect(summariseQueue([ticket(1, 'serving', now - minutes(9)), ticket(2, 'finished', now - minutes(30))], services, now).longest).toBeNull();
  });
});
