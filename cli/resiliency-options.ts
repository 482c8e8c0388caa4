import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { type ConnectClient, paginateListTrafficDistributionGroups } from "@aws-sdk/client-connect";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { LambdaClient, GetFunctionCommand } from "@aws-sdk/client-lambda";
import { Route53Client } from "@aws-sdk/client-route-53";
import { SNSClient } from "@aws-sdk/client-sns";
import type { Command } from "commander";
import { ACGR_REPLICATION, parseInstanceArn, alarmRegionHealth, snsNotifier, ConnectDistribution, DynamoDbFailoverStore, type AuditLog, type FailoverLock } from "../components/runtime";
import type { FailoverPorts, RegionHealth } from "../components/runtime";
import { lambdaHealthCheck, route53HealthCheck } from "./resiliency/validation-probes";
import { connectMetricAnomalies } from "./resiliency/metric-anomalies";
import type { ValidationPorts, ValidationTarget } from "./resiliency/validation";
import { collectRepeated, parseUrl } from "./arguments";
import { awsClient, requireServiceEndpoint, skippedWithStandIn } from "./service-endpoints";
import { addCommonOptions, sessionFromFlags, type CommonFlags } from "./connect-options";
import { UsageError } from "./errors";
import type { CliIo } from "./io";

/** Flags of the commands that act on an ACGR pair (failover, failback, validate, drill). */
export interface PairFlags extends CommonFlags {
  instanceArn?: string;
  groupArn?: string;
  lockTable?: string;
  dynamodbEndpointUrl?: string;
  healthAlarm?: string[];
  snsTopicArn?: string;
  lambdaCheck?: boolean;
  metricsCheck?: boolean;
  healthCheckFunction?: string[];
  sipHealthCheck?: string[];
  lambdaEndpointUrl?: string;
  route53EndpointUrl?: string;
  cloudwatchEndpointUrl?: string;
  snsEndpointUrl?: string;
}


export function addPairOptions(cmd: Command): Command {
  return addCommonOptions(cmd)
    .requiredOption("--instance-arn <arn>", "ARN of the source (primary) instance; its id is the same in the replica Region")
    .option("--group-arn <arn>", "traffic distribution group ARN (default: the instance's default group)")
    .option("--lock-table <name>", "the DR lock and audit table (secondary stack output failoverLockTableName); without it no lock is taken")
    .option("--dynamodb-endpoint-url <url>", "DynamoDB endpoint override for --lock-table (e.g. a local DynamoDB-compatible server)")
    .option("--health-alarm <region=name>", "health composite alarm of a Region (secondary stack output failoverHealthAlarmNames; repeatable); without them health is not checked", collectRepeated)
    .option("--cloudwatch-endpoint-url <url>", "CloudWatch endpoint override (--health-alarm, and validate's metrics check)")
    .option("--sns-topic-arn <arn>", "SNS topic for notices (default: notices go to stderr only)")
    .option("--sns-endpoint-url <url>", "SNS endpoint override for --sns-topic-arn");
}

/**
 * With a stand-in `--endpoint-url`, every other service a flag asks for needs its own endpoint: refused
 * up front (exit 2), naming the flag that points it and how to do without it.
 */
export function checkPairServiceEndpoints(flags: PairFlags): void {
  if (flags.lockTable) requireServiceEndpoint(flags, { service: "Amazon DynamoDB", usedBy: "--lock-table", endpointFlag: "--dynamodb-endpoint-url", ...(flags.dynamodbEndpointUrl ? { endpoint: flags.dynamodbEndpointUrl } : {}), skip: "leave out --lock-table (no lock is taken)" });
  if (flags.healthAlarm?.length) requireServiceEndpoint(flags, { service: "Amazon CloudWatch", usedBy: "--health-alarm", endpointFlag: "--cloudwatch-endpoint-url", ...(flags.cloudwatchEndpointUrl ? { endpoint: flags.cloudwatchEndpointUrl } : {}), skip: "leave out --health-alarm (health is not checked)" });
  if (flags.snsTopicArn) requireServiceEndpoint(flags, { service: "Amazon SNS", usedBy: "--sns-topic-arn", endpointFlag: "--sns-endpoint-url", ...(flags.snsEndpointUrl ? { endpoint: flags.snsEndpointUrl } : {}), skip: "leave out --sns-topic-arn (notices go to stderr)" });
}

