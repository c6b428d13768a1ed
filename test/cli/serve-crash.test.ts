import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { weekdays } from '../../shared/domain/site.js';
import type { Session } from '../../shared/domain/staff.js';
import type { IssuedTicket, TicketView } from '../../shared/domain/visit.js';
import { storePaths } from '../../electron/core/store/paths.js';
import { tempDir, testPassphrase } from '../fixtures/temp-site.js';
import { call, spawnTimeout, startServe, stopServe, zoneWhereItIsMidday, type RunningServe } from './program.js';

const env = { ONE_STOP_QUEUE_PASSPHRASE: testPassphrase };
const receptionistPin = '1357';

let dataDir: string;
let remove: () => void;
const running: RunningServe[] = [];

beforeEach(() => {
  const made = tempDir('osq-crash-');
  dataDir = path.join(made.dir, 'store');
  remove = made.remove;
});

afterEach(async () => {
  for (const serve of running.splice(0)) {
    if (serve.child.exitCode === null && serve.child.signalCode === null) await stopServe(serve, 'SIGKILL');
  }
  remove();
});

async function serve(): Promise<RunningServe> {
  const started = await startServe(dataDir, env);
  running.push(started);
  return started;
}

function ticketInput(serviceId: number, n: number) {
  return {
    visitor: { name: `Visitor ${String(n)}`, addressLines: ['1 Dale Street', 'Liverpool'], postcode: 'L2 2DH', noFixedAbode: false },
    serviceId,
    reason: '',
    needs: { interpreter: false, language: null, hearing: false, mobility: false },
    priority: null,
    callByNumberOnly: false,
  };
}

describe('serve killed with kill -9 while tickets are being issued', { timeout: spawnTimeout }, () => {
  it('keeps every ticket whose response arrived, and the next start takes over the stale lock', async () => {
    const first = await serve();
    // Open all week, in a zone where it is now about midday, so the test never runs after hours.
    const manager = await call<Session>(first.url, 'setupSite', {
      siteName: 'Crosby One Stop Shop',
      timeZone: zoneWhereItIsMidday(),
      manager: { name: 'Mia Manager', pin: '2468' },
    });
    const allDay = { open: '00:00', lastTicket: '23:58', close: '23:59' };
    await call(first.url, 'updateSettings', { openingHours: Object.fromEntries(weekdays.map((day) => [day, allDay])) }, manager.token);
    const receptionist = await call<{ id: number }>(first.url, 'createStaff', { name: 'Rita Reception', role: 'receptionist', pin: receptionistPin, managerPin: '2468' }, manager.token);
    const session = await call<Session>(first.url, 'signIn', { staffId: receptionist.id, pin: receptionistPin });
    const services = await call<Array<{ id: number; active: boolean }>>(first.url, 'listServices', {}, manager.token);
    const serviceId = services.find((s) => s.active)?.id;
    if (serviceId === undefined) throw new Error('no active service');

    // Three receptionists' worth of requests in flight; the process dies in the middle of them.
    const acknowledged: number[] = [];
    let issued = 0;
    let killed = false;
    const worker = async (): Promise<void> => {
      while (!killed) {
        issued += 1;
        try {
          const ticket = await call<IssuedTicket>(first.url, 'issueTicket', ticketInput(serviceId, issued), session.token);
          acknowledged.push(ticket.ticket.visitId);
          if (acknowledged.length >= 40 && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        } catch {
          // A request cut off by the kill: its ticket may or may not exist, and nobody was told it did.
          return;
        }
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    const ended = await first.exited;
    expect(ended.signal).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    // The dead process's lock is still there for the next start to take over.
    expect(fs.existsSync(storePaths(dataDir).lock)).toBe(true);

    const second = await serve();
    const again = await call<Session>(second.url, 'signIn', { staffId: receptionist.id, pin: receptionistPin });
    const queue = await call<TicketView[]>(second.url, 'getQueue', {}, again.token);
    const present = new Set(queue.map((ticket) => ticket.visitId));
    expect(acknowledged.filter((visitId) => !present.has(visitId))).toEqual([]);
    expect(new Set(queue.map((ticket) => ticket.number)).size).toBe(queue.length);

    const stopped = await stopServe(second, 'SIGTERM');
    expect(stopped.code).toBe(0);
    expect(fs.existsSync(storePaths(dataDir).lock)).toBe(false);
  });
});
