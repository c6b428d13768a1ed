import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type CallName } from '../../shared/contract/index.js';
import type { Role } from '../../shared/domain/staff.js';
import { httpStatusByCode, isDeskError } from '../../shared/errors.js';
import { staffSession } from '../fixtures/temp-site.js';
import { looksLikeStackTrace, postCall, request, startTestHub, type HttpAnswer, type HubWorld } from '../fixtures/hub-fixtures.js';

/** A visitor's name in the URL: whatever the hub answers must not quote it back. */
const marker = 'SeanOBrien';
const malformedPaths = [
  `/api/${marker.padEnd(101, 'x')}`, // one past fastify's 100-character parameter limit
  `/api/${marker}%zz`, // a bad %-escape
  `/api/${marker}%E0%A4%A`, // a cut-off UTF-8 escape
  `/${marker}%`,
  `/api/events%zz${marker}`,
];

/** A POST carries `{}`; a GET nothing (Node's client sends a GET body unframed). */
function bodyFor(method: string): { headers: Record<string, string>; body: { body?: string } } {
  return method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: { body: '{}' } } : { headers: {}, body: {} };
}

function expectDeskError(answer: HttpAnswer, code: string): void {
  expect(answer.json, answer.text).toMatchObject({ error: { code } });
  const error = (answer.json as { error: unknown }).error;
  expect(isDeskError(error)).toBe(true);
  expect(answer.status).toBe(httpStatusByCode[(error as { code: keyof typeof httpStatusByCode }).code]);
  expect(looksLikeStackTrace(answer.text)).toBe(false);
}

function expectSecurityHeaders(answer: HttpAnswer): void {
  expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.headers['x-frame-options']).toBe('DENY');
  expect(answer.headers['referrer-policy']).toBe('no-referrer');
  expect(answer.headers['x-powered-by']).toBeUndefined();
}

function connectSrc(answer: HttpAnswer): string[] {
  const csp = String(answer.headers['content-security-policy'] ?? '');
  const directive = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('connect-src '));
  return (directive ?? '').split(/\s+/).slice(1);
}

describe('malformed URLs', () => {
  let w: HubWorld;
  beforeAll(async () => {
    w = await startTestHub();
  });
  afterAll(() => w?.close());

  it('are refused with 403 when addressed to a foreign Host, like any other request', async () => {
    for (const path of malformedPaths) {
      for (const method of ['GET', 'POST']) {
        const answer = await request(w.url, path, { method, headers: { host: 'rebind.attacker.example', ...bodyFor(method).headers }, ...bodyFor(method).body });
        expectDeskError(answer, 'forbidden');
        expect(answer.text).not.toContain(marker);
      }
    }
  });

  it('get a typed { error } with the security headers, and never the URL back', async () => {
    for (const path of malformedPaths) {
      for (const method of ['GET', 'POST']) {
        const answer = await request(w.url, path, { method, headers: bodyFor(method).headers, ...bodyFor(method).body });
        // Unreadable (400), or nothing there when no route would decode it (404): ours either way.
        const code = (answer.json as { error?: { code?: string } } | undefined)?.error?.code;
        expect(['invalid-input', 'not-found'], `${method} ${path}: ${answer.text}`).toContain(code);
        expectDeskError(answer, code ?? 'invalid-input');
        expectSecurityHeaders(answer);
        expect(answer.headers['cache-control']).toBe('no-store');
        expect(answer.text).not.toContain(marker);
        expect(answer.text).not.toContain('%');
      }
    }
  });

  it('are refused before a WebSocket upgrade too', async () => {
    const url = new URL(`/api/events%zz${marker}`, w.url);
    url.protocol = 'ws:';
    const status = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.on('error', () => undefined);
      socket.once('open', () => reject(new Error('upgraded')));
      socket.once('unexpected-response', (_request, response) => {
        resolve(response.statusCode ?? 0);
        socket.terminate();
      });
    });
    expect(status).toBe(400);
  });
});

describe('the order of answers for a call that needs a session', () => {
  let w: HubWorld;
  const tokens = {} as Record<Role, string>;
  const staffCalls = (Object.keys(contract) as CallName[]).filter((name) => contract[name].access !== 'public');

  beforeAll(async () => {
    w = await startTestHub();
    tokens.manager = w.t.manager.token;
    tokens.receptionist = (await staffSession(w.t, 'Rita Reception', 'receptionist')).token;
    tokens.advisor = (await staffSession(w.t, 'Adam Advisor', 'advisor')).token;
  });
  afterAll(() => w?.close());

  it('answers {} without a token with 401 for every call that is not public, before looking at the input', async () => {
    expect(staffCalls.length).toBeGreaterThan(10);
    for (const name of staffCalls) {
      const answer = await postCall(w.url, name, {});
      expect(answer.status, `${name}: ${answer.text}`).toBe(401);
      expectDeskError(answer, 'unauthenticated');
      expect((answer.json as { error: { issues?: unknown } }).error.issues, name).toBeUndefined();
    }
  });

  it('answers {} from a role that may not make the call with 403, before looking at the input', async () => {
    let checked = 0;
    for (const name of staffCalls) {
      const access = contract[name].access as readonly Role[];
      for (const role of ['receptionist', 'advisor'] as const) {
        if (access.includes(role)) continue;
        expectDeskError(await postCall(w.url, name, {}, { token: tokens[role] }), 'forbidden');
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('still answers a bad input with 400 once the caller may make the call, and for public calls', async () => {
    expectDeskError(await postCall(w.url, 'issueTicket', {}, { token: tokens.receptionist }), 'invalid-input');
    expectDeskError(await postCall(w.url, 'signIn', {}), 'invalid-input');
  });

  it('may answer a body over the cap with 413 before anything else', async () => {
    const body = JSON.stringify({ padding: 'x'.repeat(1024 * 1024) });
    expectDeskError(await postCall(w.url, 'issueTicket', undefined, { rawBody: body }), 'too-large');
  });
});

describe('the content security policy', () => {
  let w: HubWorld;
  beforeAll(async () => {
    w = await startTestHub();
  });
  afterAll(() => w?.close());

  it('lets a page connect only to the hub it came from, by the name it used, never any ws:', async () => {
    const port = w.hub.port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const answer = await request(w.url, '/api/openapi.json', { headers: { host } });
      expect(answer.status).toBe(200);
      expect(connectSrc(answer)).toEqual(["'self'", `ws://${host}`]);
    }
    const refused = await request(w.url, '/api/openapi.json', { headers: { host: 'rebind.attacker.example' } });
    expect(refused.status).toBe(403);
    expect(connectSrc(refused)).toEqual(["'self'"]);
    for (const answer of [refused, await request(w.url, '/')]) {
      expect(connectSrc(answer)).not.toContain('ws:');
      expect(connectSrc(answer)).not.toContain('wss:');
    }
  });
});
