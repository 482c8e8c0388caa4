import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../argument-error";
import { isAccountId } from "./aws-identifiers";
import { destinationBucketPolicy, sourceBucketPolicy } from "./bucket-policies";
import { bucketKeyPolicy } from "./key-policies";
import { PolicyDocument } from "./policy-document";
import { objectLockRetentionConflict, recordingLifecycleRules, RecordingLifecycleRule } from "./recording-lifecycle";
import { replicationRolePolicy, replicationTrustPolicy } from "./replication-role-policy";

/**
 * A source bucket replicated with S3 Replication Time Control to a vault bucket in another account
 * and/or Region: the pieces ReplicatedRecordings and ContactRecordsArchive share, so both data
 * classes get the same hardening, replication and alarms.
 */

/** Tag marking what a bucket holds; the policy pack finds replicated buckets by it. */
export const DATA_CLASS_TAG = "connect-dr:data-class";

/** S3 Replication Time Control's only supported threshold, also used for the metrics event threshold. */
export const REPLICATION_TIME_CONTROL_MINUTES = 15;

/** Object Lock retention modes: GOVERNANCE can be bypassed with a permission, COMPLIANCE by nobody. */
export type ObjectLockMode = "GOVERNANCE" | "COMPLIANCE";
const OBJECT_LOCK_MODES: readonly ObjectLockMode[] = ["GOVERNANCE", "COMPLIANCE"];

/** Largest Object Lock default retention S3 accepts in days (100 years). */
const MAX_OBJECT_LOCK_DAYS = 36500;

/** The arguments of a replicated bucket pair, shared by the components built on it. */
export interface ReplicatedBucketArgs {
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
  /** Days an object is kept, in both buckets, before lifecycle expires it. Whole days, at least 1. */
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
export interface ReplicatedBucketSettings {
  readonly crossAccount: boolean;
  readonly retentionDays: number;
  readonly noncurrentVersionExpirationDays: number;
  readonly objectLock?: { readonly mode: ObjectLockMode; readonly days: number };
  readonly latencyThresholdSeconds: number;
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1;
}

/** Validates the args of `component` and applies defaults; throws `ArgumentError` on the first problem. */
export function replicatedBucketSettings(component: string, args: ReplicatedBucketArgs): ReplicatedBucketSettings {
  const fail = (argument: string, value: unknown, allowed: string): never => {
    throw new ArgumentError(component, argument, value, allowed);
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

  let objectLock: ReplicatedBucketSettings["objectLock"];
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
export interface HardenedBucket {
  readonly key: aws.kms.Key;
  readonly bucket: aws.s3.Bucket;
  readonly versioning: aws.s3.BucketVersioning;
  readonly policy: aws.s3.BucketPolicy;
  readonly objectLock?: aws.s3.BucketObjectLockConfiguration;
}

interface HardenedBucketSpec {
  readonly role: "source" | "destination";
  /** What the bucket holds, in words, for the key's description. */
  readonly contents: string;
  readonly dataClass: string;
  readonly keyPolicy: pulumi.Input<string>;
  readonly bucketPolicy: (bucketArn: pulumi.Output<string>) => pulumi.Output<PolicyDocument>;
  readonly lifecycleRules: RecordingLifecycleRule[];
  readonly objectLock?: ReplicatedBucketSettings["objectLock"];
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
      description: `Encrypts the ${spec.role} bucket of ${spec.contents} (${name})`,
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

/** What a pair holds and how its pieces are labelled. */
export interface ReplicatedBucketPairSpec {
  /** What the buckets hold, lower case, e.g. "contact recordings". */
  readonly contents: string;
  /** `DATA_CLASS_TAG` of the source bucket, and of the destination (the policy pack's replica class). */
  readonly sourceDataClass: string;
  readonly destinationDataClass: string;
  /** Id of the one replication rule; the `RuleId` dimension of the S3 replication metrics. */
  readonly replicationRuleId: string;
  /** Id of the lifecycle rule of both buckets. */
  readonly lifecycleRuleId: string;
}

/** The declared pair. */
export interface ReplicatedBucketPair {
  readonly source: HardenedBucket;
  readonly destination: HardenedBucket;
  readonly role: aws.iam.Role;
}

/**
 * Declares the source bucket, the destination bucket, the replication role and configuration, and
 * the replication alarms under `parent`. Source side, role, replication and alarms use `parent`'s
 * provider; the destination side uses `args.replicaProvider`. Children are named `${name}-<role>...`.
 */
export function declareReplicatedBucketPair(
  name: string,
  parent: pulumi.Resource,
  args: ReplicatedBucketArgs,
  settings: ReplicatedBucketSettings,
  spec: ReplicatedBucketPairSpec,
): ReplicatedBucketPair {
  const main: pulumi.CustomResourceOptions = { parent };
  const replica: pulumi.CustomResourceOptions = { parent, provider: args.replicaProvider };
  const partition = aws.getPartitionOutput({}, { parent }).partition;
  const lifecycleRules = recordingLifecycleRules(settings).map((rule) => ({ ...rule, id: spec.lifecycleRuleId }));

  // The role comes first: the destination key and bucket policies name it across accounts.
  const role = new aws.iam.Role(
    `${name}-replication-role`,
    {
      description: `S3 replicates ${name} ${spec.contents} to the destination bucket as this role`,
      assumeRolePolicy: JSON.stringify(replicationTrustPolicy()),
    },
    main,
  );
  const crossAccountRoleArn = settings.crossAccount ? role.arn : undefined;

  const source = declareHardenedBucket(
    name,
    {
      role: "source",
      contents: spec.contents,
      dataClass: spec.sourceDataClass,
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
      contents: spec.contents,
      dataClass: spec.destinationDataClass,
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
          id: spec.replicationRuleId,
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
            ...(settings.crossAccount ? { account: args.destinationAccountId, accessControlTranslation: { owner: "Destination" } } : {}),
          },
        },
      ],
    },
    { ...main, dependsOn: replicationPrerequisites },
  );

  // S3 publishes replication metrics in the source Region, per source bucket, destination and rule.
  const dimensions = { SourceBucket: source.bucket.id, DestinationBucket: destination.bucket.id, RuleId: spec.replicationRuleId };
  const actions = args.alarmActions ?? [];
  const capitalized = spec.contents.charAt(0).toUpperCase() + spec.contents.slice(1);
  new aws.cloudwatch.MetricAlarm(
    `${name}-replication-latency-alarm`,
    {
      alarmDescription: `${capitalized} replication of ${name} is slower than ${settings.latencyThresholdSeconds} s: the ${spec.contents} RPO is at risk`,
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
      alarmDescription: `${capitalized} of ${name} failed to replicate`,
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
  return { source, destination, role };
}
