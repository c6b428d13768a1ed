import { resetManagerPin } from '../core/index.js';
import { defineStoreCommand, say, warn } from './command-line.js';
import { envNames, newPin, sitePassphrase } from './credentials.js';
import { exitCodes } from './exit-codes.js';
import { tellSettled } from './rekey-command.js';

const text = {
  program: 'one-stop-queue reset-manager-pin',
  summary: "Reset a forgotten manager's PIN with the site passphrase.",
  help: `Usage: one-stop-queue reset-manager-pin --data-dir DIR [--manager NAME]

Sets a new PIN for a manager who has forgotten theirs, proved by the site passphrase (a
key file is not enough). Their lockout is cleared. If no manager is active any more, the
one named (or the most recently added) is switched back on. The reset is written to the
audit log. The store must not be open anywhere else while this runs.

Options:
  --data-dir DIR    The store's folder (required).
  --manager NAME    Whose PIN, as shown on the sign-in screen; needed only when the site
                    has more than one active manager.
  -h, --help        Show this help.

For scripts: the site passphrase comes from ${envNames.passphrase} and the new PIN from
${envNames.newPin}; otherwise both are asked for on the terminal (the PIN twice).`,
  done: (staffId: number) => `The PIN was reset for the manager with staff id ${String(staffId)}; they can sign in with it now.`,
  reactivated: 'No manager was active, so this one was switched back on.',
} as const;

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
