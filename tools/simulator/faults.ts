/**
 * Fault injection: a fraction of requests fail with `InternalServiceException` (HTTP 500), have
 * latency added, have their connection dropped before processing, or are processed and then lose
 * their response. The random draws come from
 * a seeded generator so a test run is reproducible.
 */

/** What to inject. All fractions are probabilities in [0, 1]. */
export interface FaultConfig {
  /** Fraction of requests answered with InternalServiceException 500. @default 0 */
  readonly errorRate?: number;
  /** Fixed latency added before answering, in milliseconds. @default 0 */
  readonly latencyMs?: number;
  /** Extra random latency in [0, latencyJitterMs) milliseconds. @default 0 */
  readonly latencyJitterMs?: number;
  /** Fraction of requests whose socket is destroyed before any response. @default 0 */
  readonly dropRate?: number;
  /**
   * Fraction of requests that are fully processed but whose response is lost (socket destroyed
   * after the change is applied): the case that makes retries of non-idempotent calls dangerous
   * and ClientToken idempotency necessary. @default 0
   */
  readonly lostResponseRate?: number;
  /** Restrict faults to these operations; unset means every operation. */
  readonly operations?: readonly string[];
}

/** The decision for one request. */
export interface FaultDecision {
  readonly drop: boolean;
  /** Process the request, then drop the connection instead of answering. */
  readonly loseResponse: boolean;
  readonly error: boolean;
  readonly delayMs: number;
}

/** mulberry32: small, fast, good enough for fault dice, and deterministic by seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function checkFraction(name: string, value: number | undefined): void {
  if (value !== undefined && !(value >= 0 && value <= 1)) {
    throw new RangeError(`faults.${name} must be a fraction between 0 and 1, got ${value}`);
  }
}

/** Holds the current fault configuration and rolls the dice per request. */
export class FaultInjector {
  private config: FaultConfig = {};
  private random: () => number;

  constructor(config: FaultConfig = {}, seed = 1) {
    this.random = seededRandom(seed);
    this.set(config);
  }

  /** Replaces the configuration (validated: fractions in [0, 1], latencies >= 0). */
  set(config: FaultConfig): void {
    checkFraction("errorRate", config.errorRate);
    checkFraction("dropRate", config.dropRate);
    checkFraction("lostResponseRate", config.lostResponseRate);
    for (const key of ["latencyMs", "latencyJitterMs"] as const) {
      const v = config[key];
      if (v !== undefined && !(v >= 0)) throw new RangeError(`faults.${key} must be >= 0, got ${v}`);
    }
    this.config = { ...config };
  }

  /** The current configuration. */
  get(): FaultConfig {
    return { ...this.config };
  }

  /** Decides what happens to one request for `operation`. */
  decide(operation: string): FaultDecision {
    const c = this.config;
    if (c.operations && !c.operations.includes(operation)) return { drop: false, loseResponse: false, error: false, delayMs: 0 };
    const drop = (c.dropRate ?? 0) > 0 && this.random() < (c.dropRate ?? 0);
    const error = !drop && (c.errorRate ?? 0) > 0 && this.random() < (c.errorRate ?? 0);
    const loseResponse = !drop && !error && (c.lostResponseRate ?? 0) > 0 && this.random() < (c.lostResponseRate ?? 0);
    const jitter = (c.latencyJitterMs ?? 0) > 0 ? this.random() * (c.latencyJitterMs ?? 0) : 0;
    return { drop, loseResponse, error, delayMs: (c.latencyMs ?? 0) + jitter };
  }
}
