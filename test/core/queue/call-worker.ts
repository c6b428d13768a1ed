import { parentPort, workerData } from 'node:worker_threads';
import { ManualClock } from '../../../electron/core/clock.js';
import { unlockKeystore } from '../../../electron/core/keystore/index.js';
import { Site } from '../../../electron/core/site.js';
import { openDatabase } from '../../../electron/core/store/open-database.js';
import { storePaths } from '../../../electron/core/store/paths.js';
import type { Session } from '../../../shared/domain/staff.js';
import type { TicketView } from '../../../shared/domain/visit.js';

export interface CallWorkerData {
  entry: string;
  store: string;
  keyFile: string;
  now: number;
  staffId: number;
  pin: string;
  deskId: number;
  serviceIds: number[];
  /** Int32 flag: the workers wait on it so that they all start calling at once. */
  start: SharedArrayBuffer;
}

/** When the desk's first and last calls were made, on a clock every thread shares. */
export interface CallWindow {
  firstCallAt: number;
  lastCallAt: number;
}

export type CallWorkerMessage = { type: 'ready' } | ({ type: 'done'; called: number[] } & CallWindow) | { type: 'failed'; message: string };

const sharedNow = () => performance.timeOrigin + performance.now();

/**
 * One desk in its own thread with its own connection to the same store file: unlock the key
 * file, open the database, sign in, open the desk, then call next and serve until nobody is left.
 */
async function run(data: CallWorkerData): Promise<{ called: number[] } & CallWindow> {
  const paths = storePaths(data.store);
  const key = await unlockKeystore(paths.keystore, { kind: 'key-file', path: data.keyFile });
  const db = openDatabase({ file: paths.database, key: { kind: 'key', key }, create: false });
  const site = new Site({
    db,
    clock: new ManualClock(data.now),
    keystore: { hasRecoveryPassphrase: () => false, setRecoveryPassphrase: () => Promise.reject(new Error('not in this worker')) },
  });
  try {
    const { token } = site.callSync('signIn', { staffId: data.staffId, pin: data.pin }, null) as Session;
    site.callSync('openDesk', { deskId: data.deskId, serviceIds: data.serviceIds }, token);
    parentPort!.postMessage({ type: 'ready' } satisfies CallWorkerMessage);
    Atomics.wait(new Int32Array(data.start), 0, 0);
    const called: number[] = [];
    const firstCallAt = sharedNow();
    for (;;) {
      const ticket = site.callSync('callNext', { deskId: data.deskId }, token) as TicketView | null;
      if (ticket === null) return { called, firstCallAt, lastCallAt: sharedNow() };
      called.push(ticket.visitId);
      site.callSync('startService', { visitId: ticket.visitId }, token);
      site.callSync('finishService', { visitId: ticket.visitId, outcome: 'resolved' }, token);
    }
  } finally {
    site.close();
  }
}

run(workerData as CallWorkerData).then(
  (done) => parentPort!.postMessage({ type: 'done', ...done } satisfies CallWorkerMessage),
  (error: unknown) => parentPort!.postMessage({ type: 'failed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } satisfies CallWorkerMessage),
);
