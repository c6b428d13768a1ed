/**
 * From a desk's call to the waiting-area screen, through the real hub on loopback: the time from
 * sending `callNext` over HTTP to a display's WebSocket receiving the matching `ticket-called`,
 * with one display connected, and the slowest of 20 connected displays. Part of `npm run bench`.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { ManualClock } from '../../electron/core/clock.js';
import type { Site } from '../../electron/core/site.js';
import { startHub } from '../../electron/hub/index.js';
import type { TicketView } from '../../shared/domain/visit.js';
import { eventsPath, type ServerMessage } from '../../shared/hub-protocol.js';
import { issueInput } from '../fixtures/queue-fixtures.js';

/** A waiting-area screen: a display socket that notes when each `ticket-called` arrives. */
class Display {
  private waiter: ((call: { number: string; at: number }) => void) | null = null;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const at = performance.now();
      // Parsed as the screen would, so its cost is in the figure.
      const message = JSON.parse(String(data)) as ServerMessage;
      if (message.type === 'event' && message.event.type === 'ticket-called' && this.waiter !== null) {
        const resolve = this.waiter;
        this.waiter = null;
        resolve({ number: message.event.call.number, at });
      }
    });
  }

  static connect(baseUrl: string): Promise<Display> {
    const url = new URL(eventsPath, baseUrl);
    url.protocol = 'ws:';
    const socket = new WebSocket(url);
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.once('open', () => socket.send(JSON.stringify({ type: 'display' })));
      socket.once('message', (data) => {
        const ready = JSON.parse(String(data)) as ServerMessage;
        if (ready.type === 'ready' && ready.audience === 'everyone') resolve(new Display(socket));
        else reject(new Error(`display not ready: ${String(data)}`));
      });
    });
  }

  /** The next ticket-called to arrive, and when. Set before the call is sent. */
  nextCall(): Promise<{ number: string; at: number }> {
    return new Promise((resolve) => (this.waiter = resolve));
  }

  close(): void {
    this.socket.close();
  }
}

/** `POST /api/callNext` as the browser client makes it, on a kept-alive connection. */
function callNext(agent: http.Agent, baseUrl: string, token: string, deskId: number): Promise<TicketView> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL('/api/callNext', baseUrl),
      { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { result?: TicketView | null; error?: unknown };
          if (res.statusCode !== 200 || body.result === undefined || body.result === null) reject(new Error(`callNext: ${JSON.stringify(body)}`));
          else resolve(body.result);
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ deskId }));
  });
}

export interface CallToDisplay {
  /** Per measured call, the latency to the one display (ms). */
  oneDisplayMs: number[];
  /** Per measured call, the slowest of the 20 displays (ms). */
  slowestOf20Ms: number[];
}

/**
 * Runs on an open site: adds a service of its own (letter X) and a desk serving only it, so
 * nothing else in the store is called; per round, issues the tickets first, connects the
 * displays, then calls them one by one (each no-show once it has arrived, unmeasured), after a
 * few unmeasured calls to warm up.
 */
export async function measureCallToDisplay(
  site: Site,
  clock: ManualClock,
  managerToken: string,
  options: { calls: number; warmUp: number },
): Promise<CallToDisplay> {
  const service = site.callSync('createService', { name: 'Bench display', letter: 'X', targetWaitMinutes: 15 }, managerToken);
  const desk = site.callSync('createDesk', { name: 'Bench display desk' }, managerToken);
  const member = await site.call('createStaff', { name: 'Bench Display Advisor', role: 'advisor', pin: '1357', managerPin: '2468' }, managerToken);
  const advisor = await site.call('signIn', { staffId: member.id, pin: '1357' }, null);
  site.callSync('openDesk', { deskId: desk.id, serviceIds: [service.id] }, advisor.token);
  const input = issueInput(service.id, { name: 'Bench Display Visitor' });

  const hub = await startHub({ site, host: '127.0.0.1', port: 0 });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const round = async (displayCount: number): Promise<number[]> => {
      for (let i = 0; i < options.warmUp + options.calls; i += 1) {
        clock.advance(1_000);
        site.callSync('issueTicket', input, managerToken);
      }
      const displays = await Promise.all(Array.from({ length: displayCount }, () => Display.connect(hub.url)));
      const slowest: number[] = [];
      try {
        for (let i = 0; i < options.warmUp + options.calls; i += 1) {
          const arrivals = displays.map((d) => d.nextCall());
          const sent = performance.now();
          const called = await callNext(agent, hub.url, advisor.token, desk.id);
          const received = await Promise.all(arrivals);
          const wrong = received.find((r) => r.number !== called.number);
          if (wrong !== undefined) throw new Error(`display received ${wrong.number}, desk called ${called.number}`);
          if (i >= options.warmUp) slowest.push(Math.max(...received.map((r) => r.at - sent)));
          site.callSync('markNoShow', { visitId: called.visitId }, advisor.token);
        }
      } finally {
        for (const display of displays) display.close();
      }
      return slowest;
    };
    const oneDisplayMs = await round(1);
    const slowestOf20Ms = await round(20);
    return { oneDisplayMs, slowestOf20Ms };
  } finally {
    agent.destroy();
    await hub.close();
  }
}
