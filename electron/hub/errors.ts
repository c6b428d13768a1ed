import type { FastifyReply } from 'fastify';
import { DeskFailure, httpStatusByCode } from '../../shared/errors.js';

/**
 * Turns whatever reached fastify's error handler into a DeskFailure with a fixed message.
 * Fastify's own messages, and anything unexpected, are never passed on: they can quote the
 * request, and a request can hold a visitor's name.
 */
export function toHubFailure(error: unknown): DeskFailure {
  if (error instanceof DeskFailure) return error;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return tooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new DeskFailure('invalid-input', 'Send the call’s input as JSON (Content-Type: application/json).');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new DeskFailure('invalid-input', 'The request body is not valid JSON.');
  }
  if (statusCode === 413) return tooLarge();
  if (statusCode === 429) return rateLimited();
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return new DeskFailure('invalid-input', 'The request could not be read.');
  }
  return new DeskFailure('internal', 'Something went wrong and nothing was saved. Try again; if it happens again, tell IT.');
}

export function tooLarge(): DeskFailure {
  return new DeskFailure('too-large', 'That request is too large for the hub (64 KB at most).');
}

export function rateLimited(): DeskFailure {
  return new DeskFailure('rate-limited', 'Too many attempts from this computer. Wait a minute, then try again.');
}

export function noSuchCall(): DeskFailure {
  return new DeskFailure('not-found', 'There is no such call.');
}

export function sendFailure(reply: FastifyReply, failure: DeskFailure): FastifyReply {
  return reply.code(httpStatusByCode[failure.code]).send({ error: failure.toJSON() });
}
