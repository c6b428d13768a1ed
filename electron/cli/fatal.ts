import { describeFailure } from './cli-failure.js';
import { exitCodes } from './exit-codes.js';

const cleanups = new Set<() => void>();

/** Work to do if the process is about to die of an unexpected error (closing the store). */
export function atFatal(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/**
 * An error nobody caught still ends in one line on stderr — never a stack trace, which could
 * quote data — after the store has been closed, so its lock goes with the process.
 */
export function installFatalHandlers(): void {
  const die = (error: unknown): void => {
    for (const cleanup of cleanups) {
      try {
        cleanup();
      } catch {
        // Dying anyway; the lock of a dead process is taken over by the next start.
      }
    }
    cleanups.clear();
    const { message } = describeFailure(error);
    process.stderr.write(`${message}\n`);
    process.exit(exitCodes.failed);
  };
  process.on('uncaughtException', die);
  process.on('unhandledRejection', die);
}
