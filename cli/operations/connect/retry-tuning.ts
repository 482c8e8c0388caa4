import { ConnectClient } from "@aws-sdk/client-connect";

/**
 * Tuning of the SDK's adaptive retry strategy. Unset: the SDK defaults (`retryMode: "adaptive"`),
 * which is what operators get. Tests that inject a fixed 20% throttle rate shorten the delays so
 * the suite stays fast; the algorithm is the SDK's own in both cases.
 */
export interface RetryTuning {
  /** Base delay of the exponential backoff for 5xx/transient errors, ms. SDK default 50. */
  readonly baseDelayMs?: number;
  /** Base delay of the exponential backoff for throttling errors, ms. SDK default 1000. */
  readonly throttleDelayMs?: number;
  /** Floor of the adaptive client-side send rate after throttles, requests/s. SDK default 0.5. */
  readonly minFillRate?: number;
  /** Floor of the adaptive bucket's capacity (burst) after throttles. SDK default 1. */
  readonly minCapacity?: number;
}

type StrategyCtor = new (maxAttempts: number, options: Record<string, unknown>) => unknown;
type LimiterCtor = new (options: Record<string, unknown>) => unknown;

/**
 * The SDK's AdaptiveRetryStrategy and DefaultRateLimiter classes, taken from a client configured
 * with `retryMode: "adaptive"` (they live in a transitive package this project does not declare).
 */
async function sdkAdaptiveClasses(): Promise<{ Strategy: StrategyCtor; Limiter: LimiterCtor }> {
  const probe = new ConnectClient({ region: "us-east-1", retryMode: "adaptive", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
  const strategy = (await probe.config.retryStrategy()) as unknown as { constructor: StrategyCtor; rateLimiter?: { constructor: LimiterCtor } };
  probe.destroy();
  if (!strategy.rateLimiter) throw new Error("the SDK's adaptive retry strategy has no rateLimiter; cannot tune it");
  return { Strategy: strategy.constructor, Limiter: strategy.rateLimiter.constructor };
}

/** An SDK AdaptiveRetryStrategy with the given delays and rate floor. */
export async function tunedAdaptiveRetry(maxAttempts: number, tuning: RetryTuning): Promise<unknown> {
  const { Strategy, Limiter } = await sdkAdaptiveClasses();
  const transient = tuning.baseDelayMs ?? 50;
  const throttle = tuning.throttleDelayMs ?? 1000;
  let base = transient;
  const backoff = {
    // The strategy sets 1000 for throttling and its base delay otherwise.
    setDelayBase: (d: number) => (base = d >= 1000 ? throttle : transient),
    computeNextBackoffDelay: (attempt: number) => Math.floor(Math.min(20_000, Math.random() * 2 ** attempt * base)),
  };
  return new Strategy(maxAttempts, {
    maxAttempts,
    baseDelay: transient,
    backoff,
    rateLimiter: new Limiter({ ...(tuning.minFillRate ? { minFillRate: tuning.minFillRate } : {}), ...(tuning.minCapacity ? { minCapacity: tuning.minCapacity } : {}) }),
  });
}
