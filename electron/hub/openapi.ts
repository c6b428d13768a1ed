import { z } from 'zod';
import { callNames, contract } from '../../shared/contract/index.js';
import { deskErrorCodes, httpStatusByCode, type DeskErrorCode } from '../../shared/errors.js';
import { apiPrefix, eventsPath, openApiPath } from '../../shared/hub-protocol.js';

type JsonObject = Record<string, unknown>;

const json = (schema: JsonObject) => ({ 'application/json': { schema } });

const errorSchema: JsonObject = {
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
          path: { type: 'array', items: { type: ['string', 'integer'] } },
          message: { type: 'string' },
        },
      },
    },
  },
};

/** One response per HTTP status a call can fail with, naming the DeskError codes behind it. */
function errorResponses(): JsonObject {
  const codesByStatus = new Map<number, DeskErrorCode[]>();
  for (const code of deskErrorCodes) {
    const status = httpStatusByCode[code];
    codesByStatus.set(status, [...(codesByStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...codesByStatus].map(([status, codes]) => [
      String(status),
      { description: codes.join(', '), content: json({ $ref: '#/components/schemas/ErrorResponse' }) },
    ]),
  );
}

function inputSchema(schema: z.ZodType): JsonObject {
  // `io: 'input'`: fields with defaults are optional to the caller; dates and transforms
  // have no JSON Schema, so they are described as "anything" rather than failing the document.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonObject;
  return rest;
}

/** OpenAPI 3.1 for council IT, generated from the contract so it cannot drift from it. */
export function buildOpenApi(): JsonObject {
  const paths: JsonObject = {};
  for (const name of callNames) {
    const spec = contract[name];
    const isPublic = spec.access === 'public';
    paths[`${apiPrefix}/${name}`] = {
      post: {
        operationId: name,
        summary: spec.summary,
        'x-access': isPublic ? 'public' : 'staff',
        'x-roles': isPublic ? [] : [...spec.access],
        security: isPublic ? [] : [{ bearer: [] }],
        requestBody: { required: false, content: json(inputSchema(spec.input)) },
        responses: {
          '200': {
            description: 'The call’s result.',
            content: json({ type: 'object', required: ['result'], properties: { result: {} } }),
          },
          ...errorResponses(),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'One Stop Queue hub',
      version: '1',
      description:
        `Every call is POST ${apiPrefix}/<call> with its input as JSON; the answer is { result } or { error }. ` +
        `Sign in with ${apiPrefix}/signIn and send the token as "Authorization: Bearer <token>". ` +
        `Events: a WebSocket at ${eventsPath}; its first message is {"type":"auth","token":"…"} or {"type":"display"}.`,
    },
    paths: {
      ...paths,
      [openApiPath]: {
        get: {
          operationId: 'openApi',
          summary: 'This description.',
          security: [],
          responses: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The token from signIn or setupSite.' } },
      schemas: {
        DeskError: errorSchema,
        ErrorResponse: {
          type: 'object',
          required: ['error'],
          properties: { error: { $ref: '#/components/schemas/DeskError' } },
        },
      },
    },
  };
}
