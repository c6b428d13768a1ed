import { describe, expect, it } from 'vitest';
import { exposeBridges, type ContextBridgeLike, type IpcRendererLike } from '../../electron/preload/expose-bridge.js';
import { callNames } from '../../shared/contract/index.js';
import { bridgeChannels, type DeskBridge } from '../../shared/desk-bridge.js';
import type { DeskEvent } from '../../shared/events.js';
import { printChannel, type PrintBridge } from '../../shared/print-bridge.js';
import { unlockActions, type UnlockBridge } from '../../shared/unlock-bridge.js';

type Relay = (event: unknown, ...args: unknown[]) => void;

class FakeIpcRenderer implements IpcRendererLike {
  readonly invoked: unknown[][] = [];
  readonly listeners = new Map<string, Set<Relay>>();

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, ...args]);
    return Promise.resolve({ result: 'ok' });
  }

  on(channel: string, listener: Relay): this {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set());
    this.listeners.get(channel)!.add(listener);
    return this;
  }

  removeListener(channel: string, listener: Relay): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }

  /** What the main process's `webContents.send` does; the event object carries `sender`. */
  emit(channel: string, payload: unknown): void {
    for (const listener of this.listeners.get(channel) ?? []) listener({ sender: this, senderId: 0 }, payload);
  }
}

class FakeContextBridge implements ContextBridgeLike {
  readonly exposed = new Map<string, unknown>();
  exposeInMainWorld(apiKey: string, api: unknown): void {
    this.exposed.set(apiKey, api);
  }
}

function expose(): { world: FakeContextBridge; ipc: FakeIpcRenderer; desk: DeskBridge; deskUnlock: UnlockBridge; deskPrint: PrintBridge } {
  const world = new FakeContextBridge();
  const ipc = new FakeIpcRenderer();
  exposeBridges(world, ipc);
  return {
    world,
    ipc,
    desk: world.exposed.get('desk') as DeskBridge,
    deskUnlock: world.exposed.get('deskUnlock') as UnlockBridge,
    deskPrint: world.exposed.get('deskPrint') as PrintBridge,
  };
}

