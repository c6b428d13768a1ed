import type { ContextBridge, IpcRenderer } from 'electron';
import { callNames } from '../../shared/contract/index.js';
import { bridgeChannels, type DeskBridge } from '../../shared/desk-bridge.js';
import type { DeskEvent } from '../../shared/events.js';
import { parsePrintRequest, printBridgeKey, printChannel, printSetupChannel, type PrintBridge, type PrintReply, type PrintSetup } from '../../shared/print-bridge.js';
import { passphraseActions, unlockActions, unlockChannel, type JoinRequest, type UnlockAction, type UnlockBridge } from '../../shared/unlock-bridge.js';

// Runs inside the sandboxed preload, so it imports only shared/ and Electron's types: no Node.

/** The part of `contextBridge` the preload uses. */
export interface ContextBridgeLike {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

/** The part of `ipcRenderer` the preload uses. It is never handed to the page itself. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

// Compile-time proof that Electron's own objects fit the stand-ins' shapes.
const _fits = (bridge: ContextBridge, ipc: IpcRenderer): [ContextBridgeLike, IpcRendererLike] => [bridge, ipc];
void _fits;

/** `window.desk`: one named function per contract call, generated from the contract, `onEvent` and `onReachability`. */
export function buildDeskBridge(ipcRenderer: IpcRendererLike): DeskBridge {
  const bridge: Record<string, unknown> = {};
  for (const name of callNames) {
    // The name is fixed here, per function: the page cannot choose a channel or a call name.
    bridge[name] = (input: unknown, token: unknown, idempotencyKey: unknown) =>
      ipcRenderer.invoke(bridgeChannels.call, name, input, typeof token === 'string' ? token : null, typeof idempotencyKey === 'string' ? idempotencyKey : null);
  }
  bridge.onEvent = (listener: (event: DeskEvent) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function.');
    // The IpcRendererEvent is dropped: it carries `sender`, which is ipcRenderer itself.
    const relay = (_event: unknown, deskEvent: unknown): void => listener(deskEvent as DeskEvent);
    ipcRenderer.on(bridgeChannels.event, relay);
    return () => {
      ipcRenderer.removeListener(bridgeChannels.event, relay);
    };
  };
  bridge.onReachability = (listener: (up: boolean) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onReachability needs a function.');
    // Only a boolean reaches the page, whatever came over the channel.
    let stopped = false;
    const relay = (_event: unknown, up: unknown): void => {
      if (!stopped) listener(up === true);
    };
    ipcRenderer.on(bridgeChannels.reachability, relay);
    // Changes before this page was listening are gone: ask once where things stand now.
    void ipcRenderer.invoke(bridgeChannels.reachabilityNow).then(
      (up) => relay(null, up),
      () => undefined,
    );
    return () => {
      stopped = true;
      ipcRenderer.removeListener(bridgeChannels.reachability, relay);
    };
  };
  return bridge as unknown as DeskBridge;
}

const takesPassphrase = new Set<UnlockAction>(passphraseActions);

/** The join form's three strings, rebuilt: whatever else the page put in the object stays in the page. */
function joinRequestFrom(request: unknown): JoinRequest {
  const field = (name: keyof JoinRequest): string => {
    try {
      const value = typeof request === 'object' && request !== null ? (request as Record<string, unknown>)[name] : undefined;
      return typeof value === 'string' ? value : '';
    } catch {
      return '';
    }
  };
  return { address: field('address'), code: field('code'), label: field('label') };
}

/** `window.deskUnlock`: the first-key and unlock screens' bridge; main answers it only for the unlock page. */
export function buildUnlockBridge(ipcRenderer: IpcRendererLike): UnlockBridge {
  const bridge: Record<string, unknown> = {};
  for (const action of unlockActions) {
    const channel = unlockChannel(action);
    bridge[action] = takesPassphrase.has(action)
      ? (passphrase: unknown) => ipcRenderer.invoke(channel, typeof passphrase === 'string' ? passphrase : '')
      : action === 'joinSite'
        ? (request: unknown) => ipcRenderer.invoke(channel, joinRequestFrom(request))
        : () => ipcRenderer.invoke(channel);
  }
  return bridge as unknown as UnlockBridge;
}

const refusedPrint: PrintReply = { ok: false, problem: 'not-allowed' };

/**
 * `window.deskPrint`: one function, which sends a request rebuilt from its paper size alone — no
 * printer name, no options, nothing else the page put in the object. An unknown paper never
 * reaches main. The printer and how to print are the main process's choice (shell settings).
 */
export function buildPrintBridge(ipcRenderer: IpcRendererLike): PrintBridge {
  return {
    print: (request: unknown) => {
      const valid = parsePrintRequest(request);
      if (valid === null) return Promise.resolve(refusedPrint);
      return ipcRenderer.invoke(printChannel, { paper: valid.paper }) as Promise<PrintReply>;
    },
    // Nothing the page passes goes with it.
    setup: () => ipcRenderer.invoke(printSetupChannel) as Promise<PrintSetup | null>,
  };
}

/** What the preload runs: exposes exactly `desk`, `deskUnlock` and `deskPrint` — never `ipcRenderer` or `process`. */
export function exposeBridges(contextBridge: ContextBridgeLike, ipcRenderer: IpcRendererLike): void {
  contextBridge.exposeInMainWorld('desk', buildDeskBridge(ipcRenderer));
  contextBridge.exposeInMainWorld('deskUnlock', buildUnlockBridge(ipcRenderer));
  contextBridge.exposeInMainWorld(printBridgeKey, buildPrintBridge(ipcRenderer));
}
