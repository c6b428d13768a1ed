import { appVersion } from '../../../shared/app-version.js';
import { writeAudit } from '../audit.js';
import { rollUpVisits } from '../retention.js';
import { isSetUp } from '../settings.js';
import type { Db } from '../store/open-database.js';
import { parseSiteFile, SiteFileError, siteFileFormat, siteFileVersion, siteTableNames, type SiteFile, type SiteTableName, type SiteTables } from './site-file.js';

/** The columns each table is read with: never `staff.pin_hash`, its lockout counters or anything of a visit. */
const exportedColumns: Record<SiteTableName, string> = {
  settings: 'key, value',
  services: 'id, name, letter, target_wait_minutes, sort_order, active',
  desks: 'id, name, active',
  staff: 'id, name, role, active, created_at, name_key',
  daily_stats: '*',
  daily_totals: '*',
  audit: 'id, at, staff_id, action, target_type, target_id, outcome',
  purge_log: '*',
  erasures: '*',
};

/**
 * The tables whose ids are never handed out twice (AUTOINCREMENT, migration 3) and the audit
 * target type that names them. Their rows stay on the old hub, but the audit log that names
 * them comes along: the new hub's first visit must not take an id the log already gives to
 * someone else's visit. As in migration 3, the audit log is the record of the ids used.
 */
const sequencesNamedInAudit = [
  ['visits', 'visit'],
  ['receipts', 'receipt'],
  ['safety_alerts', 'alert'],
  ['erasures', 'erasure'],
] as const;

/** Settings that belong to this PC's hub, not to the site: the new hub turns LAN access on itself. */
const hubOnlySettings = new Set(['lanEnabled']);

/**
 * The site as a file. The visits still held are counted into the figures first — inside a
 * savepoint that is rolled back, so this store is left exactly as it was — so the new hub's
 * reports add up to this one's though not one visit goes with them. `deliver` (writing the
 * file) runs before the export is audited, so the log never records an export that failed.
 */
export function exportSite(db: Db, now: number, deliver: (file: SiteFile) => void = () => undefined): SiteFile {
  const siteName = (db.prepare("SELECT value FROM settings WHERE key = 'siteName'").get() as { value: string } | undefined)?.value;
  if (siteName === undefined) throw new SiteFileError('', 'this store has no site set up yet, so there is nothing to export.');
  const read = db.transaction(() => {
    db.exec('SAVEPOINT site_export');
    try {
      rollUpVisits(db, 'true', {});
      return Object.fromEntries(
        siteTableNames.map((table) => {
          // The figure tables are WITHOUT ROWID, in their key's order; the rest in the order written.
          const order = table.startsWith('daily_') ? '' : ' ORDER BY rowid';
          const rows = db.prepare(`SELECT ${exportedColumns[table]} FROM ${table}${order}`).all();
          return [table, table === 'settings' ? (rows as { key: string }[]).filter((row) => !hubOnlySettings.has(row.key)) : rows];
        }),
      ) as SiteTables;
    } finally {
      db.exec('ROLLBACK TO site_export');
      db.exec('RELEASE site_export');
    }
  });
  const tables = read.immediate();
  const file: SiteFile = {
    format: siteFileFormat,
    version: siteFileVersion,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    appVersion,
    exportedAt: new Date(now).toISOString(),
    siteName: JSON.parse(siteName) as string,
    tables,
  };
  deliver(file);
  writeAudit(db, { at: now, staffId: null, action: 'site.export' });
  return file;
}

export interface ImportedSite {
  siteName: string;
  staff: number;
  managers: number;
  auditEntries: number;
  figureRows: number;
}

/**
 * Reads a site file into a store that has no site yet (a new hub PC), in one transaction: a
 * wrong field, another schema version or a store already in use is refused and nothing is
 * written. Everyone comes in without a PIN (docs/replacing-the-hub.md): managers set theirs
 * first with the site passphrase (`reset-manager-pin`), then set everyone else's.
 */
export function importSite(db: Db, text: string, now: number): ImportedSite {
  const file = parseSiteFile(text);
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  if (file.schemaVersion !== schemaVersion) {
    throw new SiteFileError('schemaVersion', `the file comes from a store at schema version ${file.schemaVersion}, this one is at ${schemaVersion}: install the same version of One Stop Queue on both hub PCs (the file says ${file.appVersion}).`);
  }
  const write = db.transaction(() => {
    if (isSetUp(db) || (db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n > 0 || (db.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n > 0) {
      throw new SiteFileError('', 'this store already holds a site. A site file goes only into a new, empty store (docs/replacing-the-hub.md).');
    }
    for (const table of ['services', 'desks', 'settings', 'daily_stats', 'daily_totals', 'closed_day_totals', 'audit', 'purge_log', 'erasures']) db.exec(`DELETE FROM ${table}`);
    for (const table of siteTableNames) {
      const rows = file.tables[table] as Record<string, unknown>[];
      rows.forEach((row, index) => {
        const values = table === 'staff' ? { ...row, pin_hash: '' } : table === 'settings' && hubOnlySettings.has(String(row.key)) ? null : row;
        if (values === null) return;
        const columns = Object.keys(values);
        try {
          db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(values);
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          throw new SiteFileError(`tables.${table}.${index}`, `this row cannot be stored (${typeof code === 'string' ? code : 'refused'}): the file may have been edited.`);
        }
      });
    }
    for (const [table, targetType] of sequencesNamedInAudit) {
      db.prepare(
        `INSERT OR REPLACE INTO sqlite_sequence (rowid, name, seq) VALUES (
           (SELECT rowid FROM sqlite_sequence WHERE name = @table), @table, max(
             coalesce((SELECT seq FROM sqlite_sequence WHERE name = @table), 0),
             coalesce((SELECT max(id) FROM ${table}), 0),
             coalesce((SELECT max(target_id) FROM audit WHERE target_type = @targetType), 0)))`,
      ).run({ table, targetType });
    }
    writeAudit(db, { at: now, staffId: null, action: 'site.import' });
  });
  write.immediate();
  const staff = file.tables.staff;
  return {
    siteName: file.siteName,
    staff: staff.length,
    managers: staff.filter((member) => member.role === 'manager' && member.active === 1).length,
    auditEntries: file.tables.audit.length,
    figureRows: file.tables.daily_stats.length + file.tables.daily_totals.length,
  };
}
