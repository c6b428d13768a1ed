import { isIP } from 'node:net';
import { hubInfoSchema, pairedDeviceSchema, type HubInfo } from '../../shared/domain/lan.js';
import { isDeskError } from '../../shared/errors.js';
import { errorText as t } from '../../shared/i18n/catalogue.js';
import {
  fingerprintMatchesCode,
  lanHeaders,
  lanPorts,
  lanProtocol,
  normaliseFingerprint,
  parsePairingCode,
  versionHeaderValue,
  whoMustUpdate,
} from '../../shared/lan-protocol.js';
import type { LinkConfig } from './link-config.js';
import { HubCertificateError, createPinnedAgent } from './pinned-agent.js';
import { postToHub, type HubAnswer } from './hub-request.js';

export type JoinFailureCode = 'bad-address' | 'bad-code' | 'hub-unreachable' | 'hub-certificate' | 'pairing-refused' | 'lan-off' | 'update-desk' | 'update-hub';

/** Why a desk PC could not join, with words a receptionist or IT can act on. */
export class JoinFailure extends Error {
  constructor(
    readonly code: JoinFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'JoinFailure';
  }
}

export interface PairRequest {
  address: string;
  code: string;
  label: string;
  appVersion: string;
}

const pairingTimeoutMs = 15_000;

/**
 * What was typed as the hub's address → `https://host:port` (the origin only). A host name or an
 * IP address (IPv6 in brackets), an optional port (default 4781), `https://` optional; anything
 * with a path, a query, a user name or another scheme is not an address of a hub.
 */
export function parseHubAddress(typed: string): string | null {
  const trimmed = typed.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  if (hasScheme && !/^https:\/\//i.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return null;
  if (url.pathname !== '/' && url.pathname !== '') return null;
  const host = url.hostname;
  const bare = host.startsWith('[') ? host.slice(1, -1) : host;
  if (isIP(bare) === 0 && !/^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(bare)) return null;
  const port = url.port === '' ? lanPorts.desks : Number(url.port);
  return `https://${host}:${String(port)}`;
}

function hubMessage(answer: HubAnswer): string | null {
  const error = (answer.body as { error?: unknown } | undefined)?.error;
  return isDeskError(error) ? error.message : null;
}

function updateFailure(who: 'desk' | 'hub', deskVersion: string, hubVersion: string): JoinFailure {
  return who === 'desk'
    ? new JoinFailure('update-desk', t.deskMustUpdate(deskVersion, hubVersion))
    : new JoinFailure('update-hub', t.hubMustUpdate(deskVersion, hubVersion));
}

/**
 * Joins this PC to a site's hub with a manager's pairing code. The code's last twelve characters
 * name the hub's certificate: the connection is checked against them before a byte is sent, the
 * versions are compared, and only then does the code's secret go to the hub. The full
 * fingerprint seen is what the desk pins from then on.
 */
export async function pairWithHub(request: PairRequest): Promise<LinkConfig> {
  const hubUrl = parseHubAddress(request.address);
  if (hubUrl === null) throw new JoinFailure('bad-address', t.joinBadAddress);
  const code = parsePairingCode(request.code);
  if (code === null) throw new JoinFailure('bad-code', t.joinBadCode);

  let seen: string | null = null;
  const agent = createPinnedAgent({
    accepts: (fingerprint) => fingerprintMatchesCode(fingerprint, code.fingerprintPart),
    accepted: (fingerprint) => {
      seen = fingerprint;
    },
    handshakeTimeoutMs: pairingTimeoutMs,
  });
  const headers = { [lanHeaders.version]: versionHeaderValue(request.appVersion) };
  const post = async (name: string, input: unknown): Promise<HubAnswer> => {
    try {
      return await postToHub({ agent, hubUrl, name, input, headers, timeoutMs: pairingTimeoutMs });
    } catch (error) {
      if (error instanceof HubCertificateError) throw new JoinFailure('hub-certificate', t.joinHubCertificate);
      throw new JoinFailure('hub-unreachable', t.joinHubUnreachable);
    }
  };

  try {
    const infoAnswer = await post('getHubInfo', {});
    const info = infoAnswer.status === 200 ? hubInfoSchema.safeParse((infoAnswer.body as { result?: unknown } | undefined)?.result) : null;
    if (info === null || !info.success) throw new JoinFailure('hub-unreachable', t.joinNotAHub);
    const hub: HubInfo = info.data;
    const mustUpdate = whoMustUpdate(lanProtocol, hub.protocol);
    if (mustUpdate !== null) throw updateFailure(mustUpdate, request.appVersion, hub.hubVersion);
    if (hub.fingerprint === null) throw new JoinFailure('lan-off', t.lanOff);
    // The hub names the certificate it serves: it must be the one this connection was shown.
    const shown = seen === null ? null : normaliseFingerprint(seen);
    if (shown === null || normaliseFingerprint(hub.fingerprint) !== shown) throw new JoinFailure('hub-certificate', t.joinHubCertificate);

    const label = request.label.trim();
    const paired = await post('pairDevice', { code: request.code, label, appVersion: request.appVersion, protocol: lanProtocol });
    if (paired.status !== 200) {
      const said = hubMessage(paired);
      switch (paired.status) {
        case 401:
          throw new JoinFailure('pairing-refused', said ?? t.pairingCodeRefused);
        case 409:
          throw updateFailure(lanProtocol < hub.protocol ? 'desk' : 'hub', request.appVersion, hub.hubVersion);
        case 503:
          throw new JoinFailure('lan-off', said ?? t.lanOff);
        case 400:
        case 429:
          throw new JoinFailure('pairing-refused', said ?? t.pairingCodeRefused);
        default:
          throw new JoinFailure('hub-unreachable', said ?? t.joinNotAHub);
      }
    }
    const device = pairedDeviceSchema.safeParse((paired.body as { result?: unknown } | undefined)?.result);
    if (!device.success) throw new JoinFailure('hub-unreachable', t.joinNotAHub);
    if (normaliseFingerprint(device.data.fingerprint) !== shown) throw new JoinFailure('hub-certificate', t.joinHubCertificate);

    const next = hub.nextFingerprint === null ? null : normaliseFingerprint(hub.nextFingerprint);
    return {
      hubUrl,
      fingerprints: next === null || next === shown ? [shown] : [shown, next],
      deviceId: device.data.deviceId,
      deviceToken: device.data.deviceToken,
      label,
      siteName: device.data.siteName,
    };
  } finally {
    agent.destroy();
  }
}
