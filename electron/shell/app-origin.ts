/**
 * The app's own origin. The renderer is served from `app://one-stop-queue/…` (a privileged,
 * standard, secure scheme) rather than `file://`, so that every IPC call can be checked against
 * one exact origin (Electron security checklist, items 17 and 18:
 * https://www.electronjs.org/docs/latest/tutorial/security).
 */
export const appScheme = 'app';
export const appHost = 'one-stop-queue';
export const appOrigin = `${appScheme}://${appHost}`;

/** Parses a URL and returns it only when it is on the app's origin; anything unparsable is not. */
export function parseAppUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  // WHATWG gives a non-special scheme an opaque origin ("null"), so the parts are compared one by
  // one — exactly, never with `includes` or `startsWith` on the raw string.
  const sameOrigin =
    url.protocol === `${appScheme}:` && url.hostname === appHost && url.port === '' && url.username === '' && url.password === '';
  return sameOrigin ? url : null;
}

export function isAppOrigin(raw: unknown): boolean {
  return parseAppUrl(raw) !== null;
}

/** `appUrl('/index.html', '#/display')` → `app://one-stop-queue/index.html#/display`. */
export function appUrl(pathname: string, hash = ''): string {
  return `${appOrigin}${pathname.startsWith('/') ? pathname : `/${pathname}`}${hash}`;
}
