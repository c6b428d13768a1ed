import { text } from '../i18n/text.js';
import { headingIdOf, type SettingsPart } from './settings-section.js';

/**
 * Links to each part of the page. Hash routing owns the URL fragment (`#/settings`), so a link
 * moves focus to the part's heading instead of navigating, as the error summary's links do.
 */
export function SettingsContents({ parts }: { parts: readonly SettingsPart[] }) {
  return (
    <nav className="settings-contents" aria-labelledby="settings-contents-title">
      <h2 className="settings-contents__title" id="settings-contents-title">
        {text.settings.contents}
      </h2>
      <ol className="settings-contents__list">
        {parts.map((part) => (
          <li key={part.id}>
            <a
              href={`#${part.id}`}
              onClick={(event) => {
                event.preventDefault();
                const heading = document.getElementById(headingIdOf(part));
                heading?.scrollIntoView({ block: 'start' });
                heading?.focus({ preventScroll: true });
              }}
            >
              {part.heading}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
