import { parseArgs } from 'node:util';
import { unlockKeystore } from '../core/keystore/index.js';
import { resetManagerPin } from '../core/manager-recovery.js';
import { storePaths } from '../core/store/paths.js';
import { finishInterruptedRekey } from '../core/store/rekey.js';
import { parseOrExplain, requireDataDir, say, warn, type Command } from './command-line.js';
import { envNames, newPin, sitePassphrase } from './credentials.js';
import { exitCodes } from './exit-codes.js';
import { interruptedRekeyNotice } from './rekey-command.js';

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

async function run(argv: string[]): Promise<number> {
  const { values } = parseOrExplain('reset-manager-pin', () =>
    parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, manager: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help === true) {
    say(text.help);
    return exitCodes.ok;
  }
  const dataDir = requireDataDir('reset-manager-pin', values['data-dir']);
  const passphrase = await sitePassphrase();
  const settled = await finishInterruptedRekey({ dataDir, unlock: { kind: 'passphrase', passphrase }, program: text.program });
  if (settled !== 'nothing-to-do') warn(interruptedRekeyNotice(settled));
  // Proved before the new PIN is asked for; resetManagerPin proves it again under the lock.
  (await unlockKeystore(storePaths(dataDir).keystore, { kind: 'passphrase', passphrase })).fill(0);
  const pin = await newPin();
  const result = await resetManagerPin({
    dataDir,
    passphrase,
    newPin: pin,
    program: text.program,
    ...(values.manager === undefined ? {} : { managerName: values.manager }),
  });
  say(text.done(result.staffId));
  if (result.reactivated) say(text.reactivated);
  return exitCodes.ok;
}

export const resetManagerPinCommand: Command = { name: 'reset-manager-pin', summary: text.summary, run };
