import { text } from '../i18n/text.js';
import './masthead.css';

/** The app's name and, once known, the site's: the left of every masthead. */
export function MastheadBrand({ siteName }: { siteName: string | null }) {
  return (
    <p className="masthead__brand">
      <span className="masthead__app">{text.appName}</span>
      {siteName !== null && <span className="masthead__site">{siteName}</span>}
    </p>
  );
}

/** The top of the screens before sign-in. */
export function PublicHeader({ siteName }: { siteName: string | null }) {
  return (
    <header className="masthead">
      <div className="masthead__inner">
        <MastheadBrand siteName={siteName} />
      </div>
    </header>
  );
}
