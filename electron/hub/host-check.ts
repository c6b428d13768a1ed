import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { DeskFailure } from '../../shared/errors.js';
import { sendFailure } from './errors.js';
import { errorText as t } from '../../shared/i18n/catalogue.js';

const loopbackNames = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The names this hub answers to, and the origins that are its own. A web page elsewhere can
 * point its own host name at 127.0.0.1 (DNS rebinding) and would then be "same origin" with
 * the hub; its requests still carry its own Host header, which `ownHost` refuses.
 * https://developer.mozilla.org/en-US/docs/Web/Security/Attacks/DNS_rebinding
 */
export class HubAddresses {
  private readonly names: ReadonlySet<string>;

  constructor(extraHosts: readonly string[]) {
    this.names = new Set([...loopbackNames, ...extraHosts.map((h) => h.toLowerCase())]);
  }

  /**
   * The Host header's `name[:port]` as the URL parser writes it, when the name is one of this
   * hub's; null otherwise. Anything but a bare host and port (a path, user info, spaces) is
   * refused, so the answer is safe to write into a header such as the CSP.
   */
  ownHost(hostHeader: string | undefined): string | null {
    if (hostHeader === undefined || hostHeader === '' || /[/?#@\\\s;,'"]/.test(hostHeader)) return null;
    let url: URL;
    try {
      url = new URL(`http://${hostHeader}`);
    } catch {
      return null;
    }
    return this.names.has(url.hostname.toLowerCase()) ? url.host.toLowerCase() : null;
  }

  /**
   * Whether a browser's `Origin` is a page of this hub: one of its names, on the port the
   * connection came in on, with the scheme it came in with. https://www.rfc-editor.org/rfc/rfc6454
   */
  isOwnOrigin(origin: string, scheme: string, localPort: number | undefined): boolean {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    // Browsers send the origin serialised (RFC 6454 §6.2); anything else is not a page of ours.
    if (url.protocol !== `${scheme}:` || url.origin !== origin) return false;
    const port = url.port === '' ? (scheme === 'https' ? 443 : 80) : Number(url.port);
    return this.names.has(url.hostname) && port === localPort;
  }
}

/** Answers only requests addressed to this hub by a name it knows (see `HubAddresses`). */
export function registerHostCheck(app: FastifyInstance, addresses: HubAddresses): void {
  app.addHook('onRequest', async (request, reply) => {
    if (addresses.ownHost(request.headers.host) === null) return sendFailure(reply, wrongHost());
    return undefined;
  });
}

export function wrongHost(): DeskFailure {
  return new DeskFailure('forbidden', t.hubWrongHost);
}

/** An address as a Host header's name writes it: IPv6 in brackets. */
export function hostName(address: string): string {
  return address.includes(':') ? `[${address.toLowerCase()}]` : address.toLowerCase();
}

/** Whether a listener on this address listens on every address of the PC. */
export function isWildcard(address: string): boolean {
  return address === '0.0.0.0' || address === '::' || address === '[::]';
}

/**
 * The names a LAN or display door answers to: the address it is bound to (every address of the
 * PC for 0.0.0.0 or ::), the PC's name and its `.local` name (mDNS), as a desk or a TV's
 * browser would type them. A name an attacker's DNS could point here is not among them.
 */
export function lanHostNames(boundTo: string): string[] {
  const addresses = isWildcard(boundTo)
    ? Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((each) => each.address))
    : [boundTo.replace(/^\[|\]$/g, '')];
  const computer = os.hostname().toLowerCase();
  return [...addresses.map(hostName), computer, `${computer}.local`];
}
