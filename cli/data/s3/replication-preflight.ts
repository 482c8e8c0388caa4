import { GetBucketReplicationCommand, GetBucketVersioningCommand, type ReplicationRule, type S3Client } from "@aws-sdk/client-s3";
import { DataPreconditionError } from "../precondition-error";
import type { S3Location } from "./s3-location";

/**
 * Refuses to verify (or restore from) buckets that are not what a replica check assumes: a source that
 * is versioned and replicates to the replica bucket, and a versioned replica. Reads only.
 */
export async function checkReplicatedPair(sourceClient: S3Client, source: S3Location, replicaClient: S3Client, replica: S3Location): Promise<void> {
  await requireVersioning(sourceClient, source.bucket, "source");
  await requireVersioning(replicaClient, replica.bucket, "replica");
  let rules: ReplicationRule[];
  try {
    rules = (await sourceClient.send(new GetBucketReplicationCommand({ Bucket: source.bucket }))).ReplicationConfiguration?.Rules ?? [];
  } catch (err) {
    if ((err as { name?: string }).name === "ReplicationConfigurationNotFoundError") rules = [];
    else throw err;
  }
  const target = `arn:aws:s3:::${replica.bucket}`;
  const toReplica = rules.filter((r) => r.Status === "Enabled" && r.Destination?.Bucket?.replace(/^arn:aws[a-z-]*:s3:::/, "arn:aws:s3:::") === target);
  if (toReplica.length === 0) {
    throw new DataPreconditionError(
      `source bucket "${source.bucket}" has no enabled replication rule to "${replica.bucket}": there is no replica to verify. ` +
        `Deploy the bucket with ReplicatedRecordings / ContactRecordsArchive (or add the rule), or pass the bucket it does replicate to as --replica.`,
    );
  }
}

async function requireVersioning(client: S3Client, bucket: string, role: string): Promise<void> {
  const status = (await client.send(new GetBucketVersioningCommand({ Bucket: bucket }))).Status;
  if (status !== "Enabled") {
    throw new DataPreconditionError(
      `${role} bucket "${bucket}" has versioning ${status ? status.toLowerCase() : "never enabled"}: S3 replication requires versioning on both buckets, ` +
        `so this is not a replicated pair. Enable versioning (aws s3api put-bucket-versioning --bucket ${bucket} --versioning-configuration Status=Enabled) and replication first.`,
    );
  }
}
