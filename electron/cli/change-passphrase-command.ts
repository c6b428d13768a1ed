import { changeSitePassphrase } from '../core/index.js';
import { defineStoreCommand, say, warn } from './command-line.js';
import { envNames, newPassphrase, sitePassphrase } from './credentials.js';
import { exitCodes } from './exit-codes.js';
import { tellSettled } from './rekey-command.js';

const text = {
  program: 'one-stop-queue change-passphrase',
  summary: 'Change a passphrase that opens a store.',
  help: `Usage: one-stop-queue change-passphrase --data-dir DIR

Changes a passphrase that opens the store: its slot is re-wrapped under the new
passphrase. The key that encrypts the store and every other slot stay as they are.
The store must not be open anywhere else while this runs.

Options:
  --data-dir DIR   The store's folder (required).
  -h, --help       Show this help.

For scripts: the current passphrase comes from ${envNames.passphrase} and the new one
from ${envNames.newPassphrase}; otherwise both are asked for on the terminal (the new
one twice).`,
  done: 'The passphrase was changed. The key and the other slots are as they were.',
} as const;

export const changePassphraseCommand = defineStoreCommand({
  name: 'change-passphrase',
  words: text,
  options: {},
  async run(dataDir) {
    const passphrase = await sitePassphrase();
    // The new passphrase is asked for once the current one has opened the store, so nobody types it twice for nothing.
    await changeSitePassphrase({ dataDir, passphrase, newPassphrase, program: text.program, onSettled: tellSettled(warn) });
    say(text.done);
    return exitCodes.ok;
  },
});
