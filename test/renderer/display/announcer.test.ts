import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnnouncer, spellTicket, type Announcement, type AnnouncerOptions } from '../../../renderer/display/announcer.js';

const chimeMs = 1_200;
const speechMs = 3_000;

/**
 * A chime and a voice that take time, as the real ones do, and write down when each starts and
 * ends, so that overlap shows as a start before the previous end.
 */
function stage(overrides: Partial<AnnouncerOptions> = {}) {
  const log: string[] = [];
  let speech = true;
  const options: AnnouncerOptions = {
    play: (signal) =>
      new Promise<void>((resolve) => {
        log.push('chime');
        const timer = setTimeout(() => {
          log.push('chime ended');
          resolve();
        }, chimeMs);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          log.push('chime stopped');
        });
      }),
    speak: (line, signal) =>
      new Promise<void>((resolve) => {
        log.push(`say ${line}`);
        const timer = setTimeout(() => {
          log.push('said');
          resolve();
        }, speechMs);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          log.push('speech stopped');
        });
      }),
    speaking: () => speech,
    line: (call) => `Ticket ${spellTicket(call.number)}, please go to ${call.deskName}`,
    gapMs: 0,
    ...overrides,
  };
  const announcer = createAnnouncer(options);
  return {
    log,
    announcer,
    setSpeech: (on: boolean) => {
      speech = on;
    },
  };
}

const c014: Announcement = { number: 'C014', deskName: 'Desk 3' };
const h002: Announcement = { number: 'H002', deskName: 'Desk 1' };

