/** How long each answered call took, by call name, as its client saw it (ms, loopback). */
export interface CallFigures {
  calls: number;
  p50Ms: number;
  p99Ms: number;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** The value below which `share` of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * share) - 1))]!;
}

export class CallTimes {
  private readonly byName = new Map<string, number[]>();

  add(name: string, ms: number): void {
    let list = this.byName.get(name);
    if (list === undefined) this.byName.set(name, (list = []));
    list.push(ms);
  }

  /** Forgets what was measured so far: the setup's calls are not the day's. */
  clear(): void {
    this.byName.clear();
  }

  get count(): number {
    let n = 0;
    for (const list of this.byName.values()) n += list.length;
    return n;
  }

  perCall(): Record<string, CallFigures> {
    const out: Record<string, CallFigures> = {};
    for (const [name, list] of [...this.byName].sort(([a], [b]) => a.localeCompare(b))) {
      const sorted = [...list].sort((a, b) => a - b);
      out[name] = { calls: list.length, p50Ms: round(percentile(sorted, 0.5)), p99Ms: round(percentile(sorted, 0.99)) };
    }
    return out;
  }

  /** The 99th percentile over every call of the day, whatever its name. */
  overallP99Ms(): number {
    const all = [...this.byName.values()].flat().sort((a, b) => a - b);
    return round(percentile(all, 0.99));
  }
}
