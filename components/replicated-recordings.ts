import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "./argument-error";
import { isAccountId } from "./storage/aws-identifiers";
import { destinationBucketPolicy, sourceBucketPolicy } from "./storage/bucket-policies";
import { bucketKeyPolicy } from "./storage/key-policies";
import { PolicyDocument } from "./storage/policy-document";
import { objectLockRetentionConflict, recordingLifecycleRules, RecordingLifecycleRule } from "./storage/recording-lifecycle";
import { replicationRolePolicy, replicationTrustPolicy } from "./storage/replication-role-policy";

const COMPONENT = "ReplicatedRecordings";

/** Id of the one replication rule; the `RuleId` dimension of the S3 replication metrics. */
export const RECORDINGS_REPLICATION_RULE_ID = "replicate-recordings";

/**
 * Tag marking what a bucket holds; the policy pack finds recordings buckets by it (and requires RTC
 * replication of those tagged `recordings`).
 */
export const DATA_CLASS_TAG = "connect-dr:data-class";
/** `DATA_CLASS_TAG` value of the source bucket. */
export const RECORDINGS_DATA_CLASS = "recordings";
/** `DATA_CLASS_TAG` value of the destination bucket, which does not replicate onward. */
export const RECORDINGS_REPLICA_DATA_CLASS = "recordings-replica";

/** S3 Replication Time Control's only supported threshold, also used for the metrics event threshold. */
export const REPLICATION_TIME_CONTROL_MINUTES = 15;

/** Object Lock retention modes: GOVERNANCE can be bypassed with a permission, COMPLIANCE by nobody. */
export type ObjectLockMode = "GOVERNANCE" | "COMPLIANCE";
const OBJECT_LOCK_MODES: readonly ObjectLockMode[] = ["GOVERNANCE", "COMPLIANCE"];

/** Largest Object Lock default retention S3 accepts in days (100 years). */
const MAX_OBJECT_LOCK_DAYS = 36500;

export interface ReplicatedRecordingsArgs {
  /**
   * Account that owns the source bucket: the account of the main provider (from `opts`), normally the
   * contact-centre workload account. 12 digits.
   */
  readonly sourceAccountId: string;
  /**
   * Account that owns the destination bucket: the account of `replicaProvider`, normally the backup
   * vault. When it differs from `sourceAccountId` the destination bucket and key policies grant the
   * replication role and replicas are handed to the destination owner. 12 digits.
   */
  readonly destinationAccountId: string;
  /**
   * Provider of the destination bucket and its key: the destination account in the destination Region
   * (usually the other DR Region). The component never creates providers.
   */
  readonly replicaProvider: aws.Provider;
  /** Days a recording is kept, in both buckets, before lifecycle expires it. Whole days, at least 1. */
  readonly retentionDays: number;
  /**
   * Days a superseded or deleted version is kept after it stops being current, in both buckets.
   * @default 30
   */
  readonly noncurrentVersionExpirationDays?: number;
  /**
   * Create the destination bucket with S3 Object Lock and a default retention. Object Lock can only be
   * switched on when a bucket is created, so changing this replaces the destination bucket.
   * @default false
   */
  readonly destinationObjectLockEnabled?: boolean;
  /**
   * Default retention mode of the destination's Object Lock; only with `destinationObjectLockEnabled`.
   * @default "GOVERNANCE"
   */
  readonly destinationObjectLockMode?: ObjectLockMode;
  /**
   * Default retention of the destination's Object Lock in days; required with
   * `destinationObjectLockEnabled`, at most `retentionDays`.
   */
  readonly destinationObjectLockDays?: number;
  /**
   * Alarm when the S3 `ReplicationLatency` maximum exceeds this many seconds.
   * @default 900 (the 15-minute Replication Time Control objective)
   */
  readonly replicationLatencyThresholdSeconds?: number;
  /**
   * Actions (SNS topic ARNs in the source Region) notified when an alarm fires and when it clears.
   * @default none: the alarms only change state
   */
  readonly alarmActions?: pulumi.Input<string>[];
}

