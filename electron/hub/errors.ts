import type { FastifyReply } from 'fastify';
import { DeskFailure, httpStatusByCode } from '../../shared/errors.js';
import { errorText as t } from '../../shared/i18n/catalogue.js';

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
      return new DeskFailure('invalid-input', t.hubSendJson);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new DeskFailure('invalid-input', t.hubBadJson);
  }
  if (statusCode === 413) return tooLarge();
  if (statusCode === 429) return rateLimited();
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return new DeskFailure('invalid-input', t.hubUnreadable);
  }
  return new DeskFailure('internal', t.internal);
}

export function tooLarge(): DeskFailure {
  return new DeskFailure('too-large', t.hubTooLarge);
}

export function rateLimited(): DeskFailure {
  return new DeskFailure('rate-limited', t.hubRateLimited);
}

export function noSuchCall(): DeskFailure {
  return new DeskFailure('not-found', t.hubNoSuchCall);
}

export function sendFailure(reply: FastifyReply, failure: DeskFailure): FastifyReply {
  return reply.code(httpStatusByCode[failure.code]).send({ error: failure.toJSON() });
}

/**
 * A call's path asked for with another method. HTTP's own refusal (405, naming the method that
 * works: RFC 9110 §15.5.6) rather than a DeskError status, with the usual `{ error }` body; its
 * code is `invalid-input`, for a client that looks only at the code.
 */
export function sendMethodNotAllowed(reply: FastifyReply): FastifyReply {
  return reply
    .code(405)
    .header('allow', 'POST')
    .send({ error: new DeskFailure('invalid-input', t.hubPostOnly).toJSON() });
}
