import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError } from "../argument-error";
import { alarmToAlarmPattern, DEFAULT_ALARM_NAME_PREFIX } from "./failover-automation";
import { bundleHandler, PEER_PROBE_HANDLER_ENTRY } from "../../handlers";
import { failoverSignalTags, MISSING_DATA_BY_SIGNAL } from "./failover-signal";
import { functionEgress, lambdaVpcAccessStatements, subnetArns, type LambdaVpcArgs } from "../network/lambda-vpc-access";
import { PEER_ALIVE_METRIC, PEER_PROBE_NAMESPACE, PEER_PROBE_PERIOD_SECONDS, peerLivenessAlarmName, type SipEndpoint } from "./peer-liveness";

/** Arguments of {@link PeerProbe}. */
export interface PeerProbeArgs {
  /** The Region this probe runs in (its provider's Region): the one that survives if the peer goes dark. */
  readonly region: string;
  /** The ACGR pair, primary first; `region` must be one of them and the peer is the other. */
  readonly pair: readonly [string, string];
  /** The contact-centre workload account id (12 digits). */
  readonly accountId: string;
  /** The Connect instance id, the same in both Regions (ACGR): the probe describes it in the peer Region. */
  readonly instanceId: pulumi.Input<string>;
  /** The peer Region's SIP endpoints, TCP-connected on every probe. @default none (the Connect API only) */
  readonly sipEndpoints?: readonly SipEndpoint[];
  /** Failed probes (of `evaluationPeriods`) that put the liveness alarm in ALARM. @default 3 */
  readonly datapointsToAlarm?: number;
  /** Probes (one a minute) the alarm evaluates. @default 5 */
  readonly evaluationPeriods?: number;
  /** Timeout of each check, in milliseconds. @default 3000 */
  readonly timeoutMs?: number;
  /** ARN of this Region's failover handler, invoked when the alarm goes to ALARM. */
  readonly failoverFunctionArn: pulumi.Input<string>;
  /** Name of this Region's failover handler (for its invoke permission). */
  readonly failoverFunctionName: pulumi.Input<string>;
  /** The customer-managed key of this Region's failover automation: the probe's logs and environment. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** Topic notified of the alarm's changes. @default none */
  readonly alarmTopicArn?: pulumi.Input<string>;
  /** Prefix of the alarm name, as the failover handler expects it. @default "connect-dr" */
  readonly alarmNamePrefix?: string;
  /** Retention of the probe's log group, in days. @default 365 */
  readonly logRetentionDays?: number;
  /**
   * Run the probe in these private subnets (the Region's `RegionalVpc`: NAT to the peer Region's
   * Connect API, an endpoint for CloudWatch), with a security group of its own allowing out only
   * HTTPS and the SIP endpoints' ports. @default outside any VPC
   */
  readonly vpc?: LambdaVpcArgs;
}

const COMPONENT = "PeerProbe";

/**
 * The dark-Region detector of one Region: every minute a Lambda function here probes the PEER
 * Region's Connect API for the instance (DescribeInstance, short timeouts) and its SIP endpoints (TCP
 * connect) and publishes `ConnectDR/PeerProbe PeerAlive` here; a liveness alarm here (missing data
 * breaching) on N failed probes of M invokes this Region's failover handler through this Region's
 * EventBridge. Nothing of it depends on the peer, which is the point: a dark Region publishes no
 * metrics and forwards no events, so only the survivor can decide.
 */
export class PeerProbe extends pulumi.ComponentResource {
  public readonly functionArn: pulumi.Output<string>;
  public readonly alarmName: string;
  public readonly alarmArn: pulumi.Output<string>;

