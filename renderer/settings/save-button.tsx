import { text } from '../i18n/text.js';

/** A part's Save: it says "Saving…" while the call is out, and a second press does nothing. */
export function SaveButton({ busy, label = text.settings.save }: { busy: boolean; label?: string }) {
  return (
    <div className="form__actions">
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {busy ? text.settings.saving : label}
      </button>
    </div>
  );
}
