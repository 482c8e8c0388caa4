import { z } from "zod";
import { assertQuota, type BucketQuota } from "./token-bucket";

/** The Amazon Connect default for most APIs: 2 requests per second, burst 5, per account and Region. */
export const CONNECT_DEFAULT_QUOTA: BucketQuota = { ratePerSecond: 2, burst: 5 };

/** Quotas per API name (the SDK command name without `Command`), with a default for the rest. */
export interface QuotaTable {
  readonly default: BucketQuota;
  readonly perApi: Readonly<Record<string, BucketQuota>>;
}

export function quotaFor(table: QuotaTable, api: string): BucketQuota {
  return table.perApi[api] ?? table.default;
}

/**
 * The bucket the client runs for a server quota: the same rate, but `headroom` fewer burst tokens
 * (never below 1). Requests spaced exactly 1/rate apart at the client arrive with network jitter;
 * if the client also spent the server's whole burst, the first early arrival would be throttled
 * (and one throttle makes the SDK's adaptive retry slow the whole client down). Keeping a couple
 * of the server's tokens unspent absorbs that jitter at no cost to the sustained rate.
 */
export function clientBucket(quota: BucketQuota, headroom = defaultHeadroom(quota)): BucketQuota {
  return { ratePerSecond: quota.ratePerSecond, burst: Math.max(1, Math.min(quota.burst, quota.burst - headroom)) };
}

/** Tokens left unspent by default: 2, or fewer when the burst is that small. */
export function defaultHeadroom(quota: BucketQuota): number {
  return Math.min(2, Math.max(0, quota.burst - 1));
}

/** Every API at `ratePerSecond` with burst `burst` (benchmarks and tests scale quotas up). */
export function uniformQuotas(ratePerSecond: number, burst: number): QuotaTable {
  const quota = { ratePerSecond, burst };
  assertQuota(quota, "uniform quota");
  return { default: quota, perApi: {} };
}

const quotaShape = z.object({ ratePerSecond: z.number().positive(), burst: z.number().min(1) });

/** Our own file format: `{ "default": {ratePerSecond, burst}, "apis": { "CreateContactFlow": {...} } }`. */
const ownFile = z.object({
  default: quotaShape.optional(),
  apis: z.record(z.string(), quotaShape.partial()).optional(),
});

/**
 * The output of `aws service-quotas list-service-quotas --service-code connect`:
 * `Rate of <Api> API requests` gives the rate, `Burst of <Api> API requests` (when present) the burst.
 */
const serviceQuotasFile = z.object({
  Quotas: z.array(z.object({ QuotaName: z.string(), Value: z.number().positive() }).loose()),
});

const RATE_NAME = /^Rate of ([A-Za-z0-9]+) API requests$/;
const BURST_NAME = /^Burst of ([A-Za-z0-9]+) API requests$/;

/**
 * Parses a quotas file (either format) over `base`. Throws an Error naming the problem and the
 * formats allowed.
 */
export function parseQuotaFile(json: unknown, base: QuotaTable = { default: CONNECT_DEFAULT_QUOTA, perApi: {} }): QuotaTable {
  const sq = serviceQuotasFile.safeParse(json);
  if (sq.success) {
    const rates = new Map<string, number>();
    const bursts = new Map<string, number>();
    for (const q of sq.data.Quotas) {
      const rate = RATE_NAME.exec(q.QuotaName);
      if (rate) rates.set(rate[1]!, q.Value);
      const burst = BURST_NAME.exec(q.QuotaName);
      if (burst) bursts.set(burst[1]!, q.Value);
    }
    const perApi: Record<string, BucketQuota> = { ...base.perApi };
    for (const api of new Set([...rates.keys(), ...bursts.keys()])) {
      const prev = quotaFor(base, api);
      perApi[api] = { ratePerSecond: rates.get(api) ?? prev.ratePerSecond, burst: bursts.get(api) ?? prev.burst };
    }
    return { default: base.default, perApi };
  }
  const own = ownFile.safeParse(json);
  if (own.success && (own.data.default || own.data.apis)) {
    const def = own.data.default ?? base.default;
    const perApi: Record<string, BucketQuota> = { ...base.perApi };
    for (const [api, q] of Object.entries(own.data.apis ?? {})) {
      const prev = base.perApi[api] ?? def;
      perApi[api] = { ratePerSecond: q.ratePerSecond ?? prev.ratePerSecond, burst: q.burst ?? prev.burst };
    }
    return { default: def, perApi };
  }
  throw new Error(
    'quotas file: expected either {"default":{"ratePerSecond":N,"burst":N},"apis":{"<Api>":{...}}} ' +
      'or the JSON output of `aws service-quotas list-service-quotas --service-code connect` ({"Quotas":[...]})',
  );
}