  constructor(name: string, args: PeerProbeArgs, opts?: pulumi.ComponentResourceOptions) {
    super("connect-dr:resiliency:PeerProbe", name, {}, opts);
    const { peer, datapointsToAlarm, evaluationPeriods, timeoutMs } = validate(args);
    const prefix = args.alarmNamePrefix ?? DEFAULT_ALARM_NAME_PREFIX;
    const partition = "aws";
    const parent = { parent: this };
    const functionName = `connect-dr-peer-probe-${args.region}`;

    const securityGroup = args.vpc
      ? new aws.ec2.SecurityGroup(
          `${name}-sg`,
          {
            vpcId: args.vpc.vpcId,
            description: `connect-dr probe of ${peer} from ${args.region}: HTTPS and SIP out only`,
            ingress: [],
            egress: functionEgress([
              { port: 443, description: `HTTPS to the Connect API of ${peer} and AWS endpoints` },
              ...(args.sipEndpoints ?? []).map((e) => ({ port: e.port, description: `SIP endpoints of ${peer} (TCP connect)` })),
            ]),
            tags: { Name: `${name}-peer-probe` },
          },
          parent,
        )
      : undefined;
    const vpcStatements: pulumi.Output<object[]> =
      args.vpc && securityGroup
        ? pulumi
            .all([pulumi.output(args.vpc.subnetIds), securityGroup.id])
            .apply(([ids, sgId]) => lambdaVpcAccessStatements(args.region, args.accountId, subnetArns(args.region, args.vpc!.subnetOwnerAccountId, ids), sgId))
        : pulumi.output([]);

    const logGroup = new aws.cloudwatch.LogGroup(`${name}-logs`, { name: `/aws/lambda/${functionName}`, kmsKeyId: args.kmsKeyArn, retentionInDays: args.logRetentionDays ?? 365 }, parent);
    const role = new aws.iam.Role(
      `${name}-role`,
      {
        description: `connect-dr probe of ${peer} from ${args.region}`,
        assumeRolePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": args.accountId } } }],
        }),
      },
      parent,
    );
    const policy = new aws.iam.RolePolicy(
      `${name}-policy`,
      {
        role: role.id,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: pulumi
            .all([
              pulumi.output([
                // DescribeInstance's resource type is the instance (Service Authorization Reference).
                { Sid: "ProbePeerInstance", Effect: "Allow", Action: "connect:DescribeInstance", Resource: pulumi.interpolate`arn:${partition}:connect:${peer}:${args.accountId}:instance/${args.instanceId}` },
                // PutMetricData has no resource type; the namespace condition key is how it is scoped.
                { Sid: "PublishLiveness", Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*", Condition: { StringEquals: { "cloudwatch:namespace": PEER_PROBE_NAMESPACE } } },
                { Sid: "Logs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: pulumi.interpolate`${logGroup.arn}:*` },
                { Sid: "EnvironmentKey", Effect: "Allow", Action: "kms:Decrypt", Resource: args.kmsKeyArn },
              ]),
              vpcStatements,
            ])
            .apply(([own, network]) => [...own, ...network]),
        }),
      },
      parent,
    );

    const fn = new aws.lambda.Function(
      `${name}-function`,
      {
        name: functionName,
        description: `connect-dr: probe ${peer} from ${args.region} every minute (dark-Region detection)`,
        runtime: aws.lambda.Runtime.NodeJS22dX,
        architectures: ["arm64"],
        handler: "index.handler",
        code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(bundleHandler(PEER_PROBE_HANDLER_ENTRY)) }),
        role: role.arn,
        // Two attempts of the API call and the SIP checks in parallel, each bounded by timeoutMs.
        timeout: Math.ceil((3 * timeoutMs) / 1000) + 5,
        memorySize: 256,
        reservedConcurrentExecutions: 1,
        kmsKeyArn: args.kmsKeyArn,
        loggingConfig: { logFormat: "Text", logGroup: logGroup.name },
        ...(args.vpc && securityGroup ? { vpcConfig: { subnetIds: args.vpc.subnetIds, securityGroupIds: [securityGroup.id] } } : {}),
        environment: {
          variables: {
            PEER_REGION: peer,
            INSTANCE_ID: args.instanceId,
            SIP_ENDPOINTS: JSON.stringify(args.sipEndpoints ?? []),
            TIMEOUT_MS: String(timeoutMs),
          },
        },
      },
      { parent: this, dependsOn: [logGroup, policy] },
    );

    const schedule = new aws.cloudwatch.EventRule(`${name}-schedule`, { description: `Probe ${peer} every minute`, scheduleExpression: "rate(1 minute)" }, parent);
    new aws.lambda.Permission(`${name}-schedule-permission`, { action: "lambda:InvokeFunction", function: fn.name, principal: "events.amazonaws.com", sourceArn: schedule.arn }, parent);
    // A probe that could not run in its minute is missing data (breaching); retrying it later says nothing.
    new aws.cloudwatch.EventTarget(`${name}-schedule-target`, { rule: schedule.name, arn: fn.arn, retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeInSeconds: 60 } }, parent);

    const alarmName = peerLivenessAlarmName(prefix, peer, args.region);
    const actions = args.alarmTopicArn ? [args.alarmTopicArn] : [];
    const alarm = new aws.cloudwatch.MetricAlarm(
      `${name}-alarm`,
      {
        name: alarmName,
        alarmDescription: `${peer} failed ${datapointsToAlarm} of the last ${evaluationPeriods} probes from ${args.region}: ${args.region}'s failover handler moves traffic here.`,
        namespace: PEER_PROBE_NAMESPACE,
        metricName: PEER_ALIVE_METRIC,
        dimensions: { PeerRegion: peer },
        statistic: "Minimum",
        period: PEER_PROBE_PERIOD_SECONDS,
        evaluationPeriods,
        datapointsToAlarm,
        threshold: 1,
        comparisonOperator: "LessThanThreshold",
        // Liveness: a probe that reports nothing is no evidence the peer is up.
        treatMissingData: MISSING_DATA_BY_SIGNAL.liveness,
        alarmActions: actions,
        okActions: actions,
        tags: failoverSignalTags("liveness"),
      },
      parent,
    );

    // Only OK -> ALARM: a new alarm evaluates missing data (no probe yet) as breaching and goes
    // INSUFFICIENT_DATA -> ALARM right after `pulumi up`; that must not move traffic.
    const trigger = new aws.cloudwatch.EventRule(`${name}-trigger-rule`, { description: `${alarmName}: fail over to ${args.region}`, eventPattern: alarmToAlarmPattern(alarmName, ["OK"]) }, parent);
    new aws.lambda.Permission(
      `${name}-trigger-permission`,
      { action: "lambda:InvokeFunction", function: args.failoverFunctionName, principal: "events.amazonaws.com", sourceArn: trigger.arn },
      parent,
    );
    new aws.cloudwatch.EventTarget(`${name}-trigger-target`, { rule: trigger.name, arn: args.failoverFunctionArn, retryPolicy: { maximumRetryAttempts: 4, maximumEventAgeInSeconds: 600 } }, parent);

    this.functionArn = fn.arn;
    this.alarmName = alarmName;
    this.alarmArn = alarm.arn;
    this.registerOutputs({ functionArn: this.functionArn, alarmArn: this.alarmArn });
  }
}

