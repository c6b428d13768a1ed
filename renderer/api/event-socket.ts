import type { DeskEvent } from '../../shared/events.js';
import type { ClientHello, ServerMessage } from '../../shared/hub-protocol.js';
import { backoffDelay } from './backoff.js';

export interface EventSocketOptions {
  url: string;
  /** Asked at every (re)connection, so a new session is picked up. */
  hello(): ClientHello;
  deliver(event: DeskEvent): void;
  connected(): void;
  lost(): void;
  /** The hub refused the token the socket said hello with. */
  refused(): void;
}

/**
 * The hub's event stream (`/api/events`): says who it is first, then receives events.
 * Reconnects with backoff for as long as anyone listens.
 */
export class EventSocket {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;

  constructor(private readonly options: EventSocketOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.close();
  }

  /**
   * The hub answers again (a call got through): a socket waiting out its backoff connects now
   * rather than leaving the screen deaf for up to the longest delay.
   */
  nudge(): void {
    if (!this.running || this.socket !== null) return;
    clearTimeout(this.timer);
    this.attempt = 0;
    this.connect();
  }

  /** Say hello again, for example after sign-in. */
  restart(): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.close();
    this.attempt = 0;
    this.connect();
  }

  private close(): void {
    const socket = this.socket;
    this.socket = null;
    if (socket !== null) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      socket.close();
    }
  }

  private connect(): void {
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.options.url);
    } catch {
      this.retry(true);
      return;
    }
    this.socket = socket;
    let refused = false;
    socket.onopen = () => socket.send(JSON.stringify(this.options.hello()));
    socket.onmessage = (message) => {
      const data = parse(message.data);
      if (data === null) return;
      if (data.type === 'ready') {
        this.attempt = 0;
        this.options.connected();
      } else if (data.type === 'event') {
        this.options.deliver(data.event);
      } else if (data.type === 'error') {
        refused = true;
        if (data.error.code === 'unauthenticated') this.options.refused();
      }
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.retry(!refused);
    };
  }

  private retry(lost: boolean): void {
    if (!this.running) return;
    if (lost) this.options.lost();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), backoffDelay(this.attempt));
    this.attempt += 1;
  }
}

function parse(data: unknown): ServerMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const value = JSON.parse(data) as unknown;
    return typeof value === 'object' && value !== null && 'type' in value ? (value as ServerMessage) : null;
  } catch {
    return null;
  }
}
