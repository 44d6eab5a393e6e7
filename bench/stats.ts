/** Timing and summary statistics for the benchmark harness. */

export interface Summary {
  /** Number of timed runs. */
  n: number;
  medianMs: number;
  /** 99th percentile (nearest rank); with fewer than 100 runs this is close to the maximum. */
  p99Ms: number;
  minMs: number;
  maxMs: number;
}

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    medianMs: s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2,
    p99Ms: percentile(s, 99),
    minMs: s[0],
    maxMs: s[s.length - 1],
  };
}

export interface RepeatPlan {
  /** Untimed runs first (JIT warm-up). */
  warmup: number;
  /** At least this many timed runs. */
  minRuns: number;
  /** At most this many timed runs. */
  maxRuns: number;
  /** Stop once this much time was spent in timed runs (and minRuns are done). */
  budgetMs: number;
}

/** A value every measured function returns, kept so the work cannot be optimized away. */
let sink = 0;
export function consume(v: unknown): void {
  if (typeof v === 'number') sink = (sink + v) | 0;
  else if (v && typeof v === 'object') sink = (sink + 1) | 0;
}
export function sinkValue(): number {
  return sink;
}

/** Times `fn` repeatedly, each run on its own, and returns the run times in milliseconds. */
export function timeRuns(fn: () => unknown, plan: RepeatPlan): number[] {
  for (let i = 0; i < plan.warmup; i++) consume(fn());
  const times: number[] = [];
  let spent = 0;
  while (times.length < plan.maxRuns && (times.length < plan.minRuns || spent < plan.budgetMs)) {
    const t0 = performance.now();
    const v = fn();
    const dt = performance.now() - t0;
    consume(v);
    times.push(dt);
    spent += dt;
  }
  return times;
}

/**
 * Times several functions in rounds — each round runs every function once, in turn — so that
 * noise from the machine (other processes, garbage collection) falls on all of them alike.
 */
export function timeRounds<K extends string>(fns: Record<K, () => unknown>, plan: RepeatPlan): Record<K, Timed> {
  const keys = Object.keys(fns) as K[];
  for (let i = 0; i < plan.warmup; i++) for (const k of keys) consume(fns[k]());
  const out = Object.fromEntries(keys.map((k) => [k, { wall: [], cpu: [] } as Timed])) as Record<K, Timed>;
  let rounds = 0;
  let spent = 0;
  while (rounds < plan.maxRuns && (rounds < plan.minRuns || spent < plan.budgetMs)) {
    for (const k of keys) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const v = fns[k]();
      const dt = performance.now() - t0;
      const c = process.cpuUsage(c0);
      consume(v);
      out[k].wall.push(dt);
      out[k].cpu.push((c.user + c.system) / 1000);
      spent += dt;
    }
    rounds++;
  }
  return out;
}

/** Wall-clock and CPU times (ms) of the runs of one function. */
export interface Timed {
  wall: number[];
  /**
   * CPU time of the whole process during each run (getrusage: microsecond resolution, and it
   * includes V8's helper threads). Less sensitive than wall time to other processes on the machine.
   */
  cpu: number[];
}

export function median(values: readonly number[]): number {
  return summarize(values).medianMs;
}

/** Megabytes (10^6 bytes) per second. */
export function mbPerSecond(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000);
}
