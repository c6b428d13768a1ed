/** The manager's reports (renderer/reports/). Part of the `Catalogue` (../en-GB.ts). */

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export const reportsText = {
  title: 'Reports',
  intro: 'How the day and the month went: visitors, waits and outcomes for the dates you choose.',

  range: {
    heading: 'Dates',
    from: 'From',
    to: 'To',
    hint: 'Both days are included.',
    submit: 'Show report',
    loading: 'Loading…',
    quick: 'Quick choices',
    today: 'Today',
    last7: 'Last 7 days',
    last30: 'Last 30 days',
    thisMonth: 'This month',
    lastMonth: 'Last month',
  },

  covers: (from: string, to: string): string => `Showing ${from} to ${to}.`,
  coversOneDay: (day: string): string => `Showing ${day}.`,
  heldFrom: (day: string): string => `Figures are held from ${day}.`,
  heldFromLater: (day: string): string => `Figures are held from ${day}, so earlier days in this range show nothing.`,
  heldNone: 'No figures are held yet: the first visits will appear here.',

  loading: 'Loading the report…',
  failed: 'The report could not be loaded.',
  tryAgain: 'Try again',
  empty: 'No tickets were issued on these dates.',
  emptyHint: 'Choose other dates, or one of the quick choices.',

  actions: {
    download: 'Download CSV',
    downloading: 'Preparing the CSV…',
    downloadFailed: 'The CSV could not be made. Try again; if it happens again, tell IT.',
    print: 'Print',
  },

  headline: {
    heading: 'Totals',
    issued: 'Visitors',
    served: 'Served',
    averageWait: 'Average wait',
    withinTarget: 'Called within target',
    averageService: 'Average time at the desk',
    noShows: 'No-shows',
  },

  units: {
    minutes: (value: string): string => `${value} min`,
    percent: (value: string): string => `${value}%`,
    none: '–',
  },

  figures: {
    show: 'Show the figures',
    total: 'Total',
    day: 'Day',
    hour: 'Hour',
    service: 'Service',
    advisor: 'Advisor',
    outcome: 'Outcome',
    issued: 'Issued',
    served: 'Served',
    noShows: 'No-shows',
    called: 'Called',
    withinTarget: 'Called within target',
    withinTargetShare: 'Within target (%)',
    averageWait: 'Average wait (min)',
    averageService: 'Average time at the desk (min)',
    target: 'Target wait (min)',
    count: 'Tickets',
    share: 'Share (%)',
  },

  outcomes: {
    served: 'Served',
    noShow: 'No-show',
    cancelled: 'Cancelled',
    notCalled: 'Not called',
  },

  charts: {
    byDay: {
      heading: 'Visitors by day',
      summary: (issued: number, served: number, days: number, busiest: string | null, busiestCount: number): string =>
        `${plural(issued, 'ticket', 'tickets')} issued and ${served.toLocaleString('en-GB')} served over ${plural(days, 'day', 'days')}.` +
        (busiest === null ? '' : ` The busiest day was ${busiest}, with ${plural(busiestCount, 'ticket', 'tickets')}.`),
    },
    byHour: {
      heading: 'Visitors by hour of day',
      summary: (hour: string, count: number, share: string): string =>
        `Most tickets were issued between ${hour}: ${count.toLocaleString('en-GB')}, ${share}% of all.`,
      range: (start: string, end: string): string => `${start} and ${end}`,
    },
    byService: {
      heading: 'Waiting and desk time by service',
      summary: (over: number, services: number, longest: string, longestWait: string): string =>
        `${over === 0 ? 'No' : `${over} of ${services}`} ${services === 1 ? 'service' : 'services'} had an average wait over ${services === 1 ? 'its' : 'their'} target. The longest average wait was ${longest}, ${longestWait} minutes.`,
      targetMarker: 'Target wait',
    },
    withinTarget: {
      heading: 'Called within target, by day',
      summary: (overall: string, lowest: string | null, lowestShare: string): string =>
        `${overall}% of tickets were called within their service’s target wait.` +
        (lowest === null ? '' : ` The lowest day was ${lowest}, at ${lowestShare}%.`),
    },
    outcomes: {
      heading: 'Outcomes',
      summary: (served: string, noShow: string, cancelled: string, notCalled: string): string =>
        `${served}% served, ${noShow}% no-shows, ${cancelled}% cancelled and ${notCalled}% not called (closed at the end of the day, or still open).`,
    },
    byAdvisor: {
      heading: 'Served by each advisor',
      summary: (advisors: number, most: string, mostServed: number): string =>
        `${plural(advisors, 'advisor', 'advisors')} served visitors. ${most} served the most: ${mostServed.toLocaleString('en-GB')}.`,
      staffNote: 'These figures name members of staff. They are management information: not for publication.',
      none: 'No advisor served a visitor on these dates.',
    },
    noShows: {
      heading: 'No-shows by day',
      summary: (noShows: number, share: string, worst: string | null, worstCount: number): string =>
        `${plural(noShows, 'no-show', 'no-shows')}, ${share}% of tickets issued.` +
        (worst === null ? '' : ` The most were on ${worst}: ${worstCount.toLocaleString('en-GB')}.`),
    },
  },

  formats: {
    /** date-fns patterns: an axis tick, a table row, the dates a report covers. */
    axisDay: 'd MMM',
    tableDay: 'EEE d MMM yyyy',
    longDay: 'd MMMM yyyy',
  },
};
