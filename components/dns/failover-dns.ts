import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../argument-error";
import {
  type DetectionSource,
  failoverTiming,
  RECOMMENDED_FAILOVER_TTL_SECONDS,
  ROUTE53_FAILURE_THRESHOLD_RANGE,
  ROUTE53_REQUEST_INTERVALS_SECONDS,
} from "./failover-timing";
import { type DnsRoutingPolicy, type FailoverRole, isRegionCode, planRoutingRecords } from "./routing-plan";
import { isIpv4Address, isIpv6Address, isPublicIpv4Address } from "../network/ip-address";
import { healthCheckStatusAlarm } from "./health-check-alarm";
import { failoverSignalTags } from "../resiliency/failover-signal";

const COMPONENT = "FailoverDns";
/** Largest TTL accepted for a failover record: resolvers keep sending callers to a failed Region for up to this long. */
const MAX_FAILOVER_TTL_SECONDS = 300;
const DNS_LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;
const HOSTED_ZONE_ID = /^Z[A-Z0-9]{1,31}$/;
const ARN_IN_ROUTE53_METRICS_REGION = /^arn:aws[a-z-]*:[a-z0-9-]+:us-east-1:\d{12}:.+$/;

/** Probe the endpoint over HTTPS (SNI on); healthy on a 2xx/3xx answer (and `searchString`, when set). */
export interface HttpsHealthCheckArgs {
  readonly type: "HTTPS";
  /** Host name probed, sent as SNI and Host header. */
  readonly fqdn: pulumi.Input<string>;
  /** Path requested. @default "/" */
  readonly resourcePath?: string;
  /** @default 443 */
  readonly port?: number;
  /** Probe this public IP instead of resolving `fqdn`. @default resolve `fqdn` */
  readonly ipAddress?: string;
  /** Also require this text in the first 5,120 bytes of the body (health check type HTTPS_STR_MATCH). @default status code only */
  readonly searchString?: string;
}

/** Probe the endpoint by opening a TCP connection. */
export interface TcpHealthCheckArgs {
  readonly type: "TCP";
  readonly port: number;
  /** Host name to resolve and probe; give this or `ipAddress`. */
  readonly fqdn?: pulumi.Input<string>;
  /** Public IP to probe; give this or `fqdn`. */
  readonly ipAddress?: string;
}

/**
 * Mirror a CloudWatch alarm: for private endpoints that Route 53's internet health checkers cannot
 * reach. The alarm (created elsewhere) watches the endpoint from inside its Region.
 */
export interface CloudWatchAlarmHealthCheckArgs {
  readonly type: "CLOUDWATCH_METRIC";
  readonly alarmName: pulumi.Input<string>;
  /** Region the alarm lives in. */
  readonly alarmRegion: string;
  /** The alarm's evaluation window in seconds (period x evaluation periods); used for the detection-time outputs. */
  readonly alarmDetectionSeconds: number;
  /**
   * Health while the alarm has insufficient data. @default "Unhealthy": a Region whose metrics stop
   * arriving is itself impaired, and failing over beats routing callers to it blind.
   */
  readonly insufficientDataHealthStatus?: "Healthy" | "Unhealthy" | "LastKnownStatus";
}

/** How one Region's endpoint is judged healthy. Plain HTTP is deliberately not offered: probe over TLS, or by TCP. */
export type EndpointHealthCheckArgs = HttpsHealthCheckArgs | TcpHealthCheckArgs | CloudWatchAlarmHealthCheckArgs;

/** The record values and health check of one Region. */
export interface FailoverDnsEndpointArgs {
  /** Record values: IPv4 addresses for A, IPv6 for AAAA, exactly one host name for CNAME. */
  readonly records: readonly pulumi.Input<string>[];
  /** Failover routing only: this Region's role. */
  readonly failover?: FailoverRole;
  /** Weighted routing only: relative weight 0-255 (0 = no traffic while another record is healthy). */
  readonly weight?: number;
  readonly healthCheck: EndpointHealthCheckArgs;
}

