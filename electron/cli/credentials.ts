import path from 'node:path';
import { assertPassphraseStrength, type Unlock } from '../core/index.js';
import { pin as pinSchema } from '../../shared/schemas/fields.js';
import { CliFailure } from './cli-failure.js';
import { cliText } from './cli-text.js';
import { envNames } from './env-names.js';
import { exitCodes } from './exit-codes.js';
import { canPrompt, promptHidden } from './terminal-prompt.js';

const text = cliText.credentials;

/**
 * Reads a secret from the environment once and removes it, so that no child process (the
 * renderer build) inherits it.
 */
function takeFromEnv(name: string): string | undefined {
  const value = process.env[name];
  delete process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

async function askTwice(first: string, check?: (value: string) => void): Promise<string> {
  const value = await promptHidden(first);
  check?.(value);
  const again = await promptHidden(text.again);
  if (again !== value) throw new CliFailure(exitCodes.usage, text.mismatch);
  return value;
}

/** The site passphrase: from the environment, else asked on the terminal (twice when it is being chosen). */
export async function sitePassphrase(options: { choosing?: boolean; keyFileAllowed?: boolean } = {}): Promise<string> {
  const fromEnv = takeFromEnv(envNames.passphrase);
  if (fromEnv !== undefined) return fromEnv;
  if (!canPrompt()) throw new CliFailure(exitCodes.usage, options.keyFileAllowed === true ? text.noPassphrase : text.noSitePassphrase);
  if (options.choosing === true) return askTwice(text.choosePassphrase, assertPassphraseStrength);
  return promptHidden(text.passphrase);
}

/** How to open the keystore: `--key-file` wins, else the site passphrase. */
export async function unlockFromOptions(options: { keyFile?: string | undefined; choosing?: boolean }): Promise<Unlock> {
  if (options.keyFile !== undefined) return { kind: 'key-file', path: path.resolve(options.keyFile) };
  return { kind: 'passphrase', passphrase: await sitePassphrase({ choosing: options.choosing ?? false, keyFileAllowed: true }) };
}

export async function newPassphrase(): Promise<string> {
  const fromEnv = takeFromEnv(envNames.newPassphrase);
  if (fromEnv !== undefined) return fromEnv;
  if (!canPrompt()) throw new CliFailure(exitCodes.usage, text.noNewPassphrase);
  return askTwice(text.newPassphrase, assertPassphraseStrength);
}

export async function newPin(): Promise<string> {
  const check = (value: string): void => {
    if (!pinSchema.safeParse(value).success) throw new CliFailure(exitCodes.usage, text.badPin);
  };
  const fromEnv = takeFromEnv(envNames.newPin);
  if (fromEnv !== undefined) {
    check(fromEnv);
    return fromEnv;
  }
  if (!canPrompt()) throw new CliFailure(exitCodes.usage, text.noNewPin);
  return askTwice(text.newPin, check);
}
