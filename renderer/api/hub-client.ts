import { contract, keepsAnswer, type CallName } from '../../shared/contract/index.js';
import type { Invoke } from '../../shared/desk-api.js';
import type { DeskEvent } from '../../shared/events.js';
import { apiPrefix, eventsPath, type ClientHello } from '../../shared/hub-protocol.js';
import { makeDeskCalls } from '../../shared/make-desk-calls.js';
import { newIdempotencyKey, unreachable, unwrapResponse, type ClientHooks, type DeskClient } from './desk-client.js';
import { EventSocket } from './event-socket.js';
import { createReachability } from './reachability.js';

// Longer than any honest call (sign-in's scrypt is ~40 ms): past it the hub is treated as gone.
const callTimeoutMs = 20_000;

/** Waits before each retry of an unanswered call: about 4 s in all, as long as a hub restart takes. */
const retryDelaysMs = [250, 1_000, 2_500];

/** In a browser: `POST /api/<call>` with a bearer token, and the `/api/events` WebSocket. */
export function createHubClient(hooks: ClientHooks, base: URL = new URL(window.location.href)): DeskClient {
  const reach = createReachability(hooks.reachable, probe);

  async function post(name: CallName, input: unknown, token: string | null, key: string | null = null): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (key !== null) headers['idempotency-key'] = key;
    const response = await fetch(new URL(`${apiPrefix}/${name}`, base), {
      method: 'POST',
      headers,
      body: JSON.stringify(input ?? {}),
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(callTimeoutMs),
    });
    const body: unknown = await response.json().catch(() => undefined);
    return { status: response.status, body };
  }

  async function probe(): Promise<boolean> {
    try {
      const { body } = await post('getSetupState', {}, null);
      return typeof body === 'object' && body !== null && 'result' in body;
    } catch {
      return false;
    }
  }

  /**
   * One action, sent until it is answered: a connection lost before the answer (the hub
   * restarting, a dropped link) is retried a few times with the same idempotency key, so that an
   * action the hub had already applied is not applied twice. Only then is the hub called gone.
   */
  const invoke = (async (name: CallName, input: unknown) => {
    const token = hooks.getToken();
    const key = keepsAnswer(contract[name]) ? newIdempotencyKey() : null;
    const downBefore = reach.isDown();
    for (let attempt = 0; ; attempt += 1) {
      let answer: { status: number; body: unknown } | null;
      try {
        answer = await post(name, input, token, key);
      } catch {
        answer = null;
      }
      const enveloped = answer !== null && typeof answer.body === 'object' && answer.body !== null;
      // A proxy's 502–504 without our envelope: the hub behind it is not there.
      const lost = answer === null || (!enveloped && answer.status >= 502 && answer.status <= 504);
      if (!lost) {
        reach.markUp();
        socket.nudge();
        return unwrapResponse(answer!.body, token, hooks);
      }
      // Known to be gone before this action (the banner was up): say so at once rather than keep someone waiting.
      if (attempt >= retryDelaysMs.length || downBefore) {
        reach.markDown();
        throw unreachable();
      }
      await new Promise((resolve) => setTimeout(resolve, retryDelaysMs[attempt]));
    }
  }) as Invoke;

  const listeners = new Set<(event: DeskEvent) => void>();
  const socketUrl = new URL(eventsPath, base);
  socketUrl.protocol = socketUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new EventSocket({
    url: socketUrl.href,
    hello: (): ClientHello => {
      const token = hooks.getToken();
      return token === null ? { type: 'display' } : { type: 'auth', token };
    },
    deliver: (event) => listeners.forEach((listener) => listener(event)),
    connected: () => {
      reach.markUp();
      hooks.streamReady();
    },
    lost: () => reach.markDown(),
    refused: () => hooks.sessionRejected(),
  });

  return {
    ...makeDeskCalls(invoke),
    subscribe(listener) {
      listeners.add(listener);
      socket.start();
      return () => {
        listeners.delete(listener);
        // Later, not now: a screen that fetches again on a new connection unsubscribes and
        // subscribes in one render, and must not drop the connection it is reacting to.
        queueMicrotask(() => {
          if (listeners.size === 0) socket.stop();
        });
      };
    },
    sessionChanged: () => socket.restart(),
  };
}
