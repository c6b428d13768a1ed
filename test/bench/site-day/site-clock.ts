import { performance } from 'node:perf_hooks';
import type { Clock } from '../../../electron/core/clock.js';

/**
 * The site's time running `speed` times faster than real time, from a chosen moment: a day of
 * opening hours in a few minutes, with every part of the site — sessions, waits, service
 * times — on the same compressed clock. `set` moves it (to start the day once set up, or
 * past retention for the purge); it keeps running from there.
 */
export class SiteClock implements Clock {
  private readonly startedAt = performance.now();
  private offset = 0;

  constructor(
    private readonly siteStart: number,
    readonly speed: number,
  ) {}

  now(): number {
    return Math.floor(this.siteStart + this.offset + (performance.now() - this.startedAt) * this.speed);
  }

  set(siteMs: number): void {
    this.offset += siteMs - this.now();
  }

  /** Real milliseconds until the site's clock reads `siteMs` (0 if it already has). */
  realMsUntil(siteMs: number): number {
    return Math.max(0, (siteMs - this.now()) / this.speed);
  }
}
