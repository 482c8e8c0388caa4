import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../argument-error";
import { contactCenterDashboardBody, type DashboardInput } from "./dashboard-body";
import { backupBucketPolicy, firehoseRolePolicy, monitoringKeyPolicy, putRecordsPolicy } from "./policies";
import { SPLUNK_HEC_URL, SPLUNK_HEC_URL_RULE } from "./splunk-hec";

const COMPONENT = "ContactCenterMonitoring";
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const ACCOUNT = /^\d{12}$/;
const HTTPS_URL = /^https:\/\/[a-z0-9.-]+(:\d+)?(\/[^\s]*)?$/i;
const DASHBOARD_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const FAILED_RECORDS_RETENTION_DAYS = 365;
/** Namespaces streamed to Dynatrace by default: the contact centre's own and its DR dependencies. */
export const DEFAULT_STREAMED_NAMESPACES = ["AWS/Connect", "AWS/Lambda", "AWS/DynamoDB", "AWS/S3", "AWS/Lex", "AWS/Firehose"] as const;

type Destination = "splunk" | "dynatrace";

export interface ContactCenterMonitoringArgs {
  /** Region of the component's provider. */
  readonly region: string;
  /** Account of the provider (key and trust policies). */
  readonly accountId: string;
  /** Amazon Connect instance id (the same in both Regions under ACGR). */
  readonly connectInstanceId: pulumi.Input<string>;
  /** Dashboard name. @default "connect-dr-<region>" */
  readonly dashboardName?: string;
  /** Recordings replication to chart (S3 ReplicationLatency). @default no widget */
  readonly recordingsReplication?: DashboardInput["recordingsReplication"];
  /** Global table to chart (DynamoDB ReplicationLatency per receiving Region). @default no widget */
  readonly globalTable?: DashboardInput["globalTable"];
  /** Route 53 health check ids by label (charted from us-east-1). @default no widget */
  readonly healthCheckIds?: pulumi.Input<Record<string, string>>;
  /** ARNs of the failover decision alarms. @default no widget */
  readonly failoverAlarmArns?: pulumi.Input<string[]>;
  /** Failover Lambda function in this Region. @default no widget */
  readonly failoverFunctionName?: string;
  /**
   * Stream Amazon Connect contact events and alarm state changes to Splunk: EventBridge -> Amazon Data
   * Firehose `splunk` destination -> Splunk HTTP Event Collector (raw endpoint, indexer acknowledgment),
   * failed events to the encrypted bucket.
   * @default false
   */
  readonly enableSplunk?: boolean;
  /**
   * The HEC endpoint Firehose sends to: the base URL, without a `/services/collector` path (Firehose
   * adds it), such as `https://http-inputs-firehose-acme.splunkcloud.com:443`. Required when `enableSplunk`.
   */
  readonly splunkHecUrl?: string;
  /** Stream CloudWatch metrics to Dynatrace: metric stream -> Firehose HTTP endpoint destination. @default false */
  readonly enableDynatrace?: boolean;
  /** Dynatrace's Firehose endpoint for the tenant. Required when `enableDynatrace`. */
  readonly dynatraceEndpointUrl?: string;
  /** Namespaces streamed to Dynatrace. @default DEFAULT_STREAMED_NAMESPACES */
  readonly streamedNamespaces?: readonly string[];
  /** Tags for every child. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Observability of the contact centre in one Region: a CloudWatch dashboard (Connect concurrency,
 * queues, flow errors, recordings replication, global table replication, Route 53 health checks,
 * failover events), an SNS topic encrypted with a CMK for alarms to route to, and optional streaming
 * to Splunk (Firehose's Splunk destination) and Dynatrace (HTTP endpoint) through Firehose with CMK
 * server-side encryption. Destination tokens live in Secrets Manager (CMK) and are put there by an
 * operator (`{"hec_token": ...}` for Splunk, `{"api_key": ...}` for Dynatrace); they never pass
 * through Pulumi state.
 */
export class ContactCenterMonitoring extends pulumi.ComponentResource {
  public readonly dashboardName: pulumi.Output<string>;
  /** Topic alarms route to. */
  public readonly alarmTopicArn: pulumi.Output<string>;
  public readonly kmsKeyArn: pulumi.Output<string>;
  /** Firehose stream ARN by enabled destination. */
  public readonly deliveryStreamArns: pulumi.Output<Partial<Record<Destination, string>>>;
  /** Destination token secret ARN by enabled destination (the operator sets their values). */
  public readonly destinationSecretArns: pulumi.Output<Partial<Record<Destination, string>>>;

