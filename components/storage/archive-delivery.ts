import { regionOfArn } from "./aws-identifiers";
import { policyDocument, PolicyDocument } from "./policy-document";

/**
 * How Amazon Data Firehose delivers one Kinesis stream of Amazon Connect into the contact-records
 * archive: where objects land and what the delivery role may do. Plain data, table-tested.
 */

/** The Connect streams the archive keeps, each under its own top-level prefix. */
export const ARCHIVED_STREAMS = ["contact-trace-records", "agent-events"] as const;
export type ArchivedStream = (typeof ARCHIVED_STREAMS)[number];

/** Where a stream's records land in the archive bucket. */
export interface ArchivePrefixes {
  /** Objects: `<stream>/year=YYYY/month=MM/day=DD/hour=HH/`, Hive-style so Athena can prune by date. */
  readonly prefix: string;
  /** Records Firehose could not deliver or process, by error type, under the same stream prefix. */
  readonly errorOutputPrefix: string;
  /** Everything the delivery writes: the one prefix its role may touch. */
  readonly root: string;
}

/**
 * The stream's prefixes. Firehose evaluates `!{timestamp:...}` in UTC from the records' arrival time;
 * an expression in `prefix` requires an `errorOutputPrefix` naming `!{firehose:error-output-type}`.
 */
export function archivePrefixes(stream: ArchivedStream): ArchivePrefixes {
  const date = "year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}";
  return {
    prefix: `${stream}/${date}/hour=!{timestamp:HH}/`,
    errorOutputPrefix: `${stream}/errors/!{firehose:error-output-type}/${date}/`,
    root: `${stream}/`,
  };
}

/** Trust policy of a delivery role: Firehose, for this account only (the external id Firehose sends). */
export function deliveryTrustPolicy(accountId: string): PolicyDocument {
  return policyDocument([
    {
      Sid: "AllowFirehoseOfThisAccount",
      Effect: "Allow",
      Principal: { Service: "firehose.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": accountId } },
    },
  ]);
}

export interface DeliveryRolePolicyInput {
  readonly streamArn: string;
  /** The CMK encrypting the Kinesis stream (server-side encryption of the source). */
  readonly streamKeyArn: string;
  readonly bucketArn: string;
  /** The archive bucket's CMK, with which Firehose encrypts what it writes. */
  readonly bucketKeyArn: string;
  /** The stream's root prefix in the bucket (`archivePrefixes(...).root`). */
  readonly root: string;
}

/**
 * Exactly what Firehose needs to read one Kinesis stream and write one prefix of the archive bucket
 * ("Grant Firehose access to an Amazon S3 destination" and "...to a Kinesis data stream as source",
 * Amazon Data Firehose Developer Guide). Keys are usable only through the one service, in the key's
 * Region, for the one stream or bucket (encryption context; with S3 Bucket Keys the context is the
 * bucket ARN).
 */
export function deliveryRolePolicy(input: DeliveryRolePolicyInput): PolicyDocument {
  const { streamArn, streamKeyArn, bucketArn, bucketKeyArn, root } = input;
  const objects = `${bucketArn}/${root}*`;
  return policyDocument([
    {
      Sid: "ReadSourceStream",
      Effect: "Allow",
      Action: ["kinesis:DescribeStream", "kinesis:GetShardIterator", "kinesis:GetRecords", "kinesis:ListShards"],
      Resource: streamArn,
    },
    {
      Sid: "DecryptSourceStream",
      Effect: "Allow",
      Action: "kms:Decrypt",
      Resource: streamKeyArn,
      Condition: {
        StringEquals: { "kms:ViaService": `kinesis.${regionOfArn(streamKeyArn)}.amazonaws.com`, "kms:EncryptionContext:aws:kinesis:arn": streamArn },
      },
    },
    {
      Sid: "LocateArchiveBucket",
      Effect: "Allow",
      Action: ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"],
      Resource: bucketArn,
    },
    {
      Sid: "WriteArchiveObjects",
      Effect: "Allow",
      Action: ["s3:AbortMultipartUpload", "s3:GetObject", "s3:PutObject"],
      Resource: objects,
    },
    {
      Sid: "EncryptArchiveObjects",
      Effect: "Allow",
      Action: ["kms:GenerateDataKey", "kms:Decrypt"],
      Resource: bucketKeyArn,
      Condition: {
        StringEquals: { "kms:ViaService": `s3.${regionOfArn(bucketKeyArn)}.amazonaws.com` },
        StringLike: { "kms:EncryptionContext:aws:s3:arn": [bucketArn, objects] },
      },
    },
  ]);
}
