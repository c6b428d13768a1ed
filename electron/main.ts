// The Electron main process: wiring only. Everything with a rule in it lives in electron/shell/
// (and is tested there with stand-ins); the site itself is electron/core.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, safeStorage, screen, session } from 'electron';
import { describeItConfigProblem } from '../shared/it-config.js';
import { openSiteLog, readItConfig, type SiteLog } from './core/index.js';
import { startHub } from './hub/server.js';
import * as deskLink from './desk-link/index.js';
import { startLanDoors } from './hub/lan-doors.js';
import { appScheme } from './shell/app-origin.js';
import { appProtocolHandler, appSchemePrivileges } from './shell/app-protocol.js';
import { DesktopShell } from './shell/desktop-shell.js';
import { denyNavigation, denyPermissions, limitDownloads } from './shell/harden.js';
import { electronNativeBinding } from './shell/native-module.js';
import { readShellSettings } from './shell/shell-settings.js';
import { desktopStoreFolder } from './shell/store-folder.js';
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
    // IT's settings file (docs/it-setup.md) wins over this PC's own; a wrong one stops the app at
    // a screen that names the field, and nothing is opened or made.
    const it = readItConfig();
    const itConfig = it.kind === 'ok' ? it.config : {};
    const ownSettings = readShellSettings(app.getPath('userData'));
    const dataDir = desktopStoreFolder({
      platform: process.platform,
      env: process.env,
      userData: app.getPath('userData'),
      home: os.homedir(),
      itDataDir: itConfig.dataDir,
      exists: (folder) => fs.existsSync(folder),
    });
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
      dataDir,
      linkDir: app.getPath('userData'),
      preloadPath: path.join(import.meta.dirname, '..', 'preload', 'preload.cjs'),
      rendererDir,
      nativeBinding: electronNativeBinding({ isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath }),
      // Shell settings also name this PC's printer (printerName): see docs/printing.md.
      settings: { ...ownSettings, printerName: itConfig.printerName ?? ownSettings.printerName },
      it:
        it.kind === 'invalid'
          ? { problem: describeItConfigProblem(it) }
          : {
              ...(itConfig.role === undefined ? {} : { role: itConfig.role }),
              ...(itConfig.hub === undefined ? {} : { hubAddress: itConfig.hub.address }),
              ...(itConfig.hub?.fingerprint === undefined ? {} : { hubFingerprint: itConfig.hub.fingerprint }),
            },
      ...(itConfig.paper === undefined ? {} : { itPaper: itConfig.paper }),
      itPrinter: itConfig.printerName !== undefined,
      // The window's icon on Linux (Windows takes the .exe's); packaged too (electron-builder.yml `files`).
      iconPath: path.join(app.getAppPath(), 'resources', 'icon.png'),
      ...(log === undefined ? {} : { log }),
    });
    await shell.start();
  });
}
