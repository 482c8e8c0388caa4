import type { ConnectClient } from "@aws-sdk/client-connect";
import { RateLimiter } from "../rate/rate-limiter";
import { CONNECT_DEFAULT_QUOTA, type QuotaTable } from "../rate/quotas";
import { CallCounters, createRateAwareClient, type ConnectTarget } from "./connect-client";
import { tunedAdaptiveRetry, type RetryTuning } from "./retry-tuning";

export interface ConnectSession {
  readonly client: ConnectClient;
  readonly counters: CallCounters;
  readonly limiter: RateLimiter;
  /** Region the client resolved (flag, profile or environment). */
  readonly region: string;
}

/** Limiters shared per process: every session on the same account and Region shares the buckets. */
const sharedLimiters = new Map<QuotaTable, RateLimiter>();

export interface OpenSessionOptions extends ConnectTarget {
  readonly quotas?: QuotaTable;
  readonly limiter?: RateLimiter;
  readonly maxAttempts?: number;
  /** Shorter delays / a higher rate floor for the SDK's adaptive retry (tests with injected faults). */
  readonly retryTuning?: RetryTuning;
}

/**
 * A rate-aware Connect client. Region and credentials come from the flags given, else the standard
 * SDK v3 chain (environment, shared config/credentials files and profiles, SSO, container/instance
 * metadata). The token-bucket partition is "<access key id>/<Region>", i.e. per account and Region.
 */
export async function openSession(options: OpenSessionOptions = {}): Promise<ConnectSession> {
  const quotas = options.quotas ?? { default: CONNECT_DEFAULT_QUOTA, perApi: {} };
  let limiter = options.limiter ?? sharedLimiters.get(quotas);
  if (!limiter) sharedLimiters.set(quotas, (limiter = new RateLimiter(quotas)));
  let partition = "unresolved";
  const retryStrategy = options.retryTuning ? await tunedAdaptiveRetry(options.maxAttempts ?? 12, options.retryTuning) : undefined;
  const { client, counters } = createRateAwareClient({
    ...options,
    limiter,
    partition: () => partition,
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    ...(retryStrategy ? { retryStrategy } : {}),
  });
  const region = await client.config.region();
  const creds = await client.config.credentials();
  partition = `${creds.accessKeyId}/${region}`;
  return { client, counters, limiter, region };
}
