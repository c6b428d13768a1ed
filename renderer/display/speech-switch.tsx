import { text } from '../i18n/text.js';

/**
 * Spoken call-outs on or off for this display PC, by keyboard: out of sight on the public
 * screen until Tab reaches it (as a skip link is), so the room never sees a control.
 */
export function SpeechSwitch({ on, onChange }: { on: boolean; onChange(on: boolean): void }) {
  const t = text.display;
  return (
    <div className="display__settings">
      <button type="button" className="display__speech" aria-pressed={on} onClick={() => onChange(!on)}>
        {t.speech}
        <span aria-hidden="true">: {t.speechState(on)}</span>
      </button>
    </div>
  );
}