export interface FailoverDnsArgs {
  /** Route 53 hosted zone holding the records (in the network account). */
  readonly hostedZoneId: pulumi.Input<string>;
  /** Fully qualified record name, such as `agents.example.com`. */
  readonly recordName: string;
  readonly recordType: "A" | "AAAA" | "CNAME";
  /** "failover": PRIMARY served while healthy, else SECONDARY. "weighted": healthy records share traffic by weight. */
  readonly routingPolicy: DnsRoutingPolicy;
  /** One endpoint per Region, keyed by Region code (the key is the record's set identifier). */
  readonly endpoints: Readonly<Record<string, FailoverDnsEndpointArgs>>;
  /** Seconds between probes of HTTPS/TCP health checks, 10 or 30. @default 30 */
  readonly requestIntervalSeconds?: number;
  /** Consecutive failed probes before an HTTPS/TCP endpoint is unhealthy, 1-10. @default 3 */
  readonly failureThreshold?: number;
  /** Record TTL in seconds, 0-300. @default 60 (AWS's recommendation for failover records) */
  readonly ttlSeconds?: number;
  /**
   * Provider (account) for the HealthCheckStatus alarms. Route 53 publishes that metric only in
   * us-east-1, so every alarm is pinned to us-east-1 through its `region` argument whatever this
   * provider's Region; pass the network account's us-east-1 provider to keep the stack's providers
   * honest. @default the component's provider
   */
  readonly alarmProvider?: aws.Provider;
  /** Actions (SNS topic ARNs in us-east-1) for ALARM and OK. @default none: alarms only feed composite alarms and dashboards */
  readonly alarmActions?: readonly pulumi.Input<string>[];
  /** Tags for the health checks and alarms. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Health-checked DNS across Regions: one Route 53 health check and one failover or weighted record per
 * Region, and an alarm on each health check's status. Lives in the network account (commercial
 * partition: the alarms are pinned to us-east-1).
 *
 * @example
 * const dns = new FailoverDns("agents", {
 *   hostedZoneId: zone.zoneId,
 *   recordName: "agents.example.com",
 *   recordType: "CNAME",
 *   routingPolicy: "failover",
 *   endpoints: {
 *     "us-east-1": { failover: "PRIMARY", records: ["agents-use1.example.com"], healthCheck: { type: "HTTPS", fqdn: "agents-use1.example.com", resourcePath: "/health" } },
 *     "us-west-2": { failover: "SECONDARY", records: ["agents-usw2.example.com"], healthCheck: { type: "HTTPS", fqdn: "agents-usw2.example.com", resourcePath: "/health" } },
 *   },
 *   alarmProvider: networkUsEast1,
 * }, { provider: networkPrimary });
 */
export class FailoverDns extends pulumi.ComponentResource {
  /** Route 53 health check id by Region. */
  public readonly healthCheckIds: pulumi.Output<Record<string, string>>;
  /** HealthCheckStatus alarm ARN by Region (all in us-east-1). */
  public readonly alarmArns: pulumi.Output<Record<string, string>>;
  /** The record name, lower case without trailing dot; resolves once every record exists. */
  public readonly fqdn: pulumi.Output<string>;
  /** Slowest endpoint's detection time in seconds (interval x threshold, or the alarm window). */
  public readonly detectionSeconds: pulumi.Output<number>;
  /** Detection plus TTL: worst case until resolvers honouring the TTL follow a failover. */
  public readonly worstCaseFailoverSeconds: pulumi.Output<number>;

