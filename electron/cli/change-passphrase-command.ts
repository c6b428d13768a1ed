import { parseArgs } from 'node:util';
import { changePassphrase, unlockKeystore } from '../core/keystore/index.js';
import { acquireStoreLock } from '../core/store/lock.js';
import { storePaths } from '../core/store/paths.js';
import { finishInterruptedRekey } from '../core/store/rekey.js';
import { parseOrExplain, requireDataDir, say, warn, type Command } from './command-line.js';
import { envNames, newPassphrase, sitePassphrase } from './credentials.js';
import { exitCodes } from './exit-codes.js';
import { interruptedRekeyNotice } from './rekey-command.js';

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

async function run(argv: string[]): Promise<number> {
  const { values } = parseOrExplain('change-passphrase', () =>
    parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help === true) {
    say(text.help);
    return exitCodes.ok;
  }
  const dataDir = requireDataDir('change-passphrase', values['data-dir']);
  const paths = storePaths(dataDir);
  const current = await sitePassphrase();
  // Held throughout, so that a running hub cannot rewrite the keystore between our read and write.
  const release = acquireStoreLock(paths.lock, text.program);
  try {
    const settled = await finishInterruptedRekey({ dataDir, unlock: { kind: 'passphrase', passphrase: current }, program: text.program });
    if (settled !== 'nothing-to-do') warn(interruptedRekeyNotice(settled));
    // Checked before the new passphrase is asked for, so nobody types it twice for nothing.
    (await unlockKeystore(paths.keystore, { kind: 'passphrase', passphrase: current })).fill(0);
    await changePassphrase(paths.keystore, current, await newPassphrase());
  } finally {
    release();
  }
  say(text.done);
  return exitCodes.ok;
}

export const changePassphraseCommand: Command = { name: 'change-passphrase', summary: text.summary, run };
