/**
 * The library's runtime: the Pulumi-free code the `connect-dr` CLI and the Lambda handlers share with the
 * components (failover orchestration and lock, traffic distribution plans, timing, flow content, config
 * rules). Importing it loads no @pulumi package (tests/layout.spec.ts), so a handler bundle stays small.
 */
export { ArgumentError } from "./argument-error";
export { isTimeZone } from "./connect/connect-region/time-zone";
export { FlowContentError, listFlowReferences, makeRegionNeutral, parseFlowDocument } from "./connect/flows";
export { AURORA_ENGINES, RDS_ENGINES } from "./database/engine-settings";
export { detectionSeconds, failoverTiming } from "./dns/failover-timing";
export { ROUTE53_METRICS_REGION } from "./dns/health-check-alarm";
export { SPLUNK_HEC_URL, SPLUNK_HEC_URL_RULE } from "./monitoring/splunk-hec";
export { isIpv4Cidr, isPublicIpv4Address } from "./network/ip-address";
export type { LambdaVpcArgs } from "./network/lambda-vpc-access";
export { INTERFACE_ENDPOINT_SERVICES, cidrContains, isRfc1918Cidr, prefixLength } from "./network/vpc-plan";
export { INSTANCE_ALIAS_RULE, isInstanceAlias } from "./resiliency/acgr/instance-alias";
export { parseInstanceArn } from "./resiliency/acgr/preconditions";
export { ACGR_REPLICATION, canReplicate } from "./resiliency/acgr/region-pairs";
export { Route53Weights, alarmRegionHealth, snsNotifier } from "./resiliency/aws-ports";
export type { WeightedRecord } from "./resiliency/aws-ports";
export { ConnectDistribution } from "./resiliency/connect-distribution";
export { DynamoDbFailoverStore } from "./resiliency/failover-lock";
export type { AuditLog, FailoverLock } from "./resiliency/failover-lock";
export { runFailover } from "./resiliency/failover";
export type { FailoverOutcome, FailoverPorts, FailoverTrigger, RegionHealth } from "./resiliency/failover";
export { federatedOperatorRolePatterns } from "./resiliency/operator-trust";
export { PEER_PROBE_NAMESPACE, darkRegionDetectionTerms, probePeer } from "./resiliency/peer-liveness";
export type { CheckResult, ProbeReport, SipEndpoint } from "./resiliency/peer-liveness";
export { activeRegion, describeDistribution, fromGetTrafficDistributionOutput, isSplit, planShift, sameDistribution } from "./resiliency/traffic-distribution";
export type { TrafficDistribution } from "./resiliency/traffic-distribution";
