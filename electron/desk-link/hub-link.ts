import { randomUUID } from 'node:crypto';
import { contract, keepsAnswer, type CallName, type CallResult } from '../../shared/contract/index.js';
import { hubInfoSchema } from '../../shared/domain/lan.js';
import { DeskFailure, isDeskError } from '../../shared/errors.js';
import { eventAudience, type DeskEvent } from '../../shared/events.js';
import { errorText as t } from '../../shared/i18n/catalogue.js';
import { lanHeaders, normaliseFingerprint, versionHeaderValue } from '../../shared/lan-protocol.js';
import type { EventListener, Site } from '../core/index.js';
import { EventsLink } from './events-link.js';
import { HubCertificateError, acceptsPins, createPinnedAgent } from './pinned-agent.js';
import { isLost, postToHub, type HubAnswer } from './hub-request.js';
import type { LinkConfig } from './link-config.js';

/** = `SiteDoor` in electron/shell/desk-ipc.ts, which this folder may not import: the bridge's view of a site. */
type SiteDoor = Pick<Site, 'call' | 'subscribe'>;

/** The hub, as the desk PC's main process sees it: the same door as a site on this PC, plus `close`. */
export interface HubLink extends SiteDoor {
  close(): Promise<void>;
}

export interface HubLinkOptions {
  appVersion: string;
  /** Told when the hub stops answering, and when it answers again (the screens fetch afresh then). */
  onReachable?: (up: boolean) => void;
  /** Told when the pins change (the hub announced its renewed certificate): save the config. */
  onPinsChanged?: (config: LinkConfig) => void;
  /** Waits before each retry of a call whose answer was lost; tests may shorten them. */
  retryDelaysMs?: readonly number[];
  /** How often the hub is asked for a renewed certificate's fingerprint. */
  hubInfoEveryMs?: number;
}

/** About 4 s in all, as long as a hub restart takes; the browser client waits the same. */
export const linkRetryDelaysMs = [250, 1_000, 2_500] as const;
// Longer than any honest call (sign-in's scrypt is ~40 ms): past it the answer is treated as lost.
const callTimeoutMs = 20_000;
const hourMs = 60 * 60_000;

/**
 * Forwards the desk's calls to the hub over the pinned connection, and the hub's events back.
 * Every call carries the device token and the staff session; a call whose answer was lost is
 * sent again with the same idempotency key, so the hub applies it once and answers the same —
 * and a call that keeps its answer always has a key, given here when the page sent none.
 */
