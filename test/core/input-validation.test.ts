import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callNames, contract, type CallName } from '../../shared/contract/index.js';
import { DeskFailure } from '../../shared/errors.js';
import { validationText } from '../../shared/i18n/validation.en-GB.js';
import { openTestSite, type TestSite } from '../fixtures/temp-site.js';

/**
 * Bad input to every call, derived from each call's own schema so that a new call is covered the
 * day it is declared: missing fields, wrong types, 10 000-character strings and control
 * characters all give `invalid-input` naming every bad field, and change nothing.
 */
type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; anyOf?: JsonSchema[]; enum?: unknown[] };

function schemaOf(name: CallName): JsonSchema {
  return z.toJSONSchema(contract[name].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

function types(schema: JsonSchema): string[] {
  if (schema.anyOf) return schema.anyOf.flatMap(types);
  if (schema.enum) return ['enum'];
  return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** A JSON value none of the field's types accept. */
function wrongValue(schema: JsonSchema): unknown {
  const accepted = types(schema);
  if (!accepted.includes('boolean')) return true;
  if (!accepted.includes('string') && !accepted.includes('enum')) return 'yes';
  return { nested: 'object' };
}

let t: TestSite;
beforeAll(async () => {
  t = await openTestSite();
});
afterAll(() => t.close());

function tableCounts(): Record<string, number> {
  const db = t.site.database;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

function invalid(name: CallName, input: unknown): DeskFailure {
  const before = tableCounts();
  let caught: unknown = null;
  try {
    // Every call, keystore ones included: invalid input is refused before any handler runs, so synchronously.
    void (t.site.callSync as (n: CallName, i: unknown, token: string) => unknown)(name, input, t.manager.token);
  } catch (error) {
    caught = error;
  }
  expect(tableCounts()).toEqual(before);
  expect(caught, `${name} accepted ${JSON.stringify(input).slice(0, 80)}`).toBeInstanceOf(DeskFailure);
  const failure = caught as DeskFailure;
  expect(failure.code).toBe('invalid-input');
  return failure;
}

const paths = (failure: DeskFailure) => (failure.issues ?? []).map((i) => i.path.join('.'));

describe('bad input to every call', () => {
  const withFields = callNames.filter((name) => Object.keys(schemaOf(name).properties ?? {}).length > 0);

  it.each(callNames)('%s refuses a body that is not an object', (name) => {
    for (const body of ['text', 42, [1, 2], true]) invalid(name, body);
  });

  it.each(withFields)('%s names every missing required field at once', (name) => {
    const required = schemaOf(name).required ?? [];
    if (required.length === 0) return;
    const failure = invalid(name, {});
    expect(paths(failure).sort()).toEqual([...required].sort());
  });

  it.each(withFields)('%s names every field of the wrong type at once', (name) => {
    const properties = schemaOf(name).properties ?? {};
    const body = Object.fromEntries(Object.entries(properties).map(([key, schema]) => [key, wrongValue(schema)]));
    const failure = invalid(name, body);
    expect(new Set(paths(failure).map((p) => p.split('.')[0]))).toEqual(new Set(Object.keys(properties)));
  });

  it.each(callNames)('%s refuses fields it does not expect', (name) => {
    const failure = invalid(name, { unexpectedField: 1 });
    expect(failure.issues?.length).toBeGreaterThan(0);
  });

  const stringFields = callNames.flatMap((name) =>
    Object.entries(schemaOf(name).properties ?? {})
      .filter(([, schema]) => types(schema).includes('string') || types(schema).includes('enum'))
      .map(([field]) => [name, field] as const),
  );

  it.each(stringFields)('%s.%s refuses 10 000 characters and control characters', (name, field) => {
    for (const value of ['x'.repeat(10_000), 'Ann\u0000Smith', 'bell\u0007']) {
      const failure = invalid(name, { [field]: value });
      expect(paths(failure)).toContain(field);
    }
  });

  it.each(stringFields)('%s.%s refuses text that is not well-formed Unicode (a lone surrogate)', (name, field) => {
    for (const value of ['Lone \ud800 X', '\udfff', 'half an emoji \ud83d']) {
      const failure = invalid(name, { [field]: value });
      expect(paths(failure)).toContain(field);
    }
  });
});

describe('bad input inside a visitor record', () => {
  const good = () => ({
    visitor: { name: 'Ann Visitor', addressLines: ['1 Dale Street'], postcode: 'L1 1JQ', noFixedAbode: false },
    serviceId: 1,
    reason: 'Council tax',
    needs: { interpreter: false, language: null, hearing: false, mobility: false },
    priority: null,
    callByNumberOnly: false,
  });

  it('names every bad nested field at once', () => {
    const body = good();
    body.visitor.name = 'x'.repeat(10_000);
    body.visitor.postcode = 'NOT A POSTCODE';
    body.visitor.addressLines = ['ok', 'tab\u0001'];
    (body.needs as { interpreter: boolean }).interpreter = true;
    const failure = invalid('issueTicket', body);
    expect(paths(failure).sort()).toEqual(['needs.language', 'visitor.addressLines.1', 'visitor.name', 'visitor.postcode']);
  });

  it('asks for a postcode or "no fixed abode"', () => {
    const body = good();
    body.visitor.postcode = null as unknown as string;
    expect(paths(invalid('issueTicket', body))).toEqual(['visitor.postcode']);
  });

  it('refuses a lone surrogate anywhere in the record, naming its path, and stores nothing', () => {
    const lone = 'Lone \ud800 X';
    const cases: Array<[string, (body: ReturnType<typeof good>) => void]> = [
      ['visitor.name', (body) => (body.visitor.name = lone)],
      ['visitor.addressLines.1', (body) => (body.visitor.addressLines = ['1 Dale Street', lone])],
      ['reason', (body) => (body.reason = lone)],
      ['needs.language', (body) => Object.assign(body.needs, { interpreter: true, language: lone })],
    ];
    for (const [path, spoil] of cases) {
      const body = good();
      spoil(body);
      const failure = invalid('issueTicket', body);
      expect(failure.issues).toEqual([{ path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: validationText.notWellFormed }]);
    }
  });

  it('stores characters beyond the first 65 536 (whole surrogate pairs) exactly', async () => {
    const body = good();
    body.visitor.name = 'Ann 😀 𝒜 Visitor';
    const issued = await t.site.call('issueTicket', body, t.manager.token);
    const visit = await t.site.call('getVisit', { visitId: issued.ticket.visitId }, t.manager.token);
    expect(visit.visitor.name).toBe('Ann 😀 𝒜 Visitor');
  });

  it('accepts a good record, so the refusals above are about the bad fields', async () => {
    const issued = await t.site.call('issueTicket', good(), t.manager.token);
    expect(issued.ticket.number).toMatch(/^C\d{3}$/);
  });
});
