import os from 'node:os';
import path from 'node:path';

/**
 * Where `serve` keeps its store unless told (by --data-dir or IT's dataDir): systemd's
 * StateDirectory when run as the service, else a `serve` folder in the platform's app-data
 * folder, apart from the desktop app's own store so the two never fight over one lock.
 * XDG_DATA_HOME is used only when absolute, as the XDG Base Directory spec requires.
 */
export function defaultServeDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  // systemd passes StateDirectory= (docs/one-stop-queue.service) as a colon-separated list.
  const systemd = env.STATE_DIRECTORY?.split(':')[0];
  if (systemd !== undefined && path.isAbsolute(systemd)) return systemd;
  if (platform === 'win32') {
    const appData = env.APPDATA !== undefined && env.APPDATA !== '' ? env.APPDATA : path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, 'One Stop Queue', 'serve');
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'One Stop Queue', 'serve');
  const xdg = env.XDG_DATA_HOME;
  const dataHome = xdg !== undefined && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.local', 'share');
  return path.posix.join(dataHome, 'one-stop-queue', 'serve');
}

/**
 * Where `serve` writes its log unless told (docs/logs.md): systemd's LogsDirectory when run as
 * the service (docs/one-stop-queue.service), else the platform's own place for an app's logs —
 * local, never a roaming profile, and apart from the store.
 */
export function defaultServeLogDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  // systemd passes LogsDirectory= as a colon-separated list of absolute paths.
  const systemd = env.LOGS_DIRECTORY?.split(':')[0];
  if (systemd !== undefined && path.isAbsolute(systemd)) return systemd;
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA !== undefined && env.LOCALAPPDATA !== '' ? env.LOCALAPPDATA : path.win32.join(home, 'AppData', 'Local');
    return path.win32.join(local, 'One Stop Queue', 'logs', 'serve');
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Logs', 'One Stop Queue', 'serve');
  const xdg = env.XDG_STATE_HOME;
  const stateHome = xdg !== undefined && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.local', 'state');
  return path.posix.join(stateHome, 'one-stop-queue', 'logs', 'serve');
}
