import { text } from '../i18n/text.js';
import { useConnectionStore } from '../state/connection-store.js';
import './connection-banner.css';

/** Shown while the hub does not answer; an alert so that screen readers say it once. */
export function ConnectionBanner() {
  const reachable = useConnectionStore((state) => state.reachable);
  if (reachable) return null;
  return (
    <div className="connection-banner" role="alert">
      {text.connection.down}
    </div>
  );
}
