import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { callNames } from '../../shared/contract/index.js';
import { errorText } from '../../shared/i18n/catalogue.js';
import { sampleInput } from '../fixtures/hub-fixtures.js';
import { LanSocket, lanAddress, lanCall, lanRequest, startLanWorld, type LanWorld } from '../fixtures/lan-door-fixtures.js';

/** What the display page loads, by the fake build's manifest: its script, the shared chunk and its CSS, the chime, the favicon. */
const displayFiles = ['/assets/display-BBB.js', '/assets/base-EEE.js', '/assets/base-EEE.css', '/chime.wav', '/favicon.svg', '/favicon.ico'];

/** Everything else of the build, and what the hub PC's own door serves besides. */
const notDisplayFiles = [
  '/index.html',
  '/assets/index-AAA.js',
  '/assets/index-AAA.css',
  '/assets/reports-page-CCC.js',
  '/assets/unlock-DDD.js',
  '/assets/print-logo-FFF.svg',
  '/unlock/index.html',
  '/display/index.html',
  '/.vite/manifest.json',
  '/api/openapi.json',
  '/desk/3',
  '/display',
  '/assets/',
  '/assets/../index.html',
  '/%2e%2e/index.html',
];

const otherCalls = callNames.filter((name) => name !== 'getDisplayState');

async function expectDisplayOnlyFiles(baseUrl: string): Promise<void> {
  const page = await lanRequest(baseUrl, '/');
  expect(page.status).toBe(200);
  expect(page.text).toContain('Waiting-area display');
  expect(page.headers['content-type']).toMatch(/^text\/html/);
  for (const file of displayFiles) expect([file, (await lanRequest(baseUrl, file)).status]).toEqual([file, 200]);
  for (const file of notDisplayFiles) {
    const answer = await lanRequest(baseUrl, file);
    expect([file, answer.status]).toEqual([file, 404]);
    expect(answer.json).toMatchObject({ error: { code: 'not-found' } });
    expect(answer.text).not.toContain('main app');
  }
}

async function expectDisplaySocket(baseUrl: string): Promise<void> {
  const display = await LanSocket.connect(baseUrl);
  display.send({ type: 'display' });
  expect(await display.next()).toEqual({ type: 'ready', audience: 'everyone' });
  display.close();
}

async function expectNoStaffSocket(w: LanWorld, baseUrl: string): Promise<void> {
  const socket = await LanSocket.connect(baseUrl);
  socket.send({ type: 'auth', token: w.t.manager.token });
  expect(await socket.next()).toEqual({ type: 'error', error: { code: 'forbidden', message: errorText.lanDisplayOnly } });
  expect((await socket.closed).code).toBe(4403);
}

