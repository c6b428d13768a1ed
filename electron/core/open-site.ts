import { systemClock, type Clock } from './clock.js';
import type { KeystoreAccess } from './call-context.js';
import { addSlotWithKey, listSlots, type Unlock } from './keystore/index.js';
import { Site } from './site.js';
import type { SiteLog } from './site-log.js';
import { enterStore, type StoreOptions } from './store-entrance.js';

export interface OpenSiteOptions extends StoreOptions {
  dataDir: string;
  unlock: Unlock;
  clock?: Clock;
  /** The site log; the site writes its purges and internal failures there. */
  log?: SiteLog;
}

export const recoverySlotLabel = 'recovery';

/**
 * Through the store's one entrance (lock, settle an interrupted rekey, unlock, open and migrate
 * the database), then close the day and purge — all before the site answers its first call. Any
 * failure releases the lock and leaves the files as they were.
 */
export async function openSite(options: OpenSiteOptions): Promise<Site> {
  const { dataDir, unlock, clock, log, ...storeOptions } = options;
  const store = await enterStore(dataDir, unlock, storeOptions);
  try {
    const keystore: KeystoreAccess = {
      hasRecoveryPassphrase: () => listSlots(store.paths.keystore).some((slot) => slot.kind === 'passphrase'),
      setRecoveryPassphrase: (passphrase) =>
        addSlotWithKey(store.paths.keystore, store.key, { kind: 'passphrase', passphrase, label: recoverySlotLabel }),
    };
    // The site closes the database itself; leaving then zeroes the key and releases the lock.
    return new Site({ db: store.db, clock: clock ?? systemClock, keystore, onClose: () => store.leave(), ...(log === undefined ? {} : { log }) });
  } catch (error) {
    store.leave({ quietly: true });
    throw error;
  }
}
