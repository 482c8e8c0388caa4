/**
 * Alarms on Route 53 health checks. Route 53 publishes AWS/Route53 HealthCheckStatus (1 healthy, 0
 * unhealthy) only in us-east-1, so every such alarm, dashboard widget and alarm provider is there.
 */
import type * as pulumi from "@pulumi/pulumi";
import { MISSING_DATA_BY_SIGNAL } from "../resiliency/failover-signal";

/** The only Region with Route 53 health-check metrics. */
export const ROUTE53_METRICS_REGION = "us-east-1";

/**
 * The metric half of an alarm on one health check: HealthCheckStatus below 1 for a minute, in
 * us-east-1. Missing data is breaching: no status means Route 53 is not checking, which is no reason
 * to believe the endpoint is up.
 */
export function healthCheckStatusAlarm(healthCheckId: pulumi.Input<string>) {
  return {
    region: ROUTE53_METRICS_REGION,
    namespace: "AWS/Route53",
    metricName: "HealthCheckStatus",
    dimensions: { HealthCheckId: healthCheckId },
    statistic: "Minimum",
    period: 60,
    evaluationPeriods: 1,
    threshold: 1,
    comparisonOperator: "LessThanThreshold",
    treatMissingData: MISSING_DATA_BY_SIGNAL.liveness,
  };
}
