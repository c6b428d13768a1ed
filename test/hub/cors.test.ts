import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, startTestHub, type HubWorld } from '../fixtures/hub-fixtures.js';

/**
 * CORS stays off (docs/security.md): a page on another site may send a request (a browser
 * cannot be stopped from sending), but is never allowed to read the answer, and a preflight
 * gets no permission.
 */
let world: HubWorld;
beforeAll(async () => {
  world = await startTestHub();
});
afterAll(() => world.close());

const corsHeaders = (headers: Record<string, unknown>): string[] => Object.keys(headers).filter((name) => name.startsWith('access-control-'));

describe('the hub and other sites’ pages', () => {
  it('answers a call from another origin with no Access-Control header', async () => {
    const answer = await request(world.url, '/api/getSetupState', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(corsHeaders(answer.headers)).toEqual([]);
  });

  it('grants a preflight nothing: no allowed origin, method or header', async () => {
    const answer = await request(world.url, '/api/signIn', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(corsHeaders(answer.headers)).toEqual([]);
    expect(answer.status).toBeGreaterThanOrEqual(400);
  });
});
