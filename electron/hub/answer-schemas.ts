import { z } from 'zod';
import { contract, type CallName } from '../../shared/contract/index.js';
import { deskErrorCodes } from '../../shared/errors.js';

export type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as JSON Schema 2020-12 without the dialect line, which OpenAPI 3.1 (its own
 * dialect) and fastify's serialiser both take bare. Inputs are described as the caller sends
 * them (`io: 'input'`: before transforms; a transform has no JSON Schema, so it is "anything"
 * rather than a failed document); results exactly as they leave, every object closed
 * (`additionalProperties: false`).
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, io === 'input' ? { io, unrepresentable: 'any' } : { io }) as JsonSchema;
  return rest;
}

const answers = new Map<CallName, JsonSchema>();

/**
 * `anyOf: [{ type: 'object', … }, { type: 'null' }]` (zod's nullable object) written as one
 * schema of `type: ['object', 'null']`, which says the same: fastify's serialiser picks an
 * `anyOf` branch by validating the value, so an object carrying a field it should not would match
 * neither branch and fail the call, where `properties` simply leaves the field out.
 */
function nullableObjectsAsTypeLists(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(nullableObjectsAsTypeLists);
  if (typeof schema !== 'object' || schema === null) return schema;
  const node = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, nullableObjectsAsTypeLists(value)])) as JsonSchema;
  const branches = node.anyOf;
  if (Array.isArray(branches) && branches.length === 2) {
    const [value, nothing] = (branches as JsonSchema[]).slice().sort((a) => (a.type === 'null' ? 1 : -1));
    if (nothing?.type === 'null' && Object.keys(nothing).length === 1 && value?.type === 'object') {
      const { anyOf: _branches, ...rest } = node;
      return { ...value, ...rest, type: ['object', 'null'] };
    }
  }
  return node;
}

/** The 200 answer of a call: `{ result }`, the result as the contract declares it. A fresh copy each time. */
export function answerSchema(name: CallName): JsonSchema {
  let answer = answers.get(name);
  if (answer === undefined) {
    answer = { type: 'object', required: ['result'], properties: { result: nullableObjectsAsTypeLists(jsonSchemaOf(contract[name].result, 'output')) }, additionalProperties: false };
    answers.set(name, answer);
  }
  return structuredClone(answer);
}

export const deskErrorSchema: JsonSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string', enum: [...deskErrorCodes] },
    message: { type: 'string', description: 'Plain words a receptionist can act on.' },
    issues: {
      type: 'array',
      description: 'Every invalid field at once.',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: {
          path: { type: 'array', items: { type: ['string', 'integer'] }, description: 'The field’s path as zod gives it, e.g. ["visitor","postcode"].' },
          message: { type: 'string' },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
};
