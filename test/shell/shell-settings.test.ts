import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultShellSettings, parseShellSettings, readShellSettings, shellSettingsFile } from '../../electron/shell/shell-settings.js';
import { tempDir } from '../fixtures/temp-site.js';

describe('the desktop app’s own settings', () => {
  it('reads the hub port, the display choice and the printer', () => {
    expect(parseShellSettings('{"hubPort": 8123, "displayOnSecondMonitor": false, "printerName": "EPSON_TM_T20III"}')).toEqual({
      hubPort: 8123,
      displayOnSecondMonitor: false,
      printerName: 'EPSON_TM_T20III',
    });
  });

  it('falls back to port 0, a display on the second monitor and no printer for anything missing or wrong', () => {
    expect(defaultShellSettings).toEqual({ hubPort: 0, displayOnSecondMonitor: true, printerName: null });
    expect(parseShellSettings('not json')).toEqual(defaultShellSettings);
    expect(parseShellSettings('[]')).toEqual(defaultShellSettings);
    expect(parseShellSettings('{"hubPort": 70000, "displayOnSecondMonitor": "yes"}')).toEqual(defaultShellSettings);
    expect(parseShellSettings('{"hubPort": 80.5}')).toEqual(defaultShellSettings);
  });

  it.each([
    ['an empty name', ''],
    ['a name of 201 characters', 'p'.repeat(201)],
    ['a number', 3],
    ['a list', ['EPSON_TM_T20III']],
    ['an object', { name: 'EPSON_TM_T20III' }],
    ['true', true],
  ])('has no printer for %s', (_what, printerName) => {
    expect(parseShellSettings(JSON.stringify({ printerName })).printerName).toBeNull();
  });

  it('keeps a printer name of 1 to 200 characters as it is written', () => {
    expect(parseShellSettings('{"printerName": "P"}').printerName).toBe('P');
    expect(parseShellSettings(JSON.stringify({ printerName: 'p'.repeat(200) })).printerName).toBe('p'.repeat(200));
    expect(parseShellSettings('{"printerName": "Star TSP143 (Front desk)"}').printerName).toBe('Star TSP143 (Front desk)');
  });

  it('reads the file council IT left in userData, and the defaults when there is none', () => {
    const dir = tempDir('osq-shell-settings-');
    try {
      expect(readShellSettings(dir.dir)).toEqual(defaultShellSettings);
      fs.writeFileSync(path.join(dir.dir, shellSettingsFile), '{"printerName": "HP_LaserJet_M404"}');
      expect(readShellSettings(dir.dir)).toEqual({ ...defaultShellSettings, printerName: 'HP_LaserJet_M404' });
    } finally {
      dir.remove();
    }
  });
});