/** The instance, its ACGR pair (source Region first) and the Regions' health alarms, from the flags. */
export function pairFromFlags(flags: PairFlags): { instanceArn: string; instanceId: string; pair: [string, string]; healthAlarms: Record<string, string> } {
  let parsed;
  try {
    parsed = parseInstanceArn(flags.instanceArn ?? "");
  } catch {
    throw new UsageError(`--instance-arn: found ${JSON.stringify(flags.instanceArn)}; expected arn:aws:connect:<region>:<account>:instance/<uuid>`);
  }
  const replica = ACGR_REPLICATION[parsed.region]?.[0];
  if (!replica) throw new UsageError(`--instance-arn: ${parsed.region} is not an ACGR Region; sources: ${Object.keys(ACGR_REPLICATION).join(", ")}`);
  const healthAlarms: Record<string, string> = {};
  for (const entry of flags.healthAlarm ?? []) {
    const [region, name] = entry.split("=", 2);
    if (!name || ![parsed.region, replica].includes(region)) {
      throw new UsageError(`--health-alarm: found ${JSON.stringify(entry)}; expected <region>=<alarm name> with region ${parsed.region} or ${replica}`);
    }
    healthAlarms[region] = name;
  }
  checkPairServiceEndpoints(flags);
  return { instanceArn: flags.instanceArn!, instanceId: parsed.instanceId, pair: [parsed.region, replica], healthAlarms };
}

/**
 * A rate-aware Connect client in each Region of the pair, from the common flags (the same session
 * every other command opens, with `--region` set per Region).
 */
export async function pairClients(flags: PairFlags, io: CliIo, pair: readonly [string, string]): Promise<(region: string) => ConnectClient> {
  const clients = new Map<string, ConnectClient>();
  for (const region of pair) clients.set(region, (await sessionFromFlags({ ...flags, region }, io)).client);
  return (region) => {
    const client = clients.get(region);
    if (!client) throw new Error(`no Connect client for ${region}; the pair is ${pair.join(" and ")}`);
    return client;
  };
}

/** The group to act on: `--group-arn`, else the instance's default group (looked up in the source Region). */
export async function groupArnFromFlags(flags: PairFlags, client: ConnectClient, instanceArn: string): Promise<string> {
  if (flags.groupArn) {
    if (!/^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:traffic-distribution-group\/.+/.test(flags.groupArn)) {
      throw new UsageError(`--group-arn: found ${JSON.stringify(flags.groupArn)}; expected a traffic distribution group ARN (an id fails from the replica Region)`);
    }
    return flags.groupArn;
  }
  for await (const page of paginateListTrafficDistributionGroups({ client }, { InstanceId: instanceArn })) {
    const found = page.TrafficDistributionGroupSummaryList?.find((g) => g.IsDefault);
    if (found?.Arn) return found.Arn;
  }
  throw new Error(`instance ${instanceArn} has no default traffic distribution group; is it replicated? Pass --group-arn otherwise`);
}

/** Without a lock table an operator's run takes no lock; said so once, on stderr. */
class NoLock implements FailoverLock, AuditLog {
  constructor(private readonly io: CliIo) {}
  async acquire(): Promise<boolean> {
    this.io.stderr.write("warning: no --lock-table; taking no lock (an automated failover could run at the same time)\n");
    return true;
  }
  async release(): Promise<void> {}
  async write(): Promise<void> {}
}

