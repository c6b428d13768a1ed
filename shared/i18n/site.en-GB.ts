/**
 * UK English words the core writes into a site's own records and reports: the services and desks
 * a new site starts with (a manager renames them from the manager screen), and the labels of a
 * history report's rows that have no name of their own. Chosen in catalogue.ts; a Welsh one is
 * another `SiteText`.
 */
export const siteText = {
  newSite: {
    /** Keyed by ticket letter, which stays the same in every language (it is on the ticket). */
    services: {
      C: 'Council Tax',
      B: 'Benefits',
      H: 'Housing',
      P: 'Parking',
      W: 'Waste and recycling',
      D: 'Blue Badge',
      G: 'General enquiries',
    },
    desk: (n: number) => `Desk ${String(n)}`,
  },

  /** Where a staff-safety alert asks for help when it names no desk; stored with the alert. */
  safety: {
    reception: 'Reception',
  },

  history: {
    /** The row of tickets never called to a desk, grouped by desk or by advisor. */
    noDesk: 'No desk',
    notCalled: 'Not called',
    /** A row whose service, desk or member of staff has no record left to name it. */
    service: (id: string) => `Service ${id}`,
    desk: (id: string) => `Desk ${id}`,
    staff: (id: string) => `Staff ${id}`,
    /** The report's row of every visit in the range. */
    total: 'All visits',
  },
};

export type SiteText = typeof siteText;
