import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError } from "../argument-error";
import { bundleHandler, FAILOVER_HANDLER_ENTRY } from "../../handlers";
import type { WeightedRecord } from "./aws-ports";
import { failoverSignalTags } from "./failover-signal";
import { peerLivenessAlarmName } from "./peer-liveness";
import { operatorPolicyDocument, type OperatorValidationArgs } from "./failover-automation/operator-policy";

/** Arguments of {@link FailoverAutomation}. */
export interface FailoverAutomationArgs {
  /** The Region this instance of the automation runs in (its provider's Region). */
  readonly region: string;
  /** The ACGR Region pair, primary first; `region` must be one of them. */
  readonly pair: readonly [string, string];
  /** The contact-centre workload account id (12 digits): alarm, bus and role ARNs are built in it. */
  readonly accountId: string;
  /** ARN of the traffic distribution group to move (the default group carries agents and sign-in). */
  readonly trafficDistributionGroupArn: pulumi.Input<string>;
  /**
   * Names of this Region's alarms that signal trouble (Connect errors and throttling, regional
   * dependencies, Direct Connect and VPN, Route 53 health checks where they live in this Region).
   * The health composite alarm is ALARM when any of them is.
   */
  readonly healthSignalAlarmNames: readonly pulumi.Input<string>[];
  /**
   * Alarms of the Region's dependencies that flows need (the Connect-facing Lambda functions'
   * throttles and errors), ORed into the same composite alarm. A list whose length is known only
   * from another stack's outputs, hence an Input of a list.
   * @default none
   */
  readonly dependencyAlarmNames?: pulumi.Input<readonly string[]>;
  /** Name prefix for the health composite alarms of both Regions. @default "connect-dr" */
  readonly alarmNamePrefix?: string;
  /** The lock and audit table (a global table with `pk`/`sk` string keys): this Region's replica. */
  readonly lockTableName: pulumi.Input<string>;
  /** ARN of the lock table in this Region. */
  readonly lockTableArn: pulumi.Input<string>;
  /** The customer-managed key that encrypts the lock table in this Region. */
  readonly lockTableKmsKeyArn: pulumi.Input<string>;
  /** Seconds after a shift in which further alarms change nothing. @default 300 */
  readonly cooldownSeconds?: number;
  /** Weighted Route 53 records that follow the distribution. @default none (DNS is left alone) */
  readonly dnsRecord?: pulumi.Input<WeightedRecord>;
  /** Create the MFA-guarded role operators assume for `connect-dr failover`. @default true */
  readonly createOperatorRole?: boolean;
  /**
   * Principals allowed to assume the operator role with MFA.
   * @default the account root, unless `operatorFederatedRoleArnPatterns` is set (then none)
   */
  readonly operatorPrincipalArns?: readonly pulumi.Input<string>[];
  /**
   * Roles federated operators arrive in, as `aws:PrincipalArn` patterns (ArnLike) in this account: IAM
   * Identity Center permission-set roles or SAML federation roles (see `federatedOperatorRolePatterns`).
   * Their sessions carry no MFA condition keys (the identity provider enforces MFA), so these roles are
   * trusted by ARN instead. Their own policy must still allow `sts:AssumeRole` on the operator role.
   * @default none: only principals with MFA
   */
  readonly operatorFederatedRoleArnPatterns?: readonly string[];
  /** Maximum age of the operator's MFA sign-in, in seconds. @default 3600 */
  readonly operatorMfaMaxAgeSeconds?: number;
  /**
   * What `connect-dr validate` and `drill` read with the operator role (instance, functions, SIP health
   * checks). @default the operator role can fail over and back, but not validate
   */
  readonly operatorValidation?: OperatorValidationArgs;
  /** Retention of the handler's log group, in days. @default 365 */
  readonly logRetentionDays?: number;
}

const COMPONENT = "FailoverAutomation";

