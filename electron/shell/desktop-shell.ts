import type { BrowserWindow, BrowserWindowConstructorOptions, IpcMain, Rectangle, Screen } from 'electron';
import type { Site } from '../core/index.js';
import { desktopText } from '../../shared/i18n/catalogue.js';
import { unlockPagePath } from '../../shared/unlock-bridge.js';
import { appUrl } from './app-origin.js';
import { forwardSiteEvents, registerDeskBridge, type EventWindow, type IpcMainLike } from './desk-ipc.js';
import type { SafeStorageLike } from './os-protector.js';
import { registerPrintBridge, type PrintIpcMainLike } from './print-ipc.js';
import type { ShellSettings } from './shell-settings.js';
import { UnlockFlow } from './unlock-flow.js';
import { registerUnlockBridge } from './unlock-ipc.js';
import { displayWindowOptions, pickDisplayMonitor, staffWindowOptions } from './window-options.js';

/** The running hub, as `startHub` from electron/hub/server.ts returns it. */
export interface RunningHub {
  url: string;
  port: number;
  close(): unknown;
}

export type StartHub = (options: { site: Site; host?: string; port?: number; rendererDir?: string }) => Promise<RunningHub>;

/** The part of a BrowserWindow the shell uses. */
export interface ShellWindow {
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  loadURL(url: string): Promise<void>;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  showInactive(): void;
  focus(): void;
  close(): void;
  /** `id` tells the print bridge which window is asking. */
  readonly webContents: EventWindow['contents'] & { readonly id: number };
}

/** The part of `screen` the shell uses. */
export interface ShellScreen {
  getAllDisplays(): Array<{ id: number; bounds: Rectangle }>;
  getPrimaryDisplay(): { id: number; bounds: Rectangle };
  on(event: 'display-removed', listener: (event: unknown, display: { id: number }) => void): unknown;
}

// Compile-time proof that Electron's own objects fit these shapes.
const _fits = (window: BrowserWindow, screen: Screen, ipcMain: IpcMain): [ShellWindow, ShellScreen, IpcMainLike & PrintIpcMainLike] => [window, screen, ipcMain];
void _fits;

/** Everything Electron the shell needs, handed in by main.ts (the only file that imports it at run time). */
export interface DesktopShellOptions {
  createWindow(options: BrowserWindowConstructorOptions): ShellWindow;
  ipcMain: IpcMainLike & PrintIpcMainLike;
  screen: ShellScreen;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  quit(): void;
  startHub: StartHub;
  /** `app.getPath('userData')/store`. */
  dataDir: string;
  preloadPath: string;
  rendererDir: string;
  nativeBinding: string;
  settings: ShellSettings;
  iconPath?: string | undefined;
}

/** `loadURL` rejects when a load is cut short (a quit, a second load); the window stays usable. */
function loadFailed(error: unknown): void {
  console.error('A window could not load its page:', error);
}
const minuteMs = 60_000;

/**
 * The desktop app's life: unlock page → open store → the app in the staff window, the hub on
 * 127.0.0.1 and the display on a second monitor → on quit, hub then site closed.
 */
export class DesktopShell {
  private staffWindow: ShellWindow | null = null;
  private displayWindow: ShellWindow | null = null;
  private site: Site | null = null;
  private flow: UnlockFlow | null = null;
  private hub: RunningHub | null = null;
  private readonly cleanups: Array<() => void> = [];
  private shuttingDown: Promise<void> | null = null;

  constructor(private readonly options: DesktopShellOptions) {}

  /** True while there is a store or hub to close before the process may exit. */
  get needsShutdown(): boolean {
    return this.shuttingDown === null && (this.site ?? this.flow?.site ?? null) !== null;
  }

