/**
 * What an alarm that can trigger an automated failover is a signal of (CONTRACTS.md section B). Every
 * such alarm, metric or composite, carries the tag `connect-dr:failover-signal`:
 * - `liveness`: is the Region (or the peer) alive at all: the peer-probe alarms, the health composite
 *   alarm, the Route 53 health-check alarms. A dark Region publishes nothing, so for a liveness metric
 *   alarm missing data is bad news: `treatMissingData: "breaching"`.
 * - `quality`: error, throttle or latency signals of a Region that is still reporting (the Connect
 *   instance's and its flow functions' alarms). Those metrics exist only when something happens, so
 *   missing data there means nothing went wrong: `notBreaching`.
 */

/** The tag key. */
export const FAILOVER_SIGNAL_TAG = "connect-dr:failover-signal";

export type FailoverSignal = "liveness" | "quality";

/** How each kind of signal treats missing data. */
export const MISSING_DATA_BY_SIGNAL: Readonly<Record<FailoverSignal, "breaching" | "notBreaching">> = { liveness: "breaching", quality: "notBreaching" };

/** The tags that say which kind of signal an alarm is. */
export function failoverSignalTags(signal: FailoverSignal): Record<string, string> {
  return { [FAILOVER_SIGNAL_TAG]: signal };
}
