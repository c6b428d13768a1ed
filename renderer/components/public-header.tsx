import { text } from '../i18n/text.js';
import './masthead.css';

/** The top of the screens before sign-in: the app and, once known, the site. */
export function PublicHeader({ siteName }: { siteName: string | null }) {
  return (
    <header className="masthead">
      <div className="masthead__inner">
        <p className="masthead__brand">
          <span className="masthead__app">{text.appName}</span>
          {siteName !== null && <span className="masthead__site">{siteName}</span>}
        </p>
      </div>
    </header>
  );
}
