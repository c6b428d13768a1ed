import { KeystoreError, ManagerRecoveryError, StoreError, type KeystoreErrorReason, type StoreErrorReason } from '../core/index.js';
import { cliText } from './cli-text.js';
import { exitCodes, type ExitCode } from './exit-codes.js';

const text = cliText.failure;

/** A failure the program explains in one line and ends with a given status. */
export class CliFailure extends Error {
  readonly exitCode: ExitCode;
  constructor(exitCode: ExitCode, message: string) {
    super(message);
    this.name = 'CliFailure';
    this.exitCode = exitCode;
  }
}

const keystoreCodes: Readonly<Record<KeystoreErrorReason, ExitCode>> = {
  'wrong-passphrase': exitCodes.wrongKey,
  'wrong-key-file': exitCodes.wrongKey,
  'key-file-permissions': exitCodes.wrongKey,
  'no-such-slot': exitCodes.wrongKey,
  'unwrap-failed': exitCodes.wrongKey,
  'missing-keystore': exitCodes.damaged,
  'corrupt-keystore': exitCodes.damaged,
  'keystore-exists': exitCodes.refused,
  'key-file-exists': exitCodes.refused,
  'last-slot': exitCodes.refused,
  'weak-passphrase': exitCodes.usage,
};

const storeCodes: Readonly<Record<StoreErrorReason, ExitCode>> = {
  'already-open': exitCodes.alreadyOpen,
  'missing-database': exitCodes.damaged,
  'corrupt-database': exitCodes.damaged,
  'migration-failed': exitCodes.damaged,
  'newer-version': exitCodes.newerVersion,
};

function firstLine(message: string): string {
  return message.split(/\r?\n/, 1)[0] ?? '';
}

function systemCode(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * One line for stderr and an exit status, for any error. The messages of our own errors are
 * written for people and never carry a key or passphrase; anything else is cut to its first
 * line, so no stack trace ever reaches the terminal.
 */
export function describeFailure(error: unknown): { exitCode: ExitCode; message: string } {
  if (error instanceof CliFailure) return { exitCode: error.exitCode, message: error.message };
  if (error instanceof KeystoreError) return { exitCode: keystoreCodes[error.reason], message: error.message };
  if (error instanceof StoreError) return { exitCode: storeCodes[error.reason], message: error.message };
  if (error instanceof ManagerRecoveryError) {
    return { exitCode: error.reason === 'invalid-pin' ? exitCodes.usage : exitCodes.refused, message: error.message };
  }
  if (error instanceof Error) {
    const code = systemCode(error);
    const where = (error as { address?: unknown; port?: unknown }).address;
    const port = (error as { port?: unknown }).port;
    const place = typeof where === 'string' && typeof port === 'number' ? `${where}:${String(port)}` : text.thatAddress;
    if (code === 'EADDRINUSE') return { exitCode: exitCodes.cannotListen, message: text.portInUse(place) };
    if (code === 'EADDRNOTAVAIL' || code === 'EACCES') return { exitCode: exitCodes.cannotListen, message: text.cannotListen(place) };
    return { exitCode: exitCodes.failed, message: text.unexpected(firstLine(error.message) || error.name) };
  }
  return { exitCode: exitCodes.failed, message: text.unexpected(text.unknown) };
}
