import { describe, expect, it } from 'vitest';
import { text } from '../../../renderer/i18n/text.js';
import { estimatedWaitLine, peopleAheadLine } from '../../../renderer/print/ticket-wording.js';

describe('people ahead on a ticket', () => {
  it('tells the next visitor they are next, and counts the others ahead without them', () => {
    expect(peopleAheadLine(1)).toBe('You are next');
    expect(peopleAheadLine(2)).toBe('1 person ahead of you');
    expect(peopleAheadLine(4)).toBe('3 people ahead of you');
    expect(peopleAheadLine(101)).toBe('100 people ahead of you');
  });
});

describe('estimated wait on a ticket', () => {
  it('says under 5 minutes for a wait the queue cannot promise more closely', () => {
    for (const minutes of [0, 1, 4]) expect(estimatedWaitLine(minutes)).toBe('Estimated wait: under 5 minutes');
  });

  it('rounds to 5 minutes, never below 5', () => {
    expect(estimatedWaitLine(5)).toBe('Estimated wait: about 5 minutes');
    expect(estimatedWaitLine(7)).toBe('Estimated wait: about 5 minutes');
    expect(estimatedWaitLine(8)).toBe('Estimated wait: about 10 minutes');
    expect(estimatedWaitLine(15)).toBe('Estimated wait: about 15 minutes');
    expect(estimatedWaitLine(57)).toBe('Estimated wait: about 55 minutes');
  });

  it('speaks in hours past the hour', () => {
    expect(estimatedWaitLine(58)).toBe('Estimated wait: about 1 hour');
    expect(estimatedWaitLine(75)).toBe('Estimated wait: about 1 hour 15 minutes');
    expect(estimatedWaitLine(120)).toBe('Estimated wait: about 2 hours');
    expect(estimatedWaitLine(134)).toBe('Estimated wait: about 2 hours 15 minutes');
  });
});

describe('receipt and retention wording', () => {
  const t = text.print;

  it('counts pages and documents in the singular and the plural', () => {
    expect(t.receipt.pages(1)).toBe('1 page');
    expect(t.receipt.pages(2)).toBe('2 pages');
    expect(t.receipt.items(1)).toBe('1 document received');
    expect(t.receipt.items(3)).toBe('3 documents received');
  });

  it('says how long details are kept, in days', () => {
    expect(t.ticket.retention(28)).toBe('Your details are kept for 28 days, then deleted.');
    expect(t.ticket.retention(1)).toBe('Your details are kept for 1 day, then deleted.');
    expect(t.receipt.retention(28, '22 December 2026')).toBe(
      'We keep a record of this receipt for 28 days, until 22 December 2026, then delete it.',
    );
  });
});
