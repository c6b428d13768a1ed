import { z } from 'zod';
import type { Receipt } from '../domain/receipt.js';
import { evidenceKinds } from '../domain/receipt.js';
import { anyStaff, returns } from './define.js';
import { id, text, wholeNumber } from '../schemas/fields.js';
import { validationText as t } from '../i18n/validation.en-GB.js';

const maxItems = 30;

const evidenceItem = z.strictObject({
  kind: z.enum(evidenceKinds, { error: t.invalid }),
  description: text(200),
  count: wholeNumber(1, 500),
  original: z.boolean(),
  returned: z.boolean(),
});

export const receiptCalls = {
  recordEvidence: returns<Receipt>()({
    input: z.strictObject({
      visitId: id,
      items: z.array(evidenceItem).min(1, { error: t.atLeastOneItem }).max(maxItems, { error: t.tooManyItems(maxItems) }),
    }),
    access: anyStaff,
    summary: 'Records evidence handed in on a visit and returns its receipt (R-20261124-007).',
  }),
  getReceipt: returns<Receipt>()({
    input: z.strictObject({ receiptId: id }),
    access: anyStaff,
    summary: 'The same receipt again, for a reprint (audited).',
  }),
  listReceipts: returns<Receipt[]>()({
    input: z.strictObject({ visitId: id }),
    access: anyStaff,
    summary: 'The receipts of one visit.',
  }),
} as const;
