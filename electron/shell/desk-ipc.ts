import type { IpcMain } from 'electron';
import { contract, isCallName } from '../../shared/contract/index.js';
import { bridgeChannels } from '../../shared/desk-bridge.js';
import { DeskFailure, type DeskError } from '../../shared/errors.js';
import { eventAudience, type DeskEvent } from '../../shared/events.js';
import type { CallResponse } from '../../shared/hub-protocol.js';
import { errorText as t } from '../../shared/i18n/catalogue.js';
import type { Site } from '../core/index.js';
import { isAppOrigin } from './app-origin.js';

/**
 * The IPC door: ONE handler over the whole contract (docs/contributing.md, "One typed contract, one
 * generic transport"). It checks who is asking — the sender frame's origin — and which call;
 * everything else (input schema, session, role) the core checks for every call, whichever door.
 * Electron's objects come in as parameters and are imported as types only, so the tests can hand
 * in stand-ins: Electron cannot run where the tests run.
 */

/** The part of an `IpcMainInvokeEvent` the bridge reads. */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

/** The part of `ipcMain` the bridge uses; the real `ipcMain` satisfies it. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

// Compile-time proof that Electron's own ipcMain fits the stand-in's shape.
const _ipcMainFits = (ipcMain: IpcMain): IpcMainLike => ipcMain;
void _ipcMainFits;

export type SiteDoor = Pick<Site, 'call' | 'subscribe'>;

const refusedOrigin: DeskError = { code: 'forbidden', message: t.windowMayNotCall };
const internalError: DeskError = { code: 'internal', message: t.internal };

/** The frame's URL, or null when the frame is gone (it navigated or closed mid-call). */
export function senderUrl(event: InvokeEventLike): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    // A disposed WebFrameMain throws on access; such a caller is no one we know.
    return null;
  }
}

/** The frame must be on `app://one-stop-queue`: parsed and compared, never `includes(...)`. */
export function fromAppOrigin(event: InvokeEventLike): boolean {
  return isAppOrigin(senderUrl(event));
}

/**
 * Answers one call as an envelope: `{ result }`, or `{ error }` carrying the DeskError as it is —
 * an IPC rejection would keep only a message and lose the code and fields.
 */
export async function answerCall(
  site: SiteDoor,
  event: InvokeEventLike,
  name: unknown,
  input: unknown,
  token: unknown,
  idempotencyKey: unknown = null,
): Promise<CallResponse<unknown>> {
  if (!fromAppOrigin(event)) return { error: refusedOrigin };
  if (typeof name !== 'string' || !isCallName(name)) {
    return { error: { code: 'not-found', message: t.hubNoSuchCall } };
  }
  if (token !== null && token !== undefined && typeof token !== 'string') {
    return { error: { code: 'unauthenticated', message: t.sessionEnded } };
  }
  try {
    // Anything but text is no key at all; the core checks a key's form.
    const key = typeof idempotencyKey === 'string' ? idempotencyKey : null;
    const result = await site.call(name, input, token ?? null, { idempotencyKey: key });
    // As the hub's serialiser does: only the fields the call's result schema names leave the main process.
    return { result: contract[name].result.parse(result) as unknown };
  } catch (error) {
    return { error: error instanceof DeskFailure ? error.toJSON() : internalError };
  }
}

/** Registers the one handler on `desk:call`; returns what removes it. */
export function registerDeskBridge(ipcMain: IpcMainLike, site: SiteDoor): () => void {
  ipcMain.handle(bridgeChannels.call, (event, name, input, token, idempotencyKey) => answerCall(site, event, name, input, token, idempotencyKey));
  return () => ipcMain.removeHandler(bridgeChannels.call);
}

/** A window the site's events go to; `everyone` is the waiting-area display. */
export interface EventWindow {
  readonly audience: 'staff' | 'everyone';
  readonly contents: {
    send(channel: string, ...args: unknown[]): void;
    isDestroyed(): boolean;
  };
}

export function shouldReceive(window: Pick<EventWindow, 'audience'>, event: DeskEvent): boolean {
  return window.audience === 'staff' || eventAudience[event.type] === 'everyone';
}

/**
 * Pushes the site's events to the open windows: staff windows get every event, the display only
 * those for everyone. The audience is read from the shared table, the one place that decides it.
 */
export function forwardSiteEvents(site: SiteDoor, windows: () => Iterable<EventWindow>): () => void {
  return site.subscribe((event) => {
    for (const window of windows()) {
      if (window.contents.isDestroyed() || !shouldReceive(window, event)) continue;
      window.contents.send(bridgeChannels.event, event);
    }
  });
}

/** Whether the hub can be reached, as the windows are told it. */
export interface SharedReachability {
  /** A change: every window is told at once. */
  set(up: boolean): void;
  /** Removes the handler. */
  stop(): void;
}

/**
 * Tells the windows when the hub goes or comes back (a desk PC's link knows first), and answers a
 * page that starts listening with where things stand now. On the hub PC nothing ever changes it.
 */
export function shareReachability(ipcMain: IpcMainLike, windows: () => Iterable<EventWindow>): SharedReachability {
  let current = true;
  ipcMain.handle(bridgeChannels.reachabilityNow, (event) => (fromAppOrigin(event) ? current : Promise.reject(new Error(t.windowMayNotCall))));
  return {
    set(up) {
      if (up === current) return;
      current = up;
      for (const window of windows()) {
        if (!window.contents.isDestroyed()) window.contents.send(bridgeChannels.reachability, up);
      }
    },
    stop: () => ipcMain.removeHandler(bridgeChannels.reachabilityNow),
  };
}
