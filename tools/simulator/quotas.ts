/**
 * Per-API request quotas as token buckets per (account, Region, operation).
 *
 * Amazon Connect's documented default for most APIs is 2 requests per second with a burst of 5,
 * per account and Region, shared by every instance there. A request that finds its bucket empty is
 * refused with `ThrottlingException` (HTTP 429), which the SDK classifies as a throttling error and
 * retries with back-off.
 */

/** A steady refill rate and a bucket size. */
export interface RateLimit {
  /** Tokens added per second. */
  readonly ratePerSecond: number;
  /** Bucket capacity: how many requests may arrive at once after idling. */
  readonly burst: number;
}

/** Quota configuration: a default for every API and optional per-operation overrides. */
export interface QuotaConfig {
  /** @default { ratePerSecond: 2, burst: 5 }, with the documented metrics-API exceptions ({@link CONNECT_DOCUMENTED_RATES}) */
  readonly default?: RateLimit;
  /** Per operation name, e.g. `{ ListQueues: { ratePerSecond: 10, burst: 10 } }`. */
  readonly perOperation?: Readonly<Record<string, RateLimit>>;
  /** Turns throttling off entirely. @default true */
  readonly enabled?: boolean;
}

/** Connect's documented default API quota. */
export const CONNECT_DEFAULT_RATE: RateLimit = { ratePerSecond: 2, burst: 5 };

/**
 * Documented exceptions to the default: the metrics APIs allow 5 requests/s, burst 8. They apply
 * only while the default is Connect's own; a caller who sets `default` (e.g. scaling every API to
 * 50 rps for a benchmark) gets that for every API without an explicit `perOperation` entry.
 */
export const CONNECT_DOCUMENTED_RATES: Readonly<Record<string, RateLimit>> = {
  GetMetricData: { ratePerSecond: 5, burst: 8 },
  GetCurrentMetricData: { ratePerSecond: 5, burst: 8 },
};

interface Bucket {
  tokens: number;
  updatedAt: number;
  limit: RateLimit;
}

/** Token buckets keyed by account, Region and operation. */
export class QuotaEnforcer {
  private defaultLimit: RateLimit;
  private perOperation: Map<string, RateLimit>;
  private enabled: boolean;
  /** Whether the documented per-API exceptions apply (only while the default is Connect's). */
  private documented: boolean;
  private readonly buckets = new Map<string, Bucket>();

  constructor(config: QuotaConfig = {}, private readonly now: () => number = () => performance.now()) {
    this.defaultLimit = config.default ?? CONNECT_DEFAULT_RATE;
    this.documented = config.default === undefined;
    this.perOperation = new Map(Object.entries(config.perOperation ?? {}));
    this.enabled = config.enabled ?? true;
  }

  /**
   * Changes limits at run time. `default` replaces the default for every API without an override;
   * `perOperation` entries are merged. Existing buckets keep their level but adopt the new limit.
   */
  configure(config: QuotaConfig): void {
    if (config.default) {
      this.defaultLimit = config.default;
      this.documented = false;
    }
    for (const [op, limit] of Object.entries(config.perOperation ?? {})) this.perOperation.set(op, limit);
    if (config.enabled !== undefined) this.enabled = config.enabled;
    for (const [key, bucket] of this.buckets) {
      bucket.limit = this.limitFor(key.slice(key.lastIndexOf("|") + 1));
      bucket.tokens = Math.min(bucket.tokens, bucket.limit.burst);
    }
  }

  /** The current configuration, for the admin endpoint. */
  snapshot(): Required<QuotaConfig> {
    return { default: this.defaultLimit, perOperation: Object.fromEntries(this.perOperation), enabled: this.enabled };
  }

  /** The limit that applies to an operation. */
  limitFor(operation: string): RateLimit {
    return this.perOperation.get(operation) ?? (this.documented ? CONNECT_DOCUMENTED_RATES[operation] : undefined) ?? this.defaultLimit;
  }

  /** Takes one token; false when the caller must be throttled. */
  tryAcquire(account: string, region: string, operation: string): boolean {
    if (!this.enabled) return true;
    const key = `${account}|${region}|${operation}`;
    const t = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      const limit = this.limitFor(operation);
      bucket = { tokens: limit.burst, updatedAt: t, limit };
      this.buckets.set(key, bucket);
    }
    const elapsedSeconds = (t - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(bucket.limit.burst, bucket.tokens + elapsedSeconds * bucket.limit.ratePerSecond);
    bucket.updatedAt = t;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return true;
    }
    return false;
  }

  /** Refills every bucket (used by reset). */
  reset(): void {
    this.buckets.clear();
  }
}
