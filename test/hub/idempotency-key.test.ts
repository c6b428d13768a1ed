import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../shared/domain/site.js';
import { openAllHours } from '../fixtures/queue-fixtures.js';
import { callOk, postCall, sampleInput, startTestHub, type HubWorld } from '../fixtures/hub-fixtures.js';

const visits = (w: HubWorld) => (w.t.site.database.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n;

describe('the Idempotency-Key header', () => {
  let w: HubWorld;
  let input: object;
  beforeAll(async () => {
    w = await startTestHub();
    await openAllHours(w.t);
    const services = await callOk<Service[]>(w.url, 'listServices', {}, w.t.manager.token);
    input = { ...(sampleInput('issueTicket') as object), serviceId: services[0]!.id };
  });
  afterAll(async () => {
    await w?.close();
  });

  it('gives a retried call the first answer, byte for byte, and applies it once', async () => {
    const key = '0b7f3c1e-9a52-4d0b-8f7e-6c1d2a3b4c5d';
    const before = visits(w);
    const first = await postCall(w.url, 'issueTicket', input, { token: w.t.manager.token, idempotencyKey: key });
    const retry = await postCall(w.url, 'issueTicket', input, { token: w.t.manager.token, idempotencyKey: key });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.text).toBe(first.text);
    expect(visits(w)).toBe(before + 1);
  });

  it('refuses a malformed key, or two keys (a header sent twice arrives joined), with invalid-input and nothing saved', async () => {
    const before = visits(w);
    for (const key of ['too-short', 'not allowed: spaces and colons 1234', `${'a'.repeat(20)}, ${'b'.repeat(20)}`]) {
      const answer = await postCall(w.url, 'issueTicket', input, { token: w.t.manager.token, idempotencyKey: key });
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({ error: { code: 'invalid-input', issues: [{ path: ['idempotencyKey'] }] } });
    }
    expect(visits(w)).toBe(before);
  });

  it('refuses a key reused for another call with 409', async () => {
    const key = '5e1d2c3b-4a59-4687-9a8b-7c6d5e4f3a2b';
    const issued = await postCall(w.url, 'issueTicket', input, { token: w.t.manager.token, idempotencyKey: key });
    const visitId = (issued.json as { result: { ticket: { visitId: number } } }).result.ticket.visitId;
    const reused = await postCall(w.url, 'cancelTicket', { visitId }, { token: w.t.manager.token, idempotencyKey: key });
    expect(reused.status).toBe(409);
    expect(reused.json).toMatchObject({ error: { code: 'conflict' } });
    expect(w.t.site.database.prepare('SELECT status FROM visits WHERE id = ?').get(visitId)).toEqual({ status: 'waiting' });
  });

  it('is described in the API description for changing calls only', async () => {
    const api = (await fetch(`${w.url}/api/openapi.json`).then((r) => r.json())) as {
      paths: Record<string, { post: { parameters?: Array<{ $ref: string }> } }>;
      components: { parameters: Record<string, { name: string; in: string }> };
    };
    expect(api.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header' });
    const key = { $ref: '#/components/parameters/IdempotencyKey' };
    const parameters = (name: string) => api.paths[`/api/${name}`]!.post.parameters ?? [];
    expect(parameters('issueTicket')).toContainEqual(key);
    expect(parameters('callNext')).toContainEqual(key);
    expect(parameters('getQueue')).not.toContainEqual(key);
    expect(parameters('signIn')).not.toContainEqual(key);
  });
});
