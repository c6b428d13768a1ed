import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCodes, defaultFloodLimit } from '../../electron/hub/index.js';
import type { Site } from '../../electron/core/site.js';
import { eventsPath, type ServerMessage } from '../../shared/hub-protocol.js';
import { staffSession } from '../fixtures/temp-site.js';
import { callOk, displayClient, postCall, staffClient, startTestHub, type HubWorld } from '../fixtures/hub-fixtures.js';

type Upgrade = { opened: WebSocket } | { status: number; body: string };

/** Opens `/api/events` with the given headers; a refused upgrade resolves with its HTTP answer. */
function upgrade(baseUrl: string, headers: Record<string, string>, path = eventsPath): Promise<Upgrade> {
  const url = new URL(path, baseUrl);
  url.protocol = 'ws:';
  const socket = new WebSocket(url, { headers });
  socket.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ opened: socket }));
    socket.once('unexpected-response', (_request, response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        socket.terminate();
      });
    });
    socket.once('close', () => reject(new Error('closed before an answer')));
  });
}

function nextMessage(socket: WebSocket): Promise<ServerMessage> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)) as ServerMessage)));
}

/** Resolves once `site.sessionAlive` has answered `count` more times, with what it answered. */
function sessionChecks(site: Site, count: number): Promise<boolean[]> {
  const real = site.sessionAlive.bind(site);
  const answers: boolean[] = [];
  return new Promise((resolve) => {
    site.sessionAlive = (token: string) => {
      const alive = real(token);
      answers.push(alive);
      if (answers.length === count) {
        site.sessionAlive = real;
        resolve(answers);
      }
      return alive;
    };
  });
}

describe('who may open /api/events', () => {
  let w: HubWorld;
  beforeAll(async () => {
    w = await startTestHub();
  });
  afterAll(() => w?.close());

  it('refuses an upgrade from a page on another origin with 403, before upgrading', async () => {
    const port = w.hub.port;
    for (const origin of ['http://evil.example', `http://evil.example:${port}`, `http://localhost:${port + 1}`, `https://127.0.0.1:${port}`, 'null', 'file://']) {
      const answer = await upgrade(w.url, { origin });
      expect('status' in answer, origin).toBe(true);
      if (!('status' in answer)) continue;
      expect(answer.status, origin).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'forbidden' } });
    }
  });

  it('lets the hub’s own pages connect, by any of its names, and clients that send no Origin', async () => {
    const port = w.hub.port;
    const allowed: Array<Record<string, string>> = [{ origin: `http://127.0.0.1:${port}` }, { origin: `http://localhost:${port}` }, {}];
    for (const headers of allowed) {
      const answer = await upgrade(w.url, headers);
      expect('opened' in answer, JSON.stringify(headers)).toBe(true);
      if (!('opened' in answer)) continue;
      const ready = nextMessage(answer.opened);
      answer.opened.send(JSON.stringify({ type: 'display' }));
      expect(await ready).toEqual({ type: 'ready', audience: 'everyone' });
      answer.opened.close();
    }
  });

  it('refuses an upgrade addressed to a foreign Host, whatever its Origin', async () => {
    const answer = await upgrade(w.url, { host: 'rebind.attacker.example', origin: 'http://rebind.attacker.example' });
    expect(answer).toMatchObject({ status: 403 });
  });
});

describe('a socket that floods', () => {
  it('is closed with 1008 without a session check per message, and the hub answers calls meanwhile', async () => {
    const w = await startTestHub();
    try {
      const site = w.t.site;
      const realCall = site.call.bind(site);
      const sessionCalls: string[] = [];
      site.call = ((name: Parameters<typeof realCall>[0], input: unknown, token: string | null) => {
        if (name === 'getSession') sessionCalls.push(name);
        return realCall(name, input, token);
      }) as typeof site.call;

      const staff = await staffClient(w.url, w.t.manager.token);
      const display = await displayClient(w.url);
      for (let i = 0; i < 5_000; i++) {
        staff.send({});
        display.send({});
      }
      const during = postCall(w.url, 'getDisplayState', {});
      expect(await staff.next()).toMatchObject({ type: 'error', error: { code: 'rate-limited' } });
      expect((await staff.closed).code).toBe(closeCodes.policyViolation);
      expect((await display.closed).code).toBe(closeCodes.policyViolation);
      expect((await during).status).toBe(200);
      // The hello's one check, not one per message.
      expect(sessionCalls.length).toBeLessThanOrEqual(1);
      expect((await postCall(w.url, 'getSession', {}, { token: w.t.manager.token })).status).toBe(200);
    } finally {
      await w.close();
    }
  });

  it('is told apart from a socket that says a few words after its hello, which stays open', async () => {
    const w = await startTestHub();
    try {
      const staff = await staffClient(w.url, w.t.manager.token);
      for (let i = 1; i < defaultFloodLimit.max; i++) staff.send({ type: 'ping' });
      // An event still arrives after the pings: the socket was not closed for them.
      await callOk(w.url, 'updateSettings', { priorityHeadStartMinutes: 20 }, w.t.manager.token);
      expect(await staff.next()).toMatchObject({ type: 'event', event: { type: 'settings-changed' } });
      staff.close();
    } finally {
      await w.close();
    }
  });
});

