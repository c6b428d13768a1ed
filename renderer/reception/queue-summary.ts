import type { Service } from '../../shared/domain/site.js';
import type { TicketView } from '../../shared/domain/visit.js';

export interface ServiceWaiting {
  service: Service;
  waiting: number;
}

export interface QueueSummary {
  services: ServiceWaiting[];
  /** The ticket waiting longest, and for how many whole minutes; null when nobody waits. */
  longest: { number: string; minutes: number } | null;
}

/** Waiting per active service, in the services' order, and the longest wait now. */
export function summariseQueue(tickets: readonly TicketView[], services: readonly Service[], now: number): QueueSummary {
  const waiting = tickets.filter((ticket) => ticket.status === 'waiting');
  const counts = new Map<number, number>();
  for (const ticket of waiting) counts.set(ticket.serviceId, (counts.get(ticket.serviceId) ?? 0) + 1);
  const oldest = waiting.reduce<TicketView | null>((found, ticket) => (found === null || ticket.queuedAt < found.queuedAt ? ticket : found), null);
  return {
    services: services
      .filter((service) => service.active || counts.has(service.id))
      .map((service) => ({ service, waiting: counts.get(service.id) ?? 0 })),
    longest: oldest === null ? null : { number: oldest.number, minutes: Math.max(0, Math.floor((now - oldest.queuedAt) / 60_000)) },
  };
}
