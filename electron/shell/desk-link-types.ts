import type { HubLink, HubLinkOptions, JoinFailureCode, LinkConfig, LinkProtector, PairRequest } from '../desk-link/index.js';

/*
 * What the shell uses of the desk link (electron/desk-link/), types only: the shell takes the
 * link's functions through DesktopShell's options, so only main.ts imports the real module and
 * the shell's tests hand in stand-ins.
 */
export type { HubLink, HubLinkOptions, JoinFailureCode, LinkConfig, LinkProtector, PairRequest };

/** Thrown by `pairWithHub`; the shell tells it by its code, since it imports no class from the link. */
export interface JoinFailure extends Error {
  readonly code: JoinFailureCode;
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
