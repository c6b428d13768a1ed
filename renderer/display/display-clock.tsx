import { format } from 'date-fns';
import { useEffect, useState } from 'react';
import { text } from '../i18n/text.js';

/**
 * The waiting area's clock, in this display PC's own time (DisplayState carries no time zone;
 * the PC stands in the building). Redrawn on each minute's turn, not every second.
 */
export function DisplayClock() {
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
  return (
    <p className="display__clock">
      <time className="display__time" dateTime={now.toISOString()}>
        {format(now, t.time)}
      </time>
      <span className="display__day">{format(now, t.day)}</span>
    </p>
  );
}
