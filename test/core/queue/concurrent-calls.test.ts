import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { compareCallOrder } from '../../../shared/wait-math.js';
import { openTestSite, type TestSite } from '../../fixtures/temp-site.js';
import { deskIdOf, issueInput, managerToken, serviceIdOf } from '../../fixtures/queue-fixtures.js';
import type { CallWindow, CallWorkerData, CallWorkerMessage } from './call-worker.js';

const tickets = 120;
let t: TestSite | undefined;

afterEach(() => {
  t?.close();
  t = undefined;
});

/** `tickets` tickets across C, B and H, one in five a priority, a few seconds apart. */
function fillQueue(site: TestSite): number[] {
  const ids: number[] = [];
  const letters = ['C', 'B', 'H'];
  for (let i = 0; i < tickets; i += 1) {
    const input = issueInput(serviceIdOf(site, letters[i % 3]!), { priority: i % 5 === 0 ? 'vulnerable' : null });
    ids.push((site.site.callSync('issueTicket', input, managerToken(site)) as { ticket: { visitId: number } }).ticket.visitId);
    site.clock.advance(7_000);
  }
  return ids;
}

/**
 * Starts one worker per desk, each with its own connection to the store file, lets them all
 * call at the same instant, and returns what each desk called.
 */
async function callFromWorkers(site: TestSite, desks: Array<{ desk: string; letters: string[] }>): Promise<Array<{ called: number[] } & CallWindow>> {
  const start = new SharedArrayBuffer(4);
  const workers: Worker[] = [];
  const results: Array<Promise<{ called: number[] } & CallWindow>> = [];
  const ready: Array<Promise<void>> = [];
  for (const [i, d] of desks.entries()) {
    const member = site.site.callSync('createStaff', { name: `Advisor ${i + 1}`, role: 'advisor', pin: '1357', managerPin: '2468' }, managerToken(site)) as { id: number };
    const data: CallWorkerData = {
      entry: new URL('./call-worker.ts', import.meta.url).href,
      store: path.join(site.dir, 'store'),
      keyFile: path.join(site.dir, 'site.key'),
      now: site.clock.now(),
      staffId: member.id,
      pin: '1357',
      deskId: deskIdOf(site, d.desk),
      serviceIds: d.letters.map((l) => serviceIdOf(site, l)),
      start,
    };
    const worker = new Worker(new URL('./ts-worker.mjs', import.meta.url), { workerData: data });
    workers.push(worker);
    let onReady!: () => void;
    ready.push(new Promise<void>((resolve) => (onReady = resolve)));
    results.push(
      new Promise<{ called: number[] } & CallWindow>((resolve, reject) => {
        worker.on('message', (message: CallWorkerMessage) => {
          if (message.type === 'ready') onReady();
          else if (message.type === 'done') resolve(message);
          else reject(new Error(message.message));
        });
        worker.on('error', reject);
        worker.on('exit', (code) => reject(new Error(`worker exited with ${code}`)));
      }),
    );
  }
  try {
    await Promise.race([Promise.all(ready), Promise.all(results)]);
    const flag = new Int32Array(start);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
    return await Promise.all(results);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The order the calls committed in, from the audit log's ids (one `visit.call` line per call). */
function commitOrder(site: TestSite): number[] {
  return (site.site.database.prepare("SELECT target_id AS visitId FROM audit WHERE action = 'visit.call' ORDER BY id").all() as Array<{ visitId: number }>).map(
    (r) => r.visitId,
  );
}

describe('concurrent calls from many desks', () => {
  it('never gives the same ticket to two desks calling at once from worker threads, each with its own connection', async () => {
    t = await openTestSite();
    const issued = fillQueue(t);
    const desks = ['Desk 1', 'Desk 2', 'Desk 3', 'Desk 4'].map((desk) => ({ desk, letters: ['C', 'B', 'H'] }));
    const done = await callFromWorkers(t, desks);
    const called = done.map((d) => d.called);

    const all = called.flat();
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort((a, b) => a - b)).toEqual(issued);
    // They really did call side by side: every desk made its first call before any desk made its
    // last. (Which desk wins each race is up to the OS: on a busy machine one may win them all.)
    expect(Math.max(...done.map((d) => d.firstCallAt))).toBeLessThan(Math.min(...done.map((d) => d.lastCallAt)));

    const rows = t.site.database.prepare('SELECT id, status, desk_id, queued_at, priority FROM visits ORDER BY id').all() as Array<{
      id: number;
      status: string;
      desk_id: number;
      queued_at: number;
      priority: string | null;
    }>;
    expect(rows.every((r) => r.status === 'finished')).toBe(true);
    for (const [i, ids] of called.entries()) {
      const desk = deskIdOf(t, desks[i]!.desk);
      for (const id of ids) expect(rows.find((r) => r.id === id)!.desk_id).toBe(desk);
    }
    // Serialised, the calls of all desks together still follow the call order exactly.
    const order = commitOrder(t);
    const headStartMs = 15 * 60_000;
    const expected = rows
      .map((r) => ({ visitId: r.id, queuedAt: r.queued_at, priority: r.priority !== null }))
      .sort((a, b) => compareCallOrder(a, b, headStartMs))
      .map((r) => r.visitId);
    expect(order).toEqual(expected);
  });

  it('calls every ticket exactly once when desks serve different, overlapping services', async () => {
    t = await openTestSite();
    const issued = fillQueue(t);
    const called = (await callFromWorkers(t, [
      { desk: 'Desk 1', letters: ['C'] },
      { desk: 'Desk 2', letters: ['C', 'B'] },
      { desk: 'Desk 3', letters: ['B', 'H'] },
      { desk: 'Desk 4', letters: ['H', 'C'] },
    ])).map((d) => d.called);
    const all = called.flat();
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort((a, b) => a - b)).toEqual(issued);
    expect(commitOrder(t)).toHaveLength(tickets);
    expect(t.site.database.prepare("SELECT count(*) AS n FROM visits WHERE status <> 'finished' OR first_called_at IS NULL").get()).toEqual({ n: 0 });
  });
});
