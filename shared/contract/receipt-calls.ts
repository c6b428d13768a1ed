import { z } from 'zod';
import { evidenceKinds, receiptSchema } from '../domain/receipt.js';
import { anyStaff, defineCall } from './define.js';
import { id, wholeNumber } from '../schemas/fields.js';
import { text } from './documented-fields.js';
import { validationText as t } from '../i18n/catalogue.js';

const maxItems = 30;

const evidenceItem = z.strictObject({
  kind: z.enum(evidenceKinds, { error: t.invalid }),
  description: text(200),
  count: wholeNumber(1, 500),
  original: z.boolean(),
  returned: z.boolean(),
});

export const receiptCalls = {
  recordEvidence: defineCall({
    input: z.strictObject({
      visitId: id,
      items: z.array(evidenceItem).min(1, { error: t.atLeastOneItem }).max(maxItems, { error: t.tooManyItems(maxItems) }),
    }),
    result: receiptSchema,
    access: anyStaff,
    errors: ['not-found', 'forbidden', 'conflict'],
    summary: 'Records evidence handed in on a visit and returns its receipt (R-20261124-007).',
  }),
  getReceipt: defineCall({
    effect: 'read',
    input: z.strictObject({ receiptId: id }),
    result: receiptSchema,
    access: anyStaff,
    errors: ['not-found', 'forbidden'],
    summary: 'The same receipt again, for a reprint (audited).',
  }),
  listReceipts: defineCall({
    effect: 'read',
    input: z.strictObject({ visitId: id }),
    result: z.array(receiptSchema),
    access: anyStaff,
    errors: ['not-found', 'forbidden'],
    summary: 'The receipts of one visit.',
  }),
} as const;
