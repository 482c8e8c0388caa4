import { fullBucket, tryTake, type BucketState } from "./token-bucket";
import { clientBucket, quotaFor, type QuotaTable } from "./quotas";

/** Statistics the limiter keeps per API. */
export interface ApiRateStats {
  readonly calls: number;
  readonly waitedMs: number;
}

interface Lane {
  state: BucketState | undefined;
  readonly waiters: { resolve: () => void; since: number }[];
  pumping: boolean;
  calls: number;
  waitedMs: number;
}

/**
 * Client-side token buckets, one per (partition, API). The partition is "<account>/<Region>",
 * matching how Amazon Connect applies its quotas: shared by every instance in the account and Region.
 * One limiter instance should be shared by every client talking to the same account and Region.
 *
 * Waiters are served first-in first-out. A token is taken at the moment a request is released
 * (never reserved ahead), and the client bucket keeps a little of the server's burst unspent
 * (`clientBucket`), so neither network jitter nor a stalled event loop makes the client exceed the
 * quota.
 */
export class RateLimiter {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly quotas: QuotaTable,
    private readonly clock: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
    /** Burst tokens of the server's bucket the client leaves unspent. @default see `defaultHeadroom` */
    private readonly headroom?: number,
  ) {}

  /** Waits until one request to `api` in `partition` may be sent. */
  acquire(partition: string, api: string): Promise<void> {
    const key = `${partition}|${api}`;
    let lane = this.lanes.get(key);
    if (!lane) this.lanes.set(key, (lane = { state: undefined, waiters: [], pumping: false, calls: 0, waitedMs: 0 }));
    lane.calls += 1;
    const l = lane;
    return new Promise<void>((resolve) => {
      l.waiters.push({ resolve, since: this.clock() });
      if (!l.pumping) void this.pump(l, quotaFor(this.quotas, api));
    });
  }

  private async pump(lane: Lane, serverQuota: { ratePerSecond: number; burst: number }): Promise<void> {
    lane.pumping = true;
    const quota = clientBucket(serverQuota, this.headroom ?? undefined);
    try {
      while (lane.waiters.length > 0) {
        const now = this.clock();
        const r = tryTake(lane.state ?? fullBucket(quota, now), quota, now);
        lane.state = r.state;
        if (r.taken) {
          const w = lane.waiters.shift()!;
          lane.waitedMs += now - w.since;
          w.resolve();
        } else await this.sleep(r.waitMs);
      }
    } finally {
      lane.pumping = false;
    }
  }

  /** Calls and total wait per "<partition>|<api>". */
  snapshot(): Record<string, ApiRateStats> {
    const out: Record<string, ApiRateStats> = {};
    for (const [k, v] of this.lanes) out[k] = { calls: v.calls, waitedMs: Math.round(v.waitedMs) };
    return out;
  }

  quotaTable(): QuotaTable {
    return this.quotas;
  }
}
