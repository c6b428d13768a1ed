import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, contract, type CallName } from '../../shared/contract/index.js';
import { roles } from '../../shared/domain/staff.js';
import { openApiPath } from '../../shared/hub-protocol.js';
import { lanPorts, lanProtocol } from '../../shared/lan-protocol.js';
import { request, startTestHub, type HubWorld } from '../fixtures/hub-fixtures.js';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  additionalProperties?: boolean;
  pattern?: string;
  description?: string;
  enum?: unknown[];
  $schema?: string;
}

interface Link {
  operationId: string;
  description?: string;
  requestBody?: Record<string, string>;
}

interface Operation {
  operationId: string;
  summary: string;
  security: unknown[];
  'x-roles': string[];
  requestBody: { required: boolean; content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<string, { description: string; content: { 'application/json': { schema: JsonSchema } }; links?: Record<string, Link> }>;
}

interface Document {
  openapi: string;
  info: { description: string; license?: { name: string; identifier?: string; url?: string } };
  servers?: Array<{ url: string }>;
  paths: Record<string, { post?: Operation }>;
  components: { securitySchemes: Record<string, unknown>; parameters: Record<string, { name: string; in: string; description: string }> };
}

/**
 * A PIN the core checks (and counts toward a lockout): signing in, one's own, the acting manager's,
 * or that of the manager letting a visitor in after hours (`afterHours.managerPin`).
 */
function checksPin(name: CallName, input: JsonSchema): boolean {
  const props = input.properties ?? {};
  const afterHours = props['afterHours']?.properties ?? {};
  return name === 'signIn' || 'managerPin' in props || 'currentPin' in props || 'managerPin' in afterHours;
}

/** Follows a JSON Pointer through a schema's properties (and past a nullable's anyOf). */
function schemaAt(schema: JsonSchema, pointer: string): JsonSchema | undefined {
  let here: JsonSchema | undefined = schema;
  for (const step of pointer.split('/').slice(1)) {
    here = here?.anyOf?.find((branch) => branch.type !== 'null') ?? here;
    here = /^\d+$/.test(step) ? here?.items : here?.properties?.[step];
  }
  return here;
}

describe('GET /api/openapi.json', () => {
  let w: HubWorld;
  let doc: Document;
  const op = (name: CallName) => doc.paths[`/api/${name}`]!.post!;
  const inputOf = (name: CallName) => op(name).requestBody.content['application/json'].schema;
  const resultOf = (name: CallName) => op(name).responses['200']!.content['application/json'].schema;

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

  it('names its server (this hub, relatively) and its licence (UNLICENSED, as package.json says)', () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(doc.info.license?.name).toMatch(/^UNLICENSED\b/);
    // OpenAPI 3.1: a licence has an SPDX identifier or a URL, never both.
    expect(doc.info.license?.identifier === undefined).not.toBe(doc.info.license?.url === undefined);
  });

  it('tells council IT about the LAN doors and the two headers a desk PC sends there', () => {
    expect(doc.components.parameters.DeskDevice).toMatchObject({ name: 'Desk-Device', in: 'header' });
    expect(doc.components.parameters.DeskVersion).toMatchObject({ name: 'Desk-Version', in: 'header' });
    expect(doc.components.parameters.DeskVersion!.description).toContain(`protocol ${String(lanProtocol)}`);
    expect(doc.info.description).toContain('LAN door');
    const parameters = (name: CallName) => ((op(name) as { parameters?: Array<{ $ref: string }> }).parameters ?? []).map((p) => p.$ref.split('/').pop());
    expect(parameters('callNext')).toEqual(['IdempotencyKey', 'DeskDevice', 'DeskVersion']);
    expect(parameters('signIn')).toEqual(['DeskDevice', 'DeskVersion']);
    expect(parameters('pairDevice')).toEqual([]);
    expect(parameters('getDisplayState')).toEqual([]);
    expect(doc.info.description).toContain(String(lanPorts.display));
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
      const operation = op(name);
      expect(operation.operationId).toBe(name);
      expect(operation.summary).toBe(spec.summary);
      expect(inputOf(name).type).toBe('object');
      expect(inputOf(name).$schema).toBeUndefined();
      expect(operation.responses['200']).toBeDefined();
      if (spec.access === 'public') {
        expect(operation.security).toEqual([]);
        expect(operation['x-roles']).toEqual([]);
      } else {
        expect(operation.responses['401']).toBeDefined();
        expect(operation.security).toEqual([{ bearer: [] }]);
        expect(operation['x-roles']).toEqual([...spec.access]);
      }
    }
    const issue = inputOf('issueTicket');
    expect(Object.keys(issue.properties ?? {})).toEqual(expect.arrayContaining(['visitor', 'serviceId', 'needs', 'priority']));
  });

  it('marks a body required exactly when the input has a required field', () => {
    for (const name of callNames) {
      const input = inputOf(name);
      expect(op(name).requestBody.required, name).toBe((input.required ?? []).length > 0);
    }
    expect(op('issueTicket').requestBody.required).toBe(true);
    expect(op('getSetupState').requestBody.required).toBe(false);
    expect(op('listAudit').requestBody.required).toBe(false);
  });

