import { appVersion } from '../../shared/app-version.js';
import { lanPorts, normaliseFingerprint, parsePairingCode } from '../../shared/lan-protocol.js';
import type { JoinRequest, UnlockErrorCode } from '../../shared/unlock-bridge.js';
import { joinFailureCode, type DeskLinkParts, type LinkConfig, type LinkProtector } from './desk-link-types.js';

/*
 * What the join form typed, checked before anything leaves this PC: an address that is not one,
 * or a code that cannot be a pairing code, is answered here without a connection being tried.
 * The desk link checks both again; these checks only keep the network out of a typing mistake.
 */

/** The length the hub takes for a desk PC's label (pairDevice's `label`, text(60)). */
export const labelMaxLength = 60;

/** Bounds for what the page may send, like the passphrase's: nothing here needs more. */
export const joinFieldLimits = { address: 300, code: 64, label: 200 } as const;

/**
 * `hub-pc`, `192.168.1.20`, `[fe80::1]`, any of them with `:port`, `https://` optional → the
 * address as `host:port`; null when it is not one (another scheme, a path, a user name…).
 */
export function parseHubAddress(typed: string): { host: string; port: number } | null {
  const trimmed = typed.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return null;
  const withoutScheme = trimmed.replace(/^https:\/\//i, '').replace(/\/$/, '');
  // Any other scheme (http://, ftp://) or anything after the host and port is not a hub address.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(withoutScheme) || /[/?#@\\]/.test(withoutScheme)) return null;
  let url: URL;
  try {
    url = new URL(`https://${withoutScheme}`);
  } catch {
    return null;
  }
  if (url.hostname === '') return null;
  return { host: url.hostname, port: url.port === '' ? lanPorts.desks : Number(url.port) };
}

/** Whether the typed code could be a pairing code (20 letters and digits, dashes and spaces forgiven). */
export function couldBePairingCode(typed: string): boolean {
  return parsePairingCode(typed) !== null;
}

/**
 * The label the hub will list this PC under: control characters out, spaces tidied, at most 60
 * characters; blank falls back to the computer's name.
 */
export function cleanLabel(typed: string, computerName: string): string {
  const tidy = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, labelMaxLength).trim();
  const label = tidy(typed);
  return label === '' ? tidy(computerName) : label;
}

/** The page's argument as three bounded strings; anything else is empty (and then refused). */
export function joinArgument(value: unknown): JoinRequest {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const field = (name: keyof JoinRequest): string => {
    let raw: unknown;
    try {
      raw = record[name];
    } catch {
      // A getter that throws is no field at all.
      raw = undefined;
    }
    return typeof raw === 'string' ? raw.slice(0, joinFieldLimits[name]) : '';
  };
  return { address: field('address'), code: field('code'), label: field('label') };
}

/**
 * Pairs through the desk link and keeps what it answers in desk-link.json: the link, or why not —
 * the link's own failure code, or `failed` for anything else (said in the log by its message only).
 */
export async function pairAndKeep(
  deskLink: Pick<DeskLinkParts, 'pairWithHub' | 'writeLinkConfig'>,
  join: { address: string; code: string; label: string; linkDir: string; protector: LinkProtector; expectedFingerprint?: string },
): Promise<LinkConfig | UnlockErrorCode> {
  let config: LinkConfig;
  try {
    config = await deskLink.pairWithHub({ address: join.address, code: join.code, label: join.label, appVersion });
  } catch (error) {
    const code = joinFailureCode(error);
    if (code !== null) return code;
    console.error('Joining the site failed:', error instanceof Error ? error.message : '');
    return 'failed';
  }
  // IT named the hub's whole fingerprint (docs/it-setup.md): a hub with another is not kept.
  const expected = join.expectedFingerprint === undefined ? null : normaliseFingerprint(join.expectedFingerprint);
  if (expected !== null && !config.fingerprints.some((pinned) => normaliseFingerprint(pinned) === expected)) return 'hub-certificate';
  try {
    await deskLink.writeLinkConfig(join.linkDir, config, join.protector);
  } catch (error) {
    // Paired, but not kept: the hub lists this PC, and a manager can withdraw it before pairing again.
    console.error('Could not save the link to the hub:', error instanceof Error ? error.message : '');
    return 'failed';
  }
  return config;
}