export function createHubLink(initial: LinkConfig, options: HubLinkOptions): HubLink {
  let config: LinkConfig = { ...initial, fingerprints: [...initial.fingerprints] };
  const retryDelays = options.retryDelaysMs ?? linkRetryDelaysMs;
  const accepts = acceptsPins(() => config.fingerprints);
  const agent = createPinnedAgent({ accepts, keepAlive: true });
  const versionHeader = versionHeaderValue(options.appVersion);
  let closed = false;

  // Unknown at first: the first answer or failure says. Told only on a change.
  let reachable: boolean | null = null;
  const markReachable = (up: boolean): void => {
    if (closed || reachable === up) return;
    const wasDown = reachable === false;
    reachable = up;
    if (up && !wasDown) return;
    options.onReachable?.(up);
  };

  const headersFor = (token: string | null, key: string | null): Record<string, string> => ({
    [lanHeaders.device]: config.deviceToken,
    [lanHeaders.version]: versionHeader,
    ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    ...(key === null ? {} : { 'idempotency-key': key }),
  });

  const events = new EventsLink({
    hubUrl: config.hubUrl,
    accepts,
    headers: () => ({ [lanHeaders.device]: config.deviceToken, [lanHeaders.version]: versionHeader }),
    deliver: (event: DeskEvent) => {
      for (const listener of [...listeners]) listener(event, eventAudience[event.type]);
    },
    connected: () => {
      markReachable(true);
      void learnPins();
    },
    lost: () => markReachable(false),
  });
  const listeners = new Set<EventListener>();

  async function send(name: string, input: unknown, token: string | null, key: string | null): Promise<HubAnswer> {
    return postToHub({ agent, hubUrl: config.hubUrl, name, input, headers: headersFor(token, key), timeoutMs: callTimeoutMs });
  }

  /**
   * The hub's renewed certificate, learnt over the pinned connection, becomes a pin too; and once
   * the hub serves a pinned certificate, pins it no longer names are dropped, so a retired key
   * cannot stand in for the hub.
   */
  async function learnPins(): Promise<void> {
    if (closed) return;
    let answer: HubAnswer;
    try {
      answer = await send('getHubInfo', {}, null, null);
    } catch {
      return;
    }
    const info = hubInfoSchema.safeParse((answer.body as { result?: unknown } | undefined)?.result);
    if (!info.success || closed) return;
    const served = info.data.fingerprint === null ? null : normaliseFingerprint(info.data.fingerprint);
    const next = info.data.nextFingerprint === null ? null : normaliseFingerprint(info.data.nextFingerprint);
    const pins = config.fingerprints.map((pin) => normaliseFingerprint(pin) ?? pin);
    const kept = served !== null && pins.includes(served) ? pins.filter((pin) => pin === served || pin === next) : pins;
    const wanted = next === null || kept.includes(next) ? kept : [...kept, next];
    if (wanted.length === pins.length && wanted.every((pin, i) => pin === pins[i])) return;
    config = { ...config, fingerprints: wanted };
    options.onPinsChanged?.({ ...config, fingerprints: [...wanted] });
  }
  const hourly = setInterval(() => void learnPins(), options.hubInfoEveryMs ?? hourMs);
  hourly.unref();
  void learnPins();

  async function call<K extends CallName>(name: K, input: unknown, token: string | null, callOptions: { idempotencyKey?: string | null } = {}): Promise<CallResult<K>> {
    if (closed) throw new DeskFailure('unavailable', t.linkHubUnreachable);
    const spec = contract[name] as (typeof contract)[CallName] | undefined;
    if (spec === undefined) throw new DeskFailure('not-found', t.hubNoSuchCall);
    const key = callOptions.idempotencyKey ?? (keepsAnswer(spec) ? randomUUID() : null);
    if (token !== null) events.useToken(token);
    // Known to be away before this call (the banner is up): one try, then say so at once.
    const tries = reachable === false ? 1 : retryDelays.length + 1;
    for (let attempt = 0; ; attempt += 1) {
      let answer: HubAnswer | null = null;
      try {
        answer = await send(name, input, token, key);
      } catch (error) {
        if (error instanceof HubCertificateError) {
          markReachable(false);
          throw new DeskFailure('unavailable', t.linkHubCertificate);
        }
      }
      if (answer !== null && !isLost(answer)) {
        markReachable(true);
        return unwrap(name, answer, token) as CallResult<K>;
      }
      if (attempt + 1 >= tries || closed) {
        markReachable(false);
        throw new DeskFailure('unavailable', t.linkHubUnreachable);
      }
      await new Promise((resolve) => setTimeout(resolve, retryDelays[attempt]));
    }
  }

  function unwrap(name: CallName, answer: HubAnswer, token: string | null): unknown {
    const body = answer.body as { result?: unknown; error?: unknown } | undefined;
    if (answer.status === 200 && body !== undefined && 'result' in body) {
      if (name === 'signOut' && token !== null) events.tokenEnded(token);
      return body.result;
    }
    if (body !== undefined && isDeskError(body.error)) {
      if (body.error.code === 'unauthenticated' && token !== null) events.tokenEnded(token);
      throw DeskFailure.from(body.error);
    }
    throw new DeskFailure('internal', t.internal);
  }

  return {
    call: call as Site['call'],
    subscribe(listener: EventListener) {
      listeners.add(listener);
      events.start();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) events.stop();
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(hourly);
      await events.close();
      agent.destroy();
    },
  };
}
