import path from 'node:path';
import { addKeyFile } from '../core/index.js';
import { CliFailure } from './cli-failure.js';
import { cliText } from './cli-text.js';
import { defineStoreCommand, say, warn } from './command-line.js';
import { sitePassphrase } from './credentials.js';
import { exitCodes } from './exit-codes.js';
import { tellSettled } from './rekey-command.js';

const text = cliText.addKeyFile;

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
