import { describe, expect, it } from 'vitest';
import type { Service } from '../../../shared/domain/site.js';
import { visitStatuses } from '../../../shared/domain/visit.js';
import { clockTime, reprintedMessage, rowActions, serviceLabel, serviceName, statusWord } from '../../../renderer/reception/visits-rules.js';

const councilTax: Service = { id: 3, name: 'Council Tax', letter: 'C', targetWaitMinutes: 20, order: 0, active: true };

describe('rowActions', () => {
  it('offers a reprint only for a ticket still waiting, as reprintTicket allows', () => {
    expect(visitStatuses.filter((status) => rowActions(status).reprint)).toEqual(['waiting']);
  });

  it('offers a cancel for waiting, called and parked tickets, and none once served or ended', () => {
    expect(visitStatuses.filter((status) => rowActions(status).cancel)).toEqual(['waiting', 'called', 'parked']);
  });
});

describe('statusWord', () => {
  it('words every status in plain English, each differently', () => {
    const words = visitStatuses.map(statusWord);
    expect(new Set(words).size).toBe(visitStatuses.length);
    for (const [i, status] of visitStatuses.entries()) expect(words[i]).not.toBe(status);
    expect(statusWord('no-show')).toBe('Did not come');
    expect(statusWord('closed')).toBe('Closed at end of day');
  });
});

describe('clockTime', () => {
  it('shows the site’s 24-hour clock across British Summer Time', () => {
    expect(clockTime(Date.UTC(2026, 6, 1, 8, 5), 'Europe/London')).toBe('09:05');
    expect(clockTime(Date.UTC(2026, 0, 15, 8, 5), 'Europe/London')).toBe('08:05');
    expect(clockTime(Date.UTC(2026, 0, 15, 13, 30), 'Europe/London')).toBe('13:30');
  });

  it('shows midnight as 00, not 24', () => {
    expect(clockTime(Date.UTC(2026, 0, 15, 0, 7), 'UTC')).toBe('00:07');
  });
});

describe('serviceLabel and serviceName', () => {
  it('names the service with its letter, and says so when it is no longer listed', () => {
    expect(serviceLabel([councilTax], 3)).toBe('C – Council Tax');
    expect(serviceName([councilTax], 3)).toBe('Council Tax');
    expect(serviceLabel([councilTax], 99)).toBe('Service no longer listed');
  });
});

describe('reprintedMessage', () => {
  it('counts the people ahead, one fewer than the position', () => {
    expect(reprintedMessage('C014', 1)).toBe('C014 reprinted: next to be called.');
    expect(reprintedMessage('C014', 2)).toBe('C014 reprinted: 1 person ahead.');
    expect(reprintedMessage('C014', 3)).toBe('C014 reprinted: 2 people ahead.');
  });
});
