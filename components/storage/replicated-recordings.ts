import * as pulumi from "@pulumi/pulumi";
import {
  declareReplicatedBucketPair,
  ReplicatedBucketArgs,
  replicatedBucketSettings,
} from "./replicated-bucket-pair";

export { DATA_CLASS_TAG, ObjectLockMode, REPLICATION_TIME_CONTROL_MINUTES } from "./replicated-bucket-pair";

const COMPONENT = "ReplicatedRecordings";

/** Id of the one replication rule; the `RuleId` dimension of the S3 replication metrics. */
export const RECORDINGS_REPLICATION_RULE_ID = "replicate-recordings";

/** `DATA_CLASS_TAG` value of the source bucket (the policy pack requires its RTC replication). */
export const RECORDINGS_DATA_CLASS = "recordings";
/** `DATA_CLASS_TAG` value of the destination bucket, which does not replicate onward. */
export const RECORDINGS_REPLICA_DATA_CLASS = "recordings-replica";

/** The arguments of ReplicatedRecordings: `retentionDays` is how long a recording is kept. */
export interface ReplicatedRecordingsArgs extends ReplicatedBucketArgs {}

/**
 * Call recordings replicated to a second bucket, possibly in another account (the backup vault) and
 * another Region, within S3 Replication Time Control's 15 minutes.
 *
 * Source bucket, its key, the replication role, the replication configuration and the alarms use the
 * main provider (from `opts`); the destination bucket and its key use `replicaProvider`. Both buckets
 * are versioned, SSE-KMS with their own rotating CMK and bucket keys, private (all four public-access
 * blocks, ACLs disabled), TLS only, and expire recordings after `retentionDays`.
 */
export class ReplicatedRecordings extends pulumi.ComponentResource {
  /** Name of the source bucket (where Amazon Connect writes recordings). */
  public readonly sourceBucketName: pulumi.Output<string>;
  public readonly sourceBucketArn: pulumi.Output<string>;
  /** Name of the destination bucket (the replicas). */
  public readonly destinationBucketName: pulumi.Output<string>;
  public readonly destinationBucketArn: pulumi.Output<string>;
  /** ARN of the source bucket's CMK: the key Connect's storage config must name for recordings. */
  public readonly sourceKeyArn: pulumi.Output<string>;
  /** ARN of the destination bucket's CMK, in the destination account and Region. */
  public readonly destinationKeyArn: pulumi.Output<string>;
  /** ARN of the role S3 assumes to replicate (source account). */
  public readonly replicationRoleArn: pulumi.Output<string>;

  constructor(name: string, args: ReplicatedRecordingsArgs, opts?: pulumi.ComponentResourceOptions) {
    const settings = replicatedBucketSettings(COMPONENT, args);
    super("connect-dr:storage:ReplicatedRecordings", name, {}, opts);

    const { source, destination, role } = declareReplicatedBucketPair(name, this, args, settings, {
      contents: "contact recordings",
      sourceDataClass: RECORDINGS_DATA_CLASS,
      destinationDataClass: RECORDINGS_REPLICA_DATA_CLASS,
      replicationRuleId: RECORDINGS_REPLICATION_RULE_ID,
      lifecycleRuleId: "expire-recordings",
    });

    this.sourceBucketName = source.bucket.id;
    this.sourceBucketArn = source.bucket.arn;
    this.destinationBucketName = destination.bucket.id;
    this.destinationBucketArn = destination.bucket.arn;
    this.sourceKeyArn = source.key.arn;
    this.destinationKeyArn = destination.key.arn;
    this.replicationRoleArn = role.arn;
    this.registerOutputs({
      sourceBucketName: this.sourceBucketName,
      sourceBucketArn: this.sourceBucketArn,
      destinationBucketName: this.destinationBucketName,
      destinationBucketArn: this.destinationBucketArn,
      sourceKeyArn: this.sourceKeyArn,
      destinationKeyArn: this.destinationKeyArn,
      replicationRoleArn: this.replicationRoleArn,
    });
  }
}
