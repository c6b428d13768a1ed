import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../api/api-context.js';
import { text } from '../i18n/text.js';
import { createAnnouncer, spellTicket } from './announcer.js';
import { playChime, soundAllowed, speakLine } from './sound.js';
import { displayStorage, readSpeechSetting, writeSpeechSetting } from './speech-setting.js';

/** `checking` while the page finds out whether it may play sound; `needs-start` until someone presses Start. */
export type SoundGate = 'checking' | 'needs-start' | 'ready';

export interface CallSound {
  gate: SoundGate;
  /** The Start button: plays the chime inside the press (which unlocks sound) and asks for full screen. */
  start(): void;
  speech: boolean;
  setSpeech(on: boolean): void;
}

/**
 * The chime and the spoken line for every `ticket-called` event (a call and a recall alike),
 * one call after another (announcer.ts). Nothing is queued before sound is unlocked: a backlog
 * rung out when Start is pressed would only confuse the room.
 */
export function useCallSound(): CallSound {
  const api = useApi();
  const [gate, setGate] = useState<SoundGate>('checking');
  const [speech, setSpeechState] = useState(() => readSpeechSetting(window.location.search, displayStorage()));
  const speechRef = useRef(speech);

  useEffect(() => {
    speechRef.current = speech;
  }, [speech]);

  useEffect(() => {
    let live = true;
    void soundAllowed().then((allowed) => {
      if (live) setGate((current) => (current === 'checking' ? (allowed ? 'ready' : 'needs-start') : current));
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (gate !== 'ready') return;
    const announcer = createAnnouncer({
      play: playChime,
      speak: (line, signal) => speakLine(line, text.locale, signal),
      speaking: () => speechRef.current,
      line: (call) => text.display.spoken(spellTicket(call.number), call.deskName),
    });
    const stop = api.subscribe((event) => {
      if (event.type === 'ticket-called') announcer.announce(event.call);
    });
    return () => {
      stop();
      announcer.dispose();
    };
  }, [api, gate]);

  const start = useCallback(() => {
    // Called inside the press: the browser counts this play as the user's, and sound is unlocked.
    playChime().catch(() => undefined);
    if (document.fullscreenElement === null && document.fullscreenEnabled) {
      document.documentElement.requestFullscreen().catch(() => undefined);
    }
    setGate('ready');
  }, []);

  const setSpeech = useCallback((on: boolean) => {
    writeSpeechSetting(on, displayStorage());
    setSpeechState(on);
  }, []);

  return { gate, start, speech, setSpeech };
}
