import path from 'node:path';
import { addKeyFile } from '../core/index.js';
import { CliFailure } from './cli-failure.js';
import { defineStoreCommand, say, warn } from './command-line.js';
import { envNames, sitePassphrase } from './credentials.js';
import { exitCodes } from './exit-codes.js';
import { tellSettled } from './rekey-command.js';

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

export const addKeyFileCommand = defineStoreCommand({
  name: 'add-key-file',
  words: text,
  options: { 'key-file': { type: 'string' } },
  async run(dataDir, values) {
    if (values['key-file'] === undefined || values['key-file'] === '') throw new CliFailure(exitCodes.usage, text.needsKeyFile);
    const keyFile = path.resolve(values['key-file']);
    const passphrase = await sitePassphrase();
    // The passphrase is proved before the key file exists, so a wrong one leaves nothing behind.
    await addKeyFile({ dataDir, passphrase, keyFile, program: text.program, onSettled: tellSettled(warn) });
    say(text.done(keyFile));
    return exitCodes.ok;
  },
});
