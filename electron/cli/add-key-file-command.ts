import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addSlotWithKey, createKeyFile, unlockKeystore } from '../core/keystore/index.js';
import { acquireStoreLock } from '../core/store/lock.js';
import { storePaths } from '../core/store/paths.js';
import { finishInterruptedRekey } from '../core/store/rekey.js';
import { CliFailure } from './cli-failure.js';
import { parseOrExplain, requireDataDir, say, warn, type Command } from './command-line.js';
import { envNames, sitePassphrase } from './credentials.js';
import { exitCodes } from './exit-codes.js';
import { interruptedRekeyNotice } from './rekey-command.js';

const text = {
  program: 'one-stop-queue add-key-file',
  summary: 'Create a key file and let it open a store (for unattended starts).',
  help: `Usage: one-stop-queue add-key-file --data-dir DIR --key-file PATH

Creates a new key file at PATH, readable by you alone, and adds a slot for it to the
store's keystore, so that "one-stop-queue serve --key-file PATH" opens the store without
a passphrase (for a service that starts unattended). An existing file is never replaced.
The store must not be open anywhere else while this runs.

Options:
  --data-dir DIR     The store's folder (required).
  --key-file PATH    Where to create the key file (required).
  -h, --help         Show this help.

The site passphrase comes from ${envNames.passphrase}, or is asked for on the terminal.`,
  needsKeyFile: 'Say where to create the key file with --key-file PATH. Run "one-stop-queue add-key-file --help" for more.',
  done: (file: string) =>
    `Created the key file ${file} and added a slot for it. Anyone who can read it can open the store: keep it, and a copy, somewhere safe.`,
} as const;

async function run(argv: string[]): Promise<number> {
  const { values } = parseOrExplain('add-key-file', () =>
    parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, 'key-file': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help === true) {
    say(text.help);
    return exitCodes.ok;
  }
  const dataDir = requireDataDir('add-key-file', values['data-dir']);
  if (values['key-file'] === undefined || values['key-file'] === '') throw new CliFailure(exitCodes.usage, text.needsKeyFile);
  const keyFile = path.resolve(values['key-file']);
  const paths = storePaths(dataDir);
  const passphrase = await sitePassphrase();
  const release = acquireStoreLock(paths.lock, text.program);
  try {
    const settled = await finishInterruptedRekey({ dataDir, unlock: { kind: 'passphrase', passphrase }, program: text.program });
    if (settled !== 'nothing-to-do') warn(interruptedRekeyNotice(settled));
    // The passphrase is proved before the key file exists, so a wrong one leaves nothing behind.
    const key = await unlockKeystore(paths.keystore, { kind: 'passphrase', passphrase });
    try {
      createKeyFile(keyFile);
      try {
        await addSlotWithKey(paths.keystore, key, { kind: 'key-file', path: keyFile });
      } catch (error) {
        fs.rmSync(keyFile, { force: true });
        throw error;
      }
    } finally {
      key.fill(0);
    }
  } finally {
    release();
  }
  say(text.done(keyFile));
  return exitCodes.ok;
}

export const addKeyFileCommand: Command = { name: 'add-key-file', summary: text.summary, run };
