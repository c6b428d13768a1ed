import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import type { WebSocket, RawData } from 'ws';
import { DeskFailure, type DeskError } from '../../shared/errors.js';
import { eventsPath, type ClientHello, type ServerMessage } from '../../shared/hub-protocol.js';
import { errorText as t } from '../../shared/i18n/catalogue.js';
import { noLog, type Site, type SiteLog } from '../core/index.js';
import { rateLimited, sendFailure } from './errors.js';
import type { Door, DoorCaller } from './door.js';
import type { HubAddresses } from './host-check.js';

type Audience = 'staff' | 'everyone';

/** Close codes: 1008 and 1013 are the protocol's; 4000–4999 are ours, after the HTTP status they resemble. */
export const closeCodes = {
  policyViolation: 1008,
  badHello: 4400,
  unauthenticated: 4401,
  /** A display-only client said an auth hello, or its paired device was withdrawn. */
  forbidden: 4403,
  helloTimeout: 4408,
  tryAgainLater: 1013,
} as const;

export interface EventsSocketOptions {
  /**
   * How often a staff socket checks, without sliding it, that its session is still live — to
   * catch idle expiry, which nothing announces. Default 5 s; tests set it small.
   */
  sessionCheckMs?: number;
  /** More than `max` messages within `windowMs` closes the socket with 1008 (default 20 per 10 s). */
  flood?: { max: number; windowMs: number };
}

export const defaultSessionCheckMs = 5_000;
/** A client sends one message, its hello, and nothing after: 20 in 10 s is already misbehaving. */
export const defaultFloodLimit = { max: 20, windowMs: 10_000 } as const;

const helloTimeoutMs = 15_000;
const maxTokenLength = 512;
const open = 1; // WebSocket.OPEN, without importing ws at run time for one number

/**
 * `/api/events`: nothing is pushed until the client's first message says who it is. A display
 * gets the `everyone` events (ticket numbers and desk names); a signed-in client gets all, until
 * its session ends — the core tells us at once of a sign-out, deactivation or PIN change, and a
 * timer per socket catches idle expiry. After the hello a client has nothing to say: messages
 * are only counted, and a socket that floods is closed, so it cannot keep the hub busy.
 *
 * On a LAN door only a paired device may say an auth hello, and its session is checked as signed
 * in through that device; its sockets close when a manager withdraws it. The display door, and
 * the LAN door to anyone else, accept the display hello alone.
 */
