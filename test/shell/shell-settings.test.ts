import { describe, expect, it } from 'vitest';
import { defaultShellSettings, parseShellSettings } from '../../electron/shell/shell-settings.js';

describe('the desktop app’s own settings', () => {
  it('reads the hub port and the display choice', () => {
    expect(parseShellSettings('{"hubPort": 8123, "displayOnSecondMonitor": false}')).toEqual({ hubPort: 8123, displayOnSecondMonitor: false });
  });

  it('falls back to port 0 and a display on the second monitor for anything missing or wrong', () => {
    expect(defaultShellSettings).toEqual({ hubPort: 0, displayOnSecondMonitor: true });
    expect(parseShellSettings('not json')).toEqual(defaultShellSettings);
    expect(parseShellSettings('[]')).toEqual(defaultShellSettings);
    expect(parseShellSettings('{"hubPort": 70000, "displayOnSecondMonitor": "yes"}')).toEqual(defaultShellSettings);
    expect(parseShellSettings('{"hubPort": 80.5}')).toEqual(defaultShellSettings);
  });
});