  constructor(name: string, args: ContactCenterMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    super("connect-dr:monitoring:ContactCenterMonitoring", name, {}, opts);
    const s = validate(args);
    const tags = args.tags ?? {};
    const parent = { parent: this };
    const { region, accountId } = args;

    const key = new aws.kms.Key(
      `${name}-key`,
      {
        description: `connect-dr monitoring in ${region}: alarm topic, destination secrets, Firehose, failed records, delivery logs`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: JSON.stringify(monitoringKeyPolicy(accountId, region)),
        tags,
      },
      parent,
    );
    new aws.kms.Alias(`${name}-key-alias`, { name: `alias/connect-dr/monitoring-${region}`, targetKeyId: key.keyId }, parent);
    const topic = new aws.sns.Topic(`${name}-topic`, { name: `connect-dr-alarms-${region}`, kmsMasterKeyId: key.arn, tags }, parent);

    const dashboard = new aws.cloudwatch.Dashboard(
      `${name}-dashboard`,
      {
        dashboardName: s.dashboardName,
        dashboardBody: pulumi
          .all([args.connectInstanceId, args.healthCheckIds ?? {}, args.failoverAlarmArns ?? []])
          .apply(([connectInstanceId, healthCheckIds, failoverAlarmArns]) =>
            JSON.stringify(
              contactCenterDashboardBody({
                region,
                connectInstanceId,
                recordingsReplication: args.recordingsReplication,
                globalTable: args.globalTable,
                healthCheckIds,
                failoverAlarmArns,
                failoverFunctionName: args.failoverFunctionName,
              }),
            ),
          ),
      },
      parent,
    );

    const streams: Partial<Record<Destination, pulumi.Output<string>>> = {};
    const secrets: Partial<Record<Destination, pulumi.Output<string>>> = {};
    const destinations: [Destination, string][] = [];
    if (args.enableSplunk) destinations.push(["splunk", args.splunkHecUrl!]);
    if (args.enableDynatrace) destinations.push(["dynatrace", args.dynatraceEndpointUrl!]);

    if (destinations.length > 0) {
      const bucket = new aws.s3.Bucket(`${name}-failed-records`, { tags }, parent);
      const versioning = new aws.s3.BucketVersioning(`${name}-failed-records-versioning`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, parent);
      new aws.s3.BucketServerSideEncryptionConfiguration(
        `${name}-failed-records-encryption`,
        { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }] },
        parent,
      );
      const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
        `${name}-failed-records-public-access-block`,
        { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
        parent,
      );
      const ownership = new aws.s3.BucketOwnershipControls(`${name}-failed-records-ownership`, { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, parent);
      new aws.s3.BucketPolicy(
        `${name}-failed-records-policy`,
        { bucket: bucket.id, policy: bucket.arn.apply((arn) => JSON.stringify(backupBucketPolicy(arn))) },
        { parent: this, dependsOn: [publicAccessBlock, ownership] },
      );
      new aws.s3.BucketLifecycleConfiguration(
        `${name}-failed-records-lifecycle`,
        {
          bucket: bucket.id,
          rules: [{ id: "expire-failed-records", status: "Enabled", filter: {}, expiration: { days: FAILED_RECORDS_RETENTION_DAYS }, noncurrentVersionExpiration: { noncurrentDays: 30 } }],
        },
        { parent: this, dependsOn: [versioning] },
      );
      const logGroup = new aws.cloudwatch.LogGroup(
        `${name}-delivery-logs`,
        { name: `/aws/kinesisfirehose/connect-dr-monitoring-${region}`, kmsKeyId: key.arn, retentionInDays: 365, tags },
        parent,
      );

      for (const [destination, url] of destinations) {
        const streamName = `connect-dr-${destination}-${region}`;
        const secret = new aws.secretsmanager.Secret(
          `${name}-${destination}-secret`,
          {
            name: `connect-dr/monitoring/${destination}-${region}`,
            // The JSON key Firehose reads differs per destination ("Understand secrets", Amazon Data Firehose developer guide).
            description: `${destination === "splunk" ? 'Splunk HEC token for Firehose, as {"hec_token": "<token>"}' : 'Dynatrace API token for Firehose, as {"api_key": "<token>"}'}; set by an operator`,
            kmsKeyId: key.arn,
            recoveryWindowInDays: 30,
            tags,
          },
          parent,
        );
        const logStream = new aws.cloudwatch.LogStream(`${name}-${destination}-log-stream`, { name: destination, logGroupName: logGroup.name }, parent);
        const role = new aws.iam.Role(
          `${name}-${destination}-role`,
          {
            description: `Firehose ${streamName}: deliver to ${destination}, back up failures`,
            assumeRolePolicy: JSON.stringify({
              Version: "2012-10-17",
              Statement: [{ Effect: "Allow", Principal: { Service: "firehose.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": accountId } } }],
            }),
            tags,
          },
          parent,
        );
        const rolePolicy = new aws.iam.RolePolicy(
          `${name}-${destination}-role-policy`,
          {
            role: role.id,
            policy: pulumi
              .all([bucket.arn, key.arn, secret.arn, logGroup.arn])
              .apply(([bucketArn, keyArn, secretArn, logGroupArn]) => JSON.stringify(firehoseRolePolicy({ bucketArn, backupPrefix: destination, keyArn, secretArn, logGroupArn }))),
          },
          parent,
        );
        // Failed records, encrypted with the CMK, under the destination's own prefix.
        const s3Configuration = {
          roleArn: role.arn,
          bucketArn: bucket.arn,
          prefix: `${destination}/`,
          errorOutputPrefix: `${destination}/errors/`,
          compressionFormat: "GZIP",
          kmsKeyArn: key.arn,
        };
        const secretsManagerConfiguration = { enabled: true, secretArn: secret.arn, roleArn: role.arn };
        const cloudwatchLoggingOptions = { enabled: true, logGroupName: logGroup.name, logStreamName: logStream.name };
        const stream = new aws.kinesis.FirehoseDeliveryStream(
          `${name}-${destination}-stream`,
          {
            name: streamName,
            serverSideEncryption: { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: key.arn },
            // Splunk has its own Firehose destination (HEC with indexer acknowledgment); Dynatrace is an HTTP endpoint.
            ...(destination === "splunk"
              ? {
                  destination: "splunk",
                  splunkConfiguration: {
                    hecEndpoint: url,
                    hecEndpointType: "Raw",
                    hecAcknowledgmentTimeout: 180,
                    secretsManagerConfiguration,
                    bufferingSize: 1,
                    bufferingInterval: 60,
                    retryDuration: 300,
                    s3BackupMode: "FailedEventsOnly",
                    s3Configuration,
                    cloudwatchLoggingOptions,
                  },
                }
              : {
                  destination: "http_endpoint",
                  httpEndpointConfiguration: {
                    url,
                    name: "Dynatrace",
                    roleArn: role.arn,
                    secretsManagerConfiguration,
                    bufferingSize: 1,
                    bufferingInterval: 60,
                    retryDuration: 300,
                    requestConfiguration: { contentEncoding: "GZIP" },
                    s3BackupMode: "FailedDataOnly",
                    s3Configuration,
                    cloudwatchLoggingOptions,
                  },
                }),
            tags,
          },
          { parent: this, dependsOn: [rolePolicy] },
        );
        streams[destination] = stream.arn;
        secrets[destination] = secret.arn;

        if (destination === "splunk") {
          const eventsRole = new aws.iam.Role(
            `${name}-splunk-events-role`,
            {
              description: `EventBridge puts contact events and alarm changes into ${streamName}`,
              assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": accountId } } }],
              }),
              tags,
            },
            parent,
          );
          new aws.iam.RolePolicy(`${name}-splunk-events-role-policy`, { role: eventsRole.id, policy: stream.arn.apply((arn) => JSON.stringify(putRecordsPolicy(arn))) }, parent);
          const rule = new aws.cloudwatch.EventRule(
            `${name}-splunk-events-rule`,
            {
              description: "Amazon Connect contact events and CloudWatch alarm state changes (failover signals) to Splunk",
              eventPattern: JSON.stringify({ source: ["aws.connect", "aws.cloudwatch"], "detail-type": ["Amazon Connect Contact Event", "CloudWatch Alarm State Change"] }),
              tags,
            },
            parent,
          );
          new aws.cloudwatch.EventTarget(`${name}-splunk-events-target`, { rule: rule.name, arn: stream.arn, roleArn: eventsRole.arn }, parent);
        } else {
          const metricsRole = new aws.iam.Role(
            `${name}-dynatrace-metric-stream-role`,
            {
              description: `CloudWatch metric stream puts metrics into ${streamName}`,
              assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "streams.metrics.cloudwatch.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": accountId } } }],
              }),
              tags,
            },
            parent,
          );
          const metricsPolicy = new aws.iam.RolePolicy(`${name}-dynatrace-metric-stream-role-policy`, { role: metricsRole.id, policy: stream.arn.apply((arn) => JSON.stringify(putRecordsPolicy(arn))) }, parent);
          new aws.cloudwatch.MetricStream(
            `${name}-dynatrace-metric-stream`,
            {
              name: `connect-dr-dynatrace-${region}`,
              roleArn: metricsRole.arn,
              firehoseArn: stream.arn,
              outputFormat: "opentelemetry0.7",
              includeFilters: s.streamedNamespaces.map((namespace) => ({ namespace })),
              tags,
            },
            { parent: this, dependsOn: [metricsPolicy] },
          );
        }
      }
    }

    this.dashboardName = dashboard.dashboardName;
    this.alarmTopicArn = topic.arn;
    this.kmsKeyArn = key.arn;
    this.deliveryStreamArns = pulumi.output(streams);
    this.destinationSecretArns = pulumi.output(secrets);
    this.registerOutputs({
      dashboardName: this.dashboardName,
      alarmTopicArn: this.alarmTopicArn,
      kmsKeyArn: this.kmsKeyArn,
      deliveryStreamArns: this.deliveryStreamArns,
      destinationSecretArns: this.destinationSecretArns,
    });
  }
}