/** The composite alarm rule over a Region's health signals: ALARM when any of them is. */
export function healthAlarmRule(alarmNames: readonly string[]): string {
  return alarmNames.map((n) => `ALARM("${n}")`).join(" OR ");
}

/** The default of `alarmNamePrefix`. */
export const DEFAULT_ALARM_NAME_PREFIX = "connect-dr";

/** The health composite alarm name of a Region: the peer's automation listens for this name. */
export function healthAlarmName(prefix: string, region: string): string {
  return `${prefix}-${region}-health`;
}

/**
 * An EventBridge pattern matching one alarm going to ALARM (in the Region of the rule's bus), from any
 * state or only from those listed.
 */
export function alarmToAlarmPattern(alarmName: string, fromStates?: readonly string[]): string {
  return JSON.stringify({
    source: ["aws.cloudwatch"],
    "detail-type": ["CloudWatch Alarm State Change"],
    detail: { alarmName: [alarmName], state: { value: ["ALARM"] }, ...(fromStates ? { previousState: { value: [...fromStates] } } : {}) },
  });
}

/** The ARN of a Region's health composite alarm, known before the alarm exists. */
export function healthAlarmArn(region: string, accountId: string, prefix = DEFAULT_ALARM_NAME_PREFIX): string {
  return `arn:aws:cloudwatch:${region}:${accountId}:alarm:${healthAlarmName(prefix, region)}`;
}

/**
 * Automated failover for one Region, deployed in BOTH Regions because only the Region that survives
 * can act: this Region's health composite alarm is forwarded by EventBridge to the peer Region's
 * default bus, and this Region's handler reacts to the PEER's alarm by moving traffic here. The handler
 * (bundled from `handlers/failover` with esbuild) reads the distribution first, refuses an unhealthy
 * target, takes a DynamoDB lock with a cooldown, moves telephony and agents together, follows with
 * Route 53 weights, audits and notifies SNS. Failback is manual (`connect-dr failback`).
 */
export class FailoverAutomation extends pulumi.ComponentResource {
  public readonly functionArn: pulumi.Output<string>;
  public readonly functionName: pulumi.Output<string>;
  public readonly healthAlarmArn: pulumi.Output<string>;
  public readonly healthAlarmName: string;
  public readonly topicArn: pulumi.Output<string>;
  public readonly kmsKeyArn: pulumi.Output<string>;
  public readonly operatorRoleArn?: pulumi.Output<string>;

