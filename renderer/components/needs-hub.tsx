import { useHubReachable } from '../api/use-hub-reachable.js';
import { text } from '../i18n/text.js';
import './connection-banner.css';

/**
 * For the controls whose call needs the hub: disabled while it cannot be reached (as while their
 * own call is out), described by the note saying why. `aria-disabled` rather than `disabled`, so
 * that focus stays where it was and the reason can still be read from the control.
 */
export function useNeedsHub(noteId: string) {
  return hubControl(useHubReachable(), noteId);
}

/** `useNeedsHub`'s rule, apart from the store, so that it is tested as it is. */
export function hubControl(reachable: boolean, noteId: string) {
  return {
    reachable,
    disabled: (busy = false): true | undefined => (busy || !reachable ? true : undefined),
    describedBy: (...ids: ReadonlyArray<string | null | undefined>): string | undefined => {
      const all = [...ids, reachable ? null : noteId].filter((id): id is string => typeof id === 'string' && id !== '');
      return all.length === 0 ? undefined : all.join(' ');
    },
  };
}

/**
 * Said next to the actions that wait for the hub, while it is away. Not an alert: the banner has
 * already said it once; this is what a person reading the buttons finds beside them.
 */
export function NeedsHubNote({ id }: { id: string }) {
  const reachable = useHubReachable();
  if (reachable) return null;
  return (
    <p className="needs-hub" id={id}>
      <span className="needs-hub__icon" aria-hidden="true" />
      {text.connection.actionsWait}
    </p>
  );
}