describe('a staff socket whose session ends', () => {
  let w: HubWorld;
  beforeAll(async () => {
    w = await startTestHub({ eventsSocket: { sessionCheckMs: 10 } });
  });
  afterAll(() => w?.close());

  it('is closed (4401) at sign-out without having to speak, and other staff sockets stay open', async () => {
    const leaving = await staffSession(w.t, 'Lee Leaving', 'advisor');
    const staying = await staffSession(w.t, 'Sue Staying', 'advisor');
    const leavingSocket = await staffClient(w.url, leaving.token);
    const stayingSocket = await staffClient(w.url, staying.token);
    const display = await displayClient(w.url);
    try {
      await callOk(w.url, 'signOut', {}, leaving.token);
      expect(await leavingSocket.next()).toMatchObject({ type: 'error', error: { code: 'unauthenticated' } });
      expect((await leavingSocket.closed).code).toBe(closeCodes.unauthenticated);

      await callOk(w.url, 'updateSettings', { priorityHeadStartMinutes: 25 }, w.t.manager.token);
      expect(await stayingSocket.next()).toMatchObject({ type: 'event', event: { type: 'settings-changed' } });
      await callOk(w.url, 'getDisplayState', {}, null);
      expect(display.pending()).toEqual([]);
    } finally {
      stayingSocket.close();
      display.close();
    }
  });

  it('is closed (4401) when a manager deactivates its member of staff', async () => {
    const member = await staffSession(w.t, 'Dee Deactivated', 'receptionist');
    const socket = await staffClient(w.url, member.token);
    await callOk(w.url, 'updateStaff', { staffId: member.staff.id, active: false }, w.t.manager.token);
    expect(await socket.next()).toMatchObject({ type: 'error', error: { code: 'unauthenticated' } });
    expect((await socket.closed).code).toBe(closeCodes.unauthenticated);
  });

  it('is closed (4401) on another PC when its member of staff changes their PIN, and stays open where they changed it', async () => {
    const here = await staffSession(w.t, 'Pat Pinchange', 'receptionist');
    const elsewhere = await callOk<{ token: string }>(w.url, 'signIn', { staffId: here.staff.id, pin: '1357' }, null);
    const hereSocket = await staffClient(w.url, here.token);
    const elsewhereSocket = await staffClient(w.url, elsewhere.token);
    try {
      await callOk(w.url, 'changeOwnPin', { currentPin: '1357', newPin: '97531' }, here.token);
      expect(await elsewhereSocket.next()).toMatchObject({ type: 'error', error: { code: 'unauthenticated' } });
      expect((await elsewhereSocket.closed).code).toBe(closeCodes.unauthenticated);
      await callOk(w.url, 'updateSettings', { priorityHeadStartMinutes: 20 }, w.t.manager.token);
      expect(await hereSocket.next()).toMatchObject({ type: 'event', event: { type: 'settings-changed' } });
    } finally {
      hereSocket.close();
    }
  });

  it('is closed (4401) when a manager resets its member of staff’s PIN', async () => {
    const member = await staffSession(w.t, 'Rory Reset', 'advisor');
    const socket = await staffClient(w.url, member.token);
    await callOk(w.url, 'setStaffPin', { staffId: member.staff.id, pin: '8642', managerPin: '2468' }, w.t.manager.token);
    expect(await socket.next()).toMatchObject({ type: 'error', error: { code: 'unauthenticated' } });
    expect((await socket.closed).code).toBe(closeCodes.unauthenticated);
  });

  it('is closed (4401) once its session idles out, and looking does not keep the session alive', async () => {
    const local = await startTestHub({ eventsSocket: { sessionCheckMs: 10 } });
    try {
      const idleMs = (await local.t.site.call('getSettings', {}, local.t.manager.token)).sessionIdleMinutes * 60_000;
      const member = await staffSession(local.t, 'Ida Idle', 'advisor');
      const socket = await staffClient(local.url, member.token);
      let closed = false;
      void socket.closed.then(() => (closed = true));

      // A minute before the idle limit: the checks find the session alive and leave the socket open.
      local.t.clock.advance(idleMs - 60_000);
      expect(await sessionChecks(local.t.site, 3)).toEqual([true, true, true]);
      expect(closed).toBe(false);

      // Two minutes on, the session has idled out since sign-in, however often the socket looked.
      local.t.clock.advance(2 * 60_000);
      const outcome = await Promise.race([
        socket.closed.then(({ code }) => ({ closedWith: code })),
        sessionChecks(local.t.site, 50).then((answers) => ({ stillOpenAfter: answers })),
      ]);
      expect(outcome).toEqual({ closedWith: closeCodes.unauthenticated });
      expect(socket.pending()).toEqual([expect.objectContaining({ type: 'error', error: expect.objectContaining({ code: 'unauthenticated' }) })]);
      expect((await postCall(local.url, 'getSession', {}, { token: member.token })).status).toBe(401);
    } finally {
      await local.close();
    }
  });
});
