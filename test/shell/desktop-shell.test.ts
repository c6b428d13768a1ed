import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Site } from '../../electron/core/site.js';
import { DesktopShell, type RunningHub, type ShellScreen, type ShellWindow, type StartHub, type StartLanDoors } from '../../electron/shell/desktop-shell.js';
import { linkConfigFile } from '../../electron/shell/desk-link-types.js';
import { deskPartition } from '../../electron/shell/window-options.js';
import { defaultShellSettings, type ShellSettings } from '../../electron/shell/shell-settings.js';
import { bridgeChannels } from '../../shared/desk-bridge.js';
import type { DeskEvent } from '../../shared/events.js';
import { printChannel } from '../../shared/print-bridge.js';
import { startHub } from '../../electron/hub/server.js';
import { tempDir } from '../fixtures/temp-site.js';
import { FakeContents, FakeDeskLink, FakeIpcMain, FakeSafeStorage, sampleLinkConfig } from './stand-ins.js';

class FakeWindow implements ShellWindow {
  readonly urls: string[] = [];
  readonly webContents = new FakeContents();
  readonly listeners = new Map<string, () => void>();
  closed = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {}
  once(event: string, listener: () => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  on(event: string, listener: () => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  loadURL(url: string): Promise<void> {
    this.urls.push(url);
    return Promise.resolve();
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  show(): void {}
  showInactive(): void {}
  focus(): void {}
  close(): void {
    this.closed = true;
    this.listeners.get('closed')?.();
  }
}

const nodeBinding = path.join(
  path.dirname(createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);

const monitor = (id: number, x: number) => ({ id, bounds: { x, y: 0, width: 1920, height: 1080 } });

function fakeScreen(count: number): ShellScreen {
  const all = [monitor(1, 0), monitor(2, 1920)].slice(0, count);
  return { getAllDisplays: () => all, getPrimaryDisplay: () => all[0]!, on: () => undefined };
}

const unlockPage = 'app://one-stop-queue/unlock/index.html';
const appPage = 'app://one-stop-queue/';

/** Waits for the shell's asynchronous hand-over after unlock (loadURL, startHub). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe('the desktop shell’s life, with stand-ins for Electron', () => {
  let temp: ReturnType<typeof tempDir>;
  let windows: FakeWindow[];
  let ipc: FakeIpcMain;
  let order: string[];
  let quits: number;
  let hubSite: Site | null;
  let deskLink: FakeDeskLink;
  let safeStorage: FakeSafeStorage;

  beforeEach(() => {
    temp = tempDir('osq-shell-');
    windows = [];
    ipc = new FakeIpcMain();
    order = [];
    quits = 0;
    hubSite = null;
    deskLink = new FakeDeskLink();
    safeStorage = new FakeSafeStorage();
  });

  afterEach(() => temp.remove());

  const lanDoors: StartLanDoors = (options) => {
    order.push(`LAN doors started for ${options.rendererDir}`);
    return Promise.resolve({
      close: () => {
        order.push('LAN doors closed');
        return Promise.resolve();
      },
    });
  };

  function shell(monitors: number, startHub?: StartHub, settings: ShellSettings = defaultShellSettings, startLanDoors: StartLanDoors = lanDoors): DesktopShell {
    const hub: StartHub =
      startHub ??
      ((options) => {
        hubSite = options.site;
        order.push(`hub started on ${options.host ?? '?'}:${String(options.port)}`);
        const running: RunningHub = { url: 'http://127.0.0.1:1234', port: 1234, close: () => order.push('hub closed') };
        return Promise.resolve(running);
      });
    return new DesktopShell({
      createWindow: (options) => {
        const window = new FakeWindow(options);
        windows.push(window);
        return window;
      },
      ipcMain: ipc,
      screen: fakeScreen(monitors),
      safeStorage,
      platform: 'win32',
      quit: () => (quits += 1),
      startHub: hub,
      startLanDoors,
      deskLink,
      dataDir: path.join(temp.dir, 'store'),
      linkDir: temp.dir,
      computerName: 'WIRRAL-DESK-03',
      preloadPath: '/app/out/preload/preload.cjs',
      rendererDir: '/app/out/renderer',
      // Node's own build stands in for the Electron one: the same `nativeBinding` path is exercised.
      nativeBinding: nodeBinding,
      settings,
    });
  }

  it('first run: unlock page, then the app, the hub on 127.0.0.1 and the display on the second monitor', async () => {
    const app = shell(2);
    await app.start();
    expect(windows).toHaveLength(1);
    const staff = windows[0]!;
    expect(staff.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(staff.urls).toEqual([unlockPage]);
    // The app's calls are not answered before the store is open.
    expect(ipc.handlers.has(bridgeChannels.call)).toBe(false);

    expect(await ipc.invoke(unlockPage, 'desk-unlock:getState')).toEqual({ step: 'choose-role', systemProtection: true });
    expect(await ipc.invoke(unlockPage, 'desk-unlock:chooseHub')).toEqual({ ok: true, state: { step: 'first-run', systemProtection: true } });
    await ipc.invoke(unlockPage, 'desk-unlock:useSystemProtection');
    expect(await ipc.invoke(unlockPage, 'desk-unlock:skipRecoveryPassphrase')).toEqual({ ok: true, state: { step: 'open' } });
    await settle();

    expect(staff.urls).toEqual([unlockPage, appPage]);
    expect(windows).toHaveLength(2);
    const display = windows[1]!;
    expect(display.urls).toEqual(['app://one-stop-queue/#/display']);
    expect(display.options).toMatchObject({ x: 1920, fullscreen: true });
    expect(order).toEqual(['hub started on 127.0.0.1:0', 'LAN doors started for /app/out/renderer']);

    expect(await ipc.invoke(appPage, bridgeChannels.call, 'getSetupState', {}, null)).toEqual({ result: { needsSetup: true, siteName: null } });
    const session = (await ipc.invoke(
      appPage,
      bridgeChannels.call,
      'setupSite',
      { siteName: 'Wirral One Stop Shop', timeZone: 'Europe/London', manager: { name: 'Mia Manager', pin: '2468' } },
      null,
    )) as { result: { token: string } };
    expect(session.result.token).toEqual(expect.any(String));
    expect(hubSite).not.toBeNull();

    // Events reach the staff window; the display gets only those for everyone.
    const sent = (window: FakeWindow): string[] => window.webContents.sent.map(({ args }) => (args[0] as DeskEvent).type);
    await ipc.invoke(appPage, bridgeChannels.call, 'updateSettings', { sessionIdleMinutes: 30 }, session.result.token);
    expect(sent(staff)).toContain('settings-changed');
    expect(sent(display)).not.toContain('settings-changed');

    expect(app.needsShutdown).toBe(true);
    const lock = path.join(temp.dir, 'store', 'one-stop-queue.lock');
    expect(fs.existsSync(lock)).toBe(true);
    await app.shutdown();
    // The LAN doors close first (no new calls from desk PCs), then the hub, then the site.
    expect(order).toEqual(['hub started on 127.0.0.1:0', 'LAN doors started for /app/out/renderer', 'LAN doors closed', 'hub closed']);
    expect(fs.existsSync(lock)).toBe(false);
    expect(app.needsShutdown).toBe(false);
    expect(ipc.handlers.size).toBe(0);
  });

  it('a later run opens straight into the app with one monitor and no display window', async () => {
    const first = shell(1);
    await first.start();
    await ipc.invoke(unlockPage, 'desk-unlock:chooseHub');
    await ipc.invoke(unlockPage, 'desk-unlock:useSystemProtection');
    await ipc.invoke(unlockPage, 'desk-unlock:skipRecoveryPassphrase');
    await settle();
    await first.shutdown();

    windows = [];
    ipc = new FakeIpcMain();
    const later = shell(1);
    await later.start();
    await settle();
    expect(windows).toHaveLength(1);
    expect(windows[0]!.urls).toEqual([appPage]);
    await later.shutdown();
  });

  it('keeps working without its hub when the hub cannot start', async () => {
    const app = shell(1, () => Promise.reject(new Error('EADDRINUSE')));
    await app.start();
    await ipc.invoke(unlockPage, 'desk-unlock:chooseHub');
    await ipc.invoke(unlockPage, 'desk-unlock:useSystemProtection');
    await ipc.invoke(unlockPage, 'desk-unlock:skipRecoveryPassphrase');
    await settle();
    expect(await ipc.invoke(appPage, bridgeChannels.call, 'getSetupState', {}, null)).toMatchObject({ result: { needsSetup: true } });
    await app.shutdown();
  });

  it('closes a store opened but not yet handed over when the app quits at the recovery offer', async () => {
    const app = shell(1);
    await app.start();
    await ipc.invoke(unlockPage, 'desk-unlock:chooseHub');
    await ipc.invoke(unlockPage, 'desk-unlock:useSystemProtection');
    expect(app.needsShutdown).toBe(true);
    await app.shutdown();
    expect(fs.existsSync(path.join(temp.dir, 'store', 'one-stop-queue.lock'))).toBe(false);
  });

  it('prints from the staff window only, to this PC’s configured printer, once the store is open', async () => {
    const app = shell(2, undefined, { ...defaultShellSettings, printerName: 'EPSON_TM_T20III' });
    await app.start();
    // The unlock page comes before the store: nothing to print, no handler yet.
    expect(ipc.handlers.has(printChannel)).toBe(false);
    await ipc.invoke(unlockPage, 'desk-unlock:chooseHub');
    await ipc.invoke(unlockPage, 'desk-unlock:useSystemProtection');
    await ipc.invoke(unlockPage, 'desk-unlock:skipRecoveryPassphrase');
    await settle();
    const [staff, display] = windows as [FakeWindow, FakeWindow];
    for (const window of [staff, display]) window.webContents.printers = [{ name: 'EPSON_TM_T20III', displayName: 'EPSON TM-T20III' }];

    expect(await ipc.invokeFrom(staff.webContents, appPage, printChannel, { paper: '80mm' })).toEqual({ ok: true, printer: 'EPSON TM-T20III' });
    expect(staff.webContents.printed).toEqual([expect.objectContaining({ silent: true, deviceName: 'EPSON_TM_T20III' })]);
    // The waiting-area display is the app's own page too, but a public screen: it may not print.
    expect(await ipc.invokeFrom(display.webContents, 'app://one-stop-queue/#/display', printChannel, { paper: '80mm' })).toEqual({
      ok: false,
      problem: 'not-allowed',
    });
    expect(display.webContents.printed).toEqual([]);

    await app.shutdown();
    expect(ipc.handlers.has(printChannel)).toBe(false);
  });

  it('quits the app when the staff window is closed', async () => {
    const app = shell(1);
    await app.start();
    windows[0]!.close();
    expect(quits).toBe(1);
    await app.shutdown();
  });

  it('runs the real hub on 127.0.0.1 beside the windows, serving the renderer and the same site', async () => {
    const rendererDir = path.join(temp.dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>One Stop Queue</title>');
    const hubs: RunningHub[] = [];
    const app = shell(1, async (options) => {
      const hub = await startHub({ ...options, rendererDir });
      hubs.push(hub);
      return hub;
    });
    await app.start();
    await ipc.invoke(unlockPage, 'desk-unlock:chooseHub');
    await ipc.invoke(unlockPage, 'desk-unlock:useSystemProtection');
    await ipc.invoke(unlockPage, 'desk-unlock:skipRecoveryPassphrase');
    for (let i = 0; i < 50 && hubs.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    const hub = hubs[0]!;
    expect(hub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await ipc.invoke(
      appPage,
      bridgeChannels.call,
      'setupSite',
      { siteName: 'Wirral One Stop Shop', timeZone: 'Europe/London', manager: { name: 'Mia Manager', pin: '2468' } },
      null,
    );
    const response = await fetch(`${hub.url}/api/getSetupState`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(await response.json()).toEqual({ result: { needsSetup: false, siteName: 'Wirral One Stop Shop' } });
    expect(await (await fetch(`${hub.url}/`)).text()).toContain('One Stop Queue');
    await app.shutdown();
    await expect(fetch(`${hub.url}/`)).rejects.toThrow();
  });
  it('joins a site on the first run: the unlock window gives way to an in-memory one, and every call goes to the hub', async () => {
    const app = shell(2);
    await app.start();
    const unlockWindow = windows[0]!;
    expect(await ipc.invoke(unlockPage, 'desk-unlock:chooseJoin')).toEqual({ ok: true, state: { step: 'join', suggestedLabel: 'WIRRAL-DESK-03', fixedAddress: null, roleFixed: false } });
    expect(
      await ipc.invoke(unlockPage, 'desk-unlock:joinSite', { address: '192.168.1.20', code: '7KQ4-9XMP-2C3D-8F1A-QW7R', label: 'Desk 3' }),
    ).toEqual({ ok: true, state: { step: 'open' } });
    await settle();

    // No store, no hub of its own, no LAN doors: a desk PC holds nothing.
    expect(fs.existsSync(path.join(temp.dir, 'store'))).toBe(false);
    expect(order).toEqual([]);
    expect(fs.existsSync(path.join(temp.dir, linkConfigFile))).toBe(true);

    // The unlock page's window (default session) is replaced, without that ending the app.
    expect(unlockWindow.closed).toBe(true);
    expect(quits).toBe(0);
    const [, staff, display] = windows as [FakeWindow, FakeWindow, FakeWindow];
    expect(staff.options.webPreferences).toMatchObject({ partition: deskPartition, sandbox: true, contextIsolation: true });
    expect(deskPartition.startsWith('persist:')).toBe(false);
    expect(staff.urls).toEqual([appPage]);
    expect(display.options.webPreferences).toMatchObject({ partition: deskPartition });

    const link = deskLink.links[0]!;
    expect(link.config).toMatchObject({ hubUrl: 'https://127.0.0.2:4781', label: 'Desk 3' });
    expect(await ipc.invoke(appPage, bridgeChannels.call, 'getSetupState', {}, null)).toEqual({ result: { needsSetup: false, siteName: 'Wirral One Stop Shop' } });
    expect(await ipc.invoke(appPage, bridgeChannels.call, 'callNext', { deskId: 3 }, 'session-token', 'key-0123456789abcdef')).toEqual({
      error: { code: 'unavailable', message: 'The hub cannot be reached.' },
    });
    expect(link.calls.map(({ name, token, idempotencyKey }) => [name, token, idempotencyKey])).toEqual([
      ['getSetupState', null, null],
      ['callNext', 'session-token', 'key-0123456789abcdef'],
    ]);

    // The hub's events reach the windows as on the hub PC: the display only those for everyone.
    link.emit({ type: 'queue-changed', at: 1 });
    expect(staff.webContents.sent.filter(({ channel }) => channel === bridgeChannels.event)).toHaveLength(1);
    await app.shutdown();
    expect(link.closed).toBe(true);
    expect(ipc.handlers.size).toBe(0);
  });

  it('starts a joined PC straight in desk mode, tells the windows when the hub goes and comes back, and keeps new pins', async () => {
    await deskLink.writeLinkConfig(temp.dir, sampleLinkConfig(), {
      encryptString: (plain) => safeStorage.encryptStringAsync(plain),
      decryptString: async (cipher) => (await safeStorage.decryptStringAsync(cipher)).result,
    });
    const app = shell(1);
    await app.start();
    await settle();
    expect(windows).toHaveLength(1);
    const staff = windows[0]!;
    expect(staff.urls).toEqual([appPage]);
    expect(staff.options.webPreferences).toMatchObject({ partition: deskPartition });
    expect(fs.existsSync(path.join(temp.dir, 'store'))).toBe(false);
    expect(order).toEqual([]);
    expect(app.needsShutdown).toBe(true);

    const link = deskLink.links[0]!;
    expect(link.config).toEqual(sampleLinkConfig());
    expect(await ipc.invoke(appPage, bridgeChannels.reachabilityNow)).toBe(true);
    link.options.onReachable?.(false);
    link.options.onReachable?.(false);
    expect(await ipc.invoke(appPage, bridgeChannels.reachabilityNow)).toBe(false);
    link.options.onReachable?.(true);
    const said = staff.webContents.sent.filter(({ channel }) => channel === bridgeChannels.reachability).map(({ args }) => args[0]);
    expect(said).toEqual([false, true]);
    // Only the app's own pages may ask.
    await expect(ipc.invoke('https://evil.example/', bridgeChannels.reachabilityNow)).rejects.toThrow();

    // The hub announced its next certificate: the link file keeps both fingerprints.
    const next = { ...sampleLinkConfig(), fingerprints: [...sampleLinkConfig().fingerprints, 'CD:'.repeat(31) + 'CD'] };
    link.options.onPinsChanged?.(next);
    await app.shutdown();
    const protector = { encryptString: (plain: string) => safeStorage.encryptStringAsync(plain), decryptString: async (cipher: Buffer) => (await safeStorage.decryptStringAsync(cipher)).result };
    expect(await deskLink.readLinkConfig(temp.dir, protector)).toEqual(next);
    expect(link.closed).toBe(true);
  });

  it('keeps the hub PC working when its LAN doors cannot start', async () => {
    const app = shell(1, undefined, defaultShellSettings, () => Promise.reject(new Error('EADDRINUSE')));
    await app.start();
    await ipc.invoke(unlockPage, 'desk-unlock:chooseHub');
    await ipc.invoke(unlockPage, 'desk-unlock:useSystemProtection');
    await ipc.invoke(unlockPage, 'desk-unlock:skipRecoveryPassphrase');
    await settle();
    expect(await ipc.invoke(appPage, bridgeChannels.call, 'getSetupState', {}, null)).toMatchObject({ result: { needsSetup: true } });
    // On the hub PC nothing ever says the hub is away.
    expect(await ipc.invoke(appPage, bridgeChannels.reachabilityNow)).toBe(true);
    await app.shutdown();
    expect(order).toEqual(['hub started on 127.0.0.1:0', 'hub closed']);
  });
});
