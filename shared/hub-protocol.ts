import type { DeskError } from './errors.js';
import type { DeskEvent } from './events.js';

/**
 * The hub's wire protocol, shared by the hub and the browser client:
 * - `POST /api/<call>` with the call's input as JSON and `Authorization: Bearer <token>`;
 *   200 with `{ result }`, or the DeskError's status with `{ error }`.
 * - WebSocket `/api/events`: the client's first message says who it is; the hub then pushes.
 */
export const apiPrefix = '/api';
export const eventsPath = '/api/events';
export const openApiPath = '/api/openapi.json';

export type CallResponse<R> = { result: R } | { error: DeskError };

export type ClientHello = { type: 'auth'; token: string } | { type: 'display' };

export type ServerMessage =
  | { type: 'ready'; audience: 'staff' | 'everyone' }
  | { type: 'event'; event: DeskEvent }
  | { type: 'error'; error: DeskError };
