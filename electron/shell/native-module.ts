import path from 'node:path';

/**
 * Where the Electron build of better-sqlite3-multiple-ciphers lives, apart from Node's build in
 * node_modules, so `npm start` and `npm test` never rebuild each other's (docs/contributing.md). The module's
 * documented `nativeBinding` option loads this file instead of its own `build/`.
 * `electron/tools/prepare-electron.ts` builds it there; electron-builder copies it to
 * `resources/native/` (`extraResources` in electron-builder.yml), outside the asar archive.
 */
export const devElectronModuleDir = path.join('node_modules', '.one-stop-queue-electron', 'better-sqlite3-multiple-ciphers');
export const builtBindingFile = path.join('build', 'Release', 'better_sqlite3.node');
export const packagedBindingFile = path.join('native', 'better_sqlite3.node');

export interface AppLocation {
  isPackaged: boolean;
  /** `app.getAppPath()`: the repository root in development (`electron .`). */
  appPath: string;
  /** `process.resourcesPath` in a packaged app. */
  resourcesPath: string;
}

export function electronNativeBinding(location: AppLocation): string {
  return location.isPackaged
    ? path.join(location.resourcesPath, packagedBindingFile)
    : path.join(location.appPath, devElectronModuleDir, builtBindingFile);
}
