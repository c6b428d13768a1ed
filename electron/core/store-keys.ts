import fs from 'node:fs';
import { addSlotWithKey, changePassphrase, createKeyFile } from './keystore/index.js';
import { withStore, type StoreOptions } from './store-entrance.js';

/*
 * The key commands that change a closed store's slots but not its key. Each runs inside the
 * store's one entrance, so the lock is held from the first read of the keystore to its last
 * write (a running hub cannot rewrite it in between) and the site passphrase is proved — by
 * opening the database — before anything else is asked for or made.
 */

export interface SitePassphraseOptions extends Omit<StoreOptions, 'create'> {
  dataDir: string;
  /** The site passphrase that opens the store now. */
  passphrase: string;
}

/**
 * Re-wraps the passphrase's slot under a new passphrase; the key and every other slot stay as
 * they are. The new passphrase may be asked for once the current one has opened the store.
 */
export async function changeSitePassphrase(options: SitePassphraseOptions & { newPassphrase: string | (() => Promise<string>) }): Promise<void> {
  const { dataDir, passphrase, newPassphrase, ...storeOptions } = options;
  await withStore(
    dataDir,
    { kind: 'passphrase', passphrase },
    async ({ paths }) => {
      await changePassphrase(paths.keystore, passphrase, typeof newPassphrase === 'string' ? newPassphrase : await newPassphrase());
    },
    storeOptions,
  );
}

/**
 * Creates a key file readable by its owner alone and adds a slot for it. An existing file is never
 * replaced, and a key file whose slot could not be written is removed again.
 */
export async function addKeyFile(options: SitePassphraseOptions & { keyFile: string }): Promise<void> {
  const { dataDir, passphrase, keyFile, ...storeOptions } = options;
  await withStore(
    dataDir,
    { kind: 'passphrase', passphrase },
    async ({ paths, key }) => {
      createKeyFile(keyFile);
      try {
        await addSlotWithKey(paths.keystore, key, { kind: 'key-file', path: keyFile });
      } catch (error) {
        fs.rmSync(keyFile, { force: true });
        throw error;
      }
    },
    storeOptions,
  );
}
