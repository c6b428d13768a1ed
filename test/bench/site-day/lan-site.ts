/**
 * The site day on the LAN (issue 14): the hub's LAN doors on a second loopback address, every
 * reception and desk PC paired with a code of its own and calling through the desk link's
 * pinned HTTPS connection (the same `HubLink` the desktop app's main process forwards through),
 * the displays on the plain-HTTP display door. The manager stays at the hub PC's own door.
 */
import { createHubLink, pairWithHub, type HubLink } from '../../../electron/desk-link/index.js';
import type { Site } from '../../../electron/core/index.js';
import { startLanDoors, type LanDoors } from '../../../electron/hub/index.js';
import { appVersion } from '../../../shared/app-version.js';
import type { CallName } from '../../../shared/contract/index.js';
import { DeskFailure, type DeskErrorCode } from '../../../shared/errors.js';
import type { Answer, ClientDoor, ReplayClient } from './replay-client.js';
import { managerPin } from './site-setup.js';

/** 127.0.0.2 answers on Linux without set-up, and is not the hub PC's own 127.0.0.1. */
export const lanHost = '127.0.0.2';

export interface LanSite {
  /** For `SitePlan.pcDoor`: pairs one more PC and gives its way to the hub. */
  pcDoor(manager: ReplayClient, label: string): Promise<ClientDoor>;
  /** The display door's address (plain HTTP), once LAN access is on. */
  displayUrl(): string;
  /** How many PCs paired, for the report. */
  readonly paired: number;
  close(): Promise<void>;
}

// The status each refusal has on the wire; the replay reads the code, the status only names it.
const statusOf: Partial<Record<DeskErrorCode, number>> = { unauthenticated: 401, forbidden: 403, conflict: 409, 'not-found': 404, unavailable: 503 };

/** A paired PC's calls, through its HubLink: an answer or a refusal, as the HTTP client reads them. */
function linkDoor(link: HubLink): ClientDoor {
  return {
    async post(name: CallName, input: unknown, token: string | null, key: string | null): Promise<Answer> {
      try {
        const result = await link.call(name, input, token, key === null ? {} : { idempotencyKey: key });
        return { status: 200, body: { result } };
      } catch (error) {
        if (!(error instanceof DeskFailure)) throw error;
        const refusal = { code: error.code, message: error.message, ...(error.issues === undefined ? {} : { issues: error.issues }) };
        return { status: statusOf[error.code] ?? 400, body: { error: refusal } };
      }
    },
    close() {
      void link.close();
    },
  };
}

export async function openLanSite(site: Site): Promise<LanSite> {
  const doors: LanDoors = await startLanDoors({ site, host: lanHost, desksPort: 0, displayPort: 0, rendererDir: null });
  let turnedOn: Promise<void> | null = null;
  let paired = 0;
  const listening = () => {
    const at = doors.listening();
    if (at === null) throw new Error('LAN access is not on');
    return at;
  };
  return {
    async pcDoor(manager, label) {
      turnedOn ??= (async () => {
        await manager.call('setLanAccess', { enabled: true, managerPin });
        await doors.settled();
      })();
      await turnedOn;
      const { code } = await manager.call('createPairingCode', {});
      const address = new URL(listening().desksAt[0]!).host;
      const config = await pairWithHub({ address, code, label, appVersion });
      paired += 1;
      return linkDoor(createHubLink(config, { appVersion }));
    },
    displayUrl: () => listening().displayAt[0]!,
    get paired() {
      return paired;
    },
    close: () => doors.close(),
  };
}
