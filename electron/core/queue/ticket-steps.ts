import type { VisitStatus } from '../../../shared/domain/visit.js';
import { DeskFailure } from '../../../shared/errors.js';
import { errorText as t } from '../../../shared/i18n/errors.en-GB.js';

/** The ticket's state machine: the statuses each step may start from. Anything else is a conflict. */
const from = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  finish: ['serving'],
  transfer: ['called', 'serving'],
  park: ['called', 'serving'],
  resume: ['parked'],
  'no-show': ['called'],
  reinstate: ['no-show'],
  cancel: ['waiting', 'parked', 'called'],
} as const satisfies Record<string, readonly VisitStatus[]>;

export type TicketStep = keyof typeof from;

const verbs: Record<TicketStep, string> = {
  call: 'called',
  recall: 'recalled',
  start: 'started',
  finish: 'finished',
  transfer: 'transferred',
  park: 'parked',
  resume: 'resumed',
  'no-show': 'marked as a no-show',
  reinstate: 'reinstated',
  cancel: 'cancelled',
};

const statusWords: Record<VisitStatus, string> = {
  waiting: 'waiting',
  called: 'called to a desk',
  serving: 'being served',
  parked: 'parked',
  finished: 'finished',
  'no-show': 'a no-show',
  cancelled: 'cancelled',
  closed: 'closed at the end of the day',
};

export function canStep(status: VisitStatus, step: TicketStep): boolean {
  return (from[step] as readonly VisitStatus[]).includes(status);
}

export function assertStep(ticket: { number: string; status: VisitStatus }, step: TicketStep): void {
  if (!canStep(ticket.status, step)) {
    throw new DeskFailure('conflict', t.impossibleStep(ticket.number, statusWords[ticket.status], verbs[step]));
  }
}
