export const visitStatuses = [
  'waiting',
  'called',
  'serving',
  'parked',
  'finished',
  'no-show',
  'cancelled',
  'closed',
] as const;
export type VisitStatus = (typeof visitStatuses)[number];

/** How an advisor ends a visit. */
export const serviceOutcomes = ['resolved', 'referred', 'needs-follow-up'] as const;
export type ServiceOutcome = (typeof serviceOutcomes)[number];

/** Every way a visit can end, for stats: the advisor's outcomes plus what the queue decides. */
export type FinalOutcome = ServiceOutcome | 'no-show' | 'cancelled' | 'closed-end-of-day';

export const priorityReasons = ['vulnerable', 'safeguarding', 'mobility', 'other'] as const;
export type PriorityReason = (typeof priorityReasons)[number];

export interface VisitorNeeds {
  interpreter: boolean;
  /** Only when `interpreter`. */
  language: string | null;
  hearing: boolean;
  mobility: boolean;
}

export interface Visitor {
  name: string;
  addressLines: string[];
  /** Normalised (`L1 1JQ`), or null for no fixed abode / not given. */
  postcode: string | null;
  noFixedAbode: boolean;
}

/** A ticket as the queue sees it: no personal data, so it may be listed on any staff screen. */
export interface TicketView {
  visitId: number;
  number: string;
  serviceId: number;
  /** The service whose letter the number carries (it keeps its number across transfers). */
  status: VisitStatus;
  priority: PriorityReason | null;
  callByNumberOnly: boolean;
  needs: VisitorNeeds;
  /** UTC ms of issue, and of the place in line (kept across transfers). */
  issuedAt: number;
  queuedAt: number;
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  deskId: number | null;
  advisorId: number | null;
  recalls: number;
  transfers: number;
  outcome: FinalOutcome | null;
}

/** The full record, opened by staff on purpose (and audited). */
export interface VisitDetails extends TicketView {
  visitor: Visitor;
  reason: string;
  note: string | null;
}

export interface IssuedTicket {
  ticket: TicketView;
  /** 1 = next to be called among the tickets for its service. */
  position: number;
  estimatedWaitMinutes: number;
}
