import { describe, expect, it } from 'vitest';
import { readSpeechSetting, speechKey, writeSpeechSetting } from '../../../renderer/display/speech-setting.js';

function memoryStore(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => {
      values.set(key, value);
    },
  };
}

describe('the spoken call-outs setting', () => {
  it('is off on a display PC that never chose', () => {
    expect(readSpeechSetting('', memoryStore())).toBe(false);
  });

  it('is what this PC last chose', () => {
    const store = memoryStore();
    writeSpeechSetting(true, store);
    expect(readSpeechSetting('', store)).toBe(true);
    writeSpeechSetting(false, store);
    expect(readSpeechSetting('', store)).toBe(false);
  });

  it('takes ?speak=1 or ?speak=0 from the address and remembers it for the next start', () => {
    const store = memoryStore({ [speechKey]: '0' });
    expect(readSpeechSetting('?speak=1', store)).toBe(true);
    expect(readSpeechSetting('', store)).toBe(true);
    expect(readSpeechSetting('?speak=0', store)).toBe(false);
    expect(readSpeechSetting('?speak=yes', store)).toBe(false);
  });

  it('works, off, where storage is refused', () => {
    const refusing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    expect(readSpeechSetting('', refusing)).toBe(false);
    expect(readSpeechSetting('?speak=1', refusing)).toBe(true);
    expect(readSpeechSetting('', null)).toBe(false);
  });
});
