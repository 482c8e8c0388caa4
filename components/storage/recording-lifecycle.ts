/**
 * Lifecycle of a recordings bucket: how long current and superseded versions are kept. Plain data in
 * the shape of `aws.s3.BucketLifecycleConfiguration` rules.
 */

/** Days after which S3 aborts an unfinished multipart upload and frees its parts. */
export const ABORT_INCOMPLETE_UPLOAD_DAYS = 7;

export interface RecordingLifecycleInput {
  /** Days a recording is kept after it is written. */
  readonly retentionDays: number;
  /** Days a superseded or deleted version is kept after it stops being current. */
  readonly noncurrentVersionExpirationDays: number;
}

export interface RecordingLifecycleRule {
  readonly id: string;
  readonly status: "Enabled";
  /** Empty filter: the rule covers every object. */
  readonly filter: Record<string, never>;
  readonly expiration: { readonly days: number };
  readonly noncurrentVersionExpiration: { readonly noncurrentDays: number };
  readonly abortIncompleteMultipartUpload: { readonly daysAfterInitiation: number };
}

/**
 * One rule over the whole bucket: expire current versions after the retention (S3 then also removes
 * delete markers left with no versions behind them), expire noncurrent versions after their own
 * grace period, and abort stale multipart uploads.
 */
export function recordingLifecycleRules(input: RecordingLifecycleInput): RecordingLifecycleRule[] {
  return [
    {
      id: "expire-recordings",
      status: "Enabled",
      filter: {},
      expiration: { days: input.retentionDays },
      noncurrentVersionExpiration: { noncurrentDays: input.noncurrentVersionExpirationDays },
      abortIncompleteMultipartUpload: { daysAfterInitiation: ABORT_INCOMPLETE_UPLOAD_DAYS },
    },
  ];
}

/**
 * Why an Object Lock default retention does not fit the bucket's lifecycle, or undefined when it does.
 * A lock longer than the retention would keep every recording past the retention the caller asked for
 * (lifecycle cannot remove a locked version), so it is refused rather than silently overriding it.
 */
export function objectLockRetentionConflict(lockDays: number, retentionDays: number): string | undefined {
  return lockDays > retentionDays
    ? `an Object Lock of ${lockDays} days outlives the ${retentionDays}-day retention; lock days must be at most retentionDays`
    : undefined;
}
