import type { TicketView } from '../../shared/domain/visit.js';

export interface DeskQueue {
  /** Waiting for one of the desk's services, in the hub's call order. */
  waiting: TicketView[];
  /** Set aside by this advisor, to resume at this desk. */
  parked: TicketView[];
}

/**
 * The site's queue (getQueue, already in call order) as one desk sees it. Parked tickets are the
 * advisor's whatever their service, so that changing services never hides a visitor who went to
 * fetch a document.
 */
export function deskQueue(tickets: readonly TicketView[], serviceIds: readonly number[], advisorId: number): DeskQueue {
  const served = new Set(serviceIds);
  return {
    waiting: tickets.filter((ticket) => ticket.status === 'waiting' && served.has(ticket.serviceId)),
    parked: tickets.filter((ticket) => ticket.status === 'parked' && ticket.advisorId === advisorId),
  };
}
