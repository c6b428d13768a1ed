import { describe, expect, it } from 'vitest';
import { deskKeyOf, deskKeys } from '../../../renderer/desk/desk-keys.js';

const press = (key: string, code: string, modifiers: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({
  key,
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('deskKeyOf: the desk’s keys', () => {
  it('calls the next ticket with F2 alone', () => {
    expect(deskKeyOf(press('F2', 'F2'))).toBe('call-next');
    expect(deskKeyOf(press('F2', 'F2', { ctrlKey: true }))).toBeNull();
    expect(deskKeyOf(press('F2', 'F2', { shiftKey: true }))).toBeNull();
  });

  it('reads the card’s steps from Alt and the key’s place, whatever the layout types', () => {
    expect(deskKeyOf(press('®', 'KeyR', { altKey: true }))).toBe('recall');
    expect(deskKeyOf(press('s', 'KeyS', { altKey: true }))).toBe('start');
    expect(deskKeyOf(press('o', 'KeyO', { altKey: true }))).toBe('finish');
    expect(deskKeyOf(press('t', 'KeyT', { altKey: true }))).toBe('transfer');
    expect(deskKeyOf(press('p', 'KeyP', { altKey: true }))).toBe('park');
    expect(deskKeyOf(press('n', 'KeyN', { altKey: true }))).toBe('no-show');
  });

  it('leaves plain typing, AltGr (Ctrl+Alt) and the browser’s own Alt keys alone', () => {
    expect(deskKeyOf(press('r', 'KeyR'))).toBeNull();
    expect(deskKeyOf(press('€', 'KeyE', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(deskKeyOf(press('r', 'KeyR', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(deskKeyOf(press('f', 'KeyF', { altKey: true }))).toBeNull();
    expect(deskKeyOf(press('d', 'KeyD', { altKey: true }))).toBeNull();
    expect(deskKeyOf(press('Enter', 'Enter', { ctrlKey: true }))).toBeNull();
  });

  it('names every key as aria-keyshortcuts writes it, each one once', () => {
    const written = Object.values(deskKeys);
    expect(new Set(written).size).toBe(written.length);
    for (const keys of written) expect(keys).toMatch(/^(F\d+|Alt\+[A-Z])$/);
  });
});
