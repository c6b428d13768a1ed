import { z } from 'zod';
import { contract } from '../../../shared/contract/index.js';

/**
 * The site file that moves a site to a new hub PC (docs/replacing-the-hub.md): its settings,
 * services, desks, staff without their PIN hashes, the anonymous figures and the audit,
 * purge and erasure logs. Never a visit, a receipt, a session, a device, a key or a
 * certificate: personal data lives 28 days at most on the hub it was given to, and goes
 * nowhere else. Every row is checked on the way in; a wrong one is named by its path
 * (`tables.staff.2.role`) and nothing is written.
 */
export const siteFileFormat = 'one-stop-queue-site';
export const siteFileVersion = 1;

const id = z.number().int().positive();
const count = z.number().int().nonnegative();
const ms = z.number().int();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');
const flag = z.union([z.literal(0), z.literal(1)]);

const figures = {
  issued: count,
  served: count,
  no_show: count,
  cancelled: count,
  transferred: count,
  called: count,
  within_target: count,
  wait_ms_sum: count,
  wait_ms_max: count,
  service_ms_sum: count,
  service_ms_max: count,
};

/**
 * Each setting's value as a manager may set it (the contract's own field), so an edited file
 * cannot bring what the settings screen would refuse — a retention past 28 days, hours out of
 * order, a case-reference pattern that matches a name. `lanEnabled` is the hub PC's own and is
 * never imported.
 */
const { managerPin: _managerPin, ...settingFields } = contract.updateSettings.input.shape;
const settingValues: Record<string, z.ZodType> = { ...settingFields, lanEnabled: z.boolean() };

const settingRow = z
  .object({ key: z.string().min(1).max(100), value: z.string().max(100_000) })
  .strict()
  .superRefine((row, ctx) => {
    const schema = Object.hasOwn(settingValues, row.key) ? settingValues[row.key] : undefined;
    if (schema === undefined) {
      ctx.addIssue({ code: 'custom', path: ['key'], message: 'is not a setting One Stop Queue has.' });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(row.value);
    } catch {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'is not a setting’s stored value (JSON).' });
      return;
    }
    const checked = schema.safeParse(value);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      ctx.addIssue({ code: 'custom', path: ['value', ...issue.path.map((step) => (typeof step === 'symbol' ? String(step) : step))], message: `${row.key}: ${issue.message}` });
    }
  });

/**
 * A name as the screens would take it (the contract's own field: no control or invisible
 * characters, not blank, not too long), so an edited file cannot bring a name no manager could type.
 */
function nameAs(field: z.ZodType) {
  return z.string().superRefine((name, ctx) => {
    const checked = field.safeParse(name);
    if (!checked.success) ctx.addIssue({ code: 'custom', message: checked.error.issues[0]!.message });
    else if (checked.data !== name) ctx.addIssue({ code: 'custom', message: 'is not written as the app writes names (spaces at the ends or doubled).' });
  });
}
const serviceName = nameAs(contract.createService.input.shape.name);
const deskName = nameAs(contract.createDesk.input.shape.name);
const staffName = nameAs(contract.createStaff.input.shape.name);

export const siteTablesSchema = z
  .object({
    settings: z.array(settingRow),
    services: z.array(
      z
        .object({ id, name: serviceName, letter: z.string().regex(/^[A-Z]$/), target_wait_minutes: count, sort_order: z.number().int(), active: flag })
        .strict(),
    ),
    desks: z.array(z.object({ id, name: deskName, active: flag }).strict()),
    staff: z.array(
      z
        .object({
          id,
          name: staffName,
          role: z.enum(['receptionist', 'advisor', 'manager']),
          active: flag,
          created_at: ms,
          name_key: z.string().nullable(),
        })
        .strict(),
    ),
    daily_stats: z.array(
      z
        .object({
          day,
          hour: z.number().int().min(0).max(23),
          service_id: z.number().int(),
          desk_id: z.number().int(),
          advisor_id: z.number().int(),
          priority: z.number().int(),
          outcome: z.string().min(1).max(40),
          ...figures,
        })
        .strict(),
    ),
    daily_totals: z.array(z.object({ grouping: z.enum(['day', 'hour', 'service', 'desk', 'advisor']), day, k: z.number().int(), ...figures }).strict()),
    audit: z.array(
      z
        .object({
          id,
          at: ms,
          staff_id: id.nullable(),
          action: z.string().regex(/^[a-z-]+(\.[a-z-]+)*$/, 'an action code'),
          target_type: z.string().regex(/^[a-z]+$/).nullable(),
          target_id: z.number().int().nullable(),
          outcome: z.enum(['ok', 'denied', 'failed']),
        })
        .strict(),
    ),
    purge_log: z.array(
      z
        .object({
          id,
          at: ms,
          cutoff: ms,
          visits_deleted: count,
          receipts_deleted: count,
          audit_deleted: count,
          stats_deleted: count,
          duration_ms: count,
          trigger: z.enum(['startup', 'hourly', 'manual']),
        })
        .strict(),
    ),
    erasures: z.array(
      z
        .object({
          id,
          at: ms,
          staff_id: id.nullable(),
          visits_erased: count,
          receipts_erased: count,
          ground: z.enum(['subject-request', 'recorded-in-error', 'objection', 'legal-obligation']),
          case_reference: z.string().max(200),
        })
        .strict(),
    ),
  })
  .strict();

export type SiteTables = z.infer<typeof siteTablesSchema>;
export type SiteTableName = keyof SiteTables;
export const siteTableNames = Object.keys(siteTablesSchema.shape) as SiteTableName[];

export const siteFileSchema = z
  .object({
    format: z.literal(siteFileFormat),
    version: z.literal(siteFileVersion),
    /** The store's schema version (migrations run); the new hub must be at the same one. */
    schemaVersion: z.number().int().positive(),
    appVersion: z.string(),
    exportedAt: z.iso.datetime(),
    siteName: z.string(),
    tables: siteTablesSchema,
  })
  .strict();

export type SiteFile = z.infer<typeof siteFileSchema>;

/** Why a site file was refused: the first wrong field by its path, in plain words. Nothing was written. */
export class SiteFileError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(field === '' ? message : `${field}: ${message}`);
    this.name = 'SiteFileError';
    this.field = field;
  }
}

/** Reads and checks a site file's text. Throws SiteFileError naming the first wrong field. */
export function parseSiteFile(text: string): SiteFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SiteFileError('', 'this is not a One Stop Queue site file (it is not JSON).');
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== siteFileFormat) {
    throw new SiteFileError('format', `this is not a One Stop Queue site file (format must be "${siteFileFormat}").`);
  }
  const parsed = siteFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const unknown = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const field = [...issue.path, ...(unknown === undefined ? [] : [unknown])].map(String).join('.');
    throw new SiteFileError(field, unknown === undefined ? issue.message : 'is not a field a site file has.');
  }
  return parsed.data;
}
