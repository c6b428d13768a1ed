import { changeSitePassphrase } from '../core/index.js';
import { cliText } from './cli-text.js';
import { defineStoreCommand, say, warn } from './command-line.js';
import { newPassphrase, sitePassphrase } from './credentials.js';
import { exitCodes } from './exit-codes.js';
import { tellSettled } from './rekey-command.js';

const text = cliText.changePassphrase;

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
