import { describe, expect, it } from 'vitest';
import { desktopStoreFolder } from '../../electron/shell/store-folder.js';

const windows = { platform: 'win32' as const, env: { ProgramData: 'C:\\ProgramData', LOCALAPPDATA: 'C:\\Users\\rita\\AppData\\Local', APPDATA: 'C:\\Users\\rita\\AppData\\Roaming' }, userData: 'C:\\Users\\rita\\AppData\\Roaming\\One Stop Queue', home: 'C:\\Users\\rita' };

describe('where the hub PC’s store lives', () => {
  it('is IT’s folder when its settings file names one', () => {
    expect(desktopStoreFolder({ ...windows, itDataDir: 'D:\\OSQ', exists: () => true })).toBe('D:\\OSQ');
  });

  it('is the machine-wide ProgramData folder on Windows once IT has made it', () => {
    const made = new Set(['C:\\ProgramData\\One Stop Queue\\store']);
    expect(desktopStoreFolder({ ...windows, exists: (folder) => made.has(folder) })).toBe('C:\\ProgramData\\One Stop Queue\\store');
  });

  it('is the local, never the roaming, app data on Windows otherwise', () => {
    const folder = desktopStoreFolder({ ...windows, exists: () => false });
    expect(folder).toBe('C:\\Users\\rita\\AppData\\Local\\One Stop Queue\\store');
    expect(folder).not.toMatch(/Roaming/);
    expect(desktopStoreFolder({ ...windows, env: {}, exists: () => false })).toBe('C:\\Users\\rita\\AppData\\Local\\One Stop Queue\\store');
  });

  it('is in the app’s own data folder on macOS and Linux', () => {
    expect(desktopStoreFolder({ platform: 'darwin', env: {}, userData: '/Users/rita/Library/Application Support/One Stop Queue', home: '/Users/rita', exists: () => false })).toBe(
      '/Users/rita/Library/Application Support/One Stop Queue/store',
    );
    expect(desktopStoreFolder({ platform: 'linux', env: {}, userData: '/home/rita/.config/One Stop Queue', home: '/home/rita', exists: () => false })).toBe('/home/rita/.config/One Stop Queue/store');
  });
});
