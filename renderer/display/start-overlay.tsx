import { useEffect, useId, useRef } from 'react';
import { text } from '../i18n/text.js';

interface StartOverlayProps {
  speech: boolean;
  onSpeechChange(on: boolean): void;
  onStart(): void;
}

/**
 * A browser plays no sound until someone has used the page: whoever switches the display on
 * presses Start once (Enter does, focus starts on it), which unlocks the chime and asks for
 * full screen. The desktop app's display window may play sound by itself and never shows this.
 */
export function StartOverlay({ speech, onSpeechChange, onStart }: StartOverlayProps) {
  const t = text.display.start;
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <div className="display-start" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
      <form
        className="display-start__panel"
        onSubmit={(event) => {
          event.preventDefault();
          onStart();
        }}
      >
        <h2 id={`${id}-title`} className="display-start__title">
          {t.heading}
        </h2>
        <p id={`${id}-body`}>{t.body}</p>
        <label className="display-start__check">
          <input type="checkbox" checked={speech} onChange={(event) => onSpeechChange(event.target.checked)} />
          <span>{t.speak}</span>
        </label>
        <button ref={button} type="submit" className="button display-start__button">
          {t.button}
        </button>
      </form>
    </div>
  );
}
