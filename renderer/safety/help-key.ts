/**
 * The one key that asks for help: Ctrl+Shift+H. Alt+letter is taken by reception's services (a
 * Housing "H" among them), Ctrl+H is the browser's history; with Shift as well nobody presses
 * it while typing, and Chromium leaves it to the page.
 */
export const helpKeyShortcut = 'Control+Shift+H';

interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  repeat: boolean;
}

/**
 * True for Ctrl+Shift+H, once per press. The letter is read from `key` so that it is the H on
 * the keycap whatever the layout; a layout whose letters are not Latin (Greek, Cyrillic) uses
 * the key where H sits on a UK keyboard.
 */
export function isHelpKey(event: KeyLike): boolean {
  if (!event.ctrlKey || !event.shiftKey || event.altKey || event.metaKey || event.repeat) return false;
  const letter = event.key.toLowerCase();
  if (letter === 'h') return true;
  return !/^[a-z]$/.test(letter) && event.code === 'KeyH';
}
