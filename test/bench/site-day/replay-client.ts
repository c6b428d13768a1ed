/**
 * One PC of the site day (a reception, a desk) talking to the hub over loopback HTTP on a
 * kept-alive connection, as the browser client does, plus what the exactly-once protocol asks
 * of a client: every call that changes something carries an `Idempotency-Key`; a call cut off
 * by a lost connection is sent again, with the same key, until the hub answers; answered
 * `unauthenticated` (sessions live in the hub's memory, so a restart forgets them), it signs in
 * again and retries with the same key.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CallName, CallResult } from '../../../shared/contract/index.js';
import type { Session } from '../../../shared/domain/staff.js';
import type { DeskError } from '../../../shared/errors.js';
import { apiPrefix, type CallResponse } from '../../../shared/hub-protocol.js';
import type { CallTimes } from './call-times.js';

/** The calls the replay makes that change something: each carries a key. Reads and sign-in do not. */
const changingCalls: ReadonlySet<CallName> = new Set<CallName>([
  'issueTicket',
  'callNext',
  'recallTicket',
  'startService',
  'finishService',
  'markNoShow',
  'openDesk',
  'createDesk',
  'createStaff',
  'updateSettings',
  'runPurge',
]);

/** Node's names for a connection that went away or was never there: the hub is down or restarting. */
const connectionLost = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT']);

export class HubRefusal extends Error {
  constructor(
    readonly call: CallName,
    readonly status: number,
    readonly error: DeskError,
  ) {
    // The code and status only: the hub's message may name a ticket but never a visitor, yet a
    // refusal is best read next to the call that earned it.
    super(`${call}: ${error.code} (${String(status)})`);
  }
}

/**
 * How a PC's calls reach the hub. By default plain HTTP to `baseUrl` (the hub PC's own door);
 * a desk PC on the LAN passes its link's (test/bench/site-day/lan-site.ts).
 */
export interface ClientDoor {
  post(name: CallName, input: unknown, token: string | null, key: string | null): Promise<Answer>;
  close(): void;
}

export interface ClientOptions {
  baseUrl: string;
  door?: ClientDoor;
  /** Who signs in: needed to sign in again after a restart. Null for a client of public calls only. */
  staff: { staffId: number; pin: string } | null;
  times: CallTimes;
  /** How long to keep retrying a call while the hub is away before giving up (a limit, not a measure). */
  giveUpAfterMs?: number;
  /** Pause between attempts while the hub is away. */
  retryEveryMs?: number;
}

export interface Answer {
  status: number;
  body: CallResponse<unknown>;
}

export class ReplayClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private token: string | null = null;
  private closed = false;
  /** Calls sent again after a lost connection or a forgotten session, for the report. */
  retries = 0;
  reSignIns = 0;

  constructor(private readonly options: ClientOptions) {}

  get session(): string | null {
    return this.token;
  }

  /** Signs in (or again, after a restart); the session is kept for the calls that follow. */
  async signIn(): Promise<Session> {
    const staff = this.options.staff;
    if (staff === null) throw new Error('this client has nobody to sign in');
    const session = await this.send('signIn', { staffId: staff.staffId, pin: staff.pin }, null);
    this.token = session.token;
    return session;
  }

  /** Uses a session obtained elsewhere (the first-run manager's). */
  useSession(token: string): void {
    this.token = token;
  }

  /**
   * One contract call. A changing call gets a fresh key here, or the caller's (so that a caller
   * may retry a whole step itself); the same key goes with every attempt of this call.
   */
  async call<K extends CallName>(name: K, input: unknown, key: string | null = changingCalls.has(name) ? randomUUID() : null): Promise<CallResult<K>> {
    return this.send(name, input, key);
  }

  /** Ends this PC's day: a call still retrying gives up at its next attempt. */
  close(): void {
    this.closed = true;
    this.agent.destroy();
    this.options.door?.close();
  }

  private async send<K extends CallName>(name: K, input: unknown, key: string | null): Promise<CallResult<K>> {
    const giveUpAt = performance.now() + (this.options.giveUpAfterMs ?? 120_000);
    const retryEvery = this.options.retryEveryMs ?? 100;
    let signedInAgain = false;
    for (;;) {
      if (this.closed) throw new Error(`${name}: this client was closed`);
      const started = performance.now();
      let answer: Answer;
      try {
        answer = await this.post(name, input, key);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (!connectionLost.has(code) && (error as Error).message !== 'socket hang up') throw error;
        if (performance.now() > giveUpAt) throw new Error(`${name}: the hub did not come back (${code})`, { cause: error });
        this.retries += 1;
        await sleep(retryEvery);
        continue;
      }
      if ('result' in answer.body) {
        this.options.times.add(name, performance.now() - started);
        return answer.body.result as CallResult<K>;
      }
      const error = answer.body.error;
      // The hub is closing: the same call, with the same key, once it is back.
      if (error.code === 'unavailable' && performance.now() < giveUpAt) {
        this.retries += 1;
        await sleep(retryEvery);
        continue;
      }
      // The hub forgot the session (restarted): sign in once more, then the same call with the same key.
      if (error.code === 'unauthenticated' && name !== 'signIn' && this.options.staff !== null && !signedInAgain) {
        signedInAgain = true;
        this.reSignIns += 1;
        await this.signIn();
        continue;
      }
      throw new HubRefusal(name, answer.status, error);
    }
  }

  private post(name: CallName, input: unknown, key: string | null): Promise<Answer> {
    const door = this.options.door;
    if (door !== undefined) return door.post(name, input, name === 'signIn' ? null : this.token, key);
    const body = JSON.stringify(input);
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    if (this.token !== null && name !== 'signIn') headers.authorization = `Bearer ${this.token}`;
    if (key !== null) headers['idempotency-key'] = key;
    return new Promise((resolve, reject) => {
      const request = http.request(new URL(`${apiPrefix}/${name}`, this.options.baseUrl), { method: 'POST', agent: this.agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as CallResponse<unknown> });
          } catch (error) {
            reject(error as Error);
          }
        });
      });
      request.on('error', reject);
      request.end(body);
    });
  }
}
