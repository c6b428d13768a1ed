import { useEffect } from 'react';
import { text } from '../i18n/text.js';
import { helpKeyShortcut, isHelpKey } from './help-key.js';
import { useRaiseAlert } from './use-raise-alert.js';
import './safety.css';

export const safetyButtonId = 'safety-button';

/**
 * The discreet "Get help" in the masthead, and Ctrl+Shift+H anywhere on the screen: both ask
 * every other staff screen for help here. Small and plain, so a visitor across the counter
 * sees nothing alarming.
 */
export function SafetyButton({ atDesk, staffId }: { atDesk: boolean; staffId: number }) {
  const { raise, raising } = useRaiseAlert(atDesk, staffId);
  const t = text.safety;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isHelpKey(event)) return;
      event.preventDefault();
      event.stopPropagation();
      raise();
    };
    // Capture: the key works whatever has focus, before a form's own keys see it.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [raise]);

  return (
    <>
      <button
        type="button"
        id={safetyButtonId}
        className="button button--small safety-button"
        aria-keyshortcuts={helpKeyShortcut}
        aria-describedby="safety-button-hint"
        aria-disabled={raising || undefined}
        title={`${t.button} (${t.keyName})`}
        onClick={raise}
      >
        {raising ? t.raising : t.button}
      </button>
      <span className="visually-hidden" id="safety-button-hint">
        {t.buttonHint}
      </span>
    </>
  );
}
