import type { Handlers } from '../call-context.js';
import { requireCaller } from '../call-context.js';
import { confirmCallerPin } from '../pin-attempts.js';
import { checkCaseReference, eraseVisits, listErasures } from '../privacy/erasure.js';
import { findPersonRecords, personRows, subjectAccessVisits } from '../privacy/person-records.js';
import { listPurgeLog } from '../retention.js';

/** The scheduler ticks every minute and purges when an hour has passed since the last purge (site.ts). */
const purgeEveryMs = 60 * 60_000;
const tickMs = 60_000;

export const privacyHandlers = {
  findPersonRecords(input, ctx) {
    const { managerPin, ...search } = input;
    confirmCallerPin(ctx, managerPin);
    ctx.audit('privacy.search');
    return findPersonRecords(ctx.db, search);
  },

  exportSubjectAccess(input, ctx) {
    confirmCallerPin(ctx, input.managerPin);
    const rows = personRows(ctx.db, input.visitIds);
    for (const row of rows) ctx.audit('privacy.export', { type: 'visit', id: row.id });
    const settings = ctx.settings();
    return {
      generatedAt: ctx.now,
      siteName: settings.siteName,
      timeZone: settings.timeZone,
      retentionDays: settings.retentionDays,
      visits: subjectAccessVisits(ctx.db, rows, settings.timeZone, settings.retentionDays),
    };
  },

  eraseVisits(input, ctx) {
    checkCaseReference(input.caseReference, ctx.settings().caseReferencePattern);
    confirmCallerPin(ctx, input.managerPin);
    const rows = personRows(ctx.db, input.visitIds);
    const erasure = eraseVisits(ctx.db, { ...input, staffId: requireCaller(ctx).staffId, at: ctx.now }, rows);
    for (const row of rows) ctx.audit('visit.erase', { type: 'visit', id: row.id });
    ctx.audit('privacy.erase', { type: 'erasure', id: erasure.id });
    // The erased pages leave the -wal file too, once the call's transaction has committed.
    return Promise.resolve().then(() => {
      ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      return erasure;
    });
  },

  listErasures(input, ctx) {
    return listErasures(ctx.db, input);
  },

  getDataProtectionStatus(_input, ctx) {
    const settings = ctx.settings();
    const held = ctx.db
      .prepare('SELECT count(*) AS visits, min(issued_at) AS oldest, (SELECT count(*) FROM receipts) AS receipts FROM visits')
      .get() as { visits: number; oldest: number | null; receipts: number };
    const lastPurge = listPurgeLog(ctx.db, { limit: 1 })[0] ?? null;
    return {
      at: ctx.now,
      retentionDays: settings.retentionDays,
      auditRetentionDays: settings.auditRetentionDays,
      statsRetentionDays: settings.statsRetentionDays,
      visitsHeld: held.visits,
      receiptsHeld: held.receipts,
      oldestIssuedAt: held.oldest,
      nextPurgeBy: (lastPurge?.at ?? ctx.now) + purgeEveryMs + tickMs,
      lastPurge,
    };
  },
} satisfies Partial<Handlers>;
