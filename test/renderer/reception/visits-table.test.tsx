import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Service } from '../../../shared/domain/site.js';
import type { VisitMatch, VisitStatus } from '../../../shared/domain/visit.js';
import { VisitsTable, type VisitsTableProps } from '../../../renderer/reception/visits-table.js';
import { sampleTicketView } from '../../fixtures/ticket-view.js';

const services: Service[] = [{ id: 3, name: 'Council Tax', letter: 'C', targetWaitMinutes: 20, order: 0, active: true }];
const issuedAt = Date.UTC(2026, 10, 24, 9, 41);

function visit(visitId: number, number: string, status: VisitStatus, visitorName: string, postcode: string | null): VisitMatch {
  return {
    ticket: sampleTicketView({ visitId, number, serviceId: 3, status, issuedAt }),
    visitorName,
    postcode,
    noFixedAbode: postcode === null,
    receipts: 2,
  };
}

const nothing = () => undefined;
function render(visits: VisitMatch[], overrides: Partial<VisitsTableProps> = {}): string {
  return renderToStaticMarkup(
    <VisitsTable
      visits={visits}
      caption="Today’s visits"
      services={services}
      timeZone="Europe/London"
      pending={null}
      confirming={null}
      problem={null}
      onReprint={nothing}
      onAskCancel={nothing}
      onConfirmCancel={nothing}
      onKeep={nothing}
      onEvidence={nothing}
      {...overrides}
    />,
  );
}

describe('VisitsTable', () => {
  it('shows a name that looks like markup as text, never as markup', () => {
    const html = render([visit(1, 'C014', 'waiting', '<img src=x onerror=alert(1)>', 'L1 1JQ')]);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('names each button with its ticket, and offers only what the ticket’s state allows', () => {
    const html = render([visit(1, 'C014', 'waiting', 'Ann', 'L1 1JQ'), visit(2, 'C015', 'serving', 'Bob', null)]);
    expect(html).toContain('aria-label="Reprint ticket C014"');
    expect(html).toContain('aria-label="Cancel C014"');
    expect(html).toContain('aria-label="Evidence for C014"');
    expect(html).not.toContain('Reprint ticket C015');
    expect(html).not.toContain('Cancel C015');
    expect(html).toContain('aria-label="Evidence for C015"');
  });

  it('shows the row in words: no fixed abode, the service with its letter, the status, the site’s time', () => {
    const html = render([visit(2, 'C015', 'no-show', 'Bob', null)]);
    expect(html).toContain('No fixed abode');
    expect(html).toContain('C – Council Tax');
    expect(html).toContain('Did not come');
    expect(html).toContain('09:41');
  });

  it('asks before cancelling, naming the ticket, with Confirm and Keep', () => {
    const html = render([visit(1, 'C014', 'parked', 'Ann', 'L1 1JQ')], { confirming: 1 });
    expect(html).toContain('Cancel ticket C014? It leaves the queue.');
    expect(html).toContain('aria-label="Confirm: cancel ticket C014"');
    expect(html).toContain('aria-label="Keep ticket C014"');
    expect(html).toContain('aria-expanded="true"');
  });

  it('shows a refusal as an alert under its own row', () => {
    const html = render([visit(1, 'C014', 'waiting', 'Ann', 'L1 1JQ')], { problem: { visitId: 1, message: 'C014 is being served now.' } });
    expect(html).toMatch(/role="alert"[^>]*>C014 is being served now\./);
  });
});
