import type { SiteDoor } from './desk-ipc.js';

/*
 * The desk link's API (electron/desk-link/index.ts, written beside this branch), types only: the
 * shell takes the functions through DesktopShell's options, so only main.ts imports the real
 * module and the tests hand in stand-ins. When both have landed this file re-exports the real
 * types instead of copying them.
 */

/** What a desk PC keeps about its hub (desk-link.json; the token encrypted with safeStorage). */
export interface LinkConfig {
  /** `https://host:port` */
  hubUrl: string;
  /** Pinned SHA-256 fingerprints, `AB:CD:…`. */
  fingerprints: string[];
  deviceId: number;
  deviceToken: string;
  label: string;
  siteName: string;
}

export type JoinFailureCode = 'bad-address' | 'bad-code' | 'hub-unreachable' | 'hub-certificate' | 'pairing-refused' | 'lan-off' | 'update-desk' | 'update-hub';

/** Thrown by `pairWithHub`; the shell tells it by its code, since it imports no class from the link. */
export interface JoinFailure extends Error {
  readonly code: JoinFailureCode;
}

export interface PairRequest {
  address: string;
  code: string;
  label: string;
  appVersion: string;
}

export interface HubLink extends SiteDoor {
  close(): Promise<void>;
}

export interface HubLinkOptions {
  appVersion: string;
  onReachable?: (up: boolean) => void;
  onPinsChanged?: (config: LinkConfig) => void;
}

/** = OsProtector in electron/core/keystore/safe-storage-slot.ts */
export interface LinkProtector {
  encryptString(plain: string): Promise<Buffer>;
  decryptString(cipher: Buffer): Promise<string>;
}

/** The desk link's four functions, as main.ts hands them to the shell. */
export interface DeskLinkParts {
  pairWithHub(request: PairRequest): Promise<LinkConfig>;
  createHubLink(config: LinkConfig, options: HubLinkOptions): HubLink;
  /** null when there is no desk-link.json in `dir`. */
  readLinkConfig(dir: string, protector: LinkProtector): Promise<LinkConfig | null>;
  writeLinkConfig(dir: string, config: LinkConfig, protector: LinkProtector): Promise<void>;
}

/** The desk link's file name, as `linkConfigFile` in electron/desk-link/. */
export const linkConfigFile = 'desk-link.json';

const joinFailureCodes: ReadonlySet<string> = new Set<JoinFailureCode>([
  'bad-address',
  'bad-code',
  'hub-unreachable',
  'hub-certificate',
  'pairing-refused',
  'lan-off',
  'update-desk',
  'update-hub',
]);

/** Whether an error thrown by `pairWithHub` is one of its named failures. */
export function joinFailureCode(error: unknown): JoinFailureCode | null {
  if (!(error instanceof Error) || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && joinFailureCodes.has(code) ? (code as JoinFailureCode) : null;
}
