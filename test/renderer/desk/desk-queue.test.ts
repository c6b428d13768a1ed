import { describe, expect, it } from 'vitest';
import { deskQueue } from '../../../renderer/desk/desk-queue.js';
import type { TicketView } from '../../../shared/domain/visit.js';
import { sampleTicketView } from '../../fixtures/ticket-view.js';

const ticket = (visitId: number, serviceId: number, status: TicketView['status'], advisorId: number | null = null): TicketView =>
  sampleTicketView({ visitId, number: `X${String(visitId).padStart(3, '0')}`, serviceId, status, advisorId });

describe('deskQueue: the site’s queue as one desk sees it', () => {
  const queue = [ticket(4, 2, 'waiting'), ticket(1, 1, 'waiting'), ticket(3, 3, 'waiting'), ticket(2, 1, 'called', 8), ticket(5, 3, 'parked', 7), ticket(6, 1, 'parked', 8), ticket(7, 1, 'serving', 7)];

  it('lists the waiting tickets of the desk’s services in the order the hub gave', () => {
    expect(deskQueue(queue, [1, 2], 7).waiting.map((each) => each.visitId)).toEqual([4, 1]);
  });

  it('lists the advisor’s own parked tickets, whatever their service', () => {
    expect(deskQueue(queue, [1, 2], 7).parked.map((each) => each.visitId)).toEqual([5]);
  });

  it('is empty for a desk serving nothing that waits', () => {
    expect(deskQueue(queue, [9], 99)).toEqual({ waiting: [], parked: [] });
  });
});