  constructor(name: string, args: FailoverDnsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("connect-dr:dns:FailoverDns", name, {}, opts);

    const requestIntervalSeconds = args.requestIntervalSeconds ?? 30;
    const failureThreshold = args.failureThreshold ?? 3;
    const ttlSeconds = args.ttlSeconds ?? RECOMMENDED_FAILOVER_TTL_SECONDS;
    const plan = planRoutingRecords(args.routingPolicy, args.endpoints);
    const fqdn = validateArgs(args, requestIntervalSeconds, failureThreshold, ttlSeconds);
    const timing = failoverTiming(
      plan.map(({ region }) => detectionSourceOf(args.endpoints[region].healthCheck, requestIntervalSeconds, failureThreshold)),
      ttlSeconds,
    );

    const tags = args.tags ?? {};
    const alarmOpts: pulumi.CustomResourceOptions = args.alarmProvider ? { parent: this, provider: args.alarmProvider } : { parent: this };
    const healthCheckIds: Record<string, pulumi.Output<string>> = {};
    const alarmArns: Record<string, pulumi.Output<string>> = {};
    const recordIds: pulumi.Output<string>[] = [];

    for (const planned of plan) {
      const { region } = planned;
      const endpoint = args.endpoints[region];
      const healthCheck = new aws.route53.HealthCheck(
        `${name}-health-${region}`,
        { ...healthCheckInputs(endpoint.healthCheck, requestIntervalSeconds, failureThreshold), tags: { ...tags, Name: `${name}-${region}` } },
        { parent: this },
      );
      const record = new aws.route53.Record(
        `${name}-record-${region}`,
        {
          zoneId: args.hostedZoneId,
          name: fqdn,
          type: args.recordType,
          ttl: ttlSeconds,
          records: [...endpoint.records],
          setIdentifier: planned.setIdentifier,
          healthCheckId: healthCheck.id,
          ...(planned.failover
            ? { failoverRoutingPolicies: [{ type: planned.failover }] }
            : { weightedRoutingPolicies: [{ weight: planned.weight! }] }),
        },
        { parent: this },
      );
      const alarm = new aws.cloudwatch.MetricAlarm(
        `${name}-health-alarm-${region}`,
        {
          ...healthCheckStatusAlarm(healthCheck.id),
          alarmDescription: `Route 53 health check of ${fqdn} in ${region} is unhealthy`,
          alarmActions: [...(args.alarmActions ?? [])],
          okActions: [...(args.alarmActions ?? [])],
          // Liveness (missing data breaching, see healthCheckStatusAlarm).
          tags: { ...tags, ...failoverSignalTags("liveness") },
        },
        alarmOpts,
      );
      healthCheckIds[region] = healthCheck.id;
      alarmArns[region] = alarm.arn;
      recordIds.push(record.id);
    }

    this.healthCheckIds = pulumi.output(healthCheckIds);
    this.alarmArns = pulumi.output(alarmArns);
    this.fqdn = pulumi.all(recordIds).apply(() => fqdn);
    this.detectionSeconds = pulumi.output(timing.detectionSeconds);
    this.worstCaseFailoverSeconds = pulumi.output(timing.worstCaseSeconds);
    this.registerOutputs({
      healthCheckIds: this.healthCheckIds,
      alarmArns: this.alarmArns,
      fqdn: this.fqdn,
      detectionSeconds: this.detectionSeconds,
      worstCaseFailoverSeconds: this.worstCaseFailoverSeconds,
    });
  }
}

function detectionSourceOf(check: EndpointHealthCheckArgs, requestIntervalSeconds: number, failureThreshold: number): DetectionSource {
  return check.type === "CLOUDWATCH_METRIC"
    ? { kind: "alarm", alarmDetectionSeconds: check.alarmDetectionSeconds }
    : { kind: "probe", requestIntervalSeconds, failureThreshold };
}

/** The `aws.route53.HealthCheck` inputs for one endpoint's check. */
function healthCheckInputs(check: EndpointHealthCheckArgs, requestInterval: number, failureThreshold: number): aws.route53.HealthCheckArgs {
  switch (check.type) {
    case "HTTPS":
      return {
        type: check.searchString === undefined ? "HTTPS" : "HTTPS_STR_MATCH",
        fqdn: check.fqdn,
        port: check.port ?? 443,
        resourcePath: check.resourcePath ?? "/",
        enableSni: true,
        ...(check.ipAddress !== undefined ? { ipAddress: check.ipAddress } : {}),
        ...(check.searchString !== undefined ? { searchString: check.searchString } : {}),
        requestInterval,
        failureThreshold,
      };
    case "TCP":
      return {
        type: "TCP",
        port: check.port,
        ...(check.fqdn !== undefined ? { fqdn: check.fqdn } : {}),
        ...(check.ipAddress !== undefined ? { ipAddress: check.ipAddress } : {}),
        requestInterval,
        failureThreshold,
      };
    case "CLOUDWATCH_METRIC":
      // Interval and threshold do not apply: the alarm's own evaluation decides.
      return {
        type: "CLOUDWATCH_METRIC",
        cloudwatchAlarmName: check.alarmName,
        cloudwatchAlarmRegion: check.alarmRegion,
        insufficientDataHealthStatus: check.insufficientDataHealthStatus ?? "Unhealthy",
      };
  }
}

/** Lower-cased name without trailing dot when `value` is a fully qualified DNS name, else undefined. */
function normalizeFqdn(value: string): string | undefined {
  const name = value.toLowerCase().replace(/\.$/, "");
  const labels = name.split(".");
  if (name.length > 253 || labels.length < 2) return undefined;
  return labels.every((label, i) => DNS_LABEL.test(label) || (i === 0 && label === "*")) ? name : undefined;
}

function fail(argument: string, value: unknown, allowed: string): never {
  throw new ArgumentError(COMPONENT, argument, value, allowed);
}

function requireIntegerIn(argument: string, value: unknown, min: number, max: number): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    fail(argument, value, `allowed: an integer from ${min} to ${max}`);
  }
}

