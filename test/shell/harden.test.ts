import { describe, expect, it } from 'vitest';
import { denyNavigation, denyPermissions } from '../../electron/shell/harden.js';

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
});
