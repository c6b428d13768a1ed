import type { TicketView } from './visit.js';

/** A desk opened by an advisor for a set of services. */
export interface OpenDesk {
  deskId: number;
  deskName: string;
  advisorId: number;
  advisorName: string;
  serviceIds: number[];
  openedAt: number;
  /** The ticket called to or being served at this desk, if any. */
  current: TicketView | null;
}
