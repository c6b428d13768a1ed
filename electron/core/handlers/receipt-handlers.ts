import type { EvidenceItem, Receipt } from '../../../shared/domain/receipt.js';
import { DeskFailure } from '../../../shared/errors.js';
import { formatReceiptReference } from '../../../shared/ticket-number.js';
import type { CallContext, Handlers } from '../call-context.js';
import { requireCaller } from '../call-context.js';
import { localDay, retentionCutoff, retentionExpiry } from '../local-time.js';
import { readableVisit } from '../queue/visit-access.js';
import { errorText as t } from '../../../shared/i18n/catalogue.js';

interface ReceiptRow {
  id: number;
  visit_id: number;
  reference: string;
  received_at: number;
  received_by: number;
  items: string;
  number: string;
  visitor_name: string;
  issued_at: number;
  staff_name: string;
}

const select = `SELECT r.id, r.visit_id, r.reference, r.received_at, r.received_by, r.items, v.number, v.visitor_name, v.issued_at,
  st.name AS staff_name FROM receipts r JOIN visits v ON v.id = r.visit_id JOIN staff st ON st.id = r.received_by`;

function toReceipt(ctx: CallContext, row: ReceiptRow): Receipt {
  const { timeZone, retentionDays } = ctx.settings();
  // The record goes with its visit: retentionDays after the visit was issued.
  const deleteAfter = localDay(retentionExpiry(row.issued_at, timeZone, retentionDays), timeZone);
  return {
    id: row.id,
    reference: row.reference,
    visitId: row.visit_id,
    ticketNumber: row.number,
    visitorName: row.visitor_name,
    receivedAt: row.received_at,
    receivedBy: { id: row.received_by, name: row.staff_name },
    items: JSON.parse(row.items) as EvidenceItem[],
    deleteAfter,
    retentionDays,
  };
}

function getReceiptRow(ctx: CallContext, id: number): ReceiptRow {
  const row = ctx.db.prepare(`${select} WHERE r.id = ?`).get(id) as ReceiptRow | undefined;
  if (row === undefined) throw new DeskFailure('not-found', t.noSuchReceipt);
  return row;
}

export const receiptHandlers = {
  recordEvidence(input, ctx) {
    const caller = requireCaller(ctx);
    const visit = readableVisit(ctx, input.visitId);
    const { timeZone, retentionDays } = ctx.settings();
    if (visit.issued_at < retentionCutoff(ctx.now, timeZone, retentionDays)) {
      throw new DeskFailure('conflict', t.pastRetention);
    }
    const day = localDay(ctx.now, timeZone);
    const seq = (ctx.db.prepare('SELECT coalesce(max(seq), 0) + 1 AS next FROM receipts WHERE day = ?').get(day) as { next: number }).next;
    const id = Number(
      ctx.db
        .prepare(
          `INSERT INTO receipts (visit_id, day, seq, reference, received_at, received_by, items)
           VALUES (@visitId, @day, @seq, @reference, @now, @staffId, @items)`,
        )
        .run({
          visitId: visit.id,
          day,
          seq,
          reference: formatReceiptReference(day, seq),
          now: ctx.now,
          staffId: caller.staffId,
          items: JSON.stringify(input.items),
        }).lastInsertRowid,
    );
    ctx.audit('receipt.create', { type: 'receipt', id });
    return toReceipt(ctx, getReceiptRow(ctx, id));
  },

  getReceipt(input, ctx) {
    const row = getReceiptRow(ctx, input.receiptId);
    readableVisit(ctx, row.visit_id);
    ctx.audit('receipt.view', { type: 'receipt', id: row.id });
    return toReceipt(ctx, row);
  },

  listReceipts(input, ctx) {
    readableVisit(ctx, input.visitId);
    const rows = ctx.db.prepare(`${select} WHERE r.visit_id = ? ORDER BY r.id`).all(input.visitId) as ReceiptRow[];
    ctx.audit('visit.view', { type: 'visit', id: input.visitId });
    return rows.map((row) => toReceipt(ctx, row));
  },
} satisfies Partial<Handlers>;
