import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubClient } from '../../../renderer/api/hub-client.js';
import type { ClientHooks } from '../../../renderer/api/desk-client.js';
import type { Service } from '../../../shared/domain/site.js';
import { openAllHours } from '../../fixtures/queue-fixtures.js';
import { callOk, sampleInput, startTestHub, type HubWorld } from '../../fixtures/hub-fixtures.js';

/**
 * Between the client and the real hub: passes every request on, but for the next `drop`
 * requests cuts the client's connection once the hub has answered — the answer is lost after
 * the hub applied the call, as when a network drops at the wrong moment. Records each request's
 * idempotency key.
 */
async function lossyProxy(hubUrl: string): Promise<{ url: string; drop: number; keys: Array<string | undefined>; close(): Promise<void> }> {
  const target = new URL(hubUrl);
  const state = {
    url: '',
    drop: 0,
    keys: [] as Array<string | undefined>,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((request, response) => {
    state.keys.push(request.headers['idempotency-key'] as string | undefined);
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: request.url, method: request.method, headers: { ...request.headers, host: target.host } },
      (answer) => {
        if (state.drop > 0) {
          state.drop -= 1;
          answer.resume();
          answer.on('end', () => request.socket.destroy());
          return;
        }
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    request.pipe(upstream);
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return state;
}

describe('the browser client', () => {
  let w: HubWorld;
  let proxy: Awaited<ReturnType<typeof lossyProxy>>;
  beforeAll(async () => {
    // The proxy's requests carry the hub's own Host, so the hub's Host check passes them.
    w = await startTestHub();
    await openAllHours(w.t);
    proxy = await lossyProxy(w.url);
  });
  afterAll(async () => {
    await proxy?.close();
    await w?.close();
  });

  it('retries an action whose answer was lost with the same key: applied once, answered as the first time', async () => {
    const reachable: boolean[] = [];
    const hooks: ClientHooks = {
      getToken: () => w.t.manager.token,
      sessionRejected: () => undefined,
      reachable: (up) => reachable.push(up),
      streamReady: () => undefined,
    };
    const client = createHubClient(hooks, new URL(proxy.url));
    const services = await callOk<Service[]>(w.url, 'listServices', {}, w.t.manager.token);
    const input = { ...(sampleInput('issueTicket') as object), serviceId: services[0]!.id } as Parameters<typeof client.issueTicket>[0];
    const visits = () => (w.t.site.database.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n;
    const before = visits();

    proxy.keys.length = 0;
    proxy.drop = 2;
    const issued = await client.issueTicket(input);
    expect(visits()).toBe(before + 1);
    expect(issued.position).toBe(1);
    // Three tries, one key; no banner for a blip the retries covered.
    expect(proxy.keys).toHaveLength(3);
    expect(new Set(proxy.keys).size).toBe(1);
    expect(proxy.keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(reachable).not.toContain(false);
    const firstKey = proxy.keys[0];

    // The next action is a new one, with a new key; a read carries none.
    proxy.keys.length = 0;
    await client.issueTicket(input);
    await client.getQueue({});
    expect(visits()).toBe(before + 2);
    expect(proxy.keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(proxy.keys[0]).not.toBe(firstKey);
    expect(proxy.keys[1]).toBeUndefined();
  });
});
