import type { BrowserWindow, BrowserWindowConstructorOptions, IpcMain, Rectangle, Screen } from 'electron';
import type { Site, SiteLog } from '../core/index.js';
import { appVersion } from '../../shared/app-version.js';
import { desktopText } from '../../shared/i18n/catalogue.js';
import { unlockPagePath } from '../../shared/unlock-bridge.js';
import type { PaperSize } from '../../shared/paper.js';
import { appUrl } from './app-origin.js';
import { forwardSiteEvents, registerDeskBridge, shareReachability, type EventWindow, type IpcMainLike, type SiteDoor } from './desk-ipc.js';
import type { DeskLinkParts, HubLink, LinkConfig } from './desk-link-types.js';
import { osProtector, type SafeStorageLike } from './os-protector.js';
import { registerPrintBridge, type PrintIpcMainLike } from './print-ipc.js';
import type { ShellSettings } from './shell-settings.js';
import { UnlockFlow, type ShellItSettings } from './unlock-flow.js';
import { registerUnlockBridge } from './unlock-ipc.js';
import { deskPartition, displayWindowOptions, pickDisplayMonitor, staffWindowOptions } from './window-options.js';

/** The running hub, as `startHub` from electron/hub/server.ts returns it. */
export interface RunningHub {
  url: string;
  port: number;
  close(): unknown;
}

export type StartHub = (options: { site: Site; host?: string; port?: number; rendererDir?: string; log?: SiteLog }) => Promise<RunningHub>;

/** The hub's LAN doors, as `startLanDoors` from electron/hub/lan-doors.ts: they open and close with LAN access. */
export type StartLanDoors = (options: { site: Site; rendererDir: string; log?: SiteLog }) => Promise<{ close(): Promise<void> }>;

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
  startLanDoors: StartLanDoors;
  /** The desk link (electron/desk-link/): how a desk PC joins a site and reaches its hub. */
  deskLink: DeskLinkParts;
  /** `app.getPath('userData')/store`. */
  dataDir: string;
  /** `app.getPath('userData')`: where a desk PC keeps desk-link.json. */
  linkDir: string;
  /** This PC's name, offered as its label when it joins a site (`os.hostname()` when left out). */
  computerName?: string | undefined;
  preloadPath: string;
  rendererDir: string;
  nativeBinding: string;
  settings: ShellSettings;
  iconPath?: string | undefined;
  /** The site log in the platform's log folder (docs/logs.md); none when left out. */
  log?: SiteLog;
  /** What IT's settings file fixes (docs/it-setup.md); its printer is already in `settings`. */
  it?: ShellItSettings;
  /** The paper IT's settings file fixes for this PC's printer, over the site's setting. */
  itPaper?: PaperSize;
  /** Whether `settings.printerName` is IT's (the settings screen says so). */
  itPrinter?: boolean;
}

/** `loadURL` rejects when a load is cut short (a quit, a second load); the window stays usable. */
function loadFailed(error: unknown): void {
  console.error('A window could not load its page:', error);
}
const minuteMs = 60_000;

/**
 * The desktop app's life. On the hub PC: unlock page → open store → the app in the staff window,
 * the hub on 127.0.0.1, its LAN doors and the display on a second monitor → on quit, doors and hub
 * then site closed. On a desk PC (joined to a site, see docs/lan.md): no store at all — the same
 * windows, in memory only, with every call and event going through the pinned link to the hub.
 */
export class DesktopShell {
  private staffWindow: ShellWindow | null = null;
  /** Whether the staff window lives in the desk PC's in-memory session. */
  private staffInMemory = false;
  private displayWindow: ShellWindow | null = null;
  private site: Site | null = null;
  private link: HubLink | null = null;
  private flow: UnlockFlow | null = null;
  private hub: RunningHub | null = null;
  private lanDoors: { close(): Promise<void> } | null = null;
  private readonly cleanups: Array<() => void> = [];
  private shuttingDown: Promise<void> | null = null;
  private pinWrites: Promise<void> = Promise.resolve();

  constructor(private readonly options: DesktopShellOptions) {}

  /** True while there is a store, hub or link to close before the process may exit. */
  get needsShutdown(): boolean {
    return this.shuttingDown === null && ((this.site ?? this.flow?.site ?? null) !== null || this.link !== null);
  }

  async start(): Promise<void> {
    const o = this.options;
    const flow = (this.flow = new UnlockFlow({
      dataDir: o.dataDir,
      linkDir: o.linkDir,
      deskLink: o.deskLink,
      safeStorage: o.safeStorage,
      platform: o.platform,
      nativeBinding: o.nativeBinding,
      ...(o.computerName === undefined ? {} : { computerName: o.computerName }),
      ...(o.log === undefined ? {} : { log: o.log }),
      ...(o.it === undefined ? {} : { it: o.it }),
      onOpen: (site) => {
        this.opened(site).catch((error: unknown) => console.error('Starting the app after unlock failed:', error));
      },
      onDesk: (config) => this.joined(config),
    }));
    this.cleanups.push(registerUnlockBridge(o.ipcMain, flow, o.quit));
    const state = await flow.start();
    // Opened straight away (a later run), the app's window is already there.
    if (state.step !== 'open') await this.openStaffWindow(false).loadURL(appUrl(unlockPagePath)).catch(loadFailed);
  }

