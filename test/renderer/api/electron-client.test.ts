import { describe, expect, it } from 'vitest';
import { buildDeskBridge, type IpcRendererLike } from '../../../electron/preload/expose-bridge.js';
import { registerDeskBridge, shareReachability, type EventWindow } from '../../../electron/shell/desk-ipc.js';
import type { ClientHooks } from '../../../renderer/api/desk-client.js';
import { createElectronClient } from '../../../renderer/api/electron-client.js';
import { DeskFailure } from '../../../shared/errors.js';
import { FakeHubLink, FakeIpcMain, sampleLinkConfig } from '../../shell/stand-ins.js';

const appPage = 'app://one-stop-queue/';

/**
 * The page's client on a desk PC, through the real preload bridge and the real main-process
 * handlers, joined by stand-ins for Electron's IPC: the hub link is a stand-in too.
 */
function deskPc(): { hooks: ClientHooks & { said: string[] }; link: FakeHubLink; setReachable: (up: boolean) => void; client: ReturnType<typeof createElectronClient> } {
  const ipcMain = new FakeIpcMain();
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const contents: EventWindow['contents'] = {
    send: (channel, ...args) => {
      for (const listener of listeners.get(channel) ?? []) listener({}, ...args);
    },
    isDestroyed: () => false,
  };
  const ipcRenderer: IpcRendererLike = {
    invoke: (channel, ...args) => ipcMain.invoke(appPage, channel, ...args),
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const link = new FakeHubLink(sampleLinkConfig(), { appVersion: '0.1.0' });
  registerDeskBridge(ipcMain, link);
  const reachability = shareReachability(ipcMain, () => [{ audience: 'staff', contents }]);
  const said: string[] = [];
  const hooks: ClientHooks & { said: string[] } = {
    said,
    getToken: () => 'session-token',
    sessionRejected: () => said.push('session rejected'),
    reachable: (up) => said.push(up ? 'up' : 'down'),
    streamReady: () => said.push('fetch again'),
  };
  return { hooks, link, setReachable: (up) => reachability.set(up), client: createElectronClient(buildDeskBridge(ipcRenderer), hooks) };
}

const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

describe('the Electron client on a desk PC', () => {
  it('shows the banner while the hub is away, and fetches again when it is back', async () => {
    const { hooks, setReachable } = deskPc();
    await settle();
    // Where things stood when the page started listening.
    expect(hooks.said).toEqual(['up']);
    setReachable(false);
    setReachable(true);
    expect(hooks.said).toEqual(['up', 'down', 'up', 'fetch again']);
  });

  it('does not take an answer from the main process for the hub being up', async () => {
    const { hooks, link, setReachable, client } = deskPc();
    await settle();
    setReachable(false);
    link.call = () => Promise.reject(new DeskFailure('unavailable', 'The hub cannot be reached.'));
    await expect(client.getSetupState({})).rejects.toMatchObject({ code: 'unavailable' });
    expect(hooks.said).toEqual(['up', 'down']);
  });

  it('hands the main process an idempotency key for each action, which goes on to the hub', async () => {
    const { link, client } = deskPc();
    await client.getSetupState({});
    await client.callNext({ deskId: 3 }).catch(() => undefined);
    expect(link.calls.map(({ name, token, idempotencyKey }) => [name, token, typeof idempotencyKey])).toEqual([
      ['getSetupState', 'session-token', 'object'],
      ['callNext', 'session-token', 'string'],
    ]);
  });
});
