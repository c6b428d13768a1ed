/**
 * A waiting-area screen of the site day: a WebSocket on `/api/events` that says it is a display
 * and counts the calls it is shown — first calls by ticket number, and recalls. When the hub
 * goes away it connects again (as the screen's page does), so calls made while it was away are
 * not seen: the kill test does not count them.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { eventsPath, type ServerMessage } from '../../../shared/hub-protocol.js';

export class DisplayClient {
  /** Ticket number → how many times it was shown as a first call. */
  readonly calls = new Map<string, number>();
  recalls = 0;
  private socket: WebSocket | null = null;
  private closed = false;

  private constructor(private readonly baseUrl: string) {}

  static async connect(baseUrl: string): Promise<DisplayClient> {
    const display = new DisplayClient(baseUrl);
    await display.open();
    return display;
  }

  get callsShown(): number {
    let n = 0;
    for (const count of this.calls.values()) n += count;
    return n;
  }

  private open(): Promise<void> {
    const url = new URL(eventsPath, this.baseUrl);
    url.protocol = 'ws:';
    const socket = new WebSocket(url);
    this.socket = socket;
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.once('open', () => socket.send(JSON.stringify({ type: 'display' })));
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as ServerMessage;
        if (message.type === 'ready') {
          socket.off('error', reject);
          socket.on('error', () => undefined);
          // Only a socket that was ready starts reconnecting when it closes; a failed attempt is
          // retried by the loop that made it, so attempts never multiply while the hub is away.
          socket.on('close', () => {
            if (!this.closed) void this.reconnect();
          });
          resolve();
        } else if (message.type === 'event' && message.event.type === 'ticket-called') {
          const call = message.event.call;
          if (call.recall) this.recalls += 1;
          else this.calls.set(call.number, (this.calls.get(call.number) ?? 0) + 1);
        } else if (message.type === 'error') {
          reject(new Error(`display refused: ${message.error.code}`));
        }
      });
      socket.once('close', () => reject(new Error('display socket closed before it was ready')));
    });
  }

  private async reconnect(): Promise<void> {
    while (!this.closed) {
      await sleep(100);
      try {
        await this.open();
        return;
      } catch {
        // Still away; try again.
      }
    }
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
  }
}