describe('the display door (plain HTTP)', () => {
  it('listens on the address it was given, on its own port, and says where', async () => {
    const w = await startLanWorld();
    expect(w.displayUrl).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
    expect(w.desksUrl).toMatch(/^https:\/\/127\.0\.0\.2:\d+$/);
    const status = await w.t.site.call('getLanStatus', {}, w.t.manager.token);
    expect(status).toMatchObject({ enabled: true, desksAt: [w.desksUrl], displayAt: [w.displayUrl] });
  });

  it('serves the display page at / and the display entry’s own files, and 404s every other file of the app', async () => {
    const w = await startLanWorld();
    await expectDisplayOnlyFiles(w.displayUrl);
  });

  it('sends the strict CSP, letting the page open its own ws: socket only', async () => {
    const w = await startLanWorld();
    const port = new URL(w.displayUrl).port;
    const page = await lanRequest(w.displayUrl, '/');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain(`connect-src 'self' ws://${lanAddress}:${port}`);
    expect(csp).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('answers getDisplayState and no other call (404, as a call no hub has)', async () => {
    const w = await startLanWorld();
    const state = await lanCall(w.displayUrl, 'getDisplayState', {});
    expect(state.status).toBe(200);
    expect(state.json).toMatchObject({ result: { siteName: 'Liverpool One Stop Shop' } });
    for (const name of otherCalls) {
      const answer = await lanCall(w.displayUrl, name, sampleInput(name), { token: w.t.manager.token });
      expect([name, answer.status]).toEqual([name, 404]);
      expect(answer.json).toEqual({ error: { code: 'not-found', message: errorText.hubNoSuchCall } });
      // Nor does another method give away that the call exists.
      expect([name, (await lanRequest(w.displayUrl, `/api/${name}`)).status]).toEqual([name, 404]);
    }
  });

  it('accepts the display hello on its socket and refuses a staff hello', async () => {
    const w = await startLanWorld();
    await expectDisplaySocket(w.displayUrl);
    await expectNoStaffSocket(w, w.displayUrl);
  });

  it('pushes a call to the display socket', async () => {
    const w = await startLanWorld();
    const display = await LanSocket.connect(w.displayUrl);
    display.send({ type: 'display' });
    await display.next();
    const desks = await w.t.site.call('listDesks', {}, w.t.manager.token);
    const services = await w.t.site.call('listServices', {}, w.t.manager.token);
    await w.t.site.call('openDesk', { deskId: desks[0]!.id, serviceIds: [services[0]!.id] }, w.t.manager.token);
    const issued = await w.t.site.call(
      'issueTicket',
      {
        visitor: { name: 'Siân Jones', addressLines: ['1 Castle Street'], postcode: 'L2 9SH', noFixedAbode: false },
        serviceId: services[0]!.id,
        reason: 'Council tax bill',
        needs: { interpreter: false, language: null, hearing: false, mobility: false },
        priority: null,
        callByNumberOnly: false,
      },
      w.t.manager.token,
    );
    await w.t.site.call('callNext', { deskId: desks[0]!.id }, w.t.manager.token);
    for (;;) {
      const message = await display.next();
      if (message.type === 'event' && message.event.type === 'ticket-called') {
        expect(JSON.stringify(message)).toContain(issued.ticket.number);
        expect(JSON.stringify(message)).not.toContain('Siân');
        break;
      }
    }
    display.close();
  });

  it('answers only to its own names', async () => {
    const w = await startLanWorld();
    const foreign = await lanRequest(w.displayUrl, '/', { headers: { host: 'attacker.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.json).toEqual({ error: { code: 'forbidden', message: errorText.hubWrongHost } });
    const port = new URL(w.displayUrl).port;
    for (const name of [`${lanAddress}:${port}`, `${os.hostname()}:${port}`, `${os.hostname().toLowerCase()}.local:${port}`]) {
      expect([name, (await lanRequest(w.displayUrl, '/', { headers: { host: name } })).status]).toEqual([name, 200]);
    }
  });
});

describe('the LAN door (HTTPS) to a PC that is not a paired desk', () => {
  it('serves what the display door serves', async () => {
    const w = await startLanWorld();
    await expectDisplayOnlyFiles(w.desksUrl);
    await expectDisplaySocket(w.desksUrl);
    await expectNoStaffSocket(w, w.desksUrl);
    expect((await lanCall(w.desksUrl, 'getDisplayState', {})).status).toBe(200);
  });

  it('also answers getHubInfo and pairDevice', async () => {
    const w = await startLanWorld();
    const info = await lanCall(w.desksUrl, 'getHubInfo', {});
    expect(info.status).toBe(200);
    const fingerprint = (info.json as { result: { fingerprint: string } }).result.fingerprint;
    expect(fingerprint).toBe(info.fingerprint);
    // A wrong code reaches the core, which refuses it.
    const pair = await lanCall(w.desksUrl, 'pairDevice', sampleInput('pairDevice'));
    expect(pair.status).toBe(401);
    expect(pair.json).toMatchObject({ error: { code: 'unauthenticated', message: errorText.pairingCodeRefused } });
  });

  it('refuses every other call with 403, even with a valid session, before the core sees it', async () => {
    const w = await startLanWorld();
    const open = new Set(['getDisplayState', 'getHubInfo', 'pairDevice']);
    for (const name of callNames.filter((each) => !open.has(each))) {
      const answer = await lanCall(w.desksUrl, name, sampleInput(name), { token: w.t.manager.token, desk: { version: null } });
      expect([name, answer.status]).toEqual([name, 403]);
      expect(answer.json).toEqual({ error: { code: 'forbidden', message: errorText.lanDisplayOnly } });
    }
  });

  it('limits pairing attempts per address', async () => {
    const w = await startLanWorld({ signInLimit: { max: 3, timeWindowMs: 60_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await lanCall(w.desksUrl, 'pairDevice', sampleInput('pairDevice'))).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
