// The Electron main process: wiring only. Everything with a rule in it lives in electron/shell/
// (and is tested there with stand-ins); the site itself is electron/core.
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, safeStorage, screen, session } from 'electron';
import { openSiteLog, type SiteLog } from './core/index.js';
import { startHub } from './hub/server.js';
import * as deskLink from './desk-link/index.js';
import { startLanDoors } from './hub/lan-doors.js';
import { appScheme } from './shell/app-origin.js';
import { appProtocolHandler, appSchemePrivileges } from './shell/app-protocol.js';
import { DesktopShell } from './shell/desktop-shell.js';
import { denyNavigation, denyPermissions, limitDownloads } from './shell/harden.js';
import { electronNativeBinding } from './shell/native-module.js';
import { readShellSettings } from './shell/shell-settings.js';
import { deskPartition } from './shell/window-options.js';

// Both must happen before `ready`.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another One Stop Queue already has the store open; it is told to come forward.
  app.quit();
} else {
  let shell: DesktopShell | null = null;
  const rendererDir = path.join(app.getAppPath(), 'out', 'renderer');

  app.on('second-instance', () => shell?.focus());
  app.on('web-contents-created', (_event, contents) => denyNavigation(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (shell?.needsShutdown !== true) return;
    event.preventDefault();
    void shell.shutdown().finally(() => app.quit());
  });

  void app.whenReady().then(async () => {
    // The site log, in the platform's log folder (docs/logs.md). The app works without one.
    const log: SiteLog | undefined = await openSiteLog({ dir: app.getPath('logs'), program: 'desktop' }).catch(() => undefined);
    log?.info('started', { platform: process.platform, packaged: app.isPackaged });
    app.on('will-quit', () => {
      log?.info('stopped');
      void log?.close();
    });
    // The hub PC's windows use the default session; a desk PC's the in-memory one. Both get the
    // app's origin and the same refusals; making the in-memory one on a hub PC costs nothing.
    for (const windowSession of [session.defaultSession, session.fromPartition(deskPartition)]) {
      denyPermissions(windowSession);
      limitDownloads(windowSession);
      windowSession.protocol.handle(appScheme, appProtocolHandler(rendererDir));
    }
    shell = new DesktopShell({
      createWindow: (options) => new BrowserWindow(options),
      ipcMain,
      screen,
      safeStorage,
      platform: process.platform,
      quit: () => app.quit(),
      startHub,
      startLanDoors,
      deskLink,
      dataDir: path.join(app.getPath('userData'), 'store'),
      linkDir: app.getPath('userData'),
      preloadPath: path.join(import.meta.dirname, '..', 'preload', 'preload.cjs'),
      rendererDir,
      nativeBinding: electronNativeBinding({ isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath }),
      // Shell settings also name this PC's printer (printerName): see docs/printing.md.
      settings: readShellSettings(app.getPath('userData')),
      // The window's icon on Linux (Windows takes the .exe's); packaged too (electron-builder.yml `files`).
      iconPath: path.join(app.getAppPath(), 'resources', 'icon.png'),
      ...(log === undefined ? {} : { log }),
    });
    await shell.start();
  });
}