  constructor(name: string, args: FailoverAutomationArgs, opts?: pulumi.ComponentResourceOptions) {
    super("connect-dr:resiliency:FailoverAutomation", name, {}, opts);
    validate(args);
    const [primary, secondary] = args.pair;
    const peer = args.region === primary ? secondary : primary;
    const prefix = args.alarmNamePrefix ?? DEFAULT_ALARM_NAME_PREFIX;
    const cooldownSeconds = args.cooldownSeconds ?? 300;
    const partition = "aws";
    const accountRoot = `arn:${partition}:iam::${args.accountId}:root`;
    const parent = { parent: this };

    const key = new aws.kms.Key(
      `${name}-key`,
      {
        description: `connect-dr failover automation in ${args.region}: SNS, logs and Lambda environment`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            { Sid: "AccountAdministers", Effect: "Allow", Principal: { AWS: accountRoot }, Action: "kms:*", Resource: "*" },
            {
              Sid: "CloudWatchLogsEncrypt",
              Effect: "Allow",
              Principal: { Service: `logs.${args.region}.amazonaws.com` },
              Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
              Resource: "*",
              Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${partition}:logs:${args.region}:${args.accountId}:log-group:*` } },
            },
            {
              Sid: "AlarmsPublishToEncryptedTopic",
              Effect: "Allow",
              Principal: { Service: "cloudwatch.amazonaws.com" },
              Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
              Resource: "*",
              Condition: { StringEquals: { "aws:SourceAccount": args.accountId } },
            },
          ],
        }),
      },
      parent,
    );
    new aws.kms.Alias(`${name}-key-alias`, { name: `alias/connect-dr/failover-${args.region}`, targetKeyId: key.keyId }, parent);

    const topic = new aws.sns.Topic(`${name}-topic`, { name: `connect-dr-failover-${args.region}`, kmsMasterKeyId: key.arn }, parent);

    const ownHealth = healthAlarmName(prefix, args.region);
    const peerHealth = healthAlarmName(prefix, peer);
    const health = new aws.cloudwatch.CompositeAlarm(
      `${name}-health`,
      {
        alarmName: ownHealth,
        alarmDescription: `Any health signal of ${args.region} in ALARM: the peer Region's automation moves traffic to ${peer}.`,
        alarmRule: pulumi
          .all([pulumi.output(args.healthSignalAlarmNames), pulumi.output(args.dependencyAlarmNames ?? [])])
          .apply(([signals, dependencies]) => healthAlarmRule([...signals, ...dependencies])),
        alarmActions: [topic.arn],
        okActions: [topic.arn],
        // Forwarded to the peer's failover handler: the Region's liveness as seen from inside it.
        tags: failoverSignalTags("liveness"),
      },
      parent,
    );

    // Forward this Region's health alarm to the peer, where the surviving handler runs.
    const peerBusArn = `arn:${partition}:events:${peer}:${args.accountId}:event-bus/default`;
    const forwardRole = new aws.iam.Role(
      `${name}-forward-role`,
      {
        description: `EventBridge forwards ${ownHealth} to ${peer}`,
        assumeRolePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": args.accountId } } }],
        }),
      },
      parent,
    );
    new aws.iam.RolePolicy(
      `${name}-forward-policy`,
      { role: forwardRole.id, policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "events:PutEvents", Resource: peerBusArn }] }) },
      parent,
    );
    const forwardRule = new aws.cloudwatch.EventRule(`${name}-forward-rule`, { description: `Forward ${ownHealth} to ${peer}`, eventPattern: alarmToAlarmPattern(ownHealth) }, parent);
    new aws.cloudwatch.EventTarget(`${name}-forward-target`, { rule: forwardRule.name, arn: peerBusArn, roleArn: forwardRole.arn }, parent);

    const functionName = `connect-dr-failover-${args.region}`;
    const logGroup = new aws.cloudwatch.LogGroup(
      `${name}-logs`,
      { name: `/aws/lambda/${functionName}`, kmsKeyId: key.arn, retentionInDays: args.logRetentionDays ?? 365 },
      parent,
    );

    const role = new aws.iam.Role(
      `${name}-role`,
      {
        description: `connect-dr failover handler in ${args.region}`,
        assumeRolePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
      },
      parent,
    );
    const alarmArn = (region: string, alarm: string) => `arn:${partition}:cloudwatch:${region}:${args.accountId}:alarm:${alarm}`;
    new aws.iam.RolePolicy(
      `${name}-policy`,
      {
        role: role.id,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            { Sid: "MoveTraffic", Effect: "Allow", Action: ["connect:GetTrafficDistribution", "connect:UpdateTrafficDistribution"], Resource: args.trafficDistributionGroupArn },
            { Sid: "LockAndAudit", Effect: "Allow", Action: ["dynamodb:PutItem", "dynamodb:DeleteItem"], Resource: args.lockTableArn },
            { Sid: "LockTableKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: args.lockTableKmsKeyArn },
            { Sid: "ReadRegionHealth", Effect: "Allow", Action: "cloudwatch:DescribeAlarms", Resource: [alarmArn(primary, healthAlarmName(prefix, primary)), alarmArn(secondary, healthAlarmName(prefix, secondary))] },
            { Sid: "Notify", Effect: "Allow", Action: "sns:Publish", Resource: topic.arn },
            { Sid: "OwnKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: key.arn },
            { Sid: "Logs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: pulumi.interpolate`${logGroup.arn}:*` },
            ...(args.dnsRecord
              ? [
                  {
                    Sid: "FollowWithDns",
                    Effect: "Allow",
                    Action: ["route53:ListResourceRecordSets", "route53:ChangeResourceRecordSets"],
                    Resource: pulumi.output(args.dnsRecord).apply((r) => `arn:${partition}:route53:::hostedzone/${r.hostedZoneId}`),
                  },
                ]
              : []),
          ],
        }),
      },
      parent,
    );

    const fn = new aws.lambda.Function(
      `${name}-function`,
      {
        name: functionName,
        description: `connect-dr: move Amazon Connect traffic to ${args.region} when ${peer} is unhealthy`,
        runtime: aws.lambda.Runtime.NodeJS22dX,
        architectures: ["arm64"],
        handler: "index.handler",
        code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(bundleHandler(FAILOVER_HANDLER_ENTRY)) }),
        role: role.arn,
        timeout: 60,
        memorySize: 256,
        // Two concurrent runs are enough: the lock admits one shift, the other sees it held.
        reservedConcurrentExecutions: 2,
        kmsKeyArn: key.arn,
        loggingConfig: { logFormat: "Text", logGroup: logGroup.name },
        environment: {
          variables: {
            GROUP_ARN: args.trafficDistributionGroupArn,
            PAIR: args.pair.join(","),
            LOCK_TABLE: args.lockTableName,
            COOLDOWN_SECONDS: String(cooldownSeconds),
            TOPIC_ARN: topic.arn,
            HEALTH_ALARMS: JSON.stringify({ [primary]: healthAlarmName(prefix, primary), [secondary]: healthAlarmName(prefix, secondary) }),
            // This Region's alarm on its probes of the peer (PeerProbe), which says the peer is dark.
            LIVENESS_ALARMS: JSON.stringify({ [peerLivenessAlarmName(prefix, peer, args.region)]: peer }),
            ...(args.dnsRecord ? { DNS_RECORD: pulumi.jsonStringify(args.dnsRecord) } : {}),
          },
        },
      },
      { parent: this, dependsOn: [logGroup] },
    );

    const triggerRule = new aws.cloudwatch.EventRule(`${name}-trigger-rule`, { description: `${peerHealth} forwarded from ${peer}: fail over to ${args.region}`, eventPattern: alarmToAlarmPattern(peerHealth) }, parent);
    new aws.lambda.Permission(
      `${name}-invoke-permission`,
      { action: "lambda:InvokeFunction", function: fn.name, principal: "events.amazonaws.com", sourceArn: triggerRule.arn },
      parent,
    );
    new aws.cloudwatch.EventTarget(`${name}-trigger-target`, { rule: triggerRule.name, arn: fn.arn, retryPolicy: { maximumRetryAttempts: 4, maximumEventAgeInSeconds: 600 } }, parent);

    if (args.createOperatorRole ?? true) {
      const operator = new aws.iam.Role(
        `${name}-operator-role`,
        {
          name: `connect-dr-failover-operator-${args.region}`,
          description: args.operatorFederatedRoleArnPatterns?.length
            ? "Operators assume this role, from their federated (MFA-enforcing) role, to run connect-dr failover and failback"
            : "Operators assume this role, with MFA, to run connect-dr failover and failback",
          maxSessionDuration: 3600,
          assumeRolePolicy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: operatorTrustStatements(args, accountRoot) }),
        },
        parent,
      );
      new aws.iam.RolePolicy(
        `${name}-operator-policy`,
        {
          role: operator.id,
          policy: operatorPolicyDocument({
            partition,
            accountId: args.accountId,
            pair: args.pair,
            trafficDistributionGroupArn: args.trafficDistributionGroupArn,
            lockTableArn: args.lockTableArn,
            lockTableKmsKeyArn: args.lockTableKmsKeyArn,
            healthAlarmArns: [alarmArn(primary, healthAlarmName(prefix, primary)), alarmArn(secondary, healthAlarmName(prefix, secondary))],
            topicArn: topic.arn,
            topicKmsKeyArn: key.arn,
            validation: args.operatorValidation,
          }),
        },
        parent,
      );
      this.operatorRoleArn = operator.arn;
    }

    this.functionArn = fn.arn;
    this.functionName = fn.name;
    this.healthAlarmArn = health.arn;
    this.healthAlarmName = ownHealth;
    this.topicArn = topic.arn;
    this.kmsKeyArn = key.arn;
    this.registerOutputs({ functionArn: this.functionArn, healthAlarmArn: this.healthAlarmArn, topicArn: this.topicArn, operatorRoleArn: this.operatorRoleArn });
  }
}

