import { performance } from 'node:perf_hooks';
import type { PurgeLogEntry, RetentionPreview } from '../../shared/domain/stats.js';
import { forgetOldAnswers } from './call-answers.js';
import { forgetOldPairingCodes } from './lan/pairing-codes.js';
import { localDay, retentionCutoff } from './local-time.js';
import type { Settings } from './settings.js';
import type { Db } from './store/open-database.js';
import { combine, figureColumns, figureKeys, figureSums, visitFiguresSql } from './stats/visit-figures.js';
import { addToDailyTotalsSql } from './stats/daily-totals.js';
import { dropPurgedDays } from './stats/closed-day-totals.js';

export type PurgeTrigger = PurgeLogEntry['trigger'];

/** 8 MiB of 4 KiB pages: about a week of a busy site's visits (the bench's 3,000 a day). */
const reclaimPagesPerPurge = 2048;


const rollUp = `
  INSERT INTO daily_stats (${figureKeys}, ${figureSums})
  SELECT ${figureKeys}, ${figureSums} FROM temp.purged_figures WHERE true
  ON CONFLICT (${figureKeys}) DO UPDATE SET
    ${figureColumns.map((c) => `${c} = ${combine(c, c, `excluded.${c}`)}`).join(',\n    ')}`;

const rollUpTotals = addToDailyTotalsSql('temp.purged_figures');

/**
 * Adds the figures of the visits matching `where` (a condition on `v`, with named `params`) to
 * `daily_stats` and `daily_totals`, before they are deleted: by the purge, or by an erasure on
 * request (privacy/erasure.ts). They are computed once into a temporary table (in memory:
 * temp_store=MEMORY). Must run inside the transaction that deletes those visits, so each visit is
 * counted exactly once.
 */
export function rollUpVisits(db: Db, where: string, params: Record<string, unknown>): void {
  db.prepare(`CREATE TEMP TABLE purged_figures AS ${visitFiguresSql(where)}`).run(params);
  db.prepare(rollUp).run();
  db.prepare(rollUpTotals).run();
  db.prepare('DROP TABLE temp.purged_figures').run();
}

/**
 * The council's promise, kept by the app itself (docs/design.md, "Retention"): visits issued before
 * the same wall-clock time `retentionDays` calendar days ago are rolled into anonymous
 * `daily_stats` and deleted in one transaction — so each is counted exactly once however often
 * this runs — with `secure_delete` on, and free pages are given back; then the WAL is
 * checkpointed with TRUNCATE so old pages leave the -wal file.
 */
export function purge(db: Db, now: number, settings: Settings, trigger: PurgeTrigger): PurgeLogEntry {
  const started = performance.now();
  const cutoff = retentionCutoff(now, settings.timeZone, settings.retentionDays);
  const auditCutoff = retentionCutoff(now, settings.timeZone, settings.auditRetentionDays);
  const statsCutoffDay = localDay(retentionCutoff(now, settings.timeZone, settings.statsRetentionDays), settings.timeZone);

  const counts = db
    .transaction(() => {
      rollUpVisits(db, 'v.issued_at < @cutoff', { cutoff });
      const receiptsDeleted = db.prepare('DELETE FROM receipts WHERE visit_id IN (SELECT id FROM visits WHERE issued_at < ?)').run(cutoff).changes;
      const visitsDeleted = db.prepare('DELETE FROM visits WHERE issued_at < ?').run(cutoff).changes;
      // Answers kept by idempotency key live a day (call-answers.ts).
      forgetOldAnswers(db, now);
      forgetOldPairingCodes(db, now);
      const auditDeleted = db.prepare('DELETE FROM audit WHERE at < ?').run(auditCutoff).changes;
      // Answered calls for help name staff only, like the audit log, and go with it; one still
      // open stays on every staff screen until someone answers it.
      db.prepare('DELETE FROM safety_alerts WHERE acknowledged_at IS NOT NULL AND raised_at < ?').run(auditCutoff);
      const statsDeleted = db.prepare('DELETE FROM daily_stats WHERE day < ?').run(statsCutoffDay).changes;
      db.prepare('DELETE FROM daily_totals WHERE day < ?').run(statsCutoffDay);
      dropPurgedDays(db, localDay(cutoff, settings.timeZone));
      // Free pages (already zeroed by secure_delete) are given back inside the same transaction, so
      // each moved page is written to the WAL once and the checkpoint below leaves it empty; at most
      // `reclaimPagesPerPurge` at a time, so a start after weeks closed stays quick and the next
      // hourly purges give back the rest (https://sqlite.org/pragma.html#pragma_incremental_vacuum).
      if ((db.pragma('freelist_count', { simple: true }) as number) > 0) db.pragma(`incremental_vacuum(${reclaimPagesPerPurge})`);
      return { receiptsDeleted, visitsDeleted, auditDeleted, statsDeleted };
    })
    .immediate();

  // https://sqlite.org/pragma.html#pragma_wal_checkpoint — TRUNCATE resets the -wal file to zero bytes.
  db.pragma('wal_checkpoint(TRUNCATE)');

  const durationMs = Math.round(performance.now() - started);
  const info = db
    .prepare(
      `INSERT INTO purge_log (at, cutoff, visits_deleted, receipts_deleted, audit_deleted, stats_deleted, duration_ms, trigger)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(now, cutoff, counts.visitsDeleted, counts.receiptsDeleted, counts.auditDeleted, counts.statsDeleted, durationMs, trigger);
  return { id: Number(info.lastInsertRowid), at: now, cutoff, ...counts, durationMs, trigger };
}

/** What the next purge would delete were retention `retentionDays`: asked before shortening it. */
export function previewRetention(db: Db, now: number, timeZone: string, retentionDays: number): RetentionPreview {
  const cutoff = retentionCutoff(now, timeZone, retentionDays);
  const { visits } = db.prepare('SELECT count(*) AS visits FROM visits WHERE issued_at < ?').get(cutoff) as { visits: number };
  return { retentionDays, cutoff, visitsToDelete: visits };
}

export function listPurgeLog(db: Db, page: { limit?: number | undefined; beforeId?: number | undefined }): PurgeLogEntry[] {
  return db
    .prepare(
      `SELECT id, at, cutoff, visits_deleted AS visitsDeleted, receipts_deleted AS receiptsDeleted, audit_deleted AS auditDeleted,
         stats_deleted AS statsDeleted, duration_ms AS durationMs, trigger
       FROM purge_log WHERE id < ? ORDER BY id DESC LIMIT ?`,
    )
    .all(page.beforeId ?? Number.MAX_SAFE_INTEGER, page.limit ?? 100) as PurgeLogEntry[];
}
