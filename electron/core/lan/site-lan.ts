import { EventEmitter } from 'node:events';
import type { LanRuntime } from '../call-context.js';
import { writeAudit } from '../audit.js';
import type { Clock } from '../clock.js';
import type { Db } from '../store/open-database.js';
import { findDevice } from './devices.js';
import { lanEnabled, promoteNextCertificate, readCertificates, saveCertificate, type CertificateSlot, type LanCertificate } from './lan-records.js';

export interface LanListening {
  desksAt: string[];
  displayAt: string[];
}

export interface LanState {
  enabled: boolean;
  current: LanCertificate | null;
  next: LanCertificate | null;
}

/**
 * LAN access as the hub's doors see it (`site.lan`): they start and stop their listeners on
 * `onChanged`, keep the certificate through `saveCertificate`, and ask `deviceFor` of every
 * request from the network. What managers change goes through contract calls (lan-handlers.ts),
 * which call `changed` and `revoked` once their transaction has committed.
 */
export class SiteLan {
  private readonly events = new EventEmitter();
  private listeningAt: LanListening | null = null;
  private readonly seen = new Map<number, number>();
  /** Devices found by token, so that a busy desk's calls do not each look it up; cleared on withdrawal. */
  private readonly known = new Map<string, { id: number; label: string }>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** Tells staff screens (the manager's settings) that something they show changed. */
    private readonly announce: () => void,
  ) {
    this.events.setMaxListeners(0);
  }

  /** For handlers: in-memory state they answer with. */
  readonly runtime: LanRuntime = {
    listening: () => this.listeningAt,
    lastSeen: (deviceId) => this.seen.get(deviceId) ?? null,
    changed: () => this.changed(),
    revoked: (deviceId) => this.revoked(deviceId),
  };

  state(): LanState {
    return { enabled: lanEnabled(this.db), ...readCertificates(this.db) };
  }

  /** Keeps a certificate the doors made (in its own transaction, audited), and tells them. */
  saveCertificate(cert: LanCertificate, slot: CertificateSlot): void {
    this.db
      .transaction(() => {
        saveCertificate(this.db, cert, slot);
        writeAudit(this.db, { at: this.clock.now(), staffId: null, action: 'lan.certificate' });
      })
      .immediate();
    this.changed();
  }

  /** The renewed certificate becomes the one served. */
  promoteNextCertificate(): void {
    const promoted = this.db
      .transaction(() => {
        const done = promoteNextCertificate(this.db);
        if (done) writeAudit(this.db, { at: this.clock.now(), staffId: null, action: 'lan.certificate' });
        return done;
      })
      .immediate();
    if (promoted) this.changed();
  }

  onChanged(listener: () => void): () => void {
    this.events.on('changed', listener);
    return () => this.events.off('changed', listener);
  }

  /** Where the doors listen now (null: not at all), for `getLanStatus`. */
  setListening(at: LanListening | null): void {
    this.listeningAt = at === null ? null : { desksAt: [...at.desksAt], displayAt: [...at.displayAt] };
    this.announce();
  }

  /** The paired, not withdrawn device a `Desk-Device` token names, noting that it was seen; null otherwise. */
  deviceFor(token: string | null | undefined): { id: number; label: string } | null {
    if (token === null || token === undefined || token === '') return null;
    const device = this.known.get(token) ?? findDevice(this.db, token);
    if (device === null) return null;
    if (!this.known.has(token)) this.known.set(token, device);
    this.seen.set(device.id, this.clock.now());
    return device;
  }

  onDeviceRevoked(listener: (deviceId: number) => void): () => void {
    this.events.on('revoked', listener);
    return () => this.events.off('revoked', listener);
  }

  /** After a commit that turned LAN access on or off, or changed a certificate. */
  changed(): void {
    this.emitSafely('changed');
  }

  /** After the commit that withdrew a device: its token stops working here and in the doors. */
  revoked(deviceId: number): void {
    for (const [token, device] of this.known) if (device.id === deviceId) this.known.delete(token);
    this.emitSafely('revoked', deviceId);
  }

  private emitSafely(name: 'changed' | 'revoked', ...args: unknown[]): void {
    for (const listener of this.events.listeners(name)) {
      try {
        (listener as (...a: unknown[]) => void)(...args);
      } catch (error) {
        console.error(`One Stop Queue: a LAN listener failed (${error instanceof Error ? error.name : 'error'})`);
      }
    }
  }
}
