import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../argument-error";
import { isPublicIpv4Address } from "../network/ip-address";
import { healthCheckStatusAlarm } from "./health-check-alarm";
import { failoverSignalTags } from "../resiliency/failover-signal";

const COMPONENT = "TelephonyHealthChecks";
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const KEY = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;
const HOST = /^(?=.{1,253}$)(?:(?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}$/;
const PREFIX = /^[a-zA-Z0-9._-]{1,64}$/;
const SNS_IN_US_EAST_1 = /^arn:aws[a-z-]*:sns:us-east-1:\d{12}:.+$/;
/** SIP over TLS. */
export const SIP_TLS_PORT = 5061;

/** One SIP endpoint (carrier SBC or Amazon Chime SDK Voice Connector signalling host). */
export interface SipEndpointArgs {
  /** Public IPv4 address probed; give this or `fqdn`. */
  readonly ipAddress?: string;
  /** Host name resolved and probed; give this or `ipAddress`. */
  readonly fqdn?: string;
  /** TCP port opened. @default 5061 (SIP over TLS) */
  readonly port?: number;
}

export interface TelephonyHealthChecksArgs {
  /** Endpoints by Region, then by a stable endpoint name (such as the carrier's). */
  readonly endpoints: Readonly<Record<string, Readonly<Record<string, SipEndpointArgs>>>>;
  /** Seconds between probes, 10 or 30. @default 30 */
  readonly requestIntervalSeconds?: number;
  /** Failed probes before unhealthy, 1-10. @default 3 */
  readonly failureThreshold?: number;
  /** Provider (account, ideally its us-east-1 one) for the HealthCheckStatus alarms, which are pinned to us-east-1. */
  readonly alarmProvider: aws.Provider;
  /** Alarm names are `<prefix>-sip-<region>-<endpoint>`. @default "connect-dr" */
  readonly alarmNamePrefix?: string;
  /** SNS topics (us-east-1) for ALARM and OK. @default none */
  readonly alarmActions?: readonly pulumi.Input<string>[];
  readonly tags?: Readonly<Record<string, string>>;
}

/** Name of the alarm of one SIP endpoint: pure, so composite alarms and runbooks can name it. */
export function sipAlarmName(prefix: string, region: string, endpoint: string): string {
  return `${prefix}-sip-${region}-${endpoint}`;
}

/**
 * Reachability of the SIP trunks per Region: a Route 53 TCP health check on each carrier or Voice
 * Connector signalling endpoint (port 5061 by default: the TCP handshake of SIP over TLS), and an
 * alarm on its HealthCheckStatus in us-east-1, the only Region that metric exists in. CloudWatch
 * composite alarms take alarms of their own account and Region only, so a composite alarm in
 * us-east-1 (of the alarm provider's account) can include `alarmNamesByRegion` directly; other
 * Regions' failover signals should use the Route 53 health checks themselves (`healthCheckIds`).
 */
export class TelephonyHealthChecks extends pulumi.ComponentResource {
  /** Health check id by Region and endpoint. */
  public readonly healthCheckIds: pulumi.Output<Record<string, Record<string, string>>>;
  /** Alarm names by Region (of the endpoints; the alarms themselves live in us-east-1). */
  public readonly alarmNamesByRegion: Record<string, string[]>;
  /** Alarm ARNs by Region and endpoint. */
  public readonly alarmArns: pulumi.Output<Record<string, Record<string, string>>>;

  constructor(name: string, args: TelephonyHealthChecksArgs, opts?: pulumi.ComponentResourceOptions) {
    super("connect-dr:telephony:TelephonyHealthChecks", name, {}, opts);
    const s = validate(args);
    const tags = args.tags ?? {};
    const actions = [...(args.alarmActions ?? [])];
    const healthCheckIds: Record<string, Record<string, pulumi.Output<string>>> = {};
    const alarmArns: Record<string, Record<string, pulumi.Output<string>>> = {};
    const alarmNamesByRegion: Record<string, string[]> = {};

    for (const region of Object.keys(args.endpoints).sort()) {
      healthCheckIds[region] = {};
      alarmArns[region] = {};
      alarmNamesByRegion[region] = [];
      for (const endpoint of Object.keys(args.endpoints[region]).sort()) {
        const target = args.endpoints[region][endpoint];
        const check = new aws.route53.HealthCheck(
          `${name}-sip-${region}-${endpoint}`,
          {
            type: "TCP",
            port: target.port ?? SIP_TLS_PORT,
            ...(target.ipAddress !== undefined ? { ipAddress: target.ipAddress } : { fqdn: target.fqdn }),
            requestInterval: s.requestIntervalSeconds,
            failureThreshold: s.failureThreshold,
            tags: { ...tags, Name: `${name}-sip-${region}-${endpoint}` },
          },
          { parent: this },
        );
        const alarmName = sipAlarmName(s.prefix, region, endpoint);
        const alarm = new aws.cloudwatch.MetricAlarm(
          `${name}-sip-alarm-${region}-${endpoint}`,
          {
            name: alarmName,
            ...healthCheckStatusAlarm(check.id),
            alarmDescription: `SIP endpoint ${endpoint} of ${region} is unreachable on TCP ${target.port ?? SIP_TLS_PORT}`,
            alarmActions: actions,
            okActions: actions,
            // Liveness (missing data breaching, see healthCheckStatusAlarm).
            tags: { ...tags, ...failoverSignalTags("liveness") },
          },
          { parent: this, provider: args.alarmProvider },
        );
        healthCheckIds[region][endpoint] = check.id;
        alarmArns[region][endpoint] = alarm.arn;
        alarmNamesByRegion[region].push(alarmName);
      }
    }

    this.healthCheckIds = pulumi.output(healthCheckIds);
    this.alarmNamesByRegion = alarmNamesByRegion;
    this.alarmArns = pulumi.output(alarmArns);
    this.registerOutputs({ healthCheckIds: this.healthCheckIds, alarmNamesByRegion: this.alarmNamesByRegion, alarmArns: this.alarmArns });
  }
}

function fail(argument: string, value: unknown, allowed: string): never {
  throw new ArgumentError(COMPONENT, argument, value, allowed);
}

function validate(args: TelephonyHealthChecksArgs): { requestIntervalSeconds: number; failureThreshold: number; prefix: string } {
  const requestIntervalSeconds = args.requestIntervalSeconds ?? 30;
  if (requestIntervalSeconds !== 10 && requestIntervalSeconds !== 30) fail("requestIntervalSeconds", requestIntervalSeconds, "allowed: 10 or 30");
  const failureThreshold = args.failureThreshold ?? 3;
  if (!Number.isInteger(failureThreshold) || failureThreshold < 1 || failureThreshold > 10) fail("failureThreshold", failureThreshold, "allowed: an integer from 1 to 10");
  const prefix = args.alarmNamePrefix ?? "connect-dr";
  if (!PREFIX.test(prefix)) fail("alarmNamePrefix", prefix, "allowed: letters, digits, '.', '-' and '_', at most 64 characters");
  if (!aws.Provider.isInstance(args.alarmProvider)) fail("alarmProvider", String(args.alarmProvider), "allowed: an aws.Provider (HealthCheckStatus alarms live in us-east-1)");
  for (const action of args.alarmActions ?? []) {
    if (typeof action === "string" && !SNS_IN_US_EAST_1.test(action)) fail("alarmActions", action, "allowed: SNS topic ARNs in us-east-1, where the alarms live");
  }
  const regions = Object.keys(args.endpoints ?? {});
  if (regions.length === 0) fail("endpoints", args.endpoints ?? null, "allowed: endpoints keyed by Region code, then by endpoint name");
  for (const region of regions) {
    if (!REGION.test(region)) fail("endpoints", region, "allowed: endpoints keyed by AWS Region code");
    const names = Object.keys(args.endpoints[region]);
    if (names.length === 0) fail(`endpoints.${region}`, {}, "allowed: at least one SIP endpoint per Region");
    for (const endpoint of names) {
      const argument = `endpoints.${region}.${endpoint}`;
      if (!KEY.test(endpoint)) fail(`endpoints.${region}`, endpoint, "allowed: endpoint names of lower-case letters, digits and hyphens, at most 32 characters");
      const target = args.endpoints[region][endpoint];
      if ((target.ipAddress === undefined) === (target.fqdn === undefined)) fail(argument, target, "give exactly one of ipAddress or fqdn");
      if (target.ipAddress !== undefined && !isPublicIpv4Address(target.ipAddress)) fail(`${argument}.ipAddress`, target.ipAddress, "allowed: a public IPv4 address (Route 53 health checkers probe from the internet)");
      if (target.fqdn !== undefined && !HOST.test(target.fqdn)) fail(`${argument}.fqdn`, target.fqdn, "allowed: a fully qualified lower-case host name");
      const port = target.port ?? SIP_TLS_PORT;
      if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`${argument}.port`, port, "allowed: an integer from 1 to 65535");
    }
  }
  return { requestIntervalSeconds, failureThreshold, prefix };
}
