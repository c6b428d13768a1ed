import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * electron/main.ts is wiring only; this loads it with a recording stand-in for the `electron`
 * module (the real one cannot be loaded outside Electron) and checks that the wiring applies
 * the security checklist's rules from electron/shell/ — sandbox for every renderer, the app's
 * own scheme, navigation and permissions denied in every session, downloads limited — and
 * hands the shell the preload and the app's own renderer files. The shell's rules themselves
 * are tested in test/shell/.
 */
type Listener = (...args: unknown[]) => unknown;
interface SessionRecord {
  permissionRequest?: Listener;
  permissionCheck?: Listener;
  listeners: Map<string, Listener>;
  handled: string[];
}

const calls = vi.hoisted(() => {
  // Electron sets it in a packaged app; plain Node has none.
  Object.assign(process, { resourcesPath: '/opt/one-stop-queue/resources' });
  const userDir = `${process.env.TMPDIR ?? '/tmp'}/osq-main-wiring-${String(process.pid)}`;
  return {
    userDir,
  schemes: [] as unknown[],
  sandboxEnabled: 0,
  appListeners: new Map<string, Listener>(),
  sessions: new Map<string, SessionRecord>(),
  shellOptions: null as Record<string, unknown> | null,
  shellStarted: 0,
  };
});

vi.mock('electron', () => {
  const makeSession = (name: string) => {
    const record: SessionRecord = { listeners: new Map<string, Listener>(), handled: [] };
    calls.sessions.set(name, record);
    return {
      setPermissionRequestHandler: (handler: Listener) => (record.permissionRequest = handler),
      setPermissionCheckHandler: (handler: Listener) => (record.permissionCheck = handler),
      on: (event: string, listener: Listener) => record.listeners.set(event, listener),
      protocol: { handle: (scheme: string) => record.handled.push(scheme) },
    };
  };
  const defaultSession = makeSession('default');
  const partitions = new Map<string, unknown>();
  return {
    app: {
      enableSandbox: () => (calls.sandboxEnabled += 1),
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: Listener) => calls.appListeners.set(event, listener),
      whenReady: () => Promise.resolve(),
      getAppPath: () => '/opt/one-stop-queue/resources/app.asar',
      getPath: (name: string) => `${calls.userDir}/${name}`,
      isPackaged: true,
      quit: () => undefined,
    },
    BrowserWindow: class {},
    ipcMain: { handle: () => undefined, on: () => undefined },
    protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => calls.schemes.push(...schemes) },
    safeStorage: {},
    screen: {},
    session: {
      defaultSession,
      fromPartition: (name: string) => {
        if (!partitions.has(name)) partitions.set(name, makeSession(name));
        return partitions.get(name);
      },
    },
  };
});

vi.mock('../../electron/shell/desktop-shell.js', () => ({
  DesktopShell: class {
    constructor(options: Record<string, unknown>) {
      calls.shellOptions = options;
    }
    async start(): Promise<void> {
      calls.shellStarted += 1;
    }
  },
}));

afterAll(() => fs.rmSync(calls.userDir, { recursive: true, force: true }));

beforeAll(async () => {
  await import('../../electron/main.js');
  // whenReady's callback runs on the next turns of the loop.
  await vi.waitFor(() => expect(calls.shellStarted).toBe(1));
});

describe('electron/main.ts', () => {
  it('sandboxes every renderer and registers the app scheme before the app is ready', () => {
    expect(calls.sandboxEnabled).toBe(1);
    expect(calls.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
  });

  it('denies navigation, redirects, webviews and new windows in every web contents created', () => {
    const created = calls.appListeners.get('web-contents-created')!;
    const listeners = new Map<string, Listener>();
    let openHandler: Listener | null = null;
    created({}, { on: (event: string, listener: Listener) => listeners.set(event, listener), setWindowOpenHandler: (handler: Listener) => (openHandler = handler) });
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      listeners.get(event)!({ preventDefault: () => (prevented = true) }, 'https://example.org/');
      expect(prevented, event).toBe(true);
    }
    expect(openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('refuses every permission and every download but its own, in the hub PC’s session and the desk PC’s', () => {
    expect([...calls.sessions.keys()].sort()).toEqual(['default', 'one-stop-queue-desk-pc']);
    for (const [name, record] of calls.sessions) {
      let granted: boolean | null = null;
      record.permissionRequest!({}, 'media', (answer: unknown) => (granted = answer as boolean));
      expect(granted, name).toBe(false);
      expect(record.permissionCheck!({}, 'notifications'), name).toBe(false);
      let prevented = false;
      record.listeners.get('will-download')!({ preventDefault: () => (prevented = true) }, { getURL: () => 'https://example.org/x.exe' });
      expect(prevented, name).toBe(true);
      expect(record.handled, name).toEqual(['app']);
    }
  });

  it('hands the shell the bundled preload, the packaged renderer and the Electron build of the native module', () => {
    const options = calls.shellOptions!;
    // Beside main's own folder: out/main/main.js → out/preload/preload.cjs (npm-run-build.test.ts).
    const mainDir = path.resolve(import.meta.dirname, '..', '..', 'electron');
    expect(path.relative(mainDir, options.preloadPath as string)).toBe(path.join('..', 'preload', 'preload.cjs'));
    expect(options.rendererDir).toBe('/opt/one-stop-queue/resources/app.asar/out/renderer');
    expect(options.nativeBinding).toBe('/opt/one-stop-queue/resources/native/better_sqlite3.node');
  });

  it('opens the site log in the platform’s log folder, hands it to the shell, and writes the start there', () => {
    expect(calls.shellOptions!.log).toBeDefined();
    const logsDir = path.join(calls.userDir, 'logs');
    const lines = fs
      .readdirSync(logsDir)
      .flatMap((file) => fs.readFileSync(path.join(logsDir, file), 'utf8').trim().split('\n'))
      .map((line) => JSON.parse(line) as { event: string; program: string });
    expect(lines[0]).toMatchObject({ event: 'started', program: 'desktop' });
    expect(calls.appListeners.has('will-quit')).toBe(true);
  });
});