function validate(args: PeerProbeArgs): { peer: string; datapointsToAlarm: number; evaluationPeriods: number; timeoutMs: number } {
  if (args.pair.length !== 2 || args.pair[0] === args.pair[1]) throw new ArgumentError(COMPONENT, "pair", args.pair, "two different Regions, primary first");
  if (!args.pair.includes(args.region)) throw new ArgumentError(COMPONENT, "region", args.region, `one of the pair ${args.pair.join(", ")}`);
  if (!/^\d{12}$/.test(args.accountId)) throw new ArgumentError(COMPONENT, "accountId", args.accountId, "a 12-digit AWS account id");
  const evaluationPeriods = args.evaluationPeriods ?? 5;
  const datapointsToAlarm = args.datapointsToAlarm ?? 3;
  if (!Number.isInteger(evaluationPeriods) || evaluationPeriods < 1 || evaluationPeriods > 10) throw new ArgumentError(COMPONENT, "evaluationPeriods", args.evaluationPeriods, "an integer from 1 to 10");
  if (!Number.isInteger(datapointsToAlarm) || datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods) {
    throw new ArgumentError(COMPONENT, "datapointsToAlarm", args.datapointsToAlarm, `an integer from 1 to evaluationPeriods (${evaluationPeriods})`);
  }
  if (args.vpc !== undefined && !/^\d{12}$/.test(args.vpc.subnetOwnerAccountId ?? "")) {
    throw new ArgumentError(COMPONENT, "vpc.subnetOwnerAccountId", args.vpc.subnetOwnerAccountId, "the 12-digit id of the account that owns the subnets");
  }
  const timeoutMs = args.timeoutMs ?? 3000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 500 || timeoutMs > 10_000) throw new ArgumentError(COMPONENT, "timeoutMs", args.timeoutMs, "an integer from 500 to 10000");
  for (const e of args.sipEndpoints ?? []) {
    if (!e.host || !Number.isInteger(e.port) || e.port < 1 || e.port > 65535) throw new ArgumentError(COMPONENT, "sipEndpoints", e, "{ name, host, port } with a port from 1 to 65535");
  }
  return { peer: args.pair[0] === args.region ? args.pair[1] : args.pair[0], datapointsToAlarm, evaluationPeriods, timeoutMs };
}
