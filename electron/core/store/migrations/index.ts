import type { Migration } from './migration.js';
import { initial } from './001-initial.js';
import { dailyTotals } from './002-daily-totals.js';
import { idsAndStaffNames, staffNameKey } from './003-ids-and-staff-names.js';
import { visitLastDesk } from './004-visit-last-desk.js';
import { deskPauseAndSafetyAlerts } from './005-desk-pause-and-safety-alerts.js';
import { erasures } from './006-erasures.js';
import { callAnswers } from './007-call-answers.js';
import { waitingLineIndexes } from './008-waiting-line-indexes.js';
import { lanAccess } from './009-lan-access.js';

/** Every schema version, in order; `PRAGMA user_version` says which have run. */
export const migrations: readonly Migration[] = [initial, dailyTotals, idsAndStaffNames, visitLastDesk, deskPauseAndSafetyAlerts, erasures, callAnswers, waitingLineIndexes, lanAccess];

export const latestVersion = migrations.length;

/**
 * The SQL functions the schema's triggers call, registered on every connection before it can
 * write (open-database.ts). Each is defined by the migration that first used it.
 */
export const schemaFunctions = {
  staff_name_key: staffNameKey,
} as const satisfies Record<string, (text: string) => string>;

export { staffNameKey };
