import { text } from '../i18n/text.js';

/** First stop for Tab. The URL fragment belongs to the router, so focus moves by hand. */
export function SkipLink() {
  return (
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      {text.skipLink}
    </a>
  );
}
