export const evidenceKinds = [
  'id',
  'proof-of-address',
  'payslip',
  'bank-statement',
  'tenancy-agreement',
  'benefit-letter',
  'other',
] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export interface EvidenceItem {
  kind: EvidenceKind;
  description: string;
  count: number;
  original: boolean;
  returned: boolean;
}

export interface Receipt {
  id: number;
  /** `R-20261124-007`: local date of receipt and that day's sequence. */
  reference: string;
  visitId: number;
  ticketNumber: string;
  visitorName: string;
  receivedAt: number;
  receivedBy: { id: number; name: string };
  items: EvidenceItem[];
  /** Local date (yyyy-MM-dd) after which the record of this receipt is deleted. */
  deleteAfter: string;
  retentionDays: number;
}
