import { useCallback, useRef, useState } from 'react';
import { DeskFailure } from '../../shared/errors.js';
import { useApi } from '../api/api-context.js';
import { text } from '../i18n/text.js';
import { useSafetyStore } from './safety-store.js';
import { ownOpenDesk, useWhereStore } from './where.js';

/**
 * Raises an alert for where this screen is: its open desk on the desk screen, else reception.
 * No confirmation — it must be fast and quiet; the banner then offers to cancel.
 */
export function useRaiseAlert(atDesk: boolean, staffId: number): { raise(): void; raising: boolean } {
  const api = useApi();
  const deskId = useWhereStore((state) => state.deskId);
  const [raising, setRaising] = useState(false);
  const busy = useRef(false);

  const raise = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    setRaising(true);
    const store = useSafetyStore.getState();
    // The desk screen names its desk; until it has, the hub's open desks say which is this person's.
    const findPlace = async (): Promise<number | null> => {
      if (!atDesk) return null;
      if (deskId !== null) return deskId;
      return api.listDeskSessions({}).then(
        (open) => ownOpenDesk(open, staffId),
        () => null,
      );
    };
    const send = async () => {
      const place = await findPlace();
      try {
        return await api.raiseSafetyAlert({ deskId: place });
      } catch (error) {
        // A desk the hub no longer counts as open (closed elsewhere a moment ago) must not stop
        // the call for help: ask again for "Reception", which names the person all the same.
        if (place !== null && error instanceof DeskFailure && error.code === 'not-found') return api.raiseSafetyAlert({ deskId: null });
        throw error;
      }
    };
    send()
      .then(
        (alert) => store.ownChanged(alert),
        (error: unknown) => store.raiseFailed(text.safety.raiseFailed(error instanceof Error ? error.message : text.errors.unexpected)),
      )
      .finally(() => {
        busy.current = false;
        setRaising(false);
      });
  }, [api, atDesk, deskId, staffId]);

  return { raise, raising };
}
