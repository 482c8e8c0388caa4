import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../argument-error";
import { ARCHIVED_STREAMS, ArchivedStream, archivePrefixes, deliveryRolePolicy, deliveryTrustPolicy } from "./archive-delivery";
import { declareReplicatedBucketPair, ReplicatedBucketArgs, replicatedBucketSettings } from "./replicated-bucket-pair";

export { ARCHIVED_STREAMS, ArchivedStream, archivePrefixes } from "./archive-delivery";

const COMPONENT = "ContactRecordsArchive";

/** `connect-dr:data-class` of the archive bucket and of its vault replica (policies/inspection/data-class.ts). */
export const CONTACT_RECORDS_DATA_CLASS = "contact-records";
export const CONTACT_RECORDS_REPLICA_DATA_CLASS = "contact-records-replica";
/** Id of the archive's replication rule; the `RuleId` dimension of its S3 replication metrics. */
export const CONTACT_RECORDS_REPLICATION_RULE_ID = "replicate-contact-records";

export interface ContactRecordsArchiveArgs extends ReplicatedBucketArgs {
  /** The Kinesis stream of contact trace records (ConnectRegion `contactTraceRecordsStreamArn`). */
  readonly contactTraceRecordsStreamArn: pulumi.Input<string>;
  /** The Kinesis stream of agent events (ConnectRegion `agentEventsStreamArn`). */
  readonly agentEventsStreamArn: pulumi.Input<string>;
  /** The CMK encrypting both streams (ConnectRegion `kmsKeyArn`): Firehose decrypts records with it. */
  readonly streamKeyArn: pulumi.Input<string>;
  /**
   * Seconds Firehose buffers records before writing an object (0 to 900). Shorter means a smaller
   * archive RPO and more, smaller objects.
   * @default 300
   */
  readonly bufferingIntervalSeconds?: number;
  /**
   * MiB Firehose buffers before writing an object, before compression (1 to 128).
   * @default 64
   */
  readonly bufferingSizeMiB?: number;
  /**
   * Alarm when the oldest record not yet in S3 (`DeliveryToS3.DataFreshness`) is older than this.
   * @default 900
   */
  readonly deliveryFreshnessThresholdSeconds?: number;
}

interface DeliverySettings {
  readonly bufferingIntervalSeconds: number;
  readonly bufferingSizeMiB: number;
  readonly freshnessSeconds: number;
}

function deliverySettings(args: ContactRecordsArchiveArgs): DeliverySettings {
  const fail = (argument: string, value: unknown, allowed: string): never => {
    throw new ArgumentError(COMPONENT, argument, value, allowed);
  };
  const wholeIn = (value: unknown, min: number, max: number) => typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
  const bufferingIntervalSeconds = args.bufferingIntervalSeconds ?? 300;
  if (!wholeIn(bufferingIntervalSeconds, 0, 900)) fail("bufferingIntervalSeconds", bufferingIntervalSeconds, "expected whole seconds from 0 to 900");
  const bufferingSizeMiB = args.bufferingSizeMiB ?? 64;
  if (!wholeIn(bufferingSizeMiB, 1, 128)) fail("bufferingSizeMiB", bufferingSizeMiB, "expected whole MiB from 1 to 128");
  const freshnessSeconds = args.deliveryFreshnessThresholdSeconds ?? 900;
  if (!wholeIn(freshnessSeconds, 60, 86400)) fail("deliveryFreshnessThresholdSeconds", freshnessSeconds, "expected whole seconds from 60 to 86400");
  for (const key of ["contactTraceRecordsStreamArn", "agentEventsStreamArn", "streamKeyArn"] as const) {
    if (args[key] === undefined || args[key] === "") fail(key, args[key], "expected the ARN (or an Output of it) from ConnectRegion");
  }
  return { bufferingIntervalSeconds, bufferingSizeMiB, freshnessSeconds };
}

/**
 * The archive of Amazon Connect's contact trace records and agent events. Kinesis keeps records for
 * days and ACGR replicates no storage configuration, so without it a lost Region's CTRs are lost.
 *
 * Each stream is read by its own Firehose delivery stream (`extended_s3`, its own least-privilege role)
 * that writes GZIP objects under `<stream>/year=/month=/day=/hour=/` into a source bucket (SSE-KMS with
 * its rotating CMK, versioned, private, TLS only), replicated with S3 Replication Time Control to a
 * vault bucket in `replicaProvider`'s account and Region: the same pair ReplicatedRecordings declares.
 * Alarms: replication latency and failures, and delivery freshness per stream.
 *
 * Everything but the destination bucket and its key uses the provider in `opts`, which must be the
 * streams' account and Region.
 */
export class ContactRecordsArchive extends pulumi.ComponentResource {
  /** The archive bucket (source of replication). */
  public readonly sourceBucketName: pulumi.Output<string>;
  public readonly sourceBucketArn: pulumi.Output<string>;
  /** The vault bucket holding the replicas. */
  public readonly destinationBucketName: pulumi.Output<string>;
  public readonly destinationBucketArn: pulumi.Output<string>;
  /** The archive bucket's CMK, with which Firehose encrypts objects. */
  public readonly sourceKeyArn: pulumi.Output<string>;
  /** The vault bucket's CMK (the key a restore re-encrypts with when copying back is the target's). */
  public readonly destinationKeyArn: pulumi.Output<string>;
  /** The role S3 assumes to replicate. */
  public readonly replicationRoleArn: pulumi.Output<string>;
  /** Firehose delivery stream ARNs by archived stream. */
  public readonly deliveryStreamArns: pulumi.Output<Record<ArchivedStream, string>>;

