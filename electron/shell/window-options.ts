import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';

/**
 * Every window's web preferences, from the Electron security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security): isolated, sandboxed, no Node in
 * the page or its workers and frames, web security on, no `<webview>`. Spelled out even where
 * they are Electron's defaults, so a test can see them and a later change cannot drop one silently.
 */
export function secureWebPreferences(preloadPath: string, partition?: string): WebPreferences {
  return {
    preload: preloadPath,
    ...(partition === undefined ? {} : { partition }),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/**
 * A desk PC's windows: a partition without `persist:` lives in memory only, so no answer from the
 * hub — a visitor's name in a cached response, a page's storage — is written to this PC's disk
 * (https://www.electronjs.org/docs/latest/api/session#sessionfrompartitionpartition-options).
 */
export const deskPartition = 'one-stop-queue-desk-pc';

export interface StaffWindowSpec {
  preloadPath: string;
  title: string;
  iconPath?: string | undefined;
  /** `deskPartition` on a desk PC; the default session on the hub PC (its store is the record). */
  partition?: string | undefined;
}

/** The staff window: reception, desk and manager screens (and the unlock page before them). */
export function staffWindowOptions(spec: StaffWindowSpec): BrowserWindowConstructorOptions {
  return {
    title: spec.title,
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    ...(spec.iconPath === undefined ? {} : { icon: spec.iconPath }),
    webPreferences: secureWebPreferences(spec.preloadPath, spec.partition),
  };
}

export interface DisplayWindowSpec {
  preloadPath: string;
  title: string;
  /** The second monitor's bounds; the display fills it. */
  bounds: Rectangle;
  partition?: string | undefined;
}

/** The waiting-area display on a second monitor: full screen, no menu, no frame. */
export function displayWindowOptions(spec: DisplayWindowSpec): BrowserWindowConstructorOptions {
  return {
    title: spec.title,
    x: spec.bounds.x,
    y: spec.bounds.y,
    width: spec.bounds.width,
    height: spec.bounds.height,
    show: false,
    frame: false,
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    // The display chimes for every call with nobody there to click first. Electron's default,
    // spelled out so no later change of default silences the waiting room
    // (https://www.electronjs.org/docs/latest/api/structures/web-preferences#autoplaypolicy).
    webPreferences: { ...secureWebPreferences(spec.preloadPath, spec.partition), autoplayPolicy: 'no-user-gesture-required' },
  };
}

/** The monitor for the display: the first one that is not the staff's primary screen, if any. */
export function pickDisplayMonitor<D extends { id: number; bounds: Rectangle }>(all: readonly D[], primary: D): D | null {
  return all.find((display) => display.id !== primary.id) ?? null;
}
