import { describe, expect, it } from 'vitest';
import { displayWindowOptions, pickDisplayMonitor, secureWebPreferences, staffWindowOptions } from '../../electron/shell/window-options.js';

const preloadPath = '/app/out/preload/preload.cjs';

describe('window options', () => {
  const windows = {
    staff: staffWindowOptions({ preloadPath, title: 'One Stop Queue' }),
    display: displayWindowOptions({ preloadPath, title: 'Display', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } }),
  };

  it.each(Object.entries(windows))('the %s window is isolated, sandboxed and has no Node', (_name, options) => {
    const web = options.webPreferences!;
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.preload).toBe(preloadPath);
    expect(web.preload!.endsWith('.cjs')).toBe(true);
    expect(web).not.toHaveProperty('enableBlinkFeatures');
    expect(web).not.toHaveProperty('partition');
  });

  it('uses one set of web preferences for every window, the display adding only sound before anyone has touched it (so it needs no Start button)', () => {
    expect(windows.staff.webPreferences).toEqual(secureWebPreferences(preloadPath));
    expect(windows.display.webPreferences).toEqual({ ...secureWebPreferences(preloadPath), autoplayPolicy: 'no-user-gesture-required' });
  });

  it('shows a window only when it is ready, and fills the second monitor with the display', () => {
    expect(windows.staff.show).toBe(false);
    expect(windows.display).toMatchObject({ show: false, fullscreen: true, frame: false, x: 1920, y: 0, width: 1920, height: 1080 });
  });

  it('puts the display on a monitor other than the primary one, or nowhere', () => {
    const primary = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
    const second = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 } };
    expect(pickDisplayMonitor([primary, second], primary)).toBe(second);
    expect(pickDisplayMonitor([second, primary], primary)).toBe(second);
    expect(pickDisplayMonitor([primary], primary)).toBeNull();
  });
});
