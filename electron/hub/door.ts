import type { IncomingHttpHeaders } from 'node:http';
import { appVersion } from '../../shared/app-version.js';
import type { CallName } from '../../shared/contract/index.js';
import { DeskFailure } from '../../shared/errors.js';
import { errorText as t } from '../../shared/i18n/catalogue.js';
import { lanHeaders, lanProtocol, parseVersionHeader, whoMustUpdate } from '../../shared/lan-protocol.js';
import type { Site } from '../core/index.js';

/**
 * Which of the hub's three listeners a request came in through (docs/lan.md):
 * - `local`: the hub PC's own, on loopback — every call, the whole renderer;
 * - `lan`: HTTPS for desk PCs — every call for a paired desk PC, the display alone for anyone else;
 * - `display`: plain HTTP for the waiting-area screen — the display alone.
 */
export type DoorKind = 'local' | 'lan' | 'display';

/** What the display needs, and all that the display door serves. */
export const displayCalls: ReadonlySet<CallName> = new Set<CallName>(['getDisplayState']);

/** What a PC that is not (yet) a paired desk may ask on the LAN door besides the display: who the hub is, and to pair. */
export const unpairedLanCalls: ReadonlySet<CallName> = new Set<CallName>([...displayCalls, 'getHubInfo', 'pairDevice']);

/** Who is at the door: the paired device a request came through (null: none), and what it may reach. */
export interface DoorCaller {
  deviceId: number | null;
  /** Every call and staff events; otherwise the display's call, events and files alone. */
  staff: boolean;
}

export interface Door {
  readonly kind: DoorKind;
  /** Whether this door has a route for the call at all: one it lacks is "no such call", as on no hub. */
  routes(name: CallName): boolean;
  /** Who is making this call; throws the refusal (403, 409) when they may not. */
  callerFor(name: CallName, headers: IncomingHttpHeaders): DoorCaller;
  /** Who is opening the event socket; throws the refusal when a device header is wrong. */
  socketCaller(headers: IncomingHttpHeaders): DoorCaller;
  /** The OpenAPI description and the whole renderer: the hub PC's own door only. */
  readonly servesEverything: boolean;
}

export function doorFor(kind: DoorKind, site: Site): Door {
  switch (kind) {
    case 'local':
      return {
        kind,
        routes: () => true,
        callerFor: () => ({ deviceId: null, staff: true }),
        socketCaller: () => ({ deviceId: null, staff: true }),
        servesEverything: true,
      };
    case 'display':
      return {
        kind,
        routes: (name) => displayCalls.has(name),
        callerFor: () => ({ deviceId: null, staff: false }),
        socketCaller: () => ({ deviceId: null, staff: false }),
        servesEverything: false,
      };
    case 'lan':
      return lanDoor(site);
  }
}

/**
 * The LAN door. A request that names a device must name one that is paired and not withdrawn,
 * and say a version whose protocol matches; it may then make every call, which the core checks
 * against the session as usual (a session works only through the device it was signed in on).
 * A request that names none gets the display, `getHubInfo` and `pairDevice`.
 */
function lanDoor(site: Site): Door {
  const pairedCaller = (headers: IncomingHttpHeaders): DoorCaller | null => {
    const token = single(headers[lanHeaders.device]);
    if (token === undefined) return null;
    const device = site.lan.deviceFor(token);
    if (device === null) throw new DeskFailure('forbidden', t.lanNotPaired);
    checkVersion(single(headers[lanHeaders.version]));
    return { deviceId: device.id, staff: true };
  };
  return {
    kind: 'lan',
    routes: () => true,
    callerFor(name, headers) {
      // Pairing is how a PC gets a device token: an old, withdrawn one it still sends is beside the point.
      if (name === 'pairDevice') return { deviceId: null, staff: false };
      const caller = pairedCaller(headers);
      if (caller !== null) return caller;
      if (unpairedLanCalls.has(name)) return { deviceId: null, staff: false };
      throw new DeskFailure('forbidden', t.lanDisplayOnly);
    },
    socketCaller: (headers) => pairedCaller(headers) ?? { deviceId: null, staff: false },
    servesEverything: false,
  };
}

function single(value: string | string[] | undefined): string | undefined {
  // Node joins a repeated header with ", ", which names no device and no version; should one ever
  // come as a list, it is taken as naming nothing either.
  return Array.isArray(value) ? '' : value;
}

/** `Desk-Version` must be there and carry our protocol; otherwise the side that is behind is named. */
function checkVersion(header: string | undefined): void {
  const desk = parseVersionHeader(header);
  if (desk === null) throw new DeskFailure('conflict', t.lanNoVersion(appVersion));
  const mustUpdate = whoMustUpdate(desk.protocol, lanProtocol);
  if (mustUpdate === 'desk') throw new DeskFailure('conflict', t.deskMustUpdate(desk.appVersion, appVersion));
  if (mustUpdate === 'hub') throw new DeskFailure('conflict', t.hubMustUpdate(desk.appVersion, appVersion));
}