  focus(): void {
    const window = this.staffWindow;
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  /** LAN doors and hub first (no new calls from other PCs or browsers), then the site (checkpoint, release the lock), or the link. Idempotent. */
  shutdown(): Promise<void> {
    this.shuttingDown ??= (async () => {
      for (const cleanup of this.cleanups.splice(0)) cleanup();
      for (const [what, door] of [
        ['The LAN doors', this.lanDoors],
        ['The hub', this.hub],
        ['The link to the hub', this.link],
      ] as const) {
        try {
          await door?.close();
        } catch (error) {
          console.error(`${what} did not close cleanly:`, error);
        }
      }
      this.lanDoors = null;
      this.hub = null;
      this.link = null;
      await this.pinWrites;
      // Also a store opened but not yet handed over (quit at the recovery passphrase offer).
      (this.site ?? this.flow?.site)?.close();
      this.site = null;
    })();
    return this.shuttingDown;
  }

  private async opened(site: Site): Promise<void> {
    this.site = site;
    this.connectWindows(site);
    const timer = setInterval(() => {
      try {
        site.tick();
      } catch (error) {
        console.error('The minute tick (end of day, hourly purge) failed:', error);
      }
    }, minuteMs);
    this.cleanups.push(() => clearInterval(timer));
    this.showApp(false);
    this.openDisplayWindow();
    await Promise.all([this.startLocalHub(site), this.startLanDoors(site)]);
  }

  /** A desk PC: the windows talk to the hub through the pinned link; nothing is opened here. */
  private joined(config: LinkConfig): void {
    const o = this.options;
    const protector = osProtector(o.safeStorage);
    // Set before the link exists: it may report the hub down while it is being made.
    const reachability = { set: (_up: boolean): void => undefined };
    const link = o.deskLink.createHubLink(config, {
      appVersion,
      onReachable: (up) => reachability.set(up),
      // The hub announced its next certificate over the pinned connection: keep it, in order.
      onPinsChanged: (next) => {
        this.pinWrites = this.pinWrites
          .then(() => o.deskLink.writeLinkConfig(o.linkDir, next, protector))
          .catch((error: unknown) => console.error('Could not save the hub’s new certificate fingerprint:', error instanceof Error ? error.message : ''));
      },
    });
    this.link = link;
    const shared = this.connectWindows(link);
    reachability.set = (up) => shared.set(up);
    this.showApp(true);
    this.openDisplayWindow();
  }

  /** The bridges the app's windows use, whichever door answers them (the site here, or the link to the hub). */
  private connectWindows(door: SiteDoor): ReturnType<typeof shareReachability> {
    const o = this.options;
    this.cleanups.push(registerDeskBridge(o.ipcMain, door));
    // Tickets and receipts print from the staff window only, to this PC's configured printer.
    this.cleanups.push(
      registerPrintBridge(o.ipcMain, {
        printerName: () => o.settings.printerName,
        paper: () => o.itPaper ?? null,
        printerSetByIt: () => o.itPrinter === true,
        mayPrint: (sender) => this.staffWindow !== null && sender.id === this.staffWindow.webContents.id,
      }),
    );
    this.cleanups.push(forwardSiteEvents(door, () => this.eventWindows()));
    const reachability = shareReachability(o.ipcMain, () => this.eventWindows());
    this.cleanups.push(() => reachability.stop());
    return reachability;
  }

  private async startLocalHub(site: Site): Promise<void> {
    const o = this.options;
    try {
      const hub = await o.startHub({ site, host: '127.0.0.1', port: o.settings.hubPort, rendererDir: o.rendererDir, ...(o.log === undefined ? {} : { log: o.log }) });
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

  /** The LAN doors listen only while a manager has LAN access on; they follow the setting themselves. */
  private async startLanDoors(site: Site): Promise<void> {
    try {
      const doors = await this.options.startLanDoors({ site, rendererDir: this.options.rendererDir, ...(this.options.log === undefined ? {} : { log: this.options.log }) });
      if (this.shuttingDown !== null) {
        await doors.close();
        return;
      }
      this.lanDoors = doors;
    } catch (error) {
      // The hub PC itself works on; desk PCs cannot reach it until the app is restarted.
      console.error('The LAN doors could not start:', error);
    }
  }

  /** Closing the staff window ends the app, display and all — unless the shell replaced it. */
  private openStaffWindow(inMemory: boolean): ShellWindow {
    const o = this.options;
    const window = o.createWindow(
      staffWindowOptions({ preloadPath: o.preloadPath, title: desktopText.staffWindowTitle, iconPath: o.iconPath, partition: inMemory ? deskPartition : undefined }),
    );
    this.staffWindow = window;
    this.staffInMemory = inMemory;
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (this.staffWindow !== window) return;
      this.staffWindow = null;
      o.quit();
    });
    return window;
  }

  /**
   * The app in the staff window. A desk PC's app needs a window in the in-memory session: the
   * unlock page's window (the default session, where the join form was) is replaced by one.
   */
  private showApp(inMemory: boolean): void {
    const previous = this.staffWindow;
    const window = previous !== null && this.staffInMemory === inMemory ? previous : this.openStaffWindow(inMemory);
    window.loadURL(appUrl('/')).catch(loadFailed);
    if (previous !== null && previous !== window) previous.close();
  }

  private openDisplayWindow(): void {
    const o = this.options;
    if (!o.settings.displayOnSecondMonitor || this.displayWindow !== null) return;
    const monitor = pickDisplayMonitor(o.screen.getAllDisplays(), o.screen.getPrimaryDisplay());
    if (monitor === null) return;
    const window = o.createWindow(
      displayWindowOptions({
        preloadPath: o.preloadPath,
        title: desktopText.displayWindowTitle,
        bounds: monitor.bounds,
        partition: this.link !== null ? deskPartition : undefined,
      }),
    );
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
