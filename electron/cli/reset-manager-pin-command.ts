import { resetManagerPin } from '../core/index.js';
import { cliText } from './cli-text.js';
import { defineStoreCommand, say, warn } from './command-line.js';
import { newPin, sitePassphrase } from './credentials.js';
import { exitCodes } from './exit-codes.js';
import { tellSettled } from './rekey-command.js';

const text = cliText.resetManagerPin;

export const resetManagerPinCommand = defineStoreCommand({
  name: 'reset-manager-pin',
  words: text,
  options: { manager: { type: 'string' } },
  async run(dataDir, values) {
    const passphrase = await sitePassphrase();
    // The new PIN is asked for once the passphrase has opened the store.
    const result = await resetManagerPin({
      dataDir,
      passphrase,
      newPin,
      program: text.program,
      onSettled: tellSettled(warn),
      ...(values.manager === undefined ? {} : { managerName: values.manager }),
    });
    say(text.done(result.staffId));
    if (result.reactivated) say(text.reactivated);
    return exitCodes.ok;
  },
});
