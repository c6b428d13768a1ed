import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LiveDeskFigures, LiveServiceFigures } from '../../../../shared/domain/stats.js';
import { serviceStanding } from '../../../../renderer/manager/board/board-rules.js';
import { DeskTable } from '../../../../renderer/manager/board/desk-table.js';
import { ServiceTable } from '../../../../renderer/manager/board/service-table.js';

const minute = 60_000;
// 09:30 UTC on 24 November is 09:30 in London; in July it would be 10:30 (BST).
const at = Date.UTC(2026, 10, 24, 9, 30);
const july = Date.UTC(2026, 6, 24, 9, 30);

/** The page's words, without tags: what a person reads. */
function words(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function desk(overrides: Partial<LiveDeskFigures>): LiveDeskFigures {
  return { deskId: 1, deskName: 'Desk 1', advisorName: 'Adam Advisor', status: 'idle', ticketNumber: null, sinceMs: at, paused: null, ...overrides };
}

describe('DeskTable', () => {
  it('says a paused desk’s reason and since when, on the site’s clock, and how long', () => {
    const html = renderToStaticMarkup(
      <DeskTable desks={[desk({ paused: { reason: 'break', sinceMs: july } })]} now={july + 12 * minute} timeZone="Europe/London" />,
    );
    expect(words(html)).toContain('Desk 1 Adam Advisor Paused — break since 10:30 12 min');
  });

  it('says calling and serving with the ticket, free, and closed with nobody and no time', () => {
    const html = renderToStaticMarkup(
      <DeskTable
        desks={[
          desk({ deskId: 1, status: 'called', ticketNumber: 'C014' }),
          desk({ deskId: 2, deskName: 'Desk 2', status: 'serving', ticketNumber: 'H003', sinceMs: at - 75 * minute }),
          desk({ deskId: 3, deskName: 'Desk 3' }),
          desk({ deskId: 4, deskName: 'Desk 4', status: 'closed', advisorName: null, sinceMs: null }),
        ]}
        now={at + 2 * minute}
        timeZone="Europe/London"
      />,
    );
    const said = words(html);
    expect(said).toContain('3 of 4 desks open');
    expect(said).toContain('Calling C014 since 09:30 2 min');
    expect(said).toContain('Serving H003 since 08:15 1 h 17 min');
    expect(said).toContain('Desk 3 Adam Advisor Free since 09:30 2 min');
    expect(said).toContain('Desk 4 – nobody Closed – not open');
  });
});

describe('ServiceTable', () => {
  const service = (overrides: Partial<LiveServiceFigures>): LiveServiceFigures => ({
    serviceId: 1,
    serviceName: 'Council Tax',
    letter: 'C',
    waiting: 2,
    longestWaitMinutes: 0,
    oldestQueuedAtMs: at,
    targetWaitMinutes: 15,
    ...overrides,
  });

  it('says each state in words beside its mark, never by colour alone', () => {
    const now = at + 12 * minute;
    const html = renderToStaticMarkup(
      <ServiceTable
        standings={[
          serviceStanding(service({ serviceId: 1, serviceName: 'Council Tax', targetWaitMinutes: 10 }), now),
          serviceStanding(service({ serviceId: 2, serviceName: 'Housing', letter: 'H', targetWaitMinutes: 15 }), now),
          serviceStanding(service({ serviceId: 3, serviceName: 'Benefits', letter: 'B', targetWaitMinutes: 30 }), now),
          serviceStanding(service({ serviceId: 4, serviceName: 'Parking', letter: 'P', waiting: 0, oldestQueuedAtMs: null }), now),
        ]}
      />,
    );
    const said = words(html);
    expect(said).toContain('Council Tax 2 12 min 10 min ▲ Over target');
    expect(said).toContain('Housing 2 12 min 15 min ● Near target');
    expect(said).toContain('Benefits 2 12 min 30 min ✓ Within target');
    expect(said).toContain('Parking 0 – no wait 15 min ○ Nobody waiting');
    // The shapes are for the eye; a screen reader hears the words.
    expect(html).toMatch(/<span class="board-state__mark" aria-hidden="true">▲<\/span>/);
  });
});
