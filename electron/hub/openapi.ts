import { callErrorCodes, callNames, contract, idempotencyKeyPattern, keepsAnswer, type CallName } from '../../shared/contract/index.js';
import { httpStatusByCode, type DeskErrorCode } from '../../shared/errors.js';
import { apiPrefix, eventsPath, openApiPath } from '../../shared/hub-protocol.js';
import { lanPorts, lanProtocol, versionHeaderValue } from '../../shared/lan-protocol.js';
import { answerSchema, deskErrorSchema, jsonSchemaOf, type JsonSchema } from './answer-schemas.js';
import { idempotencyKeyHeader, limitedCalls } from './call-route.js';
import { unpairedLanCalls } from './door.js';
import { callLinks } from './openapi-links.js';

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

const errorResponse = { $ref: '#/components/schemas/ErrorResponse' };

/** What each code means to a caller of the hub, under the status it travels with. */
const codeMeaning: Record<DeskErrorCode, string> = {
  'invalid-input': 'invalid-input: the input does not pass the call’s checks (issues names every field), or the body is not JSON',
  unauthenticated: 'unauthenticated: no live session (sign in, and send its token)',
  forbidden: 'forbidden: the caller’s role, or the record’s owner, does not allow it',
  'not-found': 'not-found: a record the input names does not exist',
  conflict: 'conflict: the state of the site or the record does not allow it now',
  locked: 'locked: too many wrong PINs for the account',
  'too-large': 'too-large: the body is over 64 KB',
  'rate-limited': 'rate-limited: too many attempts from this address',
  unavailable: 'unavailable: the store is busy or closing; try again',
  internal: 'internal: an unexpected failure; nothing was saved',
};

/**
 * The codes a call can fail with over HTTP: its own in the contract, and the hub's — a body
 * over the limit, and the flood guard on sign-in and setup.
 */
export function hubErrorCodes(name: CallName): DeskErrorCode[] {
  return [...callErrorCodes(contract[name]), 'too-large', ...(limitedCalls.has(name) ? (['rate-limited'] as const) : [])];
}

/** One response per HTTP status the call can fail with, naming the DeskError codes behind it. */
function errorResponses(name: CallName): JsonSchema {
  const codesByStatus = new Map<number, DeskErrorCode[]>();
  for (const code of hubErrorCodes(name)) {
    const status = httpStatusByCode[code];
    codesByStatus.set(status, [...(codesByStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...codesByStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, codes]) => [String(status), { description: codes.map((code) => codeMeaning[code]).join('; '), content: json(errorResponse) }]),
  );
}

function requestBody(name: CallName): JsonSchema {
  const schema = jsonSchemaOf(contract[name].input, 'input');
  const required = Array.isArray(schema.required) && schema.required.length > 0;
  return {
    required,
    description:
      'The call’s input. Text anywhere in it must be well-formed Unicode (no lone surrogates); lengths count UTF-16 code units.' +
      (required ? '' : ' With nothing to say, send {} or no body at all.'),
    content: json(schema),
  };
}

function operation(name: CallName): JsonSchema {
  const spec = contract[name];
  const isPublic = spec.access === 'public';
  const links = callLinks(name);
  // A desk PC sends its device and version on the LAN door with every call it needs them for.
  const headers = [...(keepsAnswer(spec) ? ['IdempotencyKey'] : []), ...(unpairedLanCalls.has(name) ? [] : ['DeskDevice', 'DeskVersion'])];
  return {
    operationId: name,
    summary: spec.summary,
    'x-access': isPublic ? 'public' : 'staff',
    'x-roles': isPublic ? [] : [...spec.access],
    'x-error-codes': hubErrorCodes(name),
    security: isPublic ? [] : [{ bearer: [] }],
    ...(headers.length > 0 ? { parameters: headers.map((header) => ({ $ref: `#/components/parameters/${header}` })) } : {}),
    requestBody: requestBody(name),
    responses: {
      '200': {
        description: 'The call’s result.',
        content: json(answerSchema(name)),
        ...(links === null ? {} : { links }),
      },
      ...errorResponses(name),
    },
  };
}

