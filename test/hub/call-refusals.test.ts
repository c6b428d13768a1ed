import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames } from '../../shared/contract/index.js';
import { isDeskError } from '../../shared/errors.js';
import { looksLikeStackTrace, postCall, request, sampleInput, startTestHub, type HttpAnswer, type HubWorld } from '../fixtures/hub-fixtures.js';

function expectRefusal(answer: HttpAnswer, status: number, code: string): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.json, answer.text).toMatchObject({ error: { code } });
  expect(isDeskError((answer.json as { error: unknown }).error)).toBe(true);
  expect(looksLikeStackTrace(answer.text)).toBe(false);
}

describe('the refusals of issue 8, item 5', () => {
  let w: HubWorld;
  beforeAll(async () => {
    w = await startTestHub();
  });
  afterAll(() => w?.close());

  describe('a JSON null body', () => {
    it('is invalid input, for calls with and without input, public or not', async () => {
      for (const [name, token] of [
        ['getSetupState', null],
        ['signIn', null],
        ['getSession', w.t.manager.token],
        ['issueTicket', w.t.manager.token],
      ] as const) {
        const answer = await postCall(w.url, name, null, { token });
        expectRefusal(answer, 400, 'invalid-input');
        expect((answer.json as { error: { issues: Array<{ path: unknown[] }> } }).error.issues.map((issue) => issue.path), name).toEqual([[]]);
      }
    });

    it('is invalid input through the core itself, so both doors agree', async () => {
      await expect(w.t.site.call('getSetupState', null, null)).rejects.toMatchObject({ code: 'invalid-input' });
      await expect(w.t.site.call('getSession', null, w.t.manager.token)).rejects.toMatchObject({ code: 'invalid-input' });
    });

    it('is not confused with no body at all, which is still a call without input', async () => {
      expect((await postCall(w.url, 'getSetupState', undefined)).status).toBe(200);
      expect((await postCall(w.url, 'getSetupState', undefined, { contentType: null })).status).toBe(200);
      expect((await postCall(w.url, 'getSetupState', {})).status).toBe(200);
      await expect(w.t.site.call('getSetupState', undefined, null)).resolves.toMatchObject({ needsSetup: false });
    });
  });

  it('refuses a day that is not on the calendar, and only that', async () => {
    const history = (from: string, to: string) => postCall(w.url, 'getHistory', { from, to, groupBy: 'day' }, { token: w.t.manager.token });
    const refused = await history('2026-02-31', '2026-03-01');
    expectRefusal(refused, 400, 'invalid-input');
    expect((refused.json as { error: { issues: Array<{ path: unknown[] }> } }).error.issues.map((issue) => issue.path)).toEqual([['from']]);
    expectRefusal(await history('2026-02-01', '2026-02-29'), 400, 'invalid-input');
    expect((await history('2026-02-01', '2026-02-28')).status).toBe(200);
    expect((await history('2028-02-01', '2028-02-29')).status).toBe(200);
  });

  describe('a method other than POST on a call', () => {
    const methods = ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

    it('gets 405 naming POST, with the usual { error }, for every call', async () => {
      for (const name of callNames) {
        for (const method of methods) {
          const answer = await request(w.url, `/api/${name}`, { method });
          expect(answer.status, `${method} ${name}`).toBe(405);
          expect(answer.headers.allow, `${method} ${name}`).toBe('POST');
          if (method === 'HEAD') continue; // no body, by definition
          expect(answer.json, `${method} ${name}`).toMatchObject({ error: { code: 'invalid-input' } });
          expect(isDeskError((answer.json as { error: unknown }).error)).toBe(true);
        }
      }
    });

    it('keeps the security headers and no-store, and is refused before its body is read (a body over the cap is not a 413)', async () => {
      const answer = await request(w.url, '/api/issueTicket', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${w.t.manager.token}` },
        body: JSON.stringify(sampleInput('issueTicket')).padEnd(256 * 1024, ' '),
      });
      expect(answer.status).toBe(405);
      expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['cache-control']).toBe('no-store');
      const queue = await postCall(w.url, 'getQueue', {}, { token: w.t.manager.token });
      expect(queue.json).toEqual({ result: [] });
    });

    it('still meets the Host check first', async () => {
      const answer = await request(w.url, '/api/getSetupState', { method: 'GET', headers: { host: 'rebind.attacker.example' } });
      expectRefusal(answer, 403, 'forbidden');
      expect(answer.headers.allow).toBeUndefined();
    });

    it('is a 404 as before on a path that is not a call', async () => {
      expectRefusal(await request(w.url, '/api/dropAllTables', { method: 'GET' }), 404, 'not-found');
      expectRefusal(await request(w.url, '/api/dropAllTables', { method: 'DELETE' }), 404, 'not-found');
      expect((await request(w.url, '/api/openapi.json')).status).toBe(200);
    });
  });
});
