import { describe, expect, it } from 'vitest';
import { defaultServeDataDir } from '../../electron/cli/data-dir.js';

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
