/**
 * How long DNS failover takes: Route 53 health-check detection, then the record TTL during which
 * resolvers keep answering with the failed endpoint. Shared by `FailoverDns` (as an output) and the
 * DR readiness report (as an RTO input).
 *
 * The arithmetic follows AWS's model: an endpoint health check is declared unhealthy after
 * `failureThreshold` consecutive failed probes, one every `requestIntervalSeconds`, so detection takes
 * about interval x threshold; a CLOUDWATCH_METRIC health check follows its alarm, so detection is the
 * alarm's own evaluation window. Probe time-outs and health-checker disagreement add a few seconds on
 * top; this is the planning figure AWS documents, not a guarantee.
 */

/** Request intervals Route 53 accepts, in seconds. */
export const ROUTE53_REQUEST_INTERVALS_SECONDS: readonly number[] = [10, 30];
/** Smallest and largest failure threshold Route 53 accepts. */
export const ROUTE53_FAILURE_THRESHOLD_RANGE = { min: 1, max: 10 } as const;
/** The TTL AWS recommends for records that take part in DNS failover. */
export const RECOMMENDED_FAILOVER_TTL_SECONDS = 60;

/** What decides when one endpoint is considered unhealthy. */
export type DetectionSource =
  /** Route 53 health checkers probe the endpoint (HTTPS, TCP). */
  | { readonly kind: "probe"; readonly requestIntervalSeconds: number; readonly failureThreshold: number }
  /** The health check mirrors a CloudWatch alarm; detection is the alarm's evaluation window. */
  | { readonly kind: "alarm"; readonly alarmDetectionSeconds: number };

/** Worst-case failover time of a set of health-checked records. */
export interface FailoverTiming {
  /** Longest detection time among the endpoints, in seconds. */
  readonly detectionSeconds: number;
  /** Record TTL, in seconds. */
  readonly ttlSeconds: number;
  /** detectionSeconds + ttlSeconds: until every resolver honouring the TTL has the new answer. */
  readonly worstCaseSeconds: number;
}

function requireInteger(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`invalid '${field}' = ${JSON.stringify(value)}; allowed: an integer from ${min} to ${max}`);
  }
}

/** Seconds until one endpoint's health check turns unhealthy after the endpoint fails. */
export function detectionSeconds(source: DetectionSource): number {
  if (source.kind === "alarm") {
    requireInteger("alarmDetectionSeconds", source.alarmDetectionSeconds, 10, Number.MAX_SAFE_INTEGER);
    return source.alarmDetectionSeconds;
  }
  if (!ROUTE53_REQUEST_INTERVALS_SECONDS.includes(source.requestIntervalSeconds)) {
    throw new RangeError(
      `invalid 'requestIntervalSeconds' = ${JSON.stringify(source.requestIntervalSeconds)}; allowed: ${ROUTE53_REQUEST_INTERVALS_SECONDS.join(" or ")}`,
    );
  }
  const { min, max } = ROUTE53_FAILURE_THRESHOLD_RANGE;
  requireInteger("failureThreshold", source.failureThreshold, min, max);
  return source.requestIntervalSeconds * source.failureThreshold;
}

/**
 * Worst-case failover time for records sharing one TTL: the slowest endpoint's detection plus the TTL.
 * The slowest endpoint counts because, across failover and failback (or any weighted member), any of
 * them may be the one that fails.
 */
export function failoverTiming(sources: readonly DetectionSource[], ttlSeconds: number): FailoverTiming {
  if (sources.length === 0) throw new RangeError("invalid 'sources' = []; allowed: at least one detection source");
  requireInteger("ttlSeconds", ttlSeconds, 0, 2147483647);
  const detection = Math.max(...sources.map(detectionSeconds));
  return { detectionSeconds: detection, ttlSeconds, worstCaseSeconds: detection + ttlSeconds };
}