/** Every start after the end of what came before: nothing talks over anything. */
function expectNoOverlap(log: readonly string[]): void {
  let busy = false;
  for (const entry of log) {
    const starts = entry === 'chime' || entry.startsWith('say ');
    if (starts) {
      expect(busy, `"${entry}" started while something was still sounding:\n${log.join('\n')}`).toBe(false);
      busy = true;
    } else busy = false;
  }
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('spellTicket', () => {
  it('spells a ticket one character at a time, however long its number', () => {
    expect(spellTicket('C014')).toBe('C 0 1 4');
    expect(spellTicket('C1000')).toBe('C 1 0 0 0');
  });
});

describe('createAnnouncer', () => {
  it('rings the chime, then says the call once the chime has rung', async () => {
    const { log, announcer } = stage();
    announcer.announce(c014);
    await vi.advanceTimersByTimeAsync(chimeMs - 1);
    expect(log).toEqual(['chime']);
    await vi.advanceTimersByTimeAsync(1 + speechMs);
    expect(log).toEqual(['chime', 'chime ended', 'say Ticket C 0 1 4, please go to Desk 3', 'said']);
  });

  it('says a second call only after the first has been said, in the order they came', async () => {
    const { log, announcer } = stage();
    announcer.announce(c014);
    announcer.announce(h002);
    await vi.advanceTimersByTimeAsync(2 * (chimeMs + speechMs));
    expect(log).toEqual([
      'chime',
      'chime ended',
      'say Ticket C 0 1 4, please go to Desk 3',
      'said',
      'chime',
      'chime ended',
      'say Ticket H 0 0 2, please go to Desk 1',
      'said',
    ]);
    expectNoOverlap(log);
  });

  it('a call that comes while another is being said waits for it to end', async () => {
    const { log, announcer } = stage();
    announcer.announce(c014);
    await vi.advanceTimersByTimeAsync(chimeMs + speechMs / 2);
    announcer.announce(h002);
    await vi.advanceTimersByTimeAsync(speechMs / 2 - 1);
    expect(log.at(-1)).toBe('say Ticket C 0 1 4, please go to Desk 3');
    await vi.advanceTimersByTimeAsync(1 + chimeMs + speechMs);
    expect(log.filter((entry) => entry === 'chime')).toHaveLength(2);
    expectNoOverlap(log);
  });

  it('announces a recall again, chime and all, once the first call has been said', async () => {
    const { log, announcer } = stage();
    announcer.announce(c014);
    await vi.advanceTimersByTimeAsync(chimeMs + speechMs);
    announcer.announce(c014);
    await vi.advanceTimersByTimeAsync(chimeMs + speechMs);
    expect(log.filter((entry) => entry === 'chime')).toHaveLength(2);
    expect(log.filter((entry) => entry.startsWith('say '))).toEqual([
      'say Ticket C 0 1 4, please go to Desk 3',
      'say Ticket C 0 1 4, please go to Desk 3',
    ]);
  });

  it('a recall pressed twice before its turn is said once, at its place in the queue', async () => {
    const { log, announcer } = stage();
    announcer.announce(h002);
    announcer.announce(c014);
    announcer.announce({ ...c014, deskName: 'Desk 4' });
    await vi.advanceTimersByTimeAsync(3 * (chimeMs + speechMs));
    expect(log.filter((entry) => entry.startsWith('say '))).toEqual([
      'say Ticket H 0 0 2, please go to Desk 1',
      'say Ticket C 0 1 4, please go to Desk 4',
    ]);
  });

  it('a chime the browser refuses, or that throws, does not hold up the line or the next call', async () => {
    let plays = 0;
    const { log, announcer } = stage({
      play: () => {
        plays += 1;
        if (plays === 1) return Promise.reject(new DOMException('play() failed', 'NotAllowedError'));
        throw new Error('no audio device');
      },
    });
    announcer.announce(c014);
    announcer.announce(h002);
    await vi.advanceTimersByTimeAsync(2 * speechMs);
    expect(log).toEqual(['say Ticket C 0 1 4, please go to Desk 3', 'said', 'say Ticket H 0 0 2, please go to Desk 1', 'said']);
  });

  it('a chime or a line that never ends is stopped after its time, and the queue goes on', async () => {
    const { log, announcer } = stage({
      play: (signal) =>
        new Promise<void>(() => {
          log.push('chime');
          signal.addEventListener('abort', () => log.push('chime stopped'));
        }),
      speak: (line, signal) =>
        new Promise<void>(() => {
          log.push(`say ${line}`);
          signal.addEventListener('abort', () => log.push('speech stopped'));
        }),
      chimeTimeoutMs: 2_000,
      speechTimeoutMs: 5_000,
    });
    announcer.announce(c014);
    announcer.announce(h002);
    await vi.advanceTimersByTimeAsync(2_000 + 5_000);
    expect(log).toEqual(['chime', 'chime stopped', 'say Ticket C 0 1 4, please go to Desk 3', 'speech stopped', 'chime']);
    expectNoOverlap(log);
  });

  it('rings the chime alone while speech is off, and speaks from the next call once it is on', async () => {
    const { log, announcer, setSpeech } = stage();
    setSpeech(false);
    announcer.announce(c014);
    await vi.advanceTimersByTimeAsync(chimeMs);
    setSpeech(true);
    announcer.announce(h002);
    await vi.advanceTimersByTimeAsync(chimeMs + speechMs);
    expect(log).toEqual(['chime', 'chime ended', 'chime', 'chime ended', 'say Ticket H 0 0 2, please go to Desk 1', 'said']);
  });

  it('leaves a short silence between two calls', async () => {
    const { log, announcer } = stage({ gapMs: 500 });
    announcer.announce(c014);
    announcer.announce(h002);
    await vi.advanceTimersByTimeAsync(chimeMs + speechMs + 499);
    expect(log.filter((entry) => entry === 'chime')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(log.filter((entry) => entry === 'chime')).toHaveLength(2);
  });

  it('once disposed, stops what it is saying and says nothing more', async () => {
    const { log, announcer } = stage();
    announcer.announce(c014);
    announcer.announce(h002);
    await vi.advanceTimersByTimeAsync(chimeMs + 10);
    announcer.dispose();
    announcer.announce(c014);
    await vi.advanceTimersByTimeAsync(10 * (chimeMs + speechMs));
    expect(log).toEqual(['chime', 'chime ended', 'say Ticket C 0 1 4, please go to Desk 3', 'speech stopped']);
  });
});