/**
 * The operator role's trust: principals with a recent MFA sign-in (the account root unless
 * others are named, and none when only federated roles are), and the federated roles by ARN.
 */
function operatorTrustStatements(args: FailoverAutomationArgs, accountRoot: string): object[] {
  const federated = args.operatorFederatedRoleArnPatterns ?? [];
  const mfaPrincipals = args.operatorPrincipalArns ?? (federated.length > 0 ? [] : [accountRoot]);
  return [
    ...(mfaPrincipals.length > 0
      ? [
          {
            Effect: "Allow",
            Principal: { AWS: mfaPrincipals },
            Action: "sts:AssumeRole",
            Condition: {
              Bool: { "aws:MultiFactorAuthPresent": "true" },
              NumericLessThan: { "aws:MultiFactorAuthAge": String(args.operatorMfaMaxAgeSeconds ?? 3600) },
            },
          },
        ]
      : []),
    ...(federated.length > 0
      ? [{ Sid: "FederatedOperators", Effect: "Allow", Principal: { AWS: accountRoot }, Action: "sts:AssumeRole", Condition: { ArnLike: { "aws:PrincipalArn": [...federated] } } }]
      : []),
  ];
}

function validate(args: FailoverAutomationArgs): void {
  if (args.pair.length !== 2 || args.pair[0] === args.pair[1]) {
    throw new ArgumentError(COMPONENT, "pair", args.pair, "two different Regions, primary first");
  }
  if (!args.pair.includes(args.region)) {
    throw new ArgumentError(COMPONENT, "region", args.region, `one of the pair ${args.pair.join(", ")}`);
  }
  if (!/^\d{12}$/.test(args.accountId)) {
    throw new ArgumentError(COMPONENT, "accountId", args.accountId, "a 12-digit AWS account id");
  }
  if (args.healthSignalAlarmNames.length === 0) {
    throw new ArgumentError(COMPONENT, "healthSignalAlarmNames", [], "at least one alarm name (a composite alarm needs a rule)");
  }
  if (args.cooldownSeconds !== undefined && (!Number.isInteger(args.cooldownSeconds) || args.cooldownSeconds < 60 || args.cooldownSeconds > 86_400)) {
    throw new ArgumentError(COMPONENT, "cooldownSeconds", args.cooldownSeconds, "an integer from 60 to 86400");
  }
  for (const pattern of args.operatorFederatedRoleArnPatterns ?? []) {
    if (!pattern.startsWith(`arn:aws:iam::${args.accountId}:role/`) || pattern.length <= `arn:aws:iam::${args.accountId}:role/`.length) {
      throw new ArgumentError(COMPONENT, "operatorFederatedRoleArnPatterns", pattern, `an IAM role ARN pattern in account ${args.accountId} (arn:aws:iam::${args.accountId}:role/...)`);
    }
  }
  if (args.operatorMfaMaxAgeSeconds !== undefined && (!Number.isInteger(args.operatorMfaMaxAgeSeconds) || args.operatorMfaMaxAgeSeconds < 300 || args.operatorMfaMaxAgeSeconds > 43_200)) {
    throw new ArgumentError(COMPONENT, "operatorMfaMaxAgeSeconds", args.operatorMfaMaxAgeSeconds, "an integer from 300 to 43200");
  }
}
