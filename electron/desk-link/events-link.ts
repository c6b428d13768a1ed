import WebSocket from 'ws';
import type { DeskEvent } from '../../shared/events.js';
import { eventsPath, type ClientHello, type ServerMessage } from '../../shared/hub-protocol.js';
import { createPinnedAgent } from './pinned-agent.js';

export interface EventsLinkOptions {
  hubUrl: string;
  accepts(fingerprint: string): boolean;
  /** Sent with the upgrade request: the device token and the version. */
  headers(): Record<string, string>;
  deliver(event: DeskEvent): void;
  /** The hub said ready: events flow again (after a loss, the screens fetch afresh). */
  connected(): void;
  /** The socket dropped or could not be opened. */
  lost(): void;
}

/** The hub's close code for a session that ended (electron/hub/events-socket.ts `closeCodes.unauthenticated`). */
const sessionEndedCode = 4401;
/** …and for a desk PC that was withdrawn, as its upgrade is refused with 403 from then on. */
const deviceRefusedCode = 4403;

/**
 * Waits between reconnection attempts: quick at first (a hub restart takes a second or two),
 * then no more than every 10 seconds, with jitter so that every desk does not come back at once.
 * The same as the browser client's (renderer/api/backoff.ts), which this process may not import.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(10_000, 500 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.75 + random() * 0.5));
}

/** Backoff's ceiling: 10 s. */
const maxAttempt = 5;

interface Connection {
  socket: WebSocket;
  /** The session token its hello carried, or null for a display hello. */
  hello: string | null;
  ready: boolean;
  /** The hub answered the upgrade with 403: it is there, and refuses this desk PC. */
  refused: boolean;
  /** Closed on purpose to open another (a new session, or stop): its close is no loss. */
  replaced: boolean;
}

/**
 * The desk's ONE events socket to the hub, over the pinned agent. Its hello carries the latest
 * session a call used (a display hello while there is none), it reconnects when that changes,
 * and it comes back by itself with backoff when the hub goes away.
 */
export class EventsLink {
  private readonly agent;
  private current: Connection | null = null;
  private token: string | null = null;
  private running = false;
  private attempt = 0;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly options: EventsLinkOptions) {
    this.agent = createPinnedAgent({ accepts: options.accepts, keepAlive: false });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.connect();
  }

  stop(): void {
    this.running = false;
    if (this.retry !== null) clearTimeout(this.retry);
    this.retry = null;
    this.drop();
  }

  /** A call used this session: the socket follows it, so staff events reach the desk. */
  useToken(token: string): void {
    if (token === this.token) return;
    this.token = token;
    if (this.running && this.current?.hello !== token) this.reconnectNow();
  }

  /** The session ended (signed out, or refused): back to the display's events until the next sign-in. */
  tokenEnded(token: string): void {
    if (this.token !== token) return;
    this.token = null;
    if (this.running && this.current?.hello === token) this.reconnectNow();
  }

  async close(): Promise<void> {
    const closing = this.current;
    this.stop();
    if (closing !== null && closing.socket.readyState !== WebSocket.CLOSED) {
      await new Promise<void>((resolve) => closing.socket.once('close', () => resolve()));
    }
    this.agent.destroy();
  }

  private reconnectNow(): void {
    if (this.retry !== null) clearTimeout(this.retry);
    this.retry = null;
    this.drop();
    this.connect();
  }

  private drop(): void {
    const connection = this.current;
    this.current = null;
    if (connection === null) return;
    connection.replaced = true;
    if (connection.socket.readyState === WebSocket.CONNECTING) connection.socket.terminate();
    else connection.socket.close();
  }

  private connect(): void {
    const url = new URL(eventsPath, this.options.hubUrl);
    url.protocol = 'wss:';
    const socket = new WebSocket(url, { agent: this.agent, headers: this.options.headers(), handshakeTimeout: 10_000, perMessageDeflate: false });
    const connection: Connection = { socket, hello: this.token, ready: false, refused: false, replaced: false };
    this.current = connection;
    // Every failure also closes the socket, and the close decides what next.
    socket.on('error', () => undefined);
    socket.on('unexpected-response', (_request, response) => {
      connection.refused = response.statusCode === 403;
      socket.terminate();
    });
    socket.on('open', () => {
      const hello: ClientHello = connection.hello === null ? { type: 'display' } : { type: 'auth', token: connection.hello };
      socket.send(JSON.stringify(hello));
    });
    socket.on('message', (data) => {
      if (connection.replaced) return;
      let message: ServerMessage;
      try {
        message = JSON.parse(String(data)) as ServerMessage;
      } catch {
        return;
      }
      if (message.type === 'ready') {
        connection.ready = true;
        this.attempt = 0;
        this.options.connected();
      } else if (message.type === 'event') {
        this.options.deliver(message.event);
      }
    });
    socket.on('close', (code) => {
      if (connection.replaced || this.current !== connection) return;
      this.current = null;
      if (!this.running) return;
      if (code === sessionEndedCode && connection.hello !== null) {
        // The session ended on the hub; the hub is there. Listen as a display until the next sign-in.
        if (this.token === connection.hello) this.token = null;
        this.connect();
        return;
      }
      // A withdrawn desk PC: the hub is there, so no banner; its calls say why. Asked again now and then.
      const refused = connection.refused || code === deviceRefusedCode;
      if (!refused) this.options.lost();
      this.retry = setTimeout(() => {
        this.retry = null;
        if (this.running) this.connect();
      }, reconnectDelay(refused ? maxAttempt : this.attempt));
      this.attempt += 1;
    });
  }
}