/** The failover ports for an operator's run: Connect in `callRegion`, lock, health, notices. */
export async function failoverPortsFromFlags(
  flags: PairFlags,
  io: CliIo,
  target: { pair: [string, string]; healthAlarms: Record<string, string>; groupArn: string; callRegion: string },
  connect: (region: string) => ConnectClient,
): Promise<FailoverPorts> {
  const client = connect(target.callRegion);
  const dynamoEndpoint = parseUrl("--dynamodb-endpoint-url", flags.dynamodbEndpointUrl);
  const cloudwatchEndpoint = parseUrl("--cloudwatch-endpoint-url", flags.cloudwatchEndpointUrl);
  const snsEndpoint = parseUrl("--sns-endpoint-url", flags.snsEndpointUrl);
  const profile = flags.profile ? { profile: flags.profile } : {};
  const store = flags.lockTable
    ? new DynamoDbFailoverStore(
        awsClient(DynamoDBClient, { region: target.callRegion, ...(dynamoEndpoint ? { endpoint: dynamoEndpoint } : {}), ...profile }, { name: "Amazon DynamoDB", endpointFlag: "--dynamodb-endpoint-url" }),
        flags.lockTable,
        target.groupArn,
      )
    : new NoLock(io);
  const health = Object.keys(target.healthAlarms).length
    ? alarmRegionHealth(target.healthAlarms, (region) => awsClient(CloudWatchClient, { region, maxAttempts: 2, ...(cloudwatchEndpoint ? { endpoint: cloudwatchEndpoint } : {}), ...profile }, { name: "Amazon CloudWatch", endpointFlag: "--cloudwatch-endpoint-url" }))
    : async (region: string): Promise<RegionHealth> => ({ healthy: true, reason: `not checked (no --health-alarm for ${region})` });
  const notify = flags.snsTopicArn
    ? snsNotifier(awsClient(SNSClient, { region: target.callRegion, ...(snsEndpoint ? { endpoint: snsEndpoint } : {}), ...profile }, { name: "Amazon SNS", endpointFlag: "--sns-endpoint-url" }), flags.snsTopicArn)
    : async (subject: string, message: string) => void io.stderr.write(`notice: ${subject}: ${message}\n`);
  return { distribution: new ConnectDistribution(client, target.groupArn), lock: store, audit: store, regionHealth: health, notify };
}

/** Validation ports: Connect per Region, and Lambda and CloudWatch unless turned off (or a stand-in `--endpoint-url` leaves them unpointed). */
export function validationPortsFromFlags(flags: PairFlags, connect: (region: string) => ConnectClient): ValidationPorts {
  const profile = flags.profile ? { profile: flags.profile } : {};
  const lambdaEndpoint = parseUrl("--lambda-endpoint-url", flags.lambdaEndpointUrl);
  const route53Endpoint = parseUrl("--route53-endpoint-url", flags.route53EndpointUrl);
  const cloudwatchEndpoint = parseUrl("--cloudwatch-endpoint-url", flags.cloudwatchEndpointUrl);
  // One Lambda client per Region for every check (a drill validates again at each steady-state poll).
  const lambdaClients = new Map<string, LambdaClient>();
  const lambdaIn = (region: string) => {
    if (!lambdaClients.has(region)) lambdaClients.set(region, awsClient(LambdaClient, { region, ...(lambdaEndpoint ? { endpoint: lambdaEndpoint } : {}), ...profile }, { name: "AWS Lambda", endpointFlag: "--lambda-endpoint-url" }));
    return lambdaClients.get(region)!;
  };
  const lambdaSkipped = flags.lambdaCheck === false ? "skipped: --no-lambda-check" : skippedWithStandIn(flags, { service: "AWS Lambda", usedBy: "the Lambda check", endpointFlag: "--lambda-endpoint-url", ...(lambdaEndpoint ? { endpoint: lambdaEndpoint } : {}), skip: "turn it off with --no-lambda-check" });
  const metricsSkipped = flags.metricsCheck === false ? "skipped: --no-metrics-check" : skippedWithStandIn(flags, { service: "Amazon CloudWatch", usedBy: "the metrics check", endpointFlag: "--cloudwatch-endpoint-url", ...(cloudwatchEndpoint ? { endpoint: cloudwatchEndpoint } : {}), skip: "turn it off with --no-metrics-check" });
  return {
    connect,
    ...(flags.healthCheckFunction?.length ? { invokeHealthCheck: lambdaHealthCheck(lambdaIn) } : {}),
    // Route 53's API lives in us-east-1.
    ...(flags.sipHealthCheck?.length
      ? { route53HealthCheck: route53HealthCheck(awsClient(Route53Client, { region: "us-east-1", ...(route53Endpoint ? { endpoint: route53Endpoint } : {}), ...profile }, { name: "Amazon Route 53", endpointFlag: "--route53-endpoint-url" })) }
      : {}),
    skipReasons: { ...(lambdaSkipped ? { functionExists: lambdaSkipped } : {}), ...(metricsSkipped ? { metricAnomalies: metricsSkipped } : {}) },
    ...(lambdaSkipped
      ? {}
      : {
          functionExists: async (region: string, arn: string) => {
            try {
              await lambdaIn(region).send(new GetFunctionCommand({ FunctionName: arn }));
              return true;
            } catch (error) {
              if ((error as Error).name === "ResourceNotFoundException") return false;
              throw error;
            }
          },
        }),
    ...(metricsSkipped
      ? {}
      : {
          metricAnomalies: connectMetricAnomalies(
            (region) => awsClient(CloudWatchClient, { region, ...(cloudwatchEndpoint ? { endpoint: cloudwatchEndpoint } : {}), ...profile }, { name: "Amazon CloudWatch", endpointFlag: "--cloudwatch-endpoint-url" }),
            parseInstanceArn(flags.instanceArn!).instanceId,
          ),
        }),
  };
}

