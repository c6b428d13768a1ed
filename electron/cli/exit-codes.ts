/**
 * What the program's exit status means, so that a script or a service manager can tell a wrong
 * passphrase from a store that is already open without reading the message.
 */
export const exitCodes = {
  ok: 0,
  /** Something unexpected; the message says what. */
  failed: 1,
  /** The command line or an input was wrong, or a secret was needed and no one could be asked. */
  usage: 2,
  /** The passphrase or key file does not open the keystore. */
  wrongKey: 3,
  /** Another program has the store open. */
  alreadyOpen: 4,
  /** The keystore or database is missing or damaged. */
  damaged: 5,
  /** The database comes from a newer version of One Stop Queue. */
  newerVersion: 6,
  /** The request was understood and refused (a file exists, the last slot, no such manager…). */
  refused: 7,
  /** The hub could not listen (port in use, address not available). */
  cannotListen: 8,
  /** Stopped at a prompt with Ctrl-C. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];