  constructor(name: string, args: ContactRecordsArchiveArgs, opts?: pulumi.ComponentResourceOptions) {
    const settings = replicatedBucketSettings(COMPONENT, args);
    const delivery = deliverySettings(args);
    super("connect-dr:storage:ContactRecordsArchive", name, {}, opts);

    const { source, destination, role } = declareReplicatedBucketPair(name, this, args, settings, {
      contents: "contact trace records and agent events",
      sourceDataClass: CONTACT_RECORDS_DATA_CLASS,
      destinationDataClass: CONTACT_RECORDS_REPLICA_DATA_CLASS,
      replicationRuleId: CONTACT_RECORDS_REPLICATION_RULE_ID,
      lifecycleRuleId: "expire-contact-records",
    });

    const streamArns: Record<ArchivedStream, pulumi.Input<string>> = {
      "contact-trace-records": args.contactTraceRecordsStreamArn,
      "agent-events": args.agentEventsStreamArn,
    };
    const actions = args.alarmActions ?? [];
    const deliveries: Partial<Record<ArchivedStream, pulumi.Output<string>>> = {};
    for (const stream of ARCHIVED_STREAMS) {
      const prefixes = archivePrefixes(stream);
      const deliveryRole = new aws.iam.Role(
        `${name}-${stream}-role`,
        { description: `Firehose delivers ${stream} from Kinesis to ${name}'s archive bucket as this role`, assumeRolePolicy: JSON.stringify(deliveryTrustPolicy(args.sourceAccountId)) },
        { parent: this },
      );
      const rolePolicy = new aws.iam.RolePolicy(
        `${name}-${stream}-role-policy`,
        {
          role: deliveryRole.id,
          policy: pulumi
            .all([streamArns[stream], args.streamKeyArn, source.bucket.arn, source.key.arn])
            .apply(([streamArn, streamKeyArn, bucketArn, bucketKeyArn]) =>
              JSON.stringify(deliveryRolePolicy({ streamArn, streamKeyArn, bucketArn, bucketKeyArn, root: prefixes.root })),
            ),
        },
        { parent: this },
      );
      // Kinesis-sourced delivery streams keep no data at rest of their own (the stream's encryption
      // covers it), so there is no Firehose server-side encryption to set; S3 objects use the CMK.
      const deliveryStream = new aws.kinesis.FirehoseDeliveryStream(
        `${name}-${stream}-delivery`,
        {
          destination: "extended_s3",
          kinesisSourceConfiguration: { kinesisStreamArn: streamArns[stream], roleArn: deliveryRole.arn },
          extendedS3Configuration: {
            roleArn: deliveryRole.arn,
            bucketArn: source.bucket.arn,
            prefix: prefixes.prefix,
            errorOutputPrefix: prefixes.errorOutputPrefix,
            compressionFormat: "GZIP",
            kmsKeyArn: source.key.arn,
            bufferingInterval: delivery.bufferingIntervalSeconds,
            bufferingSize: delivery.bufferingSizeMiB,
          },
        },
        { parent: this, dependsOn: [rolePolicy, source.policy] },
      );
      new aws.cloudwatch.MetricAlarm(
        `${name}-${stream}-freshness-alarm`,
        {
          alarmDescription: `${stream} of ${name} are reaching the archive more than ${delivery.freshnessSeconds} s late: the archive RPO is at risk`,
          namespace: "AWS/Firehose",
          metricName: "DeliveryToS3.DataFreshness",
          dimensions: { DeliveryStreamName: deliveryStream.name },
          statistic: "Maximum",
          period: 300,
          evaluationPeriods: 1,
          comparisonOperator: "GreaterThanThreshold",
          threshold: delivery.freshnessSeconds,
          treatMissingData: "notBreaching",
          alarmActions: actions,
          okActions: actions,
        },
        { parent: this },
      );
      deliveries[stream] = deliveryStream.arn;
    }

    this.sourceBucketName = source.bucket.id;
    this.sourceBucketArn = source.bucket.arn;
    this.destinationBucketName = destination.bucket.id;
    this.destinationBucketArn = destination.bucket.arn;
    this.sourceKeyArn = source.key.arn;
    this.destinationKeyArn = destination.key.arn;
    this.replicationRoleArn = role.arn;
    this.deliveryStreamArns = pulumi.output(deliveries as Record<ArchivedStream, pulumi.Output<string>>);
    this.registerOutputs({
      sourceBucketName: this.sourceBucketName,
      sourceBucketArn: this.sourceBucketArn,
      destinationBucketName: this.destinationBucketName,
      destinationBucketArn: this.destinationBucketArn,
      sourceKeyArn: this.sourceKeyArn,
      destinationKeyArn: this.destinationKeyArn,
      replicationRoleArn: this.replicationRoleArn,
      deliveryStreamArns: this.deliveryStreamArns,
    });
  }
}
