/**
 * The desk's keys. F2 calls the next ticket: browsers and the desktop app leave it to the page
 * (F1 is help, F3 find, F5 reload, F6 the address bar, F7 caret browsing). The card's steps are
 * Alt+letter, read from `event.code` so a keyboard layout's Alt characters do not matter; Alt+F,
 * Alt+E and Alt+D are avoided because Chrome keeps them for its menu and address bar — finishing
 * is Alt+O, which moves to the outcome.
 */
export type DeskKey = 'call-next' | 'recall' | 'start' | 'finish' | 'transfer' | 'park' | 'no-show';

/** As `aria-keyshortcuts` writes them, and as the screen shows them. */
export const deskKeys: Readonly<Record<DeskKey, string>> = {
  'call-next': 'F2',
  recall: 'Alt+R',
  start: 'Alt+S',
  finish: 'Alt+O',
  transfer: 'Alt+T',
  park: 'Alt+P',
  'no-show': 'Alt+N',
};

const byAltCode: Readonly<Record<string, DeskKey>> = {
  KeyR: 'recall',
  KeyS: 'start',
  KeyO: 'finish',
  KeyT: 'transfer',
  KeyP: 'park',
  KeyN: 'no-show',
};

type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>;

/** The desk step a key press asks for, if any. AltGr (Ctrl+Alt on Windows) types characters and is left alone. */
export function deskKeyOf(event: KeyPress): DeskKey | null {
  if (event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (!event.altKey) return event.key === 'F2' ? 'call-next' : null;
  return byAltCode[event.code] ?? null;
}