export function registerEventsSocket(app: FastifyInstance, site: Site, addresses: HubAddresses, options: EventsSocketOptions, door: Door, log: SiteLog = noLog): void {
  const sessionCheckMs = options.sessionCheckMs ?? defaultSessionCheckMs;
  const flood = options.flood ?? defaultFloodLimit;
  const listeners = new Map<WebSocket, Audience>();
  /** The sockets holding each session, by token: each entry closes its socket. */
  const holders = new Map<string, Set<() => void>>();
  /** Who opened each socket, from its upgrade request. */
  const callers = new WeakMap<object, DoorCaller>();
  /** The sockets each paired device holds open: each entry closes its socket. */
  const deviceSockets = new Map<number, Set<() => void>>();

  const unsubscribe = site.subscribe((event, audience) => {
    const text = JSON.stringify({ type: 'event', event } satisfies ServerMessage);
    for (const [socket, who] of listeners) {
      if ((audience === 'everyone' || who === 'staff') && socket.readyState === open) socket.send(text);
    }
  });
  const stopHearing = site.onSessionEnded((token) => {
    for (const end of [...(holders.get(token) ?? [])]) end();
  });
  const stopWatchingDevices = site.lan.onDeviceRevoked((deviceId) => {
    for (const end of [...(deviceSockets.get(deviceId) ?? [])]) end();
  });
  app.addHook('onClose', async () => {
    unsubscribe();
    stopHearing();
    stopWatchingDevices();
  });

  app.get(
    eventsPath,
    {
      websocket: true,
      // Before the upgrade, so a refusal is a plain HTTP 403. A page elsewhere may open a
      // WebSocket to 127.0.0.1 (no CORS for WebSockets) and its browser says where it came from:
      // only the hub's own pages may connect. A missing Origin is let through: browsers always
      // send one, so only non-browser clients (a desk-mode app's main process, `ws`, curl) omit
      // it, and those could write any Origin they liked anyway; staff events still need a token.
      // https://www.rfc-editor.org/rfc/rfc6455#section-10.2
      onRequest: async (request, reply) => {
        const origin = request.headers.origin;
        if (origin !== undefined && !addresses.isOwnOrigin(origin, request.protocol, request.socket.localPort)) {
          return sendFailure(reply, new DeskFailure('forbidden', t.hubWrongHost));
        }
        try {
          callers.set(request, door.socketCaller(request.headers));
        } catch (error) {
          if (error instanceof DeskFailure) return sendFailure(reply, error);
          throw error;
        }
        return undefined;
      },
    },
    (socket, request) => {
      const caller = callers.get(request) ?? { deviceId: null, staff: false };
      let state: 'hello' | 'checking' | 'ready' | 'closed' = 'hello';
      let sessionTimer: ReturnType<typeof setInterval> | undefined;
      let forgetSession: () => void = () => undefined;
      let forgetDevice: () => void = () => undefined;
      let windowStart = performance.now();
      let messages = 0;

      const stop = () => {
        state = 'closed';
        clearTimeout(helloTimer);
        clearInterval(sessionTimer);
        forgetSession();
        forgetDevice();
        listeners.delete(socket);
      };

      const refuse = (error: DeskError, closeCode: number) => {
        if (state === 'closed') return;
        stop();
        send(socket, { type: 'error', error });
        socket.close(closeCode, error.code);
      };

      const helloTimer = setTimeout(
        () => refuse({ code: 'invalid-input', message: t.sayWhoYouAre }, closeCodes.helloTimeout),
        helloTimeoutMs,
      );
      helloTimer.unref();

      socket.on('close', stop);

      if (caller.deviceId !== null) {
        const deviceId = caller.deviceId;
        log.info('desk.connected', { door: door.kind, deviceId });
        socket.on('close', () => log.info('desk.disconnected', { door: door.kind, deviceId }));
        const end = () => refuse({ code: 'forbidden', message: t.lanNotPaired }, closeCodes.forbidden);
        const held = deviceSockets.get(deviceId) ?? new Set<() => void>();
        held.add(end);
        deviceSockets.set(deviceId, held);
        forgetDevice = () => {
          held.delete(end);
          if (held.size === 0 && deviceSockets.get(deviceId) === held) deviceSockets.delete(deviceId);
        };
        // Withdrawn between the upgrade's check and now, the announcement above was missed: look again.
        try {
          door.socketCaller(request.headers);
        } catch {
          end();
        }
      }

      /** From now until the socket closes, the end of this session closes it. */
      const holdSession = (token: string) => {
        const end = () => refuse({ code: 'unauthenticated', message: t.sessionEnded }, closeCodes.unauthenticated);
        const held = holders.get(token) ?? new Set<() => void>();
        held.add(end);
        holders.set(token, held);
        forgetSession = () => {
          held.delete(end);
          if (held.size === 0 && holders.get(token) === held) holders.delete(token);
        };
        // Idle expiry is not announced; looking (without sliding) every few seconds finds it.
        sessionTimer = setInterval(() => {
          if (!site.sessionAlive(token, caller.deviceId)) end();
        }, sessionCheckMs);
        sessionTimer.unref();
      };

      socket.on('message', (data) => {
        if (state === 'closed') return;
        // Counted before anything else is done with the message, and nothing else is done with
        // one after the hello: a flood costs the hub a counter, and then the socket.
        const now = performance.now();
        if (now - windowStart >= flood.windowMs) {
          windowStart = now;
          messages = 0;
        }
        messages += 1;
        if (messages > flood.max) {
          refuse(rateLimited().toJSON(), closeCodes.policyViolation);
          return;
        }
        if (state !== 'hello') return;

        clearTimeout(helloTimer);
        const hello = parseHello(data);
        if (hello === null) {
          refuse({ code: 'invalid-input', message: t.badHello }, closeCodes.badHello);
          return;
        }
        if (hello.type === 'display') {
          ready('everyone');
          return;
        }
        if (!caller.staff) {
          refuse({ code: 'forbidden', message: t.lanDisplayOnly }, closeCodes.forbidden);
          return;
        }
        state = 'checking';
        holdSession(hello.token);
        void checkSession(site, hello.token, caller.deviceId).then((error) => {
          if (state !== 'checking') return;
          if (error === null) ready('staff');
          else refuse(error, closeCodeFor(error));
        });
      });

      function ready(audience: Audience): void {
        state = 'ready';
        send(socket, { type: 'ready', audience });
        listeners.set(socket, audience);
      }
    },
  );
}

/** Once, at the hello: a full check (the staff member still active), like any call. */
async function checkSession(site: Site, token: string, deviceId: number | null): Promise<DeskError | null> {
  try {
    await site.call('getSession', {}, token, { deviceId });
    return null;
  } catch (error) {
    // Whatever went wrong, the socket gets no staff events; say so plainly.
    return error instanceof DeskFailure && error.code !== 'internal' ? error.toJSON() : { code: 'unauthenticated', message: t.sessionEnded };
  }
}

/** A session that is gone is 4401; a site shutting down or busy is worth retrying. */
function closeCodeFor(error: DeskError): number {
  return error.code === 'unauthenticated' ? closeCodes.unauthenticated : closeCodes.tryAgainLater;
}

function parseHello(data: RawData): ClientHello | null {
  let value: unknown;
  try {
    value = JSON.parse(rawText(data));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const hello = value as { type?: unknown; token?: unknown };
  if (hello.type === 'display') return { type: 'display' };
  if (hello.type === 'auth' && typeof hello.token === 'string' && hello.token.length > 0 && hello.token.length <= maxTokenLength) {
    return { type: 'auth', token: hello.token };
  }
  return null;
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString('utf8');
}

function send(socket: WebSocket, message: ServerMessage): void {
  if (socket.readyState === open) socket.send(JSON.stringify(message));
}
