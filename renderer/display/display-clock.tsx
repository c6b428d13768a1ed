import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { useEffect, useState } from 'react';
import { text } from '../i18n/text.js';

/**
 * The waiting area's clock, in the site's time zone from the hub (the display PC's own clock
 * may be set to another zone; until the hub has answered, the PC's is shown). Redrawn on each
 * minute's turn, not every second.
 */
export function DisplayClock({ timeZone }: { timeZone: string | null }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const next = () => {
      const current = new Date();
      setNow(current);
      timer = setTimeout(next, 60_000 - (current.getTime() % 60_000) + 50);
    };
    timer = setTimeout(next, 60_000 - (Date.now() % 60_000) + 50);
    return () => clearTimeout(timer);
  }, []);
  const t = text.display.clock;
  const local = timeZone === null ? now : new TZDate(now.getTime(), timeZone);
  return (
    <p className="display__clock">
      <time className="display__time" dateTime={now.toISOString()}>
        {format(local, t.time)}
      </time>
      <span className="display__day">{format(local, t.day)}</span>
    </p>
  );
}