/** The checked, defaulted form of the args. */
interface Settings {
  readonly crossAccount: boolean;
  readonly retentionDays: number;
  readonly noncurrentVersionExpirationDays: number;
  readonly objectLock?: { readonly mode: ObjectLockMode; readonly days: number };
  readonly latencyThresholdSeconds: number;
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1;
}

/** Validates the args and applies defaults; throws `ArgumentError` on the first problem. */
function settingsOf(args: ReplicatedRecordingsArgs): Settings {
  const fail = (argument: string, value: unknown, allowed: string): never => {
    throw new ArgumentError(COMPONENT, argument, value, allowed);
  };
  if (!args) fail("args", args, "pass the component's arguments");
  if (!isAccountId(args.sourceAccountId)) fail("sourceAccountId", args.sourceAccountId, "expected a 12-digit AWS account id");
  if (!isAccountId(args.destinationAccountId)) fail("destinationAccountId", args.destinationAccountId, "expected a 12-digit AWS account id");
  if (!aws.Provider.isInstance(args.replicaProvider)) {
    fail("replicaProvider", args.replicaProvider === undefined ? undefined : "(not an aws.Provider)", "expected the aws.Provider of the destination account and Region");
  }
  if (!isPositiveInteger(args.retentionDays)) fail("retentionDays", args.retentionDays, "expected a whole number of days, at least 1");
  const noncurrentDays = args.noncurrentVersionExpirationDays ?? 30;
  if (!isPositiveInteger(noncurrentDays)) {
    fail("noncurrentVersionExpirationDays", noncurrentDays, "expected a whole number of days, at least 1");
  }
  const latencyThresholdSeconds = args.replicationLatencyThresholdSeconds ?? 900;
  if (typeof latencyThresholdSeconds !== "number" || !Number.isFinite(latencyThresholdSeconds) || latencyThresholdSeconds <= 0) {
    fail("replicationLatencyThresholdSeconds", latencyThresholdSeconds, "expected a number of seconds greater than 0");
  }

  let objectLock: Settings["objectLock"];
  if (args.destinationObjectLockEnabled === true) {
    const mode = args.destinationObjectLockMode ?? "GOVERNANCE";
    if (!OBJECT_LOCK_MODES.includes(mode)) fail("destinationObjectLockMode", mode, `expected one of ${OBJECT_LOCK_MODES.join(", ")}`);
    const days = args.destinationObjectLockDays;
    if (!isPositiveInteger(days) || days > MAX_OBJECT_LOCK_DAYS) {
      fail("destinationObjectLockDays", days, `expected a whole number of days from 1 to ${MAX_OBJECT_LOCK_DAYS} when destinationObjectLockEnabled is true`);
    }
    const conflict = objectLockRetentionConflict(days as number, args.retentionDays);
    if (conflict) fail("destinationObjectLockDays", days, conflict);
    objectLock = { mode, days: days as number };
  } else if (args.destinationObjectLockEnabled !== undefined && args.destinationObjectLockEnabled !== false) {
    fail("destinationObjectLockEnabled", args.destinationObjectLockEnabled, "expected true or false");
  } else {
    // Lock settings without the flag would be silently ignored: refuse them instead.
    if (args.destinationObjectLockMode !== undefined) {
      fail("destinationObjectLockMode", args.destinationObjectLockMode, "allowed only with destinationObjectLockEnabled: true");
    }
    if (args.destinationObjectLockDays !== undefined) {
      fail("destinationObjectLockDays", args.destinationObjectLockDays, "allowed only with destinationObjectLockEnabled: true");
    }
  }

  return {
    crossAccount: args.sourceAccountId !== args.destinationAccountId,
    retentionDays: args.retentionDays,
    noncurrentVersionExpirationDays: noncurrentDays,
    objectLock,
    latencyThresholdSeconds,
  };
}

/** One side's bucket with every setting the team requires of a bucket. */
interface HardenedBucket {
  readonly key: aws.kms.Key;
  readonly bucket: aws.s3.Bucket;
  readonly versioning: aws.s3.BucketVersioning;
  readonly policy: aws.s3.BucketPolicy;
  readonly objectLock?: aws.s3.BucketObjectLockConfiguration;
}

