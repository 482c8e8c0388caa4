import { regionOfArn } from "./aws-identifiers";
import { replicaWriteActions } from "./bucket-policies";
import { policyDocument, PolicyDocument } from "./policy-document";

/**
 * Trust policy of the role S3 assumes to replicate. AWS documents no confused-deputy condition keys
 * for live replication, so none are set (an unsupported condition would silently stop replication).
 */
export function replicationTrustPolicy(): PolicyDocument {
  return policyDocument([
    {
      Sid: "AllowS3ToAssumeForReplication",
      Effect: "Allow",
      Principal: { Service: "s3.amazonaws.com" },
      Action: "sts:AssumeRole",
    },
  ]);
}

export interface ReplicationRolePolicyInput {
  readonly sourceBucketArn: string;
  readonly destinationBucketArn: string;
  /** Key ARN (not alias) of the source bucket's CMK; its Region scopes `kms:ViaService`. */
  readonly sourceKeyArn: string;
  /** Key ARN of the destination bucket's CMK. */
  readonly destinationKeyArn: string;
  /** Source and destination buckets in different accounts: adds the owner override. */
  readonly crossAccount: boolean;
}

/**
 * The replication role's identity policy: exactly what S3 live replication of SSE-KMS objects needs,
 * each action on the one bucket or key it concerns. KMS use is confined to S3 in the key's Region and
 * to that bucket's encryption context; with S3 Bucket Keys the context is the bucket ARN, for objects
 * written without a bucket key it is the object ARN, so both are allowed.
 */
export function replicationRolePolicy(input: ReplicationRolePolicyInput): PolicyDocument {
  const { sourceBucketArn, destinationBucketArn, sourceKeyArn, destinationKeyArn } = input;
  return policyDocument([
    {
      Sid: "ReadSourceReplicationConfiguration",
      Effect: "Allow",
      Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"],
      Resource: sourceBucketArn,
    },
    {
      Sid: "ReadSourceObjectVersions",
      Effect: "Allow",
      Action: ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"],
      Resource: `${sourceBucketArn}/*`,
    },
    {
      Sid: "WriteReplicas",
      Effect: "Allow",
      Action: replicaWriteActions(input.crossAccount),
      Resource: `${destinationBucketArn}/*`,
    },
    {
      Sid: "DecryptSourceObjects",
      Effect: "Allow",
      Action: "kms:Decrypt",
      Resource: sourceKeyArn,
      Condition: {
        StringEquals: { "kms:ViaService": `s3.${regionOfArn(sourceKeyArn)}.amazonaws.com` },
        StringLike: { "kms:EncryptionContext:aws:s3:arn": [sourceBucketArn, `${sourceBucketArn}/*`] },
      },
    },
    {
      Sid: "EncryptReplicas",
      Effect: "Allow",
      Action: ["kms:Encrypt", "kms:GenerateDataKey"],
      Resource: destinationKeyArn,
      Condition: {
        StringEquals: { "kms:ViaService": `s3.${regionOfArn(destinationKeyArn)}.amazonaws.com` },
        StringLike: { "kms:EncryptionContext:aws:s3:arn": [destinationBucketArn, `${destinationBucketArn}/*`] },
      },
    },
  ]);
}
