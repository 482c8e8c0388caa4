import { ConnectClient, type ConnectClientConfig } from "@aws-sdk/client-connect";
import { applyNetworkPolicy, networkClientConfig } from "../aws-client/network-policy";
import type { RateLimiter } from "../rate/rate-limiter";

/** Where and as whom to talk to Amazon Connect. Unset fields come from the standard SDK v3 chain. */
export interface ConnectTarget {
  readonly region?: string;
  readonly endpoint?: string;
  readonly profile?: string;
  readonly credentials?: ConnectClientConfig["credentials"];
  /** The flag that sets `endpoint`, named when it cannot be reached. @default "--endpoint-url" */
  readonly endpointFlag?: string;
}

/** Counters for one client: every attempt, and what the SDK's retries hid from the caller. */
export class CallCounters {
  attempts = 0;
  /** Throttling responses the SDK retried (the user never saw them). */
  throttlesRetried = 0;
  /** Other errors seen on an attempt (5xx, dropped connections, and final client errors). */
  otherAttemptErrors = 0;
  /** Throttling errors that reached the caller after all retries. Must stay 0. */
  throttlesSurfaced = 0;
  /** Calls per API name (successful or not, counted once per logical call). */
  readonly callsByApi = new Map<string, number>();
  /** Write calls (anything that is not List/Describe/Get/Search) per API. */
  writes = 0;
}

const THROTTLE_NAMES = new Set(["ThrottlingException", "TooManyRequestsException", "LimitExceededException"]);
const READ_PREFIXES = ["List", "Describe", "Get", "Search"];

export function isThrottle(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return !!e && (THROTTLE_NAMES.has(e.name ?? "") || e.$metadata?.httpStatusCode === 429);
}

export function isWriteApi(api: string): boolean {
  return !READ_PREFIXES.some((p) => api.startsWith(p));
}

export interface RateAwareClientOptions extends ConnectTarget {
  readonly limiter: RateLimiter;
  /** The quota partition, "<account>/<Region>" (quotas are per account and Region); may be resolved late. */
  readonly partition: string | (() => string);
  /** Attempts per call including the first (SDK adaptive retry). @default 12 */
  readonly maxAttempts?: number;
  readonly counters?: CallCounters;
  /** A retry strategy replacing `retryMode: "adaptive"` (see `tunedAdaptiveRetry`). */
  readonly retryStrategy?: unknown;
}

/**
 * A ConnectClient with the SDK's adaptive retry and a client-side token bucket per API in front of
 * every attempt (so retries also respect the quota).
 */
export function createRateAwareClient(options: RateAwareClientOptions): { client: ConnectClient; counters: CallCounters } {
  const counters = options.counters ?? new CallCounters();
  const client = new ConnectClient({
    ...networkClientConfig(),
    ...(options.region ? { region: options.region } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.retryStrategy
      ? { retryStrategy: options.retryStrategy as ConnectClientConfig["retryStrategy"] }
      : { retryMode: "adaptive", maxAttempts: options.maxAttempts ?? 12 }),
  });
  const apiOf = (context: { commandName?: string }) => (context.commandName ?? "Unknown").replace(/Command$/, "");
  // Outside the retry loop: one logical call, and the errors the caller sees.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const api = apiOf(context);
      counters.callsByApi.set(api, (counters.callsByApi.get(api) ?? 0) + 1);
      if (isWriteApi(api)) counters.writes += 1;
      try {
        return await next(args);
      } catch (err) {
        if (isThrottle(err)) counters.throttlesSurfaced += 1;
        throw err;
      }
    },
    { step: "initialize", name: "connectDrCallCounter", priority: "high" },
  );
  // Inside the retry loop: every attempt takes a token.
  client.middlewareStack.addRelativeTo(
    ((next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
      const api = apiOf(context);
      await options.limiter.acquire(typeof options.partition === "function" ? options.partition() : options.partition, api);
      counters.attempts += 1;
      try {
        return await next(args);
      } catch (err) {
        if (isThrottle(err)) counters.throttlesRetried += 1;
        else counters.otherAttemptErrors += 1;
        throw err;
      }
    }) as never,
    { relation: "after", toMiddleware: "retryMiddleware", name: "connectDrTokenBucket" },
  );
  applyNetworkPolicy(client, { name: "Amazon Connect", endpointFlag: options.endpointFlag ?? "--endpoint-url" });
  return { client, counters };
}
