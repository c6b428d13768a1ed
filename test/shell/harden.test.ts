import { describe, expect, it } from 'vitest';
import { denyNavigation, denyPermissions, limitDownloads } from '../../electron/shell/harden.js';

type Handler = (...args: unknown[]) => unknown;

/** Records the listeners a webContents gets, so a test can fire them. */
class FakeWebContents {
  readonly listeners = new Map<string, Handler>();
  openHandler: Handler | null = null;
  on(event: string, listener: Handler): this {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: Handler): void {
    this.openHandler = handler;
  }
}

function fire(contents: FakeWebContents, name: string): boolean {
  let prevented = false;
  contents.listeners.get(name)!({ preventDefault: () => (prevented = true) }, 'https://evil.example/');
  return prevented;
}

describe('hardening', () => {
  it('denies navigation, redirects, webviews and new windows', () => {
    const contents = new FakeWebContents();
    denyNavigation(contents as never);
    expect(fire(contents, 'will-navigate')).toBe(true);
    expect(fire(contents, 'will-redirect')).toBe(true);
    expect(fire(contents, 'will-attach-webview')).toBe(true);
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    let request: Handler | null = null;
    let check: Handler | null = null;
    denyPermissions({
      setPermissionRequestHandler: (handler: Handler) => (request = handler),
      setPermissionCheckHandler: (handler: Handler) => (check = handler),
    } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answers: boolean[] = [];
      request!(null, permission, (granted: boolean) => answers.push(granted));
      expect(answers).toEqual([false]);
      expect(check!(null, permission)).toBe(false);
    }
  });

  it('lets the page save a file it made itself (a report CSV) and cancels any other download', () => {
    let listener: Handler | null = null;
    limitDownloads({ on: (event: string, handler: Handler) => event === 'will-download' && (listener = handler) } as never);
    const tries = (url: string) => {
      let cancelled = false;
      listener!({ preventDefault: () => (cancelled = true) }, { getURL: () => url });
      return cancelled;
    };
    expect(tries('blob:app://one-stop-queue/4f1c2a9e-0000-4000-8000-000000000000')).toBe(false);
    expect(tries('https://evil.example/payload.exe')).toBe(true);
    expect(tries('blob:https://evil.example/4f1c2a9e')).toBe(true);
    expect(tries('blob:app://one-stop-queue.evil.example/x')).toBe(true);
    expect(tries('file:///etc/passwd')).toBe(true);
  });
});
