import type { Migration } from './migration.js';
import { initial } from './001-initial.js';
import { dailyTotals } from './002-daily-totals.js';

/** Every schema version, in order; `PRAGMA user_version` says which have run. */
export const migrations: readonly Migration[] = [initial, dailyTotals];

export const latestVersion = migrations.length;