/** Validates everything but the routing plan; returns the normalized record name. */
function validateArgs(args: FailoverDnsArgs, requestIntervalSeconds: number, failureThreshold: number, ttlSeconds: number): string {
  if (typeof args.hostedZoneId === "string" && !HOSTED_ZONE_ID.test(args.hostedZoneId)) {
    fail("hostedZoneId", args.hostedZoneId, "allowed: a Route 53 hosted zone id such as 'Z0123456789ABCDEFGHIJ'");
  }
  const fqdn = normalizeFqdn(args.recordName);
  if (fqdn === undefined) fail("recordName", args.recordName, "allowed: a fully qualified DNS name such as 'agents.example.com'");
  if (!["A", "AAAA", "CNAME"].includes(args.recordType)) fail("recordType", args.recordType, "allowed: 'A', 'AAAA' or 'CNAME'");
  if (!ROUTE53_REQUEST_INTERVALS_SECONDS.includes(requestIntervalSeconds)) {
    fail("requestIntervalSeconds", requestIntervalSeconds, `allowed: ${ROUTE53_REQUEST_INTERVALS_SECONDS.join(" or ")} (Route 53 request intervals)`);
  }
  requireIntegerIn("failureThreshold", failureThreshold, ROUTE53_FAILURE_THRESHOLD_RANGE.min, ROUTE53_FAILURE_THRESHOLD_RANGE.max);
  requireIntegerIn("ttlSeconds", ttlSeconds, 0, MAX_FAILOVER_TTL_SECONDS);
  if (args.alarmProvider !== undefined && !aws.Provider.isInstance(args.alarmProvider)) {
    fail("alarmProvider", String(args.alarmProvider), "allowed: an aws.Provider for the network account (ideally its us-east-1 provider)");
  }
  for (const action of args.alarmActions ?? []) {
    if (typeof action === "string" && !ARN_IN_ROUTE53_METRICS_REGION.test(action)) {
      fail("alarmActions", action, "allowed: ARNs in us-east-1, where the HealthCheckStatus alarms live");
    }
  }
  for (const [region, endpoint] of Object.entries(args.endpoints)) {
    validateRecords(`endpoints.${region}.records`, args.recordType, endpoint.records);
    validateHealthCheck(`endpoints.${region}.healthCheck`, endpoint.healthCheck);
  }
  return fqdn;
}