function fail(argument: string, value: unknown, allowed: string): never {
  throw new ArgumentError(COMPONENT, argument, value, allowed);
}

function validate(args: ContactCenterMonitoringArgs): { dashboardName: string; streamedNamespaces: readonly string[] } {
  if (typeof args.region !== "string" || !REGION.test(args.region)) fail("region", args.region, "allowed: an AWS Region code");
  if (!ACCOUNT.test(args.accountId)) fail("accountId", args.accountId, "allowed: a 12-digit AWS account id");
  const dashboardName = args.dashboardName ?? `connect-dr-${args.region}`;
  if (!DASHBOARD_NAME.test(dashboardName)) fail("dashboardName", dashboardName, "allowed: letters, digits, '-' and '_', at most 255 characters");
  for (const [flag, urlArg, url] of [["enableSplunk", "splunkHecUrl", args.splunkHecUrl], ["enableDynatrace", "dynatraceEndpointUrl", args.dynatraceEndpointUrl]] as const) {
    const enabled = args[flag] ?? false;
    if (typeof enabled !== "boolean") fail(flag, enabled, "allowed: true or false (a plain boolean decides whether the stream exists)");
    if (enabled && (typeof url !== "string" || !HTTPS_URL.test(url))) fail(urlArg, url ?? null, `allowed: an https:// URL (required when ${flag} is true; Firehose delivers over TLS only)`);
    if (enabled && flag === "enableSplunk" && !SPLUNK_HEC_URL.test(url!)) fail(urlArg, url, `allowed: ${SPLUNK_HEC_URL_RULE}`);
    if (!enabled && url !== undefined) fail(urlArg, url, `set ${flag}: true to stream, or leave ${urlArg} unset`);
  }
  const streamedNamespaces = args.streamedNamespaces ?? DEFAULT_STREAMED_NAMESPACES;
  if (args.streamedNamespaces !== undefined && !args.enableDynatrace) fail("streamedNamespaces", args.streamedNamespaces, "applies only with enableDynatrace: true");
  if (streamedNamespaces.length === 0 || streamedNamespaces.length > 1000) fail("streamedNamespaces", streamedNamespaces, "allowed: 1 to 1000 namespaces");
  for (const namespace of streamedNamespaces) if (!/^[^:]{1,255}$/.test(namespace)) fail("streamedNamespaces", namespace, "allowed: CloudWatch namespaces such as 'AWS/Connect'");
  if (args.recordingsReplication) {
    for (const field of ["sourceBucket", "destinationBucket", "ruleId"] as const) {
      if (typeof args.recordingsReplication[field] !== "string" || args.recordingsReplication[field] === "") fail(`recordingsReplication.${field}`, args.recordingsReplication[field] ?? null, "allowed: a non-empty string");
    }
  }
  if (args.globalTable) {
    if (!args.globalTable.tableName) fail("globalTable.tableName", args.globalTable.tableName ?? null, "allowed: a table name");
    for (const r of args.globalTable.receivingRegions) {
      if (!REGION.test(r) || r === args.region) fail("globalTable.receivingRegions", r, "allowed: Region codes other than this Region");
    }
  }
  return { dashboardName, streamedNamespaces };
}