/** OpenAPI 3.1 for council IT, generated from the contract so it cannot drift from it. */
export function buildOpenApi(): JsonSchema {
  const paths: JsonSchema = {};
  for (const name of callNames) paths[`${apiPrefix}/${name}`] = { post: operation(name) };
  return {
    openapi: '3.1.0',
    info: {
      title: 'One Stop Queue hub',
      version: '1',
      description:
        `Every call is POST ${apiPrefix}/<call> with its input as JSON; the answer is { result } or { error }. ` +
        `Sign in with ${apiPrefix}/signIn and send the token as "Authorization: Bearer <token>". ` +
        `Events: a WebSocket at ${eventsPath}; its first message is {"type":"auth","token":"…"} or {"type":"display"}. ` +
        'Any other method on a call’s path is refused with 405 and "Allow: POST"; a request addressed to a host ' +
        'name the hub does not answer to is refused with 403 (forbidden), whatever it asks for. ' +
        `While a manager has LAN access on, desk PCs make the same calls over HTTPS on the hub's LAN door (port ${String(lanPorts.desks)} by default), ` +
        `each with the Desk-Device and Desk-Version headers below as well as the bearer token: an unknown or withdrawn device is refused with 403, ` +
        'another protocol with 409 naming the PC to update. Without Desk-Device, the LAN door answers only getDisplayState, getHubInfo and pairDevice, ' +
        `and the display door (plain HTTP, port ${String(lanPorts.display)}) only getDisplayState and the display's event socket. docs/lan.md has the whole of it.`,
      // The package is UNLICENSED, npm's word for "no licence is granted", which has no SPDX
      // identifier and no URL. OpenAPI 3.1 wants an SPDX expression in `identifier`; SPDX's own
      // form for a licence off its list is `LicenseRef-<name>` (SPDX 2.3, annex D).
      license: { name: 'UNLICENSED (proprietary: no licence is granted)', identifier: 'LicenseRef-UNLICENSED' },
    },
    servers: [{ url: '/', description: 'The hub that served this document.' }],
    paths: {
      ...paths,
      [openApiPath]: {
        get: {
          operationId: 'openApi',
          summary: 'This description.',
          security: [],
          responses: {
            '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) },
            '403': { description: 'forbidden: addressed to a host name this hub does not answer to', content: json(errorResponse) },
          },
        },
      },
    },
    components: {
      parameters: {
        IdempotencyKey: {
          name: idempotencyKeyHeader,
          in: 'header',
          required: false,
          description:
            'A key of the client’s choosing (a UUID) for a call that changes something. The hub keeps the key and the answer for a day, ' +
            'in the call’s own transaction: the same call sent again with the same key by the same member of staff (in any session, ' +
            'also after a hub restart) is not applied again and gets the same answer. A key already used for another call or by ' +
            'someone else is refused with 409 (conflict). Retry with the same key after a lost answer; use a new key for a new action.',
          schema: { type: 'string', pattern: idempotencyKeyPattern.source },
        },
        DeskDevice: {
          name: 'Desk-Device',
          in: 'header',
          required: false,
          description: 'LAN door only: the paired desk PC’s device token from pairDevice (43 base64url characters). Required there for every call but getDisplayState, getHubInfo and pairDevice.',
          schema: { type: 'string' },
        },
        DeskVersion: {
          name: 'Desk-Version',
          in: 'header',
          required: false,
          description: `LAN door only, with Desk-Device: the desk PC’s app version and protocol, "<version>; protocol=<n>" (this hub speaks protocol ${String(lanProtocol)}).`,
          schema: { type: 'string', examples: [versionHeaderValue('0.1.0')] },
        },
      },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The token from signIn or setupSite.' } },
      schemas: {
        DeskError: deskErrorSchema,
        ErrorResponse: {
          type: 'object',
          required: ['error'],
          properties: { error: { $ref: '#/components/schemas/DeskError' } },
          additionalProperties: false,
        },
      },
    },
  };
}
