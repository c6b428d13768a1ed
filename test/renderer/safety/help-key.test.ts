import { describe, expect, it } from 'vitest';
import { helpKeyShortcut, isHelpKey } from '../../../renderer/safety/help-key.js';

const press = (changes: Partial<Parameters<typeof isHelpKey>[0]>) => ({
  key: 'H',
  code: 'KeyH',
  ctrlKey: true,
  shiftKey: true,
  altKey: false,
  metaKey: false,
  repeat: false,
  ...changes,
});

describe('the help key', () => {
  it('is Ctrl+Shift+H, as aria-keyshortcuts says', () => {
    expect(helpKeyShortcut).toBe('Control+Shift+H');
    expect(isHelpKey(press({}))).toBe(true);
    expect(isHelpKey(press({ key: 'h' }))).toBe(true);
  });

  it('is not Ctrl+H (history), Shift+H (a capital H being typed), Alt+Shift+H (reception’s Housing letter) or Ctrl+Alt+H (AltGr on some layouts)', () => {
    expect(isHelpKey(press({ shiftKey: false, key: 'h' }))).toBe(false);
    expect(isHelpKey(press({ ctrlKey: false }))).toBe(false);
    expect(isHelpKey(press({ ctrlKey: false, altKey: true }))).toBe(false);
    expect(isHelpKey(press({ altKey: true }))).toBe(false);
    expect(isHelpKey(press({ metaKey: true }))).toBe(false);
  });

  it('raises once for a key held down, not once per repeat', () => {
    expect(isHelpKey(press({ repeat: true }))).toBe(false);
  });

  it('follows the letter on the keycap (Dvorak’s H is where QWERTY has J), and the UK position where letters are not Latin', () => {
    expect(isHelpKey(press({ key: 'H', code: 'KeyJ' }))).toBe(true);
    expect(isHelpKey(press({ key: 'D', code: 'KeyH' }))).toBe(false);
    expect(isHelpKey(press({ key: 'Р', code: 'KeyH' }))).toBe(true);
  });
});
