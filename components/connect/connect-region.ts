import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ArnRewrite } from "./flows";
import { failoverSignalTags, MISSING_DATA_BY_SIGNAL } from "../resiliency/failover-signal";
import { ConnectRegionArgs } from "./connect-region/args";
import { DATA_CLASS_TAG } from "../storage/replicated-bucket-pair";
import { connectKeyPolicy } from "./connect-region/key-policy";
import { nameSlug, resolveConnectRegionArgs } from "./connect-region/validate";

export * from "./connect-region/args";

/** S3 storage of Connect artefacts: resource type and the sub-prefix Connect's console uses. */
const S3_STORAGE = [
  { resourceType: "CALL_RECORDINGS", role: "call-recordings", folder: "CallRecordings" },
  { resourceType: "CHAT_TRANSCRIPTS", role: "chat-transcripts", folder: "ChatTranscripts" },
  { resourceType: "SCHEDULED_REPORTS", role: "scheduled-reports", folder: "Reports" },
] as const;

/** Kinesis storage: resource type and the stream's role and name suffix. */
const STREAM_STORAGE = [
  { resourceType: "CONTACT_TRACE_RECORDS", role: "contact-trace-records" },
  { resourceType: "AGENT_EVENTS", role: "agent-events" },
] as const;

/**
 * One Region's Amazon Connect: the instance (or, on an ACGR replica, the existing instance id),
 * a customer-managed KMS key, storage of recordings/transcripts/reports (S3) and contact trace
 * records/agent events (Kinesis), the encrypted flow log group, hours, queues, routing profiles and
 * Region-neutral flows (where this stack manages them), Lambda and Lex V2 associations built for
 * this Region, and CloudWatch alarms on the AWS/Connect metrics that signal trouble.
 *
 * The provider (account and Region) comes from `opts`; `region` and `accountId` must name the same
 * account and Region, since Lambda/Lex/instance ARNs and the key policy are built from them.
 *
 * @example
 * // Primary stack: create the instance and everything in it.
 * const east = new ConnectRegion("connect", {
 *   region: "us-east-1", accountId: "111122223333", instanceAlias: "acme-cc",
 *   recordingsBucketName: recordings.bucketName,
 *   hoursOfOperation: [{ name: "Office", timeZone: "America/New_York",
 *     config: [{ day: "MONDAY", startTime: { hours: 8, minutes: 0 }, endTime: { hours: 17, minutes: 0 } }] }],
 *   queues: [{ name: "Sales", hoursOfOperationName: "Office" }],
 *   routingProfiles: [{ name: "Agents", description: "All agents", defaultOutboundQueueName: "Sales",
 *     mediaConcurrencies: [{ channel: "VOICE", concurrency: 1 }],
 *     queueConfigs: [{ queueName: "Sales", channel: "VOICE", priority: 1, delay: 0 }] }],
 *   flows: [{ name: "Main", content: fs.readFileSync("flows/main.json", "utf8") }],
 *   lambdaFunctionNames: ["lookup-customer"],
 * }, { provider: workloadUsEast1 });
 *
 * // Secondary stack: the ACGR replica keeps the instance id; ACGR mirrors the routing configuration.
 * new ConnectRegion("connect", {
 *   region: "us-west-2", accountId: "111122223333", instanceAlias: "acme-cc-replica",
 *   instanceId: primary.getOutput("instanceId"), manageRoutingConfiguration: false,
 *   recordingsBucketName: recordingsWest.bucketName, lambdaFunctionNames: ["lookup-customer"],
 * }, { provider: workloadUsWest2 });
 */
export class ConnectRegion extends pulumi.ComponentResource {
  /** The instance id (the same in both Regions of an ACGR pair). */
  public readonly instanceId: pulumi.Output<string>;
  /** The instance ARN in this Region. */
  public readonly instanceArn: pulumi.Output<string>;
  /** The customer-managed key encrypting streams, logs and (by default) recordings. */
  public readonly kmsKeyArn: pulumi.Output<string>;
  /** `/aws/connect/<instanceAlias>`, where Connect writes flow logs (CMK-encrypted). */
  public readonly logGroupName: pulumi.Output<string>;
  /** Kinesis stream receiving contact trace records (consumers need kms:Decrypt via Kinesis). */
  public readonly contactTraceRecordsStreamArn: pulumi.Output<string>;
  /** Kinesis stream receiving agent events. */
  public readonly agentEventsStreamArn: pulumi.Output<string>;
  /** Flow ids by flow name (empty when routing configuration is not managed here). */
  public readonly flowIds: pulumi.Output<Record<string, string>>;
  /** Flow ARNs by flow name. */
  public readonly flowArns: pulumi.Output<Record<string, string>>;
  /** Queue ids by queue name. */
  public readonly queueIds: pulumi.Output<Record<string, string>>;
  /** Queue ARNs by queue name. */
  public readonly queueArns: pulumi.Output<Record<string, string>>;
  /** Hours-of-operation ids by name. */
  public readonly hoursOfOperationIds: pulumi.Output<Record<string, string>>;
  /** Routing profile ids by name. */
  public readonly routingProfileIds: pulumi.Output<Record<string, string>>;
  /** Alarm ARNs by alarm role (`concurrent-calls`, `throttled-calls`, ...). */
  public readonly alarmArns: pulumi.Output<Record<string, string>>;
  /** Alarm names by alarm role, resolved once the alarms exist (for composite alarms of this Region). */
  public readonly alarmNames: pulumi.Output<Record<string, string>>;
  /** What was rewritten in each flow to make it Region-neutral, by flow name. */
  public readonly flowRewrites: Readonly<Record<string, readonly ArnRewrite[]>>;