function validateRecords(argument: string, recordType: FailoverDnsArgs["recordType"], records: readonly pulumi.Input<string>[]): void {
  if (!Array.isArray(records) || records.length === 0) fail(argument, records ?? null, "allowed: at least one record value");
  if (recordType === "CNAME" && records.length !== 1) fail(argument, records, "a CNAME record takes exactly one host name");
  for (const value of records) {
    if (typeof value !== "string") continue; // known only at deployment
    if (recordType === "A" && !isIpv4Address(value)) fail(argument, value, "A record values must be IPv4 addresses");
    if (recordType === "AAAA" && !isIpv6Address(value)) fail(argument, value, "AAAA record values must be IPv6 addresses");
    if (recordType === "CNAME" && normalizeFqdn(value) === undefined) fail(argument, value, "a CNAME value must be a fully qualified host name");
  }
}

function validateHealthCheck(argument: string, check: EndpointHealthCheckArgs): void {
  switch (check?.type) {
    case "HTTPS":
      if (typeof check.fqdn === "string" && normalizeFqdn(check.fqdn) === undefined) {
        fail(`${argument}.fqdn`, check.fqdn, "allowed: a fully qualified host name (sent as SNI and Host header)");
      }
      if (check.fqdn === undefined) fail(`${argument}.fqdn`, null, "HTTPS health checks need the host name for SNI");
      if (check.resourcePath !== undefined && (!check.resourcePath.startsWith("/") || check.resourcePath.length > 255)) {
        fail(`${argument}.resourcePath`, check.resourcePath, "allowed: a path starting with '/', at most 255 characters");
      }
      if (check.searchString !== undefined && (check.searchString.length === 0 || check.searchString.length > 255)) {
        fail(`${argument}.searchString`, check.searchString, "allowed: 1 to 255 characters");
      }
      validateProbeTarget(argument, check.port ?? 443, check.ipAddress);
      return;
    case "TCP":
      if (check.fqdn === undefined && check.ipAddress === undefined) {
        fail(`${argument}.ipAddress`, null, "TCP health checks need an fqdn or an ipAddress");
      }
      if (typeof check.fqdn === "string" && normalizeFqdn(check.fqdn) === undefined) {
        fail(`${argument}.fqdn`, check.fqdn, "allowed: a fully qualified host name");
      }
      validateProbeTarget(argument, check.port, check.ipAddress);
      return;
    case "CLOUDWATCH_METRIC":
      if (typeof check.alarmName === "string" && (check.alarmName.length === 0 || check.alarmName.length > 255)) {
        fail(`${argument}.alarmName`, check.alarmName, "allowed: a CloudWatch alarm name of 1 to 255 characters");
      }
      if (!isRegionCode(check.alarmRegion)) fail(`${argument}.alarmRegion`, check.alarmRegion, "allowed: an AWS Region code such as 'us-west-2'");
      requireIntegerIn(`${argument}.alarmDetectionSeconds`, check.alarmDetectionSeconds, 10, 86400);
      if (
        check.insufficientDataHealthStatus !== undefined &&
        !["Healthy", "Unhealthy", "LastKnownStatus"].includes(check.insufficientDataHealthStatus)
      ) {
        fail(`${argument}.insufficientDataHealthStatus`, check.insufficientDataHealthStatus, "allowed: 'Healthy', 'Unhealthy' or 'LastKnownStatus'");
      }
      return;
    default:
      fail(`${argument}.type`, (check as { type?: unknown } | undefined)?.type ?? null, "allowed: 'HTTPS', 'TCP' or 'CLOUDWATCH_METRIC'");
  }
}

function validateProbeTarget(argument: string, port: number, ipAddress: string | undefined): void {
  requireIntegerIn(`${argument}.port`, port, 1, 65535);
  if (ipAddress !== undefined && !isPublicIpv4Address(ipAddress) && !isIpv6Address(ipAddress)) {
    fail(
      `${argument}.ipAddress`,
      ipAddress,
      "allowed: a public IP address (Route 53 health checkers probe from the internet; use a CLOUDWATCH_METRIC check for private endpoints)",
    );
  }
}
