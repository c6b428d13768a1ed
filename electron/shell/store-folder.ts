import path from 'node:path';

/**
 * Where the hub PC's desktop app keeps its store (docs/it-setup.md), never in a roaming profile:
 * roaming copies and profile backups would outlive the 28 days, and a PC with several Windows
 * accounts would get a store each.
 *
 * 1. IT's settings file's `dataDir`, when it gives one.
 * 2. Windows: `%ProgramData%\One Stop Queue\store` when IT (the installer's script or a group
 *    policy) has made that folder, with rights for the PC's staff accounts — one store for the
 *    PC, whoever signs in to Windows; else `%LOCALAPPDATA%\One Stop Queue\store`, which stays on
 *    this PC.
 * 3. macOS and Linux: the app's folder in the user's own (local) application data.
 */
export function desktopStoreFolder(options: {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** Electron's `userData` (roaming on Windows; local elsewhere). */
  userData: string;
  home: string;
  itDataDir?: string | undefined;
  exists: (folder: string) => boolean;
}): string {
  if (options.itDataDir !== undefined) return options.itDataDir;
  if (options.platform === 'win32') {
    const programData = options.env.ProgramData !== undefined && options.env.ProgramData !== '' ? options.env.ProgramData : 'C:\\ProgramData';
    const machineWide = path.win32.join(programData, 'One Stop Queue', 'store');
    if (options.exists(machineWide)) return machineWide;
    const local = options.env.LOCALAPPDATA !== undefined && options.env.LOCALAPPDATA !== '' ? options.env.LOCALAPPDATA : path.win32.join(options.home, 'AppData', 'Local');
    return path.win32.join(local, 'One Stop Queue', 'store');
  }
  return path.join(options.userData, 'store');
}
