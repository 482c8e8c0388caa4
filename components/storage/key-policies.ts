import { policyDocument, PolicyDocument, PolicyStatement } from "./policy-document";

export interface BucketKeyPolicyInput {
  /** AWS partition of the key's account, e.g. `aws`. */
  readonly partition: string;
  /** Account that owns the key. */
  readonly accountId: string;
  /**
   * A replication role in ANOTHER account that encrypts replicas with this key. A cross-account
   * principal needs the key policy's grant as well as its own identity policy.
   */
  readonly crossAccountReplicationRoleArn?: string;
}

/**
 * Policy of a bucket's customer-managed key. The first statement is KMS's default one: it lets the
 * owning account's IAM policies govern the key (without it the key can become unmanageable). In a key
 * policy `Resource: "*"` means this key. The cross-account grant carries no conditions here because
 * the role's own policy already confines it to S3 in the key's Region and the bucket's context, and
 * both policies must allow.
 */
export function bucketKeyPolicy(input: BucketKeyPolicyInput): PolicyDocument {
  const statements: PolicyStatement[] = [
    {
      Sid: "EnableIamPoliciesOfOwningAccount",
      Effect: "Allow",
      Principal: { AWS: `arn:${input.partition}:iam::${input.accountId}:root` },
      Action: "kms:*",
      Resource: "*",
    },
  ];
  if (input.crossAccountReplicationRoleArn !== undefined) {
    statements.push({
      Sid: "AllowSourceReplicationRoleToEncryptReplicas",
      Effect: "Allow",
      Principal: { AWS: input.crossAccountReplicationRoleArn },
      Action: ["kms:Encrypt", "kms:GenerateDataKey"],
      Resource: "*",
    });
  }
  return policyDocument(statements);
}
