import { z } from 'zod';
import { normaliseFingerprint } from './lan-protocol.js';
import { paperSizes } from './paper.js';

/**
 * The optional machine-wide file in which council IT presets a PC (docs/it-setup.md): whether it
 * is the site's hub or a desk PC, the hub a desk PC joins (its address and certificate
 * fingerprint), the printer and paper, and where a hub keeps its store. What it sets wins over
 * the PC's own settings, and the screens say which values IT fixed. Every field is optional;
 * a field this version does not know is refused, so a typing mistake is never silently ignored.
 */
export const itConfigSchema = z
  .strictObject({
    role: z.enum(['hub', 'desk'], { error: 'must be "hub" or "desk"' }).optional(),
    hub: z
      .strictObject({
        address: z
          .string({ error: 'must be text, such as "hub-pc" or "192.168.1.20:4781"' })
          .min(1, 'must not be empty')
          .max(300, 'is too long')
          .regex(/^(?:https:\/\/)?[^\s/?#@\\]+\/?$/, 'must be a host name or IP address with an optional :port, such as "hub-pc" or "192.168.1.20:4781"'),
        fingerprint: z
          .string({ error: 'must be text' })
          .refine((value) => normaliseFingerprint(value) !== null, 'must be the hub certificate’s SHA-256 fingerprint: 32 pairs of hex digits with colons, as the hub’s LAN settings show it')
          .optional(),
      })
      .optional(),
    printerName: z.string({ error: 'must be text: the printer’s name as the PC shows it' }).min(1, 'must not be empty').max(200, 'is too long').optional(),
    paper: z.enum(paperSizes, { error: `must be one of ${paperSizes.map((p) => `"${p}"`).join(', ')}` }).optional(),
    dataDir: z
      .string({ error: 'must be text: a folder' })
      .refine((value) => /^(?:[A-Za-z]:[\\/]|\\\\|\/)/.test(value), 'must be a full path to a folder, such as "D:\\One Stop Queue" or "/var/lib/one-stop-queue"')
      .optional(),
  })
  .superRefine((config, ctx) => {
    if (config.role === 'desk' && config.dataDir !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['dataDir'], message: 'cannot be set on a desk PC: a desk PC keeps no store' });
    }
    if (config.role === 'hub' && config.hub !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['hub'], message: 'is for a desk PC: the hub PC is the hub' });
    }
  });

export type ItConfig = z.infer<typeof itConfigSchema>;

/** How IT's file was found: absent (the usual case), valid, or refused by its first wrong field. */
export type ItConfigRead =
  | { kind: 'none'; path: string }
  | { kind: 'ok'; path: string; config: ItConfig }
  | { kind: 'invalid'; path: string; field: string; message: string };

/** Checks the file's text; the first wrong field by its dotted path (`hub.fingerprint`). */
export function parseItConfig(text: string, path: string): ItConfigRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'invalid', path, field: '', message: 'is not valid JSON' };
  }
  const parsed = itConfigSchema.safeParse(json);
  if (parsed.success) return { kind: 'ok', path, config: parsed.data };
  const issue = parsed.error.issues[0]!;
  const unknown = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const field = [...issue.path, ...(unknown === undefined ? [] : [unknown])].map(String).join('.');
  const message = unknown !== undefined ? 'is not a setting One Stop Queue knows' : issue.code === 'invalid_type' && issue.path.length === 0 ? 'must be a JSON object' : issue.message;
  return { kind: 'invalid', path, field, message };
}

/** One line for people: where, which field, what is wrong. */
export function describeItConfigProblem(read: Extract<ItConfigRead, { kind: 'invalid' }>): string {
  return `The IT settings file ${read.path} was not used: ${read.field === '' ? 'the file' : `"${read.field}"`} ${read.message}. Correct it or remove it; nothing was changed.`;
}
