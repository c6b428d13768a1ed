/**
 * The display's two voices: the chime (resources/public/chime.wav, made by
 * electron/tools/make-chime.ts) and the browser's speech synthesis. A relative URL, so the hub
 * (`http://…/chime.wav`) and the desktop app (`app://one-stop-queue/chime.wav`) both serve it.
 */
const chimeUrl = 'chime.wav';

let chime: HTMLAudioElement | null = null;

/**
 * One element for every chime: Safari and some Chromium builds allow sound only on an element
 * that was played once during a user's gesture, so the Start button plays this very element.
 */
function chimeElement(): HTMLAudioElement {
  if (chime === null) {
    chime = new Audio(chimeUrl);
    chime.preload = 'auto';
  }
  return chime;
}

/** Rings the chime once; settles when it has ended, rejects if the browser refuses or the file fails. */
export function playChime(signal?: AbortSignal): Promise<void> {
  const audio = chimeElement();
  audio.pause();
  audio.currentTime = 0;
  audio.volume = 1;
  return new Promise<void>((resolve, reject) => {
    const done = (settle: () => void) => {
      audio.removeEventListener('ended', onEnded);
      audio.removeEventListener('error', onError);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    const onEnded = () => done(resolve);
    const onError = () => done(() => reject(new Error('The chime could not be played.')));
    const onAbort = () => {
      audio.pause();
      done(resolve);
    };
    audio.addEventListener('ended', onEnded);
    audio.addEventListener('error', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
    audio.play().catch((error: unknown) => done(() => reject(error instanceof Error ? error : new Error(String(error)))));
  });
}

/** How long the silent try may take: a media pipeline that never answers counts as "not allowed". */
const soundCheckMs = 3_000;

/**
 * Whether this page may play sound without anyone touching it: the desktop app's display
 * window may (`autoplayPolicy` in electron/shell/window-options.ts), a browser usually may not.
 * Tried silently — volume 0 still counts as sound to the autoplay policy, so the answer holds.
 * A `play()` that neither starts nor refuses (a stuck audio device) is taken as a refusal after
 * a few seconds, so the screen offers its Start button instead of waiting for ever.
 */
export async function soundAllowed(): Promise<boolean> {
  const audio = chimeElement();
  audio.volume = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stuck = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), soundCheckMs);
  });
  // A refusal that comes after the time limit must not surface as an unhandled rejection.
  const tried = audio.play().then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([tried, stuck]);
  } finally {
    clearTimeout(timer);
    audio.pause();
    audio.currentTime = 0;
    audio.volume = 1;
  }
}

// Chromium forgets an utterance nobody holds and then never fires its `end`: keep each one.
const speaking = new Set<SpeechSynthesisUtterance>();

/** Says a line in the page's language; settles when it has been said, or at once without speech. */
export function speakLine(line: string, lang: string, signal?: AbortSignal): Promise<void> {
  if (typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') return Promise.resolve();
  return new Promise<void>((resolve) => {
    const utterance = new SpeechSynthesisUtterance(line);
    utterance.lang = lang;
    // A little slower than conversation: a waiting room is noisy and the line is heard once.
    utterance.rate = 0.9;
    const voice = speechSynthesis.getVoices().find((each) => each.lang.replace('_', '-') === lang);
    if (voice !== undefined) utterance.voice = voice;
    const done = () => {
      speaking.delete(utterance);
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    const onAbort = () => {
      speechSynthesis.cancel();
      done();
    };
    utterance.onend = done;
    utterance.onerror = done;
    signal?.addEventListener('abort', onAbort, { once: true });
    speaking.add(utterance);
    speechSynthesis.speak(utterance);
  });
}