  constructor(name: string, args: ConnectRegionArgs, opts?: pulumi.ComponentResourceOptions) {
    // Validate before registering anything, so a bad argument leaves no trace in the stack.
    const config = resolveConnectRegionArgs(args);
    super("connect-dr:connect:ConnectRegion", name, {}, opts);
    const { region, accountId, instanceAlias, tags } = config;
    const child = { parent: this };
    const logGroupName = `/aws/connect/${instanceAlias}`;

    const key = new aws.kms.Key(`${name}-key`, {
      description: `Amazon Connect ${instanceAlias} (${region}): streams, flow logs and recordings`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: JSON.stringify(connectKeyPolicy({ accountId, region, logGroupName })),
      tags,
    }, child);
    new aws.kms.Alias(`${name}-key-alias`, { name: `alias/connect/${instanceAlias}`, targetKeyId: key.arn }, child);

    const logGroup = new aws.cloudwatch.LogGroup(`${name}-flow-logs`, {
      name: logGroupName,
      retentionInDays: config.logRetentionInDays,
      kmsKeyId: key.arn,
      tags,
    }, child);

    if (config.instanceId !== undefined) {
      this.instanceId = pulumi.output(config.instanceId);
      this.instanceArn = pulumi.interpolate`arn:aws:connect:${region}:${accountId}:instance/${config.instanceId}`;
    } else {
      const instance = new aws.connect.Instance(`${name}-instance`, {
        instanceAlias,
        identityManagementType: config.identityManagementType,
        inboundCallsEnabled: config.inboundCallsEnabled,
        outboundCallsEnabled: config.outboundCallsEnabled,
        contactFlowLogsEnabled: true,
        contactLensEnabled: config.contactLensEnabled,
        multiPartyConferenceEnabled: config.multiPartyConferenceEnabled,
        tags,
      }, { ...child, protect: config.protectInstance, dependsOn: [logGroup] });
      this.instanceId = instance.id;
      this.instanceArn = instance.arn;
    }
    const instanceId = this.instanceId;

    const recordingsKey = config.recordingsKmsKeyArn ?? key.arn;
    for (const storage of S3_STORAGE) {
      new aws.connect.InstanceStorageConfig(`${name}-storage-${storage.role}`, {
        instanceId,
        resourceType: storage.resourceType,
        storageConfig: {
          storageType: "S3",
          s3Config: {
            bucketName: config.recordingsBucketName,
            bucketPrefix: `${config.recordingsBucketPrefix}/${storage.folder}`,
            encryptionConfig: { encryptionType: "KMS", keyId: recordingsKey },
          },
        },
      }, child);
    }
    const streams: Record<string, aws.kinesis.Stream> = {};
    for (const storage of STREAM_STORAGE) {
      const stream = new aws.kinesis.Stream(`${name}-${storage.role}`, {
        name: `${instanceAlias}-${storage.role}`,
        streamModeDetails: { streamMode: "ON_DEMAND" },
        retentionPeriod: config.streamRetentionPeriodHours,
        encryptionType: "KMS",
        kmsKeyId: key.arn,
        // The policy pack requires these classes to be archived (ContactRecordsArchive).
        tags: { ...tags, [DATA_CLASS_TAG]: storage.role },
      }, child);
      streams[storage.role] = stream;
      new aws.connect.InstanceStorageConfig(`${name}-storage-${storage.role}`, {
        instanceId,
        resourceType: storage.resourceType,
        storageConfig: { storageType: "KINESIS_STREAM", kinesisStreamConfig: { streamArn: stream.arn } },
      }, child);
    }

    const hours = new Map<string, aws.connect.HoursOfOperation>();
    const queues = new Map<string, aws.connect.Queue>();
    const profiles = new Map<string, aws.connect.RoutingProfile>();
    const flows = new Map<string, aws.connect.ContactFlow>();
    for (const h of config.hoursOfOperation) {
      hours.set(h.name, new aws.connect.HoursOfOperation(`${name}-hours-${nameSlug(h.name)}`, {
        instanceId,
        name: h.name,
        timeZone: h.timeZone,
        description: h.description,
        configs: h.config.map((c) => ({ day: c.day, startTime: { ...c.startTime }, endTime: { ...c.endTime } })),
        tags,
      }, child));
    }
    for (const q of config.queues) {
      queues.set(q.name, new aws.connect.Queue(`${name}-queue-${nameSlug(q.name)}`, {
        instanceId,
        name: q.name,
        description: q.description,
        hoursOfOperationId: hours.get(q.hoursOfOperationName)!.hoursOfOperationId,
        maxContacts: q.maxContacts,
        tags,
      }, child));
    }
    for (const p of config.routingProfiles) {
      profiles.set(p.name, new aws.connect.RoutingProfile(`${name}-routing-profile-${nameSlug(p.name)}`, {
        instanceId,
        name: p.name,
        description: p.description,
        defaultOutboundQueueId: queues.get(p.defaultOutboundQueueName)!.queueId,
        mediaConcurrencies: p.mediaConcurrencies.map((m) => ({ channel: m.channel, concurrency: m.concurrency })),
        queueConfigs: p.queueConfigs.map((c) => ({ channel: c.channel, delay: c.delay, priority: c.priority, queueId: queues.get(c.queueName)!.queueId })),
        tags,
      }, child));
    }
    for (const f of config.flows) {
      flows.set(f.name, new aws.connect.ContactFlow(`${name}-flow-${nameSlug(f.name)}`, {
        instanceId,
        name: f.name,
        type: f.type,
        description: f.description,
        content: f.content,
        tags,
      }, child));
    }
    this.flowRewrites = Object.fromEntries(config.flows.map((f) => [f.name, f.rewrites]));

    // ACGR mirrors neither Lambda nor Lex associations ("What resources are mirrored in the replica
    // instance", https://docs.aws.amazon.com/connect/latest/adminguide/create-replica-connect-instance.html:
    // ReplicateInstance "does not synchronize Lambda functions or Amazon Lex bots"), so each Region's
    // ConnectRegion associates its own, the replica's included.
    for (const fn of config.lambdaFunctionNames) {
      const qualifiedArn = `arn:aws:lambda:${region}:${accountId}:function:${fn}${config.lambdaFunctionAlias ? `:${config.lambdaFunctionAlias}` : ""}`;
      new aws.connect.LambdaFunctionAssociation(`${name}-lambda-${nameSlug(fn)}`, {
        instanceId,
        functionArn: args.lambdaFunctionAliasArns ? pulumi.output(args.lambdaFunctionAliasArns).apply((arns) => arns[fn] ?? qualifiedArn) : qualifiedArn,
      }, child);
    }
    for (const bot of config.lexV2BotAliases) {
      // @pulumi/aws models only Lex V1 bot associations; Cloud Control creates the CloudFormation
      // AWS::Connect::IntegrationAssociation with the same provider (account and Region).
      new aws.cloudcontrol.Resource(`${name}-lex-${nameSlug(`${bot.botId}-${bot.botAliasId}`)}`, {
        typeName: "AWS::Connect::IntegrationAssociation",
        desiredState: this.instanceArn.apply((instanceArn) => JSON.stringify({
          InstanceId: instanceArn,
          IntegrationType: "LEX_BOT",
          IntegrationArn: `arn:aws:lex:${region}:${accountId}:bot-alias/${bot.botId}/${bot.botAliasId}`,
        })),
      }, child);
    }

    const alarms = this.createAlarms(name, config, instanceId, tags);

    this.kmsKeyArn = key.arn;
    this.logGroupName = logGroup.name;
    this.contactTraceRecordsStreamArn = streams["contact-trace-records"].arn;
    this.agentEventsStreamArn = streams["agent-events"].arn;
    this.hoursOfOperationIds = byName(hours, (h) => h.hoursOfOperationId);
    this.queueIds = byName(queues, (q) => q.queueId);
    this.queueArns = byName(queues, (q) => q.arn);
    this.routingProfileIds = byName(profiles, (p) => p.routingProfileId);
    this.flowIds = byName(flows, (f) => f.contactFlowId);
    this.flowArns = byName(flows, (f) => f.arn);
    this.alarmArns = byName(alarms, (a) => a.arn);
    this.alarmNames = byName(alarms, (a) => a.name);
    this.registerOutputs({
      instanceId: this.instanceId,
      instanceArn: this.instanceArn,
      kmsKeyArn: this.kmsKeyArn,
      logGroupName: this.logGroupName,
      contactTraceRecordsStreamArn: this.contactTraceRecordsStreamArn,
      agentEventsStreamArn: this.agentEventsStreamArn,
      hoursOfOperationIds: this.hoursOfOperationIds,
      queueIds: this.queueIds,
      queueArns: this.queueArns,
      routingProfileIds: this.routingProfileIds,
      flowIds: this.flowIds,
      flowArns: this.flowArns,
      alarmArns: this.alarmArns,
      alarmNames: this.alarmNames,
    });
  }