  async start(): Promise<void> {
    const o = this.options;
    const window = o.createWindow(staffWindowOptions({ preloadPath: o.preloadPath, title: desktopText.staffWindowTitle, iconPath: o.iconPath }));
    this.staffWindow = window;
    window.once('ready-to-show', () => window.show());
    // Closing the staff window ends the app, display and all.
    window.on('closed', () => {
      this.staffWindow = null;
      o.quit();
    });
    const flow = (this.flow = new UnlockFlow({
      dataDir: o.dataDir,
      safeStorage: o.safeStorage,
      platform: o.platform,
      nativeBinding: o.nativeBinding,
      onOpen: (site) => {
        this.opened(site).catch((error: unknown) => console.error('Starting the app after unlock failed:', error));
      },
    }));
    this.cleanups.push(registerUnlockBridge(o.ipcMain, flow, o.quit));
    const state = await flow.start();
    if (state.step !== 'open') await window.loadURL(appUrl(unlockPagePath)).catch(loadFailed);
  }

  focus(): void {
    const window = this.staffWindow;
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  /** Hub first (no new calls from browsers), then the site (checkpoint, release the lock). Idempotent. */
  shutdown(): Promise<void> {
    this.shuttingDown ??= (async () => {
      for (const cleanup of this.cleanups.splice(0)) cleanup();
      try {
        await this.hub?.close();
      } catch (error) {
        console.error('The hub did not close cleanly:', error);
      }
      this.hub = null;
      // Also a store opened but not yet handed over (quit at the recovery passphrase offer).
      (this.site ?? this.flow?.site)?.close();
      this.site = null;
    })();
    return this.shuttingDown;
  }

  private async opened(site: Site): Promise<void> {
    const o = this.options;
    this.site = site;
    this.cleanups.push(registerDeskBridge(o.ipcMain, site));
    // Tickets and receipts print from the staff window only, to this PC's configured printer.
    this.cleanups.push(
      registerPrintBridge(o.ipcMain, {
        printerName: () => o.settings.printerName,
        mayPrint: (sender) => this.staffWindow !== null && sender.id === this.staffWindow.webContents.id,
      }),
    );
    this.cleanups.push(forwardSiteEvents(site, () => this.eventWindows()));
    const timer = setInterval(() => {
      try {
        site.tick();
      } catch (error) {
        console.error('The minute tick (end of day, hourly purge) failed:', error);
      }
    }, minuteMs);
    this.cleanups.push(() => clearInterval(timer));
    this.staffWindow?.loadURL(appUrl('/')).catch(loadFailed);
    this.openDisplayWindow();
    try {
      const hub = await o.startHub({ site, host: '127.0.0.1', port: o.settings.hubPort, rendererDir: o.rendererDir });
      // Quit may have begun while the hub was starting: then it closes at once.
      if (this.shuttingDown !== null) {
        await hub.close();
        return;
      }
      this.hub = hub;
      console.warn(`One Stop Queue hub for browsers on this PC: ${hub.url}`);
    } catch (error) {
      // The desktop app works without its hub; only browsers on this PC lose their door.
      console.error('The hub could not start (is the port in use?):', error);
    }
  }

  private openDisplayWindow(): void {
    const o = this.options;
    if (!o.settings.displayOnSecondMonitor || this.displayWindow !== null) return;
    const monitor = pickDisplayMonitor(o.screen.getAllDisplays(), o.screen.getPrimaryDisplay());
    if (monitor === null) return;
    const window = o.createWindow(displayWindowOptions({ preloadPath: o.preloadPath, title: desktopText.displayWindowTitle, bounds: monitor.bounds }));
    this.displayWindow = window;
    window.once('ready-to-show', () => window.showInactive());
    window.on('closed', () => {
      this.displayWindow = null;
    });
    window.loadURL(appUrl('/', '#/display')).catch(loadFailed);
    o.screen.on('display-removed', (_event, removed) => {
      if (removed.id === monitor.id && this.displayWindow === window) window.close();
    });
  }

  private *eventWindows(): Iterable<EventWindow> {
    if (this.staffWindow !== null) yield { audience: 'staff', contents: this.staffWindow.webContents };
    if (this.displayWindow !== null) yield { audience: 'everyone', contents: this.displayWindow.webContents };
  }
}
