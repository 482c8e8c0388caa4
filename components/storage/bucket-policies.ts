import { policyDocument, PolicyDocument, PolicyStatement } from "./policy-document";

/**
 * Statements every bucket carries: refuse any request that is not over TLS, and any over TLS older
 * than 1.2. Deny statements on `*` are not "public" to S3's Block Public Access, so they coexist with it.
 */
export function tlsOnlyStatements(bucketArn: string): PolicyStatement[] {
  const resources = [bucketArn, `${bucketArn}/*`];
  return [
    {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: resources,
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
    {
      Sid: "DenyOutdatedTls",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: resources,
      Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
    },
  ];
}

/** Actions the replication role performs on destination objects; the owner override only across accounts. */
export function replicaWriteActions(crossAccount: boolean): string[] {
  const actions = ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"];
  return crossAccount ? [...actions, "s3:ObjectOwnerOverrideToBucketOwner"] : actions;
}

/** Policy of the source bucket: TLS only. */
export function sourceBucketPolicy(bucketArn: string): PolicyDocument {
  return policyDocument(tlsOnlyStatements(bucketArn));
}

export interface DestinationBucketPolicyInput {
  readonly bucketArn: string;
  /**
   * The source account's replication role, when it is in another account: a bucket in one account
   * accepts replicas from another only when its own policy grants that role. Omit for same-account
   * replication, where the role's identity policy is enough.
   */
  readonly crossAccountReplicationRoleArn?: string;
}

/**
 * Policy of the destination bucket: TLS only, plus, across accounts, the replica writes and the
 * versioning check S3 makes before replicating. `s3:PutBucketVersioning` (in AWS's example) is left
 * out on purpose: the source account has no business changing the vault's versioning.
 */
export function destinationBucketPolicy(input: DestinationBucketPolicyInput): PolicyDocument {
  const statements = tlsOnlyStatements(input.bucketArn);
  const roleArn = input.crossAccountReplicationRoleArn;
  if (roleArn !== undefined) {
    statements.push(
      {
        Sid: "AllowSourceReplicationRoleToReplicate",
        Effect: "Allow",
        Principal: { AWS: roleArn },
        Action: replicaWriteActions(true),
        Resource: `${input.bucketArn}/*`,
      },
      {
        Sid: "AllowSourceReplicationRoleToCheckVersioning",
        Effect: "Allow",
        Principal: { AWS: roleArn },
        Action: "s3:GetBucketVersioning",
        Resource: input.bucketArn,
      },
    );
  }
  return policyDocument(statements);
}
