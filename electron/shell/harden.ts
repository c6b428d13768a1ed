import type { Session, WebContents } from 'electron';
import { appOrigin } from './app-origin.js';

type NavigationContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Nothing in a window may navigate it or open another (Electron security checklist, items 13
 * and 14). The shell moves its own windows with `loadURL`, which does not raise `will-navigate`;
 * hash routes (`#/display`) are in-page and do not either.
 */
export function denyNavigation(contents: NavigationContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

/** No camera, microphone, notifications, geolocation… — nothing the front desk needs (item 5). */
export function denyPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

type DownloadSession = Pick<Session, 'on'>;

/** The one download the app makes: a report's CSV, a `blob:` URL the page itself made. */
const ownBlob = `blob:${appOrigin}/`;

/**
 * Only files the app's own page made may be downloaded (a manager's report CSV); Electron then
 * asks where to save it, as a browser does. Anything else — a link to the web, a file a page
 * was tricked into fetching — is cancelled before a byte is written.
 */
export function limitDownloads(session: DownloadSession): void {
  session.on('will-download', (event, item) => {
    if (!item.getURL().startsWith(ownBlob)) event.preventDefault();
  });
}
