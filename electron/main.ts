// The Electron main process: wiring only. Everything with a rule in it lives in electron/shell/
// (and is tested there with stand-ins); the site itself is electron/core.
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, safeStorage, screen, session } from 'electron';
import { startHub } from './hub/server.js';
import { appScheme } from './shell/app-origin.js';
import { appProtocolHandler, appSchemePrivileges } from './shell/app-protocol.js';
import { DesktopShell } from './shell/desktop-shell.js';
import { denyNavigation, denyPermissions, limitDownloads } from './shell/harden.js';
import { electronNativeBinding } from './shell/native-module.js';
import { readShellSettings } from './shell/shell-settings.js';

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
    denyPermissions(session.defaultSession);
    limitDownloads(session.defaultSession);
    protocol.handle(appScheme, appProtocolHandler(rendererDir));
    shell = new DesktopShell({
      createWindow: (options) => new BrowserWindow(options),
      ipcMain,
      screen,
      safeStorage,
      platform: process.platform,
      quit: () => app.quit(),
      startHub,
      dataDir: path.join(app.getPath('userData'), 'store'),
      preloadPath: path.join(import.meta.dirname, '..', 'preload', 'preload.cjs'),
      rendererDir,
      nativeBinding: electronNativeBinding({ isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath }),
      // Shell settings also name this PC's printer (printerName): see docs/printing.md.
      settings: readShellSettings(app.getPath('userData')),
      // The window's icon on Linux (Windows takes the .exe's); packaged too (electron-builder.yml `files`).
      iconPath: path.join(app.getAppPath(), 'resources', 'icon.png'),
    });
    await shell.start();
  });
}
