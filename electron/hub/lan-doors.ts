import os from 'node:os';
import { lanPorts } from '../../shared/lan-protocol.js';
import { noLog, type LanCertificate, type LanListening, type Site, type SiteLog } from '../core/index.js';
import type { RateLimit } from './call-route.js';
import type { EventsSocketOptions } from './events-socket.js';
import { hostName, isWildcard, lanHostNames } from './host-check.js';
import { makeLanCertificate, renewalStep } from './lan-certificate.js';
import { startHub, type Hub } from './server.js';

export interface LanDoorsOptions {
  site: Site;
  /** Where both doors listen; every address of the PC by default. */
  host?: string;
  /** 0 picks a free port (tests); the real one is reported. */
  desksPort?: number;
  displayPort?: number;
  /** The built renderer, for the display's page and files; null serves the calls alone. */
  rendererDir?: string | null;
  now?: () => number;
  /** Host names besides the PC's own that the doors answer to. */
  allowedHosts?: readonly string[];
  eventsSocket?: EventsSocketOptions;
  /** Pairing (and sign-in) attempts allowed per client address, per call; the hub's default otherwise. */
  signInLimit?: RateLimit;
  /**
   * A door that could not open (a port taken) or a certificate that could not be made: the hub
   * PC's own door keeps working, LAN access shows no addresses, and the next change or hourly
   * check tries again. Default: one line on stderr, with the error's code only.
   */
  onError?: (error: unknown) => void;
  /** The site log: the doors opening and closing, certificates renewed, desk PCs' connections. */
  log?: SiteLog;
}

export interface LanDoors {
  /** Closes both doors and stops watching; LAN access stays on in the store, for the next start. */
  close(): Promise<void>;
  listening(): LanListening | null;
  /** Resolves once every change seen so far (LAN access on or off, a certificate) has been applied. */
  settled(): Promise<void>;
}

const hourMs = 60 * 60_000;

interface Open {
  lan: Hub;
  display: Hub;
  fingerprint: string;
  at: LanListening;
}

/**
 * The hub's two LAN listeners (docs/lan.md), open exactly while a manager has LAN access on:
 * HTTPS for desk PCs (`door: 'lan'`) and plain HTTP for the waiting-area display
 * (`door: 'display'`). They follow `site.lan.onChanged`; the certificate is made on first use,
 * renewed by `renewalStep` at start and hourly, and swapped into the running HTTPS server with
 * `setSecureContext`, so desks connected on the old one carry on and new connections get the new.
 */
export async function startLanDoors(options: LanDoorsOptions): Promise<LanDoors> {
  const { site } = options;
  const host = options.host ?? '0.0.0.0';
  const now = options.now ?? Date.now;
  const onError = options.onError ?? reportError;
  const log = options.log ?? noLog;
  let open: Open | null = null;
  let closed = false;
  // One change at a time, in order: a change that arrives while the doors open waits for them.
  let queue: Promise<void> = Promise.resolve();

  const settle = (): Promise<void> => {
    queue = queue.then(reconcile).catch(onError);
    return queue;
  };

  async function reconcile(): Promise<void> {
    if (closed || !site.lan.state().enabled) {
      await shut();
      return;
    }
    const certificate = await renew();
    if (open === null) {
      open = await openDoors(certificate);
      site.lan.setListening(open.at);
      log.info('lan.listening', { desksPort: open.lan.port, displayPort: open.display.port });
    } else if (open.fingerprint !== certificate.fingerprint) {
      open.lan.replaceCertificate({ key: certificate.keyPem, cert: certificate.certPem });
      open.fingerprint = certificate.fingerprint;
      log.info('lan.certificate-renewed', { fingerprint: certificate.fingerprint });
    }
  }

  /** Applies `renewalStep` until nothing is due; the certificate to serve. */
  async function renew(): Promise<LanCertificate> {
    for (;;) {
      const state = site.lan.state();
      const step = renewalStep(state, now());
      if (step === 'none' && state.current !== null) return state.current;
      if (step === 'promote') site.lan.promoteNextCertificate();
      else site.lan.saveCertificate(await makeLanCertificate(certificateNames(host, options.allowedHosts), now()), step === 'make-current' ? 'current' : 'next');
    }
  }

  async function openDoors(certificate: LanCertificate): Promise<Open> {
    const common = {
      site,
      host,
      rendererDir: options.rendererDir ?? null,
      ...(options.allowedHosts === undefined ? {} : { allowedHosts: options.allowedHosts }),
      ...(options.eventsSocket === undefined ? {} : { eventsSocket: options.eventsSocket }),
      ...(options.signInLimit === undefined ? {} : { signInLimit: options.signInLimit }),
      log,
    };
    const lan = await startHub({ ...common, door: 'lan', port: options.desksPort ?? lanPorts.desks, tls: { key: certificate.keyPem, cert: certificate.certPem } });
    let display: Hub;
    try {
      display = await startHub({ ...common, door: 'display', port: options.displayPort ?? lanPorts.display });
    } catch (error) {
      await lan.close();
      throw error;
    }
    return {
      lan,
      display,
      fingerprint: certificate.fingerprint,
      at: { desksAt: addressesOf('https', host, lan.port), displayAt: addressesOf('http', host, display.port) },
    };
  }

  async function shut(): Promise<void> {
    const was = open;
    if (was === null) return;
    open = null;
    site.lan.setListening(null);
    await Promise.all([was.lan.close(), was.display.close()]);
    log.info('lan.closed');
  }

  const stopWatching = site.lan.onChanged(() => void settle());
  const timer = setInterval(() => void settle(), hourMs);
  timer.unref();
  await settle();

  return {
    async close() {
      closed = true;
      stopWatching();
      clearInterval(timer);
      await settle();
    },
    listening: () => (open === null ? null : { desksAt: [...open.at.desksAt], displayAt: [...open.at.displayAt] }),
    async settled() {
      // Applying one change can announce another (a certificate saved): wait for those too.
      for (let seen = queue; ; seen = queue) {
        await seen;
        if (seen === queue) return;
      }
    },
  };
}

/** The names written into the certificate: informative (desks pin the fingerprint), shown by a browser. */
function certificateNames(host: string, allowedHosts: readonly string[] = []): string[] {
  return [...lanHostNames(host), ...allowedHosts].filter((name) => !name.startsWith('[fe80:'));
}

/**
 * Where a manager tells people to point a desk or a TV: the PC's name first, then its network
 * addresses (IPv4, not loopback) — or the one address the doors are bound to.
 */
function addressesOf(scheme: 'http' | 'https', host: string, port: number): string[] {
  if (!isWildcard(host)) return [`${scheme}://${hostName(host.replace(/^\[|\]$/g, ''))}:${port}`];
  const addresses = Object.values(os.networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((each) => each.family === 'IPv4' && !each.internal)
    .map((each) => each.address);
  return [os.hostname().toLowerCase(), ...addresses].map((name) => `${scheme}://${name}:${port}`);
}

function reportError(error: unknown): void {
  const code = (error as { code?: unknown }).code;
  console.error(`One Stop Queue: LAN access could not start (${typeof code === 'string' ? code : error instanceof Error ? error.name : 'error'})`);
}