export function addValidationCheckOptions(cmd: Command): Command {
  return cmd
    .option("--no-lambda-check", "do not check that associated Lambda functions exist (needs lambda:GetFunction; skipped, and said so, with a stand-in --endpoint-url and no --lambda-endpoint-url)")
    .option("--no-metrics-check", "do not read Connect metrics from CloudWatch (skipped, and said so, with a stand-in --endpoint-url and no --cloudwatch-endpoint-url)")
    .option("--health-check-function <name>", 'invoke this function with {"healthCheck": true} in each Region, e.g. connect-dr-crm-salesforce (repeatable; needs lambda:InvokeFunction)', collectRepeated)
    .option("--sip-health-check <region=id>", "a Route 53 health check of a Region's SIP endpoint (stack output telephonyHealthCheckIds; repeatable)", collectRepeated)
    .option("--lambda-endpoint-url <url>", "Lambda endpoint override (GetFunction and the health-check invocations)")
    .option("--route53-endpoint-url <url>", "Route 53 endpoint override");
}

/** The optional probes of validation, from the flags: health-check functions and SIP health checks by Region. */
export function validationProbesFromFlags(flags: PairFlags, pair: readonly [string, string]): Pick<ValidationTarget, "healthCheckFunctions" | "sipHealthCheckIds"> {
  const functions = flags.healthCheckFunction ?? [];
  for (const name of functions) {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new UsageError(`--health-check-function: found ${JSON.stringify(name)}; expected a function name (letters, digits, - and _; no ARN: the same name is invoked in both Regions)`);
  }
  const sip: Record<string, string[]> = {};
  for (const entry of flags.sipHealthCheck ?? []) {
    const [region = "", id = ""] = entry.split("=", 2);
    if (!pair.includes(region) || !/^[0-9a-f-]{36}$/.test(id)) {
      throw new UsageError(`--sip-health-check: found ${JSON.stringify(entry)}; expected <region>=<Route 53 health check id> with region ${pair.join(" or ")}`);
    }
    sip[region] = [...(sip[region] ?? []), id];
  }
  // The values are right; now the services they need (a stand-in --endpoint-url serves Connect only).
  if (functions.length) requireServiceEndpoint(flags, { service: "AWS Lambda", usedBy: "--health-check-function", endpointFlag: "--lambda-endpoint-url", ...(flags.lambdaEndpointUrl ? { endpoint: flags.lambdaEndpointUrl } : {}), skip: "leave out --health-check-function" });
  if (Object.keys(sip).length) requireServiceEndpoint(flags, { service: "Amazon Route 53", usedBy: "--sip-health-check", endpointFlag: "--route53-endpoint-url", ...(flags.route53EndpointUrl ? { endpoint: flags.route53EndpointUrl } : {}), skip: "leave out --sip-health-check" });
  return { ...(functions.length ? { healthCheckFunctions: functions } : {}), ...(Object.keys(sip).length ? { sipHealthCheckIds: sip } : {}) };
}
