/**
 * What the hub acknowledged during the day, as the clients were told it: the checks hold the
 * store to this. Only answered calls are written here, so an action the hub took but never
 * acknowledged (cut off by a crash, then not retried) shows up as a difference.
 */
export type Ending = 'finished' | 'no-show';

export class Ledger {
  /** Visitor index → the ticket their reception was given. */
  readonly issued = new Map<number, { visitId: number; number: string; serviceId: number; issuedAt: number; estimatedWaitMinutes: number }>();
  /** Visit id → every desk that was handed it by callNext (exactly one, if all is well). */
  readonly calledBy = new Map<number, number[]>();
  /** Visit id → site time of its first call. */
  readonly calledAt = new Map<number, number>();
  readonly recalls = new Map<number, number>();
  readonly endings = new Map<number, Ending[]>();
  /** callNext answers that found nobody waiting. */
  emptyCalls = 0;

  issue(visitor: number, ticket: { visitId: number; number: string; serviceId: number; issuedAt: number }, estimatedWaitMinutes: number): void {
    if (this.issued.has(visitor)) throw new Error(`visitor ${String(visitor)} was given a second ticket`);
    this.issued.set(visitor, { ...ticket, estimatedWaitMinutes });
  }

  call(visitId: number, deskId: number, at: number): void {
    const desks = this.calledBy.get(visitId) ?? [];
    desks.push(deskId);
    this.calledBy.set(visitId, desks);
    if (!this.calledAt.has(visitId)) this.calledAt.set(visitId, at);
  }

  recall(visitId: number): void {
    this.recalls.set(visitId, (this.recalls.get(visitId) ?? 0) + 1);
  }

  end(visitId: number, ending: Ending): void {
    const endings = this.endings.get(visitId) ?? [];
    endings.push(ending);
    this.endings.set(visitId, endings);
  }

  count(ending: Ending): number {
    let n = 0;
    for (const endings of this.endings.values()) n += endings.filter((e) => e === ending).length;
    return n;
  }

  get recallCount(): number {
    let n = 0;
    for (const count of this.recalls.values()) n += count;
    return n;
  }

  /** Acknowledged actions that changed the queue: the day's useful calls. */
  get actions(): number {
    let called = 0;
    for (const desks of this.calledBy.values()) called += desks.length;
    let ended = 0;
    for (const endings of this.endings.values()) ended += endings.length;
    // A finish comes after a start: count the start too.
    return this.issued.size + called + this.recallCount + ended + this.count('finished');
  }
}

/**
 * Wakes a desk that found nobody waiting when a ticket is issued — one desk per ticket, so the
 * desks do not all rush the hub for the same one — or all of them when reception is done.
 */
export class Arrivals {
  private readonly waiting: Array<() => void> = [];
  done = false;

  arrived(): void {
    this.waiting.shift()?.();
  }

  finish(): void {
    this.done = true;
    for (const wake of this.waiting.splice(0)) wake();
  }

  /** Until a ticket arrives, reception finishes, or `limitMs` passes (a ticket for another desk's services). */
  next(limitMs: number): Promise<void> {
    if (this.done) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const at = this.waiting.indexOf(wake);
        if (at >= 0) this.waiting.splice(at, 1);
        resolve();
      }, limitMs);
      this.waiting.push(wake);
    });
  }
}
