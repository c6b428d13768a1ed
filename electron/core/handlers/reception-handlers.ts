import type { VisitMatch } from '../../../shared/domain/visit.js';
import type { CallContext, Handlers } from '../call-context.js';
import { today } from '../queue/site-day.js';
import { ticketColumns, toTicketView, type VisitRow } from '../queue/visit-records.js';
import { nameKey, postcodeKey, visitMatcher } from '../queue/visit-search.js';

/** At most this many matches: enough to spot the visitor, short enough to read down. */
export const maxVisitMatches = 50;

type TodaysVisit = Pick<VisitRow, (typeof ticketColumns)[number] | 'letter' | 'seq' | 'visitor_name' | 'postcode' | 'no_fixed_abode'> & {
  receipts: number;
};

const columns = [...ticketColumns, 'letter', 'seq', 'visitor_name', 'postcode', 'no_fixed_abode'].map((c) => `v.${c}`).join(', ');

/**
 * Today's visits, latest issued first, with their receipt counts. Reception reads today's visits
 * (docs/access.md, "Need to know"), and only reception and managers make these calls.
 */
function todaysVisits(ctx: CallContext): TodaysVisit[] {
  return ctx.db
    .prepare(
      `SELECT ${columns}, (SELECT count(*) FROM receipts r WHERE r.visit_id = v.id) AS receipts
       FROM visits v WHERE v.day = ? ORDER BY v.issued_at DESC, v.id DESC`,
    )
    .all(today(ctx).day) as TodaysVisit[];
}

function toVisitMatch(row: TodaysVisit): VisitMatch {
  return {
    ticket: toTicketView(row),
    visitorName: row.visitor_name,
    postcode: row.postcode,
    noFixedAbode: row.no_fixed_abode === 1,
    receipts: row.receipts,
  };
}

export const receptionHandlers = {
  searchTodaysVisits(input, ctx) {
    const matches = visitMatcher(input.query);
    const found = todaysVisits(ctx).filter(matches).slice(0, maxVisitMatches);
    // That a search happened, and by whom: never what was typed, which may be a name.
    ctx.audit('visit.search');
    return found.map(toVisitMatch);
  },

  findRepeatVisit(input, ctx) {
    const name = nameKey(input.name);
    const postcode = postcodeKey(input.postcode);
    const found = todaysVisits(ctx).filter(
      (row) => row.postcode !== null && postcodeKey(row.postcode) === postcode && nameKey(row.visitor_name) === name,
    );
    ctx.audit('visit.repeat-check');
    return found.map(toTicketView);
  },
} satisfies Partial<Handlers>;
