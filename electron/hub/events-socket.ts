import type { FastifyInstance } from 'fastify';
import type { WebSocket, RawData } from 'ws';
import { DeskFailure, type DeskError } from '../../shared/errors.js';
import { eventsPath, type ClientHello, type ServerMessage } from '../../shared/hub-protocol.js';
import type { Site } from '../core/site.js';

type Audience = 'staff' | 'everyone';

/** Application close codes (4000–4999 are ours), after the HTTP status they resemble. */
export const closeCodes = { badHello: 4400, unauthenticated: 4401, helloTimeout: 4408, tryAgainLater: 1013 } as const;

const helloTimeoutMs = 15_000;
const maxTokenLength = 512;
const open = 1; // WebSocket.OPEN, without importing ws at run time for one number

/**
 * `/api/events`: nothing is pushed until the client's first message says who it is. A display
 * gets the `everyone` events (ticket numbers and desk names); a signed-in client gets all.
 * No origin check is needed: a display sees nothing private, and staff must send a token.
 */
export function registerEventsSocket(app: FastifyInstance, site: Site): void {
  const listeners = new Map<WebSocket, Audience>();

  const unsubscribe = site.subscribe((event, audience) => {
    const text = JSON.stringify({ type: 'event', event } satisfies ServerMessage);
    for (const [socket, who] of listeners) {
      if ((audience === 'everyone' || who === 'staff') && socket.readyState === open) socket.send(text);
    }
  });
  app.addHook('onClose', async () => unsubscribe());

  app.get(eventsPath, { websocket: true }, (socket) => {
    let state: 'hello' | 'checking' | 'ready' | 'closed' = 'hello';
    let token: string | null = null;

    const refuse = (error: DeskError, closeCode: number) => {
      state = 'closed';
      listeners.delete(socket);
      send(socket, { type: 'error', error });
      socket.close(closeCode, error.code);
    };

    const helloTimer = setTimeout(
      () => refuse({ code: 'invalid-input', message: 'Say who you are first.' }, closeCodes.helloTimeout),
      helloTimeoutMs,
    );
    helloTimer.unref();

    socket.on('close', () => {
      state = 'closed';
      clearTimeout(helloTimer);
      listeners.delete(socket);
    });

    socket.on('message', (data) => {
      if (state === 'hello') {
        clearTimeout(helloTimer);
        const hello = parseHello(data);
        if (hello === null) {
          refuse({ code: 'invalid-input', message: 'The first message must be {"type":"auth","token":…} or {"type":"display"}.' }, closeCodes.badHello);
          return;
        }
        if (hello.type === 'display') {
          ready(socket, 'everyone');
          return;
        }
        state = 'checking';
        token = hello.token;
        void checkSession(site, token).then((error) => {
          if (state !== 'checking') return;
          if (error === null) ready(socket, 'staff');
          else refuse(error, closeCodeFor(error));
        });
        return;
      }
      // Keep it simple: a signed-in socket is re-checked whenever it speaks, and dropped once
      // its session is gone. (Checking on every push would slide the session's idle expiry.)
      if (state === 'ready' && token !== null) {
        void checkSession(site, token).then((error) => {
          if (error !== null && state === 'ready') refuse(error, closeCodeFor(error));
        });
      }
    });

    function ready(ws: WebSocket, audience: Audience): void {
      state = 'ready';
      send(ws, { type: 'ready', audience });
      listeners.set(ws, audience);
    }
  });
}

async function checkSession(site: Site, token: string): Promise<DeskError | null> {
  try {
    await site.call('getSession', {}, token);
    return null;
  } catch (error) {
    // Whatever went wrong, the socket gets no staff events; say so plainly.
    return error instanceof DeskFailure && error.code !== 'internal'
      ? error.toJSON()
      : { code: 'unauthenticated', message: 'Your session has ended. Sign in again.' };
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
