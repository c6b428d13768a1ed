/** The manager's live board (renderer/manager/board/). Part of the `Catalogue` (../en-GB.ts). */

const names = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/** "8 min", "1 h", "1 h 5 min". */
function duration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export const boardText = {
  heading: 'Live board',
  loading: 'Loading the queue…',
  /** Times of day, in the site's time zone (date-fns pattern). */
  timeFormat: 'HH:mm',
  asOf: (time: string): string => `Live: changes show as they happen. Last update ${time}.`,
  stale: (time: string): string => `These are the last figures, from ${time}. They may be out of date until the connection is back.`,
  duration,

  figures: {
    heading: 'Today at a glance',
    waiting: 'Waiting now',
    longest: 'Longest wait now',
    longestIn: (service: string): string => `in ${service}`,
    nobodyWaiting: 'Nobody waiting',
    served: 'Served today',
    withinTarget: 'Called within target today',
    share: (percent: number): string => `${percent}%`,
    averageWait: 'Average wait today',
    averageService: 'Average time at a desk today',
    noneCalled: 'Nobody called yet',
    noneFinished: 'No visit finished yet',
  },

  overTarget: {
    /** Shown while any service is over target; the names are the services'. */
    now: (services: readonly string[]): string => `Over target now: ${names.format(services)}`,
    detail: 'The longest wait has passed the service’s target. Open another desk for it, or ask a desk to serve it too.',
    /** Said once by a screen reader when services pass their target. */
    announce: (time: string, services: readonly string[]): string =>
      services.length === 1
        ? `At ${time}, ${services[0] ?? ''} passed its target wait.`
        : `At ${time}, ${names.format(services)} passed their target waits.`,
  },

  services: {
    heading: 'Services',
    caption: 'Waiting and the longest wait in each service, against its target. Waits move on by themselves between changes.',
    service: 'Service',
    waiting: 'Waiting',
    longest: 'Longest wait',
    target: 'Target',
    state: 'State',
    noWait: 'no wait',
    levels: { none: 'Nobody waiting', ok: 'Within target', near: 'Near target', over: 'Over target' },
  },

  desks: {
    heading: 'Desks',
    caption: (open: number, total: number): string => `${open} of ${total} desks open. How long each has been in its state.`,
    desk: 'Desk',
    advisor: 'Advisor',
    state: 'State',
    for: 'How long',
    noAdvisor: 'nobody',
    notOpen: 'not open',
    closed: 'Closed',
    idle: 'Free',
    called: (ticket: string): string => `Calling ${ticket}`,
    serving: (ticket: string): string => `Serving ${ticket}`,
    paused: (reason: string): string => `Paused — ${reason}`,
    pauseReasons: { break: 'break', admin: 'admin', training: 'training' },
    since: (time: string): string => `since ${time}`,
    none: 'This site has no desks in use. A manager adds them in Settings.',
  },

  safety: {
    heading: 'Calls for help',
    none: 'No open calls for help.',
    who: (name: string): string => `${name} asked for help`,
    since: (time: string, ago: string): string => `since ${time} (${ago})`,
    answer: 'To say you are going, use “I’m going” in the alert at the top of the screen.',
    justNow: 'just now',
    minutesAgo: (minutes: number): string => `${minutes} min ago`,
    hoursAgo: (hours: number, minutes: number): string => (minutes === 0 ? `${hours} h ago` : `${hours} h ${minutes} min ago`),
  },
};
