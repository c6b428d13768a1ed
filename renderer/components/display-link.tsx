import { text } from '../i18n/text.js';

/**
 * The waiting-area display, for a manager setting up a screen: a new tab in a browser. The
 * desktop app's window may open no other window (electron/shell/harden.ts) and has the display
 * of its own on the second monitor, so there it is said instead.
 */
export function DisplayLink() {
  const t = text.display;
  if ('desk' in window) return <p>{t.onSecondMonitor}</p>;
  return (
    <p>
      <a href="#/display" target="_blank" rel="noopener">
        {t.open} {t.opensNewWindow}
      </a>
    </p>
  );
}
