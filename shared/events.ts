import type { DisplayCall } from './domain/display.js';

/** Pushed by the core through both doors. Events carry no personal data: clients refetch. */
export type DeskEvent =
  | { type: 'queue-changed'; at: number }
  | { type: 'ticket-called'; call: DisplayCall }
  | { type: 'settings-changed'; at: number }
  /** A staff-safety alert was raised or acknowledged: staff screens refetch `listSafetyAlerts`. */
  | { type: 'safety-alerts-changed'; at: number };

export type DeskEventType = DeskEvent['type'];

/** `everyone` includes the waiting-area screen, which has no session. */
export const eventAudience: Readonly<Record<DeskEventType, 'staff' | 'everyone'>> = {
  // Carries only its time, and the waiting-area screen shows the queue: its counts and calls
  // that stop calling change with it, so the display is told too and never has to poll.
  'queue-changed': 'everyone',
  'ticket-called': 'everyone',
  'settings-changed': 'staff',
  'safety-alerts-changed': 'staff',
};
