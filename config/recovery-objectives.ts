/**
 * How long, at worst, DNS takes to send new sign-ins to the other Region after the primary fails:
 * Route 53 marks the endpoint unhealthy after `failureThreshold` failed checks `requestIntervalSeconds`
 * apart, then resolvers keep the old answer for up to `ttlSeconds`.
 */
export function dnsFailoverSeconds(healthCheck: { requestIntervalSeconds: number; failureThreshold: number }, ttlSeconds: number): number {
  return healthCheck.requestIntervalSeconds * healthCheck.failureThreshold + ttlSeconds;
}
