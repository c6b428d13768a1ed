import { z } from 'zod';
import { localDate, recordId, utcMs } from './result-fields.js';

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

export const evidenceItemSchema = z.object({
  kind: z.enum(evidenceKinds),
  description: z.string(),
  count: z.int().min(1),
  original: z.boolean(),
  returned: z.boolean(),
});
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

export const receiptSchema = z.object({
  id: recordId,
  reference: z.string().meta({ description: '`R-20261124-007`: local date of receipt and that day’s sequence.' }),
  visitId: recordId,
  ticketNumber: z.string(),
  visitorName: z.string(),
  receivedAt: utcMs,
  receivedBy: z.object({ id: recordId, name: z.string() }),
  items: z.array(evidenceItemSchema),
  deleteAfter: localDate.meta({ description: 'Local date (yyyy-MM-dd) after which the record of this receipt is deleted.' }),
  retentionDays: z.int().positive(),
});
export type Receipt = z.infer<typeof receiptSchema>;
