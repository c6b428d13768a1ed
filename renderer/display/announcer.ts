/** What the waiting area is told: a ticket number and the desk it goes to, nothing else. */
export interface Announcement {
  number: string;
  deskName: string;
}

export interface AnnouncerOptions {
  /** Rings the chime; settles once it has rung. Aborted when it takes too long. */
  play(signal: AbortSignal): Promise<void>;
  /** Says a line; settles once it has been said (or failed). Aborted when it takes too long. */
  speak(line: string, signal: AbortSignal): Promise<void>;
  /** Asked at each call, so switching speech on or off applies from the next one. */
  speaking(): boolean;
  line(call: Announcement): string;
  /** A chime that never says it ended (a stalled file) lets the queue go on after this. */
  chimeTimeoutMs?: number;
  /** Chromium sometimes drops an utterance's `end` event; past this the queue goes on. */
  speechTimeoutMs?: number;
  /** Silence between one call and the next, so two calls are heard as two. */
  gapMs?: number;
}

export interface Announcer {
  /** Queues a call: its chime and line come after every call queued before it. */
  announce(call: Announcement): void;
  /** Stops at once: the current sound is aborted and nothing queued is said. */
  dispose(): void;
}

const defaults = { chimeTimeoutMs: 4_000, speechTimeoutMs: 12_000, gapMs: 400 };

/**
 * One call at a time: chime, then the spoken line, then the next call. Two desks calling at
 * once must not talk over each other, and nothing a step does (a rejected `play()`, an
 * utterance that never ends) may hold up the calls after it.
 */
export function createAnnouncer(options: AnnouncerOptions): Announcer {
  const chimeTimeoutMs = options.chimeTimeoutMs ?? defaults.chimeTimeoutMs;
  const speechTimeoutMs = options.speechTimeoutMs ?? defaults.speechTimeoutMs;
  const gapMs = options.gapMs ?? defaults.gapMs;
  const queue: Announcement[] = [];
  let running = false;
  let disposed = false;
  let current: AbortController | null = null;

  /** Runs one step until it settles, fails or times out; never rejects. */
  async function step(run: (signal: AbortSignal) => Promise<void>, timeoutMs: number): Promise<void> {
    const controller = new AbortController();
    current = controller;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve();
      }, timeoutMs);
    });
    const aborted = new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve(), { once: true }));
    const ran = Promise.resolve()
      .then(() => run(controller.signal))
      .catch(() => undefined);
    await Promise.race([ran, timedOut, aborted]);
    clearTimeout(timer);
    if (current === controller) current = null;
  }

  const pause = (ms: number) => step((signal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve())), ms);

  async function drain(): Promise<void> {
    running = true;
    let first = true;
    while (!disposed) {
      const call = queue.shift();
      if (call === undefined) break;
      if (!first && gapMs > 0) await pause(gapMs);
      first = false;
      if (disposed) break;
      await step((signal) => options.play(signal), chimeTimeoutMs);
      if (disposed) break;
      if (options.speaking()) await step((signal) => options.speak(options.line(call), signal), speechTimeoutMs);
    }
    running = false;
  }

  return {
    announce(call) {
      if (disposed) return;
      // A recall pressed again before the first was said is one call, not two in a row.
      const waiting = queue.findIndex((queued) => queued.number === call.number);
      if (waiting >= 0) queue.splice(waiting, 1, call);
      else queue.push(call);
      if (!running) void drain();
    },
    dispose() {
      disposed = true;
      queue.length = 0;
      current?.abort();
    },
  };
}

/** `C014` → `C 0 1 4`: a speech engine reads each character, not "C fourteen" or "see-oh-fourteen". */
export function spellTicket(number: string): string {
  return Array.from(number).join(' ');
}
