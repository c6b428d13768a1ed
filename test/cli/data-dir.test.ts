import { describe, expect, it } from 'vitest';
import { defaultServeDataDir, defaultServeLogDir } from '../../electron/cli/data-dir.js';

describe('the default data folder of serve', () => {
  it('is a serve folder under %APPDATA% on Windows, apart from the desktop app store', () => {
    expect(defaultServeDataDir('win32', { APPDATA: 'C:\\Users\\desk\\AppData\\Roaming' }, 'C:\\Users\\desk')).toBe(
      'C:\\Users\\desk\\AppData\\Roaming\\One Stop Queue\\serve',
    );
    expect(defaultServeDataDir('win32', {}, 'C:\\Users\\desk')).toBe('C:\\Users\\desk\\AppData\\Roaming\\One Stop Queue\\serve');
  });

  it('is under Application Support on macOS', () => {
    expect(defaultServeDataDir('darwin', {}, '/Users/desk')).toBe('/Users/desk/Library/Application Support/One Stop Queue/serve');
  });

  it('follows XDG_DATA_HOME on Linux when it is absolute, else ~/.local/share', () => {
    expect(defaultServeDataDir('linux', { XDG_DATA_HOME: '/srv/data' }, '/home/desk')).toBe('/srv/data/one-stop-queue/serve');
    expect(defaultServeDataDir('linux', { XDG_DATA_HOME: 'relative/path' }, '/home/desk')).toBe('/home/desk/.local/share/one-stop-queue/serve');
    expect(defaultServeDataDir('linux', {}, '/home/desk')).toBe('/home/desk/.local/share/one-stop-queue/serve');
  });
});

describe('the default log folder of serve', () => {
  it('is systemd’s LogsDirectory when run as the service, whatever the platform', () => {
    expect(defaultServeLogDir('linux', { LOGS_DIRECTORY: '/var/log/one-stop-queue' }, '/home/desk')).toBe('/var/log/one-stop-queue');
    expect(defaultServeLogDir('linux', { LOGS_DIRECTORY: '/var/log/a:/var/log/b' }, '/home/desk')).toBe('/var/log/a');
    expect(defaultServeLogDir('linux', { LOGS_DIRECTORY: 'relative' }, '/home/desk')).toBe('/home/desk/.local/state/one-stop-queue/logs/serve');
  });

  it('is under %LOCALAPPDATA% on Windows, never the roaming profile', () => {
    expect(defaultServeLogDir('win32', { LOCALAPPDATA: 'C:\\Users\\desk\\AppData\\Local', APPDATA: 'C:\\Users\\desk\\AppData\\Roaming' }, 'C:\\Users\\desk')).toBe(
      'C:\\Users\\desk\\AppData\\Local\\One Stop Queue\\logs\\serve',
    );
    expect(defaultServeLogDir('win32', {}, 'C:\\Users\\desk')).toBe('C:\\Users\\desk\\AppData\\Local\\One Stop Queue\\logs\\serve');
  });

  it('is ~/Library/Logs on macOS and the XDG state folder on Linux', () => {
    expect(defaultServeLogDir('darwin', {}, '/Users/desk')).toBe('/Users/desk/Library/Logs/One Stop Queue/serve');
    expect(defaultServeLogDir('linux', { XDG_STATE_HOME: '/srv/state' }, '/home/desk')).toBe('/srv/state/one-stop-queue/logs/serve');
    expect(defaultServeLogDir('linux', {}, '/home/desk')).toBe('/home/desk/.local/state/one-stop-queue/logs/serve');
  });
});
