import https from 'node:https';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { normaliseFingerprint } from '../../shared/lan-protocol.js';

/**
 * The only way a desk PC reaches the hub: an `https.Agent` that opens each TLS connection itself,
 * checks the certificate the hub shows against the pinned SHA-256 fingerprints, and only then
 * hands the socket to `http` — so not one byte of a request (no token, no code, no visit) goes to
 * a PC that is not our hub. Checked here, once per connection, rather than in
 * `checkServerIdentity`: Node skips that with `rejectUnauthorized: false`, and a reused socket of
 * a shared agent skipped it too (docs/contributing.md, "certificate pinning"). Every socket this agent keeps
 * alive was checked when it was opened.
 */

/** The hub showed a certificate this desk does not trust. */
export class HubCertificateError extends Error {
  readonly code = 'HUB_CERTIFICATE';
  constructor(
    /** The fingerprint it showed (a fingerprint is public, never a secret). */
    readonly fingerprint: string | null,
  ) {
    super('The hub showed a certificate this desk PC does not trust.');
    this.name = 'HubCertificateError';
  }
}

export interface PinnedAgentOptions {
  /** Whether a certificate with this fingerprint (`AB:CD:…`, upper case) is our hub's. */
  accepts(fingerprint: string): boolean;
  /** Told the fingerprint of every certificate accepted (pairing pins the one it saw). */
  accepted?(fingerprint: string): void;
  /** A hub that does not finish the handshake in this time is treated as unreachable. */
  handshakeTimeoutMs?: number;
  keepAlive?: boolean;
}

const defaultHandshakeTimeoutMs = 10_000;

/** The SHA-256 fingerprint of the certificate a TLS socket was shown, or null when there is none. */
export function peerFingerprint(socket: tls.TLSSocket): string | null {
  const peer = socket.getPeerCertificate();
  if (peer === null || typeof peer !== 'object' || peer.raw === undefined) return null;
  // From the raw certificate, not `peer.fingerprint` (SHA-1).
  return normaliseFingerprint(new X509Certificate(peer.raw).fingerprint256);
}

class PinnedAgent extends https.Agent {
  constructor(private readonly pins: PinnedAgentOptions) {
    // No session cache: a resumed session shows no certificate to check.
    super({ keepAlive: pins.keepAlive ?? true, maxCachedSessions: 0 });
  }

  override createConnection(options: https.RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    const host = options.host ?? options.hostname ?? 'localhost';
    const servername = typeof options.servername === 'string' && options.servername !== '' && isIP(options.servername) === 0 ? options.servername : undefined;
    const socket = tls.connect({
      host,
      port: Number(options.port ?? 443),
      ...(servername === undefined ? {} : { servername }),
      ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
      // The chain is not checked: a self-made certificate has none. The pin below is the check.
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    let settled = false;
    const settle = (error: Error | null): void => {
      if (settled) return;
      settled = true;
      socket.setTimeout(0);
      socket.off('error', onError);
      if (error !== null) {
        // A late error from a socket we have let go of is nobody's to hear.
        socket.on('error', () => undefined);
        socket.destroy();
        callback?.(error, socket);
      } else {
        callback?.(null, socket);
      }
    };
    const onError = (error: Error): void => settle(error);
    socket.on('error', onError);
    socket.setTimeout(this.pins.handshakeTimeoutMs ?? defaultHandshakeTimeoutMs, () => {
      const error = new Error('The hub did not finish the TLS handshake in time.') as NodeJS.ErrnoException;
      error.code = 'ETIMEDOUT';
      settle(error);
    });
    socket.once('secureConnect', () => {
      const fingerprint = peerFingerprint(socket);
      if (fingerprint === null || !this.pins.accepts(fingerprint)) {
        settle(new HubCertificateError(fingerprint));
        return;
      }
      this.pins.accepted?.(fingerprint);
      settle(null);
    });
    // Given through the callback, once checked: returning it here would let http write at once.
    return undefined;
  }
}

/** An agent that talks only to a hub whose certificate `accepts` says is ours. */
export function createPinnedAgent(options: PinnedAgentOptions): https.Agent {
  return new PinnedAgent(options);
}

/** `accepts` for a fixed or growing list of pins, compared in one spelling. */
export function acceptsPins(pins: () => readonly string[]): (fingerprint: string) => boolean {
  return (fingerprint) => {
    const seen = normaliseFingerprint(fingerprint);
    return seen !== null && pins().some((pin) => normaliseFingerprint(pin) === seen);
  };
}
