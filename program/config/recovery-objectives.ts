import { failoverTiming } from "../../components/runtime";

/**
 * How long, at worst, DNS takes to send new sign-ins to the other Region after the primary fails:
 * Route 53's probe detection (`requestIntervalSeconds` x `failureThreshold`) plus the record TTL. The
 * arithmetic is `failoverTiming` of `components/dns/failover-timing.ts`, the one `FailoverDns` exports.
 * @throws RangeError for values Route 53 refuses (the schema rejects them before this is called)
 */
export function dnsFailoverSeconds(healthCheck: { requestIntervalSeconds: number; failureThreshold: number }, ttlSeconds: number): number {
  return failoverTiming([{ kind: "probe", ...healthCheck }], ttlSeconds).worstCaseSeconds;
}
