import type { Service } from '../../shared/domain/site.js';
import type { VisitStatus } from '../../shared/domain/visit.js';
import { text } from '../i18n/text.js';

/** What a row of "Today's visits" offers for a ticket in this state. */
export interface RowActions {
  reprint: boolean;
  cancel: boolean;
}

// The core's own rules, mirrored so that a button is offered only when the call can succeed:
// reprintTicket answers only for a waiting ticket, and the cancel step leaves from these states
// (electron/core/queue/ticket-steps.ts). The core still decides; a refusal is shown by the row.
const reprintable: ReadonlySet<VisitStatus> = new Set<VisitStatus>(['waiting']);
const cancellable: ReadonlySet<VisitStatus> = new Set<VisitStatus>(['waiting', 'parked', 'called']);

export function rowActions(status: VisitStatus): RowActions {
  return { reprint: reprintable.has(status), cancel: cancellable.has(status) };
}

export function statusWord(status: VisitStatus): string {
  return text.visits.statuses[status];
}

/**
 * `HH:mm` on the site's clock, not the counter PC's, once the site's zone is known (the
 * waiting-area screen and the tickets use the same). Without it, the PC's own zone.
 */
export function clockTime(utcMs: number, timeZone: string | null): string {
  return new Intl.DateTimeFormat(text.locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone === null ? {} : { timeZone }),
  }).format(utcMs);
}

/** The ticket's service as the queue names it ("C – Council Tax"); a service since removed is said so. */
export function serviceLabel(services: readonly Service[], serviceId: number): string {
  const service = services.find((s) => s.id === serviceId);
  return service === undefined ? text.visits.unknownService : text.visits.service(service.letter, service.name);
}

export function serviceName(services: readonly Service[], serviceId: number): string {
  return services.find((s) => s.id === serviceId)?.name ?? text.visits.unknownService;
}

/** `position` 1 is the next to be called, so the people ahead are one fewer. */
export function reprintedMessage(number: string, position: number): string {
  return text.visits.reprinted(number, Math.max(0, position - 1));
}