interface HardenedBucketSpec {
  readonly role: "source" | "destination";
  readonly dataClass: string;
  readonly keyPolicy: pulumi.Input<string>;
  readonly bucketPolicy: (bucketArn: pulumi.Output<string>) => pulumi.Output<PolicyDocument>;
  readonly lifecycleRules: RecordingLifecycleRule[];
  readonly objectLock?: Settings["objectLock"];
}

/**
 * Declares a bucket, its CMK and its settings resources. Children are named `${name}-<role>-<setting>`
 * and use the provider in `opts`.
 */
function declareHardenedBucket(name: string, spec: HardenedBucketSpec, opts: pulumi.CustomResourceOptions): HardenedBucket {
  const prefix = `${name}-${spec.role}`;
  const key = new aws.kms.Key(
    `${prefix}-key`,
    {
      description: `Encrypts the ${spec.role} bucket of contact recordings (${name})`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: spec.keyPolicy,
    },
    opts,
  );
  const bucket = new aws.s3.Bucket(
    prefix,
    { ...(spec.objectLock ? { objectLockEnabled: true } : {}), tags: { [DATA_CLASS_TAG]: spec.dataClass } },
    opts,
  );
  const versioning = new aws.s3.BucketVersioning(
    `${prefix}-versioning`,
    { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } },
    opts,
  );
  new aws.s3.BucketServerSideEncryptionConfiguration(
    `${prefix}-encryption`,
    {
      bucket: bucket.id,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }],
    },
    opts,
  );
  const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
    `${prefix}-public-access-block`,
    { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    opts,
  );
  const ownership = new aws.s3.BucketOwnershipControls(
    `${prefix}-ownership`,
    { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } },
    opts,
  );
  // S3 rejects concurrent bucket-configuration writes; the policy goes after the access settings.
  const policy = new aws.s3.BucketPolicy(
    `${prefix}-policy`,
    { bucket: bucket.id, policy: spec.bucketPolicy(bucket.arn).apply((doc) => JSON.stringify(doc)) },
    { ...opts, dependsOn: [publicAccessBlock, ownership] },
  );
  // Lifecycle on a versioned bucket needs versioning in place first to act on noncurrent versions.
  new aws.s3.BucketLifecycleConfiguration(
    `${prefix}-lifecycle`,
    { bucket: bucket.id, rules: spec.lifecycleRules },
    { ...opts, dependsOn: [versioning] },
  );
  const objectLock = spec.objectLock
    ? new aws.s3.BucketObjectLockConfiguration(
        `${prefix}-object-lock`,
        { bucket: bucket.id, rule: { defaultRetention: { mode: spec.objectLock.mode, days: spec.objectLock.days } } },
        { ...opts, dependsOn: [versioning] },
      )
    : undefined;
  return { key, bucket, versioning, policy, objectLock };
}

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
    const settings = settingsOf(args);
    super("connect-dr:storage:ReplicatedRecordings", name, {}, opts);

    const main: pulumi.CustomResourceOptions = { parent: this };
    const replica: pulumi.CustomResourceOptions = { parent: this, provider: args.replicaProvider };
    const partition = aws.getPartitionOutput({}, { parent: this }).partition;
    const lifecycleRules = recordingLifecycleRules(settings);

    // The role comes first: the destination key and bucket policies name it across accounts.
    const role = new aws.iam.Role(
      `${name}-replication-role`,
      {
        description: `S3 replicates ${name} recordings to the destination bucket as this role`,
        assumeRolePolicy: JSON.stringify(replicationTrustPolicy()),
      },
      main,
    );
    const crossAccountRoleArn = settings.crossAccount ? role.arn : undefined;

    const source = declareHardenedBucket(
      name,
      {
        role: "source",
        dataClass: RECORDINGS_DATA_CLASS,
        keyPolicy: partition.apply((p) => JSON.stringify(bucketKeyPolicy({ partition: p, accountId: args.sourceAccountId }))),
        bucketPolicy: (arn) => arn.apply(sourceBucketPolicy),
        lifecycleRules,
      },
      main,
    );
    const destination = declareHardenedBucket(
      name,
      {
        role: "destination",
        dataClass: RECORDINGS_REPLICA_DATA_CLASS,
        keyPolicy: pulumi
          .all([partition, crossAccountRoleArn])
          .apply(([p, roleArn]) =>
            JSON.stringify(bucketKeyPolicy({ partition: p, accountId: args.destinationAccountId, crossAccountReplicationRoleArn: roleArn })),
          ),
        bucketPolicy: (arn) =>
          pulumi
            .all([arn, crossAccountRoleArn])
            .apply(([bucketArn, roleArn]) => destinationBucketPolicy({ bucketArn, crossAccountReplicationRoleArn: roleArn })),
        lifecycleRules,
        objectLock: settings.objectLock,
      },
      replica,
    );

    const rolePolicy = new aws.iam.RolePolicy(
      `${name}-replication-policy`,
      {
        role: role.id,
        policy: pulumi
          .all([source.bucket.arn, destination.bucket.arn, source.key.arn, destination.key.arn])
          .apply(([sourceBucketArn, destinationBucketArn, sourceKeyArn, destinationKeyArn]) =>
            JSON.stringify(
              replicationRolePolicy({ sourceBucketArn, destinationBucketArn, sourceKeyArn, destinationKeyArn, crossAccount: settings.crossAccount }),
            ),
          ),
      },
      main,
    );

    // S3 checks versioning on both buckets and (across accounts) the grants before it accepts a rule.
    const replicationPrerequisites: pulumi.Resource[] = [source.versioning, destination.versioning, destination.policy, rolePolicy];
    if (destination.objectLock) replicationPrerequisites.push(destination.objectLock);
    new aws.s3.BucketReplicationConfig(
      `${name}-replication`,
      {
        bucket: source.bucket.id,
        role: role.arn,
        rules: [
          {
            id: RECORDINGS_REPLICATION_RULE_ID,
            status: "Enabled",
            priority: 1,
            // An empty filter selects every object and opts into the rule schema that supports delete markers.
            filter: {},
            deleteMarkerReplication: { status: "Enabled" },
            sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
            destination: {
              bucket: destination.bucket.arn,
              encryptionConfiguration: { replicaKmsKeyId: destination.key.arn },
              replicationTime: { status: "Enabled", time: { minutes: REPLICATION_TIME_CONTROL_MINUTES } },
              metrics: { status: "Enabled", eventThreshold: { minutes: REPLICATION_TIME_CONTROL_MINUTES } },
              ...(settings.crossAccount
                ? { account: args.destinationAccountId, accessControlTranslation: { owner: "Destination" } }
                : {}),
            },
          },
        ],
      },
      { ...main, dependsOn: replicationPrerequisites },
    );

    // S3 publishes replication metrics in the source Region, per source bucket, destination and rule.
    const dimensions = { SourceBucket: source.bucket.id, DestinationBucket: destination.bucket.id, RuleId: RECORDINGS_REPLICATION_RULE_ID };
    const actions = args.alarmActions ?? [];
    new aws.cloudwatch.MetricAlarm(
      `${name}-replication-latency-alarm`,
      {
        alarmDescription: `Recordings replication of ${name} is slower than ${settings.latencyThresholdSeconds} s: the recordings RPO is at risk`,
        namespace: "AWS/S3",
        metricName: "ReplicationLatency",
        dimensions,
        statistic: "Maximum",
        period: 300,
        evaluationPeriods: 1,
        comparisonOperator: "GreaterThanThreshold",
        threshold: settings.latencyThresholdSeconds,
        // No data means nothing was written to replicate, not a failure.
        treatMissingData: "notBreaching",
        alarmActions: actions,
        okActions: actions,
      },
      main,
    );
    new aws.cloudwatch.MetricAlarm(
      `${name}-replication-failures-alarm`,
      {
        alarmDescription: `Recordings of ${name} failed to replicate`,
        namespace: "AWS/S3",
        metricName: "OperationsFailedReplication",
        dimensions,
        statistic: "Sum",
        period: 300,
        evaluationPeriods: 1,
        comparisonOperator: "GreaterThanThreshold",
        threshold: 0,
        treatMissingData: "notBreaching",
        alarmActions: actions,
        okActions: actions,
      },
      main,
    );

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
