import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, contract } from '../../shared/contract/index.js';
import { openApiPath } from '../../shared/hub-protocol.js';
import { request, startTestHub, type HubWorld } from '../fixtures/hub-fixtures.js';

interface Operation {
  operationId: string;
  summary: string;
  security: unknown[];
  'x-roles': string[];
  requestBody: { content: { 'application/json': { schema: { type?: string; properties?: Record<string, unknown>; $schema?: string } } } };
  responses: Record<string, unknown>;
}

describe('GET /api/openapi.json', () => {
  let w: HubWorld;
  let doc: { openapi: string; paths: Record<string, { post?: Operation }>; components: { securitySchemes: Record<string, unknown> } };

  beforeAll(async () => {
    w = await startTestHub();
    const answer = await request(w.url, openApiPath);
    expect(answer.status).toBe(200);
    doc = answer.json as typeof doc;
  });
  afterAll(() => w?.close());

  it('is OpenAPI 3.1 and needs no sign-in', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('lists every contract call as POST /api/<call>, and nothing else', () => {
    const listed = Object.entries(doc.paths)
      .filter(([, item]) => item.post !== undefined)
      .map(([path]) => path);
    expect(listed.sort()).toEqual(callNames.map((name) => `/api/${name}`).sort());
  });

  it('describes each call’s input, summary, roles and bearer security from the contract', () => {
    for (const name of callNames) {
      const spec = contract[name];
      const op = doc.paths[`/api/${name}`]!.post!;
      expect(op.operationId).toBe(name);
      expect(op.summary).toBe(spec.summary);
      expect(op.requestBody.content['application/json'].schema.type).toBe('object');
      expect(op.requestBody.content['application/json'].schema.$schema).toBeUndefined();
      expect(op.responses['200']).toBeDefined();
      expect(op.responses['401']).toBeDefined();
      if (spec.access === 'public') {
        expect(op.security).toEqual([]);
        expect(op['x-roles']).toEqual([]);
      } else {
        expect(op.security).toEqual([{ bearer: [] }]);
        expect(op['x-roles']).toEqual([...spec.access]);
      }
    }
    const issue = doc.paths['/api/issueTicket']!.post!.requestBody.content['application/json'].schema;
    expect(Object.keys(issue.properties ?? {})).toEqual(expect.arrayContaining(['visitor', 'serviceId', 'needs', 'priority']));
  });
});
