/**
 * What an issued ticket costs beyond the disk, for `npm run bench`: the floor (a bare durable
 * one-row commit on the same file system), the hub's share (issueTicket over HTTP on one
 * kept-alive loopback connection) and whether the queue's own queries grow with the queue.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import type { ManualClock } from '../../electron/core/clock.js';
import { nextWaiting, placeInLine } from '../../electron/core/queue/queue-order.js';
import { getVisitRow } from '../../electron/core/queue/visit-records.js';
import type { Site } from '../../electron/core/site.js';
import { startHub, type Hub } from '../../electron/hub/index.js';
import type { CallInput } from '../../shared/contract/index.js';
import type { IssuedTicket } from '../../shared/domain/visit.js';
import { issueInput } from '../fixtures/queue-fixtures.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * A fresh SQLCipher file opened as store/open-database.ts opens the store (cipher pragmas, raw
 * key, WAL, synchronous FULL), holding one small table: each sample is one single-row INSERT in
 * its own immediate transaction, which is all a ticket's commit has to cost.
 */
export class CommitFloor {
  private readonly db: Database.Database;
  private readonly insert: () => void;
  readonly commitMs: number[] = [];

  constructor(dir: string) {
    this.db = new Database(path.join(dir, 'commit-floor.db'));
    this.db.pragma(`cipher='sqlcipher'`);
    this.db.pragma('legacy=4');
    this.db.pragma(`key="x'${crypto.randomBytes(32).toString('hex')}'"`);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('temp_store = MEMORY');
    this.db.pragma('wal_autocheckpoint = 20000');
    this.db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, v TEXT NOT NULL)');
    const statement = this.db.prepare('INSERT INTO t (at, v) VALUES (?, ?)');
    const payload = 'x'.repeat(200);
    this.insert = this.db.transaction(() => statement.run(Date.now(), payload)).immediate;
  }

  sample(count: number): void {
    for (let i = 0; i < count; i += 1) {
      const start = performance.now();
      this.insert();
      this.commitMs.push(performance.now() - start);
    }
  }

  close(): void {
    this.db.close();
  }
}

/** `POST /api/issueTicket` through the real hub, on one kept-alive connection, as a browser would. */
export class HttpIssuer {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  private constructor(private readonly hub: Hub) {}

  static async start(site: Site): Promise<HttpIssuer> {
    return new HttpIssuer(await startHub({ site, host: '127.0.0.1', port: 0 }));
  }

  issue(input: CallInput<'issueTicket'>, token: string): Promise<IssuedTicket> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        new URL('/api/issueTicket', this.hub.url),
        { method: 'POST', agent: this.agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { result?: IssuedTicket; error?: unknown };
            if (res.statusCode !== 200 || body.result === undefined) reject(new Error(`issueTicket: ${res.statusCode} ${JSON.stringify(body.error)}`));
            else resolve(body.result);
          });
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(input));
    });
  }

  async close(): Promise<void> {
    this.agent.destroy();
    await this.hub.close();
  }
}

export interface QueueGrowth {
  /** Median µs of a new ticket's place in line, and of the next ticket for a desk, per queue length. */
  placeUs: Record<number, number>;
  nextUs: Record<number, number>;
}

/**
 * The position and next-ticket queries with `lengths` tickets waiting for one service of its own
 * (a new letter, so nothing else in the store is in its line): each timed over many runs on the
 * open store, read only. A query that counted the day's visits, or the whole queue's rows rather
 * than an index range, would show here as a figure that grows tenfold with the queue.
 */
export function measureQueueGrowth(site: Site, clock: ManualClock, managerToken: string, lengths: readonly number[]): QueueGrowth {
  const service = site.callSync('createService', { name: 'Bench queue length', letter: 'Q', targetWaitMinutes: 15 }, managerToken);
  const normal = issueInput(service.id, { name: 'Bench Queue Visitor' });
  const priority = issueInput(service.id, { name: 'Bench Queue Visitor', priority: 'vulnerable' });
  const db = site.database;
  const headStartMs = site.callSync('getSettings', {}, managerToken).priorityHeadStartMinutes * 60_000;
  const placeUs: Record<number, number> = {};
  const nextUs: Record<number, number> = {};
  let issued = 0;
  let last: IssuedTicket | undefined;
  for (const length of lengths) {
    for (; issued < length; issued += 1) {
      clock.advance(1_000);
      // One in ten a priority ticket, so both halves of the call order are in the line.
      last = site.callSync('issueTicket', issued % 10 === 0 ? priority : normal, managerToken);
    }
    const ticket = last!.ticket;
    const row = getVisitRow(db, ticket.visitId);
    const reps = 300;
    const place: number[] = [];
    const next: number[] = [];
    for (let i = 0; i < reps; i += 1) {
      let start = performance.now();
      const at = placeInLine(db, row, headStartMs);
      place.push((performance.now() - start) * 1000);
      start = performance.now();
      const first = nextWaiting(db, row.day, [service.id], headStartMs);
      next.push((performance.now() - start) * 1000);
      if (at !== length || first === undefined) throw new Error(`queue of ${length}: place ${at}, next ${first?.number ?? 'none'}`);
    }
    placeUs[length] = median(place);
    nextUs[length] = median(next);
  }
  return { placeUs, nextUs };
}
