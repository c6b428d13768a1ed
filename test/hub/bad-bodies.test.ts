import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyLimit } from '../../electron/hub/index.js';
import { callNames, contract, type CallName } from '../../shared/contract/index.js';
import { httpStatusByCode, isDeskError } from '../../shared/errors.js';
import { looksLikeStackTrace, postCall, sampleInput, startTestHub, storeDigest, type HubWorld } from '../fixtures/hub-fixtures.js';

interface BadBody {
  text: string;
  contentType: string;
  token: 'manager' | 'none' | 'made-up';
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** Every place in a sample input where a wrong value can go. */
function pathsIn(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...pathsIn(item, [...prefix, i])]);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsIn(item, [...prefix, key])]);
  }
  return [];
}

function withValueAt(input: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let node = copy;
  path.slice(0, -1).forEach((key) => (node = node[key] as Record<string | number, unknown>));
  node[path[path.length - 1]!] = value;
  return copy;
}

const controlText = fc.string({
  unit: fc.constantFrom('\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\r', '\u000b', '\u001b', '\u007f', '\u2028', 'a', ' ', 'é'),
  minLength: 1,
  maxLength: 40,
});
const hugeText = fc.integer({ min: 1_000, max: 3 * bodyLimit }).map((n) => 'x'.repeat(n));
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  controlText,
  hugeText,
  fc.double(),
  fc.integer({ min: -1_000_000, max: 0 }),
  fc.constantFrom(null, true, '', '1', [], {}, 1.5, Number.MAX_SAFE_INTEGER + 2),
);

/** Bodies aimed at one call: junk, near-misses of its sample with one wrong field, extra keys, huge ones. */
function badBodiesFor(name: CallName): fc.Arbitrary<BadBody> {
  const sample = sampleInput(name);
  const paths = pathsIn(sample);
  const texts: Array<fc.Arbitrary<string>> = [
    fc.anything().map((value) => JSON.stringify(value) ?? ''),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), wrongValue).map(([key, value]) => JSON.stringify({ ...(sample as object), [key]: value })),
    hugeText.map((text) => JSON.stringify({ ...(sample as object), padding: text })),
  ];
  if (paths.length > 0) {
    texts.push(fc.tuple(fc.constantFrom(...paths), wrongValue).map(([path, value]) => JSON.stringify(withValueAt(sample, path, value))));
  }
  return fc
    .record({
      text: fc.oneof(...texts),
      // Mostly JSON, so that most bodies reach the core's schema; now and then another type.
      contentType: fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') },
        { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded') },
      ),
      token: fc.constantFrom<BadBody['token']>('manager', 'none', 'made-up'),
    })
    .filter((body) => !reachesHandler(name, body));
}

/** Whether the hub would hand this body to the call's handler: those are not "bad" bodies. */
function reachesHandler(name: CallName, body: BadBody): boolean {
  if (!body.contentType.startsWith('application/json')) return false;
  if (Buffer.byteLength(body.text) > bodyLimit) return false;
  let parsed: Json;
  try {
    parsed = JSON.parse(body.text === '' ? '{}' : body.text) as Json;
  } catch {
    return false;
  }
  return contract[name].input.safeParse(parsed ?? {}).success;
}

describe('random bad bodies (fast-check)', () => {
  let w: HubWorld;
  beforeAll(async () => {
    // A generous sign-in limit, so that the bodies reach the core instead of the rate limit.
    w = await startTestHub({ signInLimit: { max: 10_000, timeWindowMs: 60_000 } });
  });
  afterAll(() => w?.close());

  for (const name of callNames) {
    it(`${name}: 20 bad bodies never get a 5xx and never change the store`, async () => {
      const before = storeDigest(w.t.site.database);
      await fc.assert(
        fc.asyncProperty(badBodiesFor(name), async (body) => {
          const token = body.token === 'manager' ? w.t.manager.token : body.token === 'made-up' ? 'made-up-token' : null;
          const answer = await postCall(w.url, name, undefined, { token, contentType: body.contentType, rawBody: body.text });
          expect(answer.status, answer.text).toBeGreaterThanOrEqual(400);
          expect(answer.status, answer.text).toBeLessThan(500);
          const error = (answer.json as { error?: unknown } | undefined)?.error;
          expect(isDeskError(error), answer.text).toBe(true);
          expect(answer.status).toBe(httpStatusByCode[(error as { code: keyof typeof httpStatusByCode }).code]);
          expect(looksLikeStackTrace(answer.text)).toBe(false);
        }),
        { numRuns: 20 },
      );
      expect(storeDigest(w.t.site.database)).toBe(before);
    });
  }
});
