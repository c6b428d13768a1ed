/**
 * Whether this display PC says each call aloud as well as chiming. A setting of the screen, not
 * of the site: one waiting area may want it and another not, so it lives in this browser's
 * localStorage (no personal data). `?speak=1` or `?speak=0` in the address sets it, for a
 * display started from a shortcut; the display's own switch sets it by keyboard.
 */
export const speechKey = 'one-stop-queue.display.speak';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** The setting as this page should start with it: the address wins and is remembered. */
export function readSpeechSetting(search: string, store: Store | null): boolean {
  const asked = new URLSearchParams(search).get('speak');
  if (asked === '1' || asked === '0') {
    writeSpeechSetting(asked === '1', store);
    return asked === '1';
  }
  try {
    return store?.getItem(speechKey) === '1';
  } catch {
    return false;
  }
}

export function writeSpeechSetting(on: boolean, store: Store | null): void {
  try {
    store?.setItem(speechKey, on ? '1' : '0');
  } catch {
    // Storage refused (a locked-down kiosk profile): the switch still works until a reload.
  }
}

/** localStorage, or null where reading it throws (storage disabled by policy). */
export function displayStorage(): Store | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
