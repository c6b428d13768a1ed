import { cliEnGB, type CliText } from './i18n/cli.en-GB.js';

/**
 * The one-stop-queue program's words in use. One language for now; choosing another is a change
 * here only (docs/contributing.md, "Words on screen"). The core's own messages that the program prints
 * (a wrong passphrase, a store already open) come from the core's catalogue, chosen in
 * shared/i18n/catalogue.ts.
 */
export const cliText: CliText = cliEnGB;