  it('describes each call’s result, closed to fields the contract does not name', () => {
    for (const name of callNames) {
      const answer = resultOf(name);
      expect(answer, name).toMatchObject({ type: 'object', required: ['result'], additionalProperties: false });
      expect(answer.properties?.result, name).not.toEqual({});
    }
    const ticket = resultOf('issueTicket').properties!.result!.properties!.ticket!;
    expect(ticket.additionalProperties).toBe(false);
    expect(Object.keys(ticket.properties ?? {})).toEqual(expect.arrayContaining(['visitId', 'number', 'status', 'needs']));
    // A queue answer never carries a name or an address.
    expect(Object.keys(ticket.properties ?? {})).not.toEqual(expect.arrayContaining(['visitor']));
    const staff = resultOf('listStaff').properties!.result!.items!;
    expect(Object.keys(staff.properties ?? {}).sort()).toEqual(['active', 'id', 'lockedUntil', 'name', 'needsPin', 'needsUnlock', 'role']);
    const signInList = resultOf('listSignInStaff').properties!.result!.items!;
    expect(Object.keys(signInList.properties ?? {}).sort()).toEqual(['id', 'name']);
    // Nobody waiting: null. One schema of two types, not an anyOf, so that the serialiser drops an undeclared field rather than failing.
    expect(resultOf('callNext').properties!.result!).toMatchObject({ type: ['object', 'null'], additionalProperties: false });
  });

  it('lists only the error statuses each call can answer with', () => {
    for (const name of callNames) {
      const spec = contract[name];
      const statuses = Object.keys(op(name).responses);
      const roleLimited = spec.access !== 'public' && !roles.every((role) => role === 'manager' || spec.access.includes(role));
      // Every call: its input is checked, its body may be too large, the store may be busy or fail.
      expect(statuses, name).toEqual(expect.arrayContaining(['200', '400', '413', '500', '503']));
      expect(statuses.includes('401'), `${name} 401`).toBe(spec.access !== 'public' || name === 'signIn' || name === 'pairDevice');
      if (roleLimited) expect(statuses, `${name} 403`).toContain('403');
      if (spec.access === 'public') expect(statuses, `${name} 403`).not.toContain('403');
      expect(statuses.includes('423'), `${name} 423`).toBe(checksPin(name, inputOf(name)));
      expect(statuses.includes('429'), `${name} 429`).toBe(name === 'signIn' || name === 'setupSite' || name === 'pairDevice');
      for (const status of statuses.filter((s) => s !== '200')) {
        expect(op(name).responses[status]!.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorResponse' });
      }
    }
    expect(Object.keys(op('getSettings').responses)).not.toContain('423');
    expect(Object.keys(op('getDisplayState').responses).sort()).toEqual(['200', '400', '413', '500', '503']);
    // Reading a visitor's record is need-to-know even though every role may make the call.
    expect(Object.keys(op('getVisit').responses)).toEqual(expect.arrayContaining(['403', '404']));
  });

  it('carries the refinements it can as patterns and enums, and says the rest in words', () => {
    const setup = inputOf('setupSite').properties!;
    expect(new RegExp(setup.siteName!.pattern!, 'u').test('   ')).toBe(false);
    expect(new RegExp(setup.siteName!.pattern!, 'u').test('Wirral One Stop Shop')).toBe(true);
    expect(setup.siteName!.description).toMatch(/blank/);
    expect(setup.timeZone!.description).toMatch(/time zone/);
    const visitor = inputOf('issueTicket').properties!.visitor!;
    expect(visitor.description).toMatch(/noFixedAbode/);
    expect(visitor.properties!.postcode!.anyOf?.[0]?.description).toMatch(/postcode/);
    expect(inputOf('issueTicket').properties!.priority!.anyOf?.[0]?.enum).toEqual(['vulnerable', 'safeguarding', 'mobility', 'other']);
    const history = inputOf('getHistory');
    expect(history.description).toMatch(/from is on or before to/);
    expect(history.properties!.from!.description).toMatch(/calendar/);
    expect(inputOf('updateSettings').properties!.openingHours!.properties!.monday!.anyOf?.[0]?.description).toMatch(/lastTicket/);
  });

  it('links calls whose results feed others to the fields they feed', () => {
    const getVisit = op('issueTicket').responses['200']!.links?.getVisit;
    expect(getVisit).toEqual(
      expect.objectContaining({ operationId: 'getVisit', requestBody: { visitId: '$response.body#/result/ticket/visitId' } }),
    );
    expect(op('issueTicket').responses['200']!.links?.cancelTicket?.requestBody).toEqual({ visitId: '$response.body#/result/ticket/visitId' });
    expect(op('recordEvidence').responses['200']!.links?.getReceipt?.requestBody).toEqual({ receiptId: '$response.body#/result/id' });
    expect(op('signIn').responses['200']!.links?.getSession?.description).toMatch(/Bearer/);
    for (const name of callNames) {
      for (const [linkName, link] of Object.entries(op(name).responses['200']!.links ?? {})) {
        const target = link.operationId as CallName;
        expect(callNames, `${name} → ${linkName}`).toContain(target);
        const targetInput = inputOf(target);
        const fed = Object.keys(link.requestBody ?? {});
        // The link's body is a whole input: every field the target requires comes from the answer.
        if (link.requestBody !== undefined) expect(fed, `${name} → ${target}`).toEqual(expect.arrayContaining(targetInput.required ?? []));
        for (const [field, expression] of Object.entries(link.requestBody ?? {})) {
          expect(expression, `${name} → ${target}.${field}`).toMatch(/^\$response\.body#\//);
          const fedFrom = schemaAt(resultOf(name), expression.replace('$response.body#', ''));
          expect(fedFrom?.type, `${name} → ${target}.${field}`).toBe(targetInput.properties?.[field]?.type);
        }
      }
    }
  });
});
