import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PrintSite } from '../../../renderer/print/print-job.js';
import { ReceiptPrint } from '../../../renderer/print/receipt-print.js';
import { TicketPrint } from '../../../renderer/print/ticket-print.js';
import { issuedAt, sampleIssued, sampleReceipt } from './print-samples.js';

const site: PrintSite = { siteName: 'Liverpool One Stop Shop', timeZone: 'Europe/London', retentionDays: 28, paper: '80mm' };

/** The words as printed, one block a line: markup stripped, entities undone. */
function words(html: string): string {
  return html
    .replace(/<\/(p|h1|h2|li|dt|dd)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('the printed ticket', () => {
  it('shows the number, the service, the issue time in the site’s zone, the queue ahead and the retention line', () => {
    const html = renderToStaticMarkup(<TicketPrint job={{ kind: 'ticket', issued: sampleIssued(), serviceName: 'Council Tax', reprint: false }} site={site} printedAt={issuedAt} />);
    expect(words(html).split('\n')).toEqual([
      'Liverpool One Stop Shop',
      'Your ticket',
      'C014',
      'Council Tax',
      'Issued 10:42, Tue 24 Nov 2026',
      '3 people ahead of you',
      'Estimated wait: about 15 minutes',
      'Please watch the screen for your number',
      'Your details are kept for 28 days, then deleted.',
      '',
    ]);
    expect(html).not.toContain('Reprinted');
  });

  it('marks a reprint with the time it was printed again', () => {
    const html = renderToStaticMarkup(
      <TicketPrint job={{ kind: 'ticket', issued: sampleIssued({ position: 1, estimatedWaitMinutes: 0 }), serviceName: 'Housing', reprint: true }} site={site} printedAt={issuedAt + 8 * 60_000} />,
    );
    expect(words(html)).toContain('Reprinted 10:50\n');
    expect(words(html)).toContain('You are next\nEstimated wait: under 5 minutes\n');
  });

  it('prints a number past 999 smaller, so that it fits the roll', () => {
    const issued = sampleIssued();
    const html = renderToStaticMarkup(<TicketPrint job={{ kind: 'ticket', issued: { ...issued, ticket: { ...issued.ticket, number: 'C1000' } }, serviceName: 'Council Tax', reprint: false }} site={site} printedAt={issuedAt} />);
    expect(html).toContain('print-ticket__number--long');
  });
});

describe('the printed evidence receipt', () => {
  it('lists each document with its pages, whether original and whether returned, and says until when it is kept', () => {
    const html = renderToStaticMarkup(<ReceiptPrint job={{ kind: 'receipt', receipt: sampleReceipt(), copy: 'visitor' }} site={site} />);
    const printed = words(html);
    for (const line of [
      'Evidence receipt\n',
      'R-20261124-007\n',
      'Received 11:02, Tue 24 Nov 2026\n',
      'Visitor\nAoife O’Brien-Smith\n',
      'Ticket\nC014\n',
      '2 documents received\n',
      'Payslip — 2 pages\nSeptember and October payslips\nOriginal · Returned to you\n',
      'Tenancy agreement — 1 page\nTenancy at 4 Bold Street\nCopy · Kept by us\n',
      'Received by Sam Reception\n',
      'We keep a record of this receipt for 28 days, until 22 December 2026, then delete it.\n',
    ]) {
      expect(printed).toContain(line);
    }
    expect(printed).not.toContain('BACK-OFFICE');
  });

  it('bands the back-office copy so it is not handed to the visitor', () => {
    const html = renderToStaticMarkup(<ReceiptPrint job={{ kind: 'receipt', receipt: sampleReceipt(), copy: 'back-office' }} site={site} />);
    expect(words(html).match(/BACK-OFFICE COPY — not for the visitor/g)).toHaveLength(2);
  });

  it('prints a name that looks like markup as the text it is', () => {
    const name = '<img src=x onerror=alert(1)> & "Bobby"';
    const html = renderToStaticMarkup(
      <ReceiptPrint job={{ kind: 'receipt', receipt: sampleReceipt({ visitorName: name, items: [{ kind: 'other', description: '<b>bold</b>', count: 1, original: true, returned: false }] }), copy: 'visitor' }} site={site} />,
    );
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>');
    expect(words(html)).toContain(`${name}\n`);
    expect(words(html)).toContain('Other document — 1 page\n<b>bold</b>\n');
  });
});
