import type { Receipt } from '../../../shared/domain/receipt.js';
import type { SiteSettings } from '../../../shared/domain/site.js';
import type { IssuedTicket } from '../../../shared/domain/visit.js';
import { sampleTicketView } from '../../fixtures/ticket-view.js';

/** 10:42 on Tuesday 24 November 2026 in London (GMT). */
export const issuedAt = Date.UTC(2026, 10, 24, 10, 42);

export function sampleIssued(overrides: Partial<IssuedTicket> = {}): IssuedTicket {
  return { ticket: sampleTicketView({ visitId: 7, number: 'C014', serviceId: 2, issuedAt }), position: 4, estimatedWaitMinutes: 15, ...overrides };
}

export function sampleReceipt(overrides: Partial<Receipt> = {}): Receipt {
  return {
    id: 3,
    reference: 'R-20261124-007',
    visitId: 7,
    ticketNumber: 'C014',
    visitorName: 'Aoife O’Brien-Smith',
    receivedAt: issuedAt + 20 * 60_000,
    receivedBy: { id: 2, name: 'Sam Reception' },
    items: [
      { kind: 'payslip', description: 'September and October payslips', count: 2, original: true, returned: true },
      { kind: 'tenancy-agreement', description: 'Tenancy at 4 Bold Street', count: 1, original: false, returned: false },
    ],
    deleteAfter: '2026-12-22',
    retentionDays: 28,
    ...overrides,
  };
}

export function sampleSettings(overrides: Partial<SiteSettings> = {}): SiteSettings {
  const day = { open: '09:00', lastTicket: '16:30', close: '17:00' };
  return {
    siteName: 'Liverpool One Stop Shop',
    timeZone: 'Europe/London',
    openingHours: { monday: day, tuesday: day, wednesday: day, thursday: day, friday: day, saturday: null, sunday: null },
    retentionDays: 28,
    auditRetentionDays: 365,
    statsRetentionDays: 730,
    caseReferencePattern: '^[A-Z]{2,6}(-[0-9]{1,10}){1,3}$',
    priorityHeadStartMinutes: 15,
    sessionIdleMinutes: 10,
    ticketPaper: '80mm',
    recoveryPassphraseSet: false,
    ...overrides,
  };
}