  /** Alarms on the AWS/Connect metrics that mean callers are being turned away or failed. */
  private createAlarms(
    name: string,
    config: ReturnType<typeof resolveConnectRegionArgs>,
    instanceId: pulumi.Output<string>,
    tags: Readonly<Record<string, string>>,
  ): Map<string, aws.cloudwatch.MetricAlarm> {
    const alarms = new Map<string, aws.cloudwatch.MetricAlarm>();
    const common = {
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      // Quality signals of a Region still reporting (they feed its health composite alarm): Connect
      // publishes these only when something happens, so no data means no trouble.
      treatMissingData: MISSING_DATA_BY_SIGNAL.quality,
      alarmActions: [...config.alarmActions],
      okActions: [...config.alarmActions],
      tags: { ...tags, ...failoverSignalTags("quality") },
    };
    const instanceMetric = (role: ConnectAlarmRole, metricName: string, metricGroup: string, statistic: string, period: number, evaluationPeriods: number, threshold: number, description: string) => {
      alarms.set(role, new aws.cloudwatch.MetricAlarm(`${name}-alarm-${role}`, {
        ...common,
        name: connectAlarmName(config.instanceAlias, role),
        alarmDescription: description,
        namespace: "AWS/Connect",
        metricName,
        dimensions: { InstanceId: instanceId, MetricGroup: metricGroup },
        statistic,
        period,
        evaluationPeriods,
        datapointsToAlarm: evaluationPeriods,
        threshold,
      }, { parent: this }));
    };
    // Flow metrics carry a ContactFlowName dimension; a Metrics Insights query sums every flow of
    // the instance, including flows ACGR mirrors or people create outside this stack.
    const flowMetric = (role: ConnectAlarmRole, metricName: string, threshold: number, description: string) => {
      alarms.set(role, new aws.cloudwatch.MetricAlarm(`${name}-alarm-${role}`, {
        ...common,
        name: connectAlarmName(config.instanceAlias, role),
        alarmDescription: description,
        evaluationPeriods: 1,
        threshold,
        metricQueries: [{
          id: "flows",
          expression: pulumi.interpolate`SELECT SUM(${metricName}) FROM SCHEMA("AWS/Connect", ContactFlowName, InstanceId, MetricGroup) WHERE InstanceId = '${instanceId}' AND MetricGroup = 'ContactFlow'`,
          period: 300,
          returnData: true,
        }],
      }, { parent: this }));
    };
    instanceMetric("concurrent-calls", "ConcurrentCallsPercentage", "VoiceCalls", "Maximum", 60, 5, config.concurrentCallsPercentageThreshold,
      "Concurrent calls near the instance's concurrent-calls quota for 5 minutes: new calls will be rejected");
    instanceMetric("throttled-calls", "ThrottledCalls", "VoiceCalls", "Sum", 300, 1, config.throttledCallsThreshold,
      "Calls rejected because the rate of calls per second exceeded the quota");
    flowMetric("contact-flow-errors", "ContactFlowErrors", config.contactFlowErrorsThreshold, "Flows taking their error branch");
    flowMetric("contact-flow-fatal-errors", "ContactFlowFatalErrors", config.contactFlowFatalErrorsThreshold, "Flows failing with a system error (contacts dropped)");
    instanceMetric("call-recording-upload-errors", "CallRecordingUploadError", "CallRecordings", "Sum", 300, 1, config.callRecordingUploadErrorsThreshold,
      "Call recordings failing to upload to S3");
    return alarms;
  }
}

/** The alarms ConnectRegion declares, by role. */
export const CONNECT_ALARM_ROLES = ["concurrent-calls", "throttled-calls", "contact-flow-errors", "contact-flow-fatal-errors", "call-recording-upload-errors"] as const;

export type ConnectAlarmRole = (typeof CONNECT_ALARM_ROLES)[number];

/** The CloudWatch name of a ConnectRegion alarm: what a composite alarm (or another stack) refers to. */
export function connectAlarmName(instanceAlias: string, role: ConnectAlarmRole): string {
  return `${instanceAlias}-connect-${role}`;
}

/** An output map of one attribute of each child, keyed by the item's name. */
function byName<T>(children: Map<string, T>, attribute: (child: T) => pulumi.Output<string>): pulumi.Output<Record<string, string>> {
  const entries = [...children.entries()].map(([key, child]) => attribute(child).apply((value) => [key, value] as const));
  return pulumi.all(entries).apply((pairs) => Object.fromEntries(pairs));
}
