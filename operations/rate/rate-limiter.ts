import { fullBucket, reserve, type BucketState } from "./token-bucket";
import { quotaFor, type QuotaTable } from "./quotas";

/** Statistics the limiter keeps per API. */
export interface ApiRateStats {
  readonly calls: number;
  readonly waitedMs: number;
}

/**
 * Client-side token buckets, one per (partition, API). The partition is "<account>/<Region>",
 * matching how Amazon Connect applies its quotas: shared by every instance in the account and Region.
 * One limiter instance should be shared by every client talking to the same account and Region.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, BucketState>();
  private readonly stats = new Map<string, { calls: number; waitedMs: number }>();

  constructor(
    private readonly quotas: QuotaTable,
    private readonly clock: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Waits until one request to `api` in `partition` may be sent. */
  async acquire(partition: string, api: string): Promise<void> {
    const key = `${partition}|${api}`;
    const quota = quotaFor(this.quotas, api);
    const now = this.clock();
    const prev = this.buckets.get(key) ?? fullBucket(quota, now);
    const { state, waitMs } = reserve(prev, quota, now);
    this.buckets.set(key, state);
    const s = this.stats.get(key) ?? { calls: 0, waitedMs: 0 };
    s.calls += 1;
    s.waitedMs += waitMs;
    this.stats.set(key, s);
    if (waitMs > 0) await this.sleep(waitMs);
  }

  /** Calls and total wait per "<partition>|<api>". */
  snapshot(): Record<string, ApiRateStats> {
    const out: Record<string, ApiRateStats> = {};
    for (const [k, v] of this.stats) out[k] = { ...v };
    return out;
  }

  quotaTable(): QuotaTable {
    return this.quotas;
  }
}