describe('the preload', () => {
  it('exposes only window.desk, window.deskUnlock and window.deskPrint', () => {
    const { world } = expose();
    expect([...world.exposed.keys()].sort()).toEqual(['desk', 'deskPrint', 'deskUnlock']);
  });

  it('exposes exactly print and setup on window.deskPrint — nothing else', () => {
    const { deskPrint } = expose();
    expect(Object.keys(deskPrint)).toEqual(['print', 'setup']);
    expect(typeof deskPrint.print).toBe('function');
  });

  it('asks for this PC’s printing setup on desk-print:setup, passing nothing the page gives', async () => {
    const { deskPrint, ipc } = expose();
    await (deskPrint.setup as (...args: unknown[]) => Promise<unknown>)({ printer: 'Other' });
    expect(ipc.invoked).toEqual([['desk-print:setup']]);
  });

  it('sends a print request rebuilt from its paper size alone, on desk-print:print', async () => {
    const { deskPrint, ipc } = expose();
    await deskPrint.print({ paper: '80mm' });
    // Whatever else the page puts in the object stays in the page.
    await (deskPrint.print as (request: unknown) => Promise<unknown>)({ paper: 'a5', deviceName: 'Other', silent: false, toString: () => 'x' });
    expect(ipc.invoked).toEqual([
      [printChannel, { paper: '80mm' }],
      [printChannel, { paper: 'a5' }],
    ]);
    expect(printChannel).toBe(bridgeChannels.print);
  });

  it.each([
    ['nothing', undefined],
    ['a bare string', '80mm'],
    ['an unknown paper', { paper: 'A4' }],
    ['a getter that throws', { get paper(): string { throw new Error('no'); } }],
  ])('answers a malformed print request (%s) with not-allowed, without sending it', async (_what, request) => {
    const { deskPrint, ipc } = expose();
    expect(await (deskPrint.print as (request: unknown) => Promise<unknown>)(request)).toEqual({ ok: false, problem: 'not-allowed' });
    expect(ipc.invoked).toEqual([]);
  });

  it('exposes exactly the contract’s calls and onEvent on window.desk — nothing else', () => {
    const { desk } = expose();
    expect(Object.keys(desk).sort()).toEqual([...callNames, 'onEvent', 'onReachability'].sort());
    for (const value of Object.values(desk)) expect(typeof value).toBe('function');
    for (const forbidden of ['invoke', 'send', 'sendSync', 'on', 'ipcRenderer', 'process', 'require']) {
      expect(desk).not.toHaveProperty(forbidden);
    }
  });

  it('exposes exactly the unlock bridge’s functions on window.deskUnlock', () => {
    const { deskUnlock } = expose();
    expect(Object.keys(deskUnlock).sort()).toEqual([...unlockActions].sort());
    expect(Object.keys(deskUnlock).sort()).toEqual(
      [
        'getState',
        'useSystemProtection',
        'createWithPassphrase',
        'unlockWithPassphrase',
        'setRecoveryPassphrase',
        'skipRecoveryPassphrase',
        'chooseHub',
        'chooseJoin',
        'joinSite',
        'backToChoice',
        'retry',
        'quit',
      ].sort(),
    );
  });

  it('never hands the page ipcRenderer, directly or inside an exposed value', () => {
    const { world, ipc } = expose();
    const seen = new Set<unknown>();
    const walk = (value: unknown): void => {
      if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return;
      expect(value).not.toBe(ipc);
      seen.add(value);
      for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key]);
    };
    for (const api of world.exposed.values()) walk(api);
  });

  it('sends each call on desk:call with its fixed name, the input, the token and the idempotency key', async () => {
    const { desk, ipc } = expose();
    await desk.listStaff({}, 'token-1');
    await desk.getSetupState({}, null);
    await desk.callNext({ deskId: 3 }, 'token-2', 'key-0123456789abcdef');
    // A page passing something odd as the token or key gets null, never an object through to main.
    await (desk.getSession as (input: unknown, token: unknown) => Promise<unknown>)({}, { steal: true });
    await (desk.callNext as (input: unknown, token: unknown, key: unknown) => Promise<unknown>)({ deskId: 3 }, 'token-2', { steal: true });
    expect(ipc.invoked).toEqual([
      [bridgeChannels.call, 'listStaff', {}, 'token-1', null],
      [bridgeChannels.call, 'getSetupState', {}, null, null],
      [bridgeChannels.call, 'callNext', { deskId: 3 }, 'token-2', 'key-0123456789abcdef'],
      [bridgeChannels.call, 'getSession', {}, null, null],
      [bridgeChannels.call, 'callNext', { deskId: 3 }, 'token-2', null],
    ]);
  });

  it('delivers events to onEvent without the IPC event object, and unsubscribes', () => {
    const { desk, ipc } = expose();
    const received: unknown[][] = [];
    const stop = desk.onEvent((...args: unknown[]) => received.push(args));
    const event: DeskEvent = { type: 'queue-changed', at: 1 };
    ipc.emit(bridgeChannels.event, event);
    expect(received).toEqual([[event]]);
    stop();
    ipc.emit(bridgeChannels.event, event);
    expect(received).toHaveLength(1);
    expect(ipc.listeners.get(bridgeChannels.event)?.size).toBe(0);
  });

  it('tells onReachability where things stand now, then each change, only as a boolean, and unsubscribes', async () => {
    const { desk, ipc } = expose();
    const said: unknown[][] = [];
    const stop = desk.onReachability((...args: unknown[]) => said.push(args));
    expect(ipc.invoked).toEqual([[bridgeChannels.reachabilityNow]]);
    // The fake main answers `{ result: 'ok' }` to every invoke: not `true`, so it reads as down.
    await new Promise((resolve) => setImmediate(resolve));
    ipc.emit(bridgeChannels.reachability, true);
    ipc.emit(bridgeChannels.reachability, 'yes');
    expect(said).toEqual([[false], [true], [false]]);
    stop();
    ipc.emit(bridgeChannels.reachability, true);
    expect(said).toHaveLength(3);
    expect(ipc.listeners.get(bridgeChannels.reachability)?.size).toBe(0);
  });

  it('sends the join form rebuilt from its three strings', async () => {
    const { deskUnlock, ipc } = expose();
    await (deskUnlock.joinSite as (request: unknown) => Promise<unknown>)({ address: 'hub-pc', code: 'CODE', label: 'Desk 3', deviceToken: 'x', toString: () => 'y' });
    await (deskUnlock.joinSite as (request: unknown) => Promise<unknown>)('hub-pc');
    await (deskUnlock.joinSite as (request: unknown) => Promise<unknown>)({
      get address(): string {
        throw new Error('no');
      },
      code: 5,
    });
    await deskUnlock.chooseJoin();
    expect(ipc.invoked).toEqual([
      ['desk-unlock:joinSite', { address: 'hub-pc', code: 'CODE', label: 'Desk 3' }],
      ['desk-unlock:joinSite', { address: '', code: '', label: '' }],
      ['desk-unlock:joinSite', { address: '', code: '', label: '' }],
      ['desk-unlock:chooseJoin'],
    ]);
  });

  it('sends unlock actions on their own channels, with a passphrase only where one is taken', async () => {
    const { deskUnlock, ipc } = expose();
    await deskUnlock.getState();
    await deskUnlock.unlockWithPassphrase('correct horse battery staple');
    await (deskUnlock.createWithPassphrase as (p: unknown) => Promise<unknown>)({ not: 'a string' });
    await (deskUnlock.quit as (...args: unknown[]) => Promise<unknown>)('ignored');
    expect(ipc.invoked).toEqual([
      ['desk-unlock:getState'],
      ['desk-unlock:unlockWithPassphrase', 'correct horse battery staple'],
      ['desk-unlock:createWithPassphrase', ''],
      ['desk-unlock:quit'],
    ]);
  });
});
