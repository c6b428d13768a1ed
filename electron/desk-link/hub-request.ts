import https from 'node:https';
import { apiPrefix } from '../../shared/hub-protocol.js';
import { HubCertificateError } from './pinned-agent.js';

/** What the hub said: an HTTP status and the JSON body (undefined when it was not JSON). */
export interface HubAnswer {
  status: number;
  body: unknown;
}

/**
 * No HTTP answer came back: refused, reset, timed out, or cut mid-answer. The hub may or may not
 * have done the work, so only a call with an idempotency key may safely be sent again.
 */
export class LostAnswer extends Error {
  constructor(readonly reason: string) {
    super(`No answer from the hub (${reason}).`);
    this.name = 'LostAnswer';
  }
}

export interface HubPost {
  agent: https.Agent;
  hubUrl: string;
  name: string;
  input: unknown;
  headers: Record<string, string>;
  timeoutMs: number;
}

// Far more than any answer (a month's CSV report is a few hundred KB); past it the hub is not ours.
const maxAnswerBytes = 32 * 1024 * 1024;

/**
 * `POST /api/<name>` over the pinned agent. Resolves with any HTTP answer; rejects with
 * `HubCertificateError` when the PC at the address is not our hub, and `LostAnswer` otherwise.
 */
export function postToHub({ agent, hubUrl, name, input, headers, timeoutMs }: HubPost): Promise<HubAnswer> {
  const url = new URL(`${apiPrefix}/${name}`, hubUrl);
  const body = Buffer.from(JSON.stringify(input ?? {}), 'utf8');
  return new Promise((resolve, reject) => {
    const fail = (error: unknown): void => {
      if (error instanceof HubCertificateError) reject(error);
      else reject(new LostAnswer(errorCode(error)));
    };
    const request = https.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(body.length) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxAnswerBytes) {
            request.destroy(new Error('answer too large'));
            return;
          }
          chunks.push(chunk);
        });
        response.on('error', fail);
        response.on('aborted', () => fail(new Error('ECONNRESET')));
        response.on('end', () => {
          if (!response.complete) {
            fail(new Error('ECONNRESET'));
            return;
          }
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = undefined;
          }
          resolve({ status: response.statusCode ?? 0, body: parsed });
        });
      },
    );
    request.setTimeout(timeoutMs, () => {
      const error = new Error('timed out') as NodeJS.ErrnoException;
      error.code = 'ETIMEDOUT';
      request.destroy(error);
    });
    request.on('error', fail);
    request.end(body);
  });
}

/** A network error's code (`ECONNREFUSED`…), never its message: messages may carry addresses. */
function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : 'no answer';
}

/** An answer with our envelope, or a proxy's 502–504 without it (no hub behind it): the latter is a lost answer. */
export function isLost(answer: HubAnswer): boolean {
  const enveloped = typeof answer.body === 'object' && answer.body !== null;
  return !enveloped && answer.status >= 502 && answer.status <= 504;
}
