import { policyDocument, type PolicyDocument, type PolicyStatement } from "../storage/policy-document";
import { tlsOnlyStatements } from "../storage/bucket-policies";

/** Who writes the edge access logs: CloudFront standard logging (legacy, ACL-based) or Global Accelerator flow logs (vended logs). */
export type EdgeLogWriter = "cloudfront" | "global-accelerator";

/** The vended-logs service that delivers CloudFront standard logs and Global Accelerator flow logs. */
export const LOG_DELIVERY_SERVICE = "delivery.logs.amazonaws.com";

/**
 * Policy of the access-log bucket. Always TLS only. For Global Accelerator flow logs, the log delivery
 * service may write under `<prefix>/AWSLogs/<account>/` (objects owned by the bucket owner) and read the
 * bucket ACL, only on behalf of this account. CloudFront standard logging writes through the bucket ACL
 * (the awslogsdelivery account), which CloudFront adds itself, so it needs no policy statement.
 */
export function edgeLogBucketPolicy(writer: EdgeLogWriter, bucketArn: string, accountId: string, prefix: string): PolicyDocument {
  const statements: PolicyStatement[] = tlsOnlyStatements(bucketArn);
  if (writer === "global-accelerator") {
    const sourceAccount = { "aws:SourceAccount": accountId };
    statements.push(
      {
        Sid: "AWSLogDeliveryWrite",
        Effect: "Allow",
        Principal: { Service: LOG_DELIVERY_SERVICE },
        Action: "s3:PutObject",
        Resource: `${bucketArn}/${prefix}/AWSLogs/${accountId}/*`,
        Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", ...sourceAccount } },
      },
      {
        Sid: "AWSLogDeliveryAclCheck",
        Effect: "Allow",
        Principal: { Service: LOG_DELIVERY_SERVICE },
        Action: "s3:GetBucketAcl",
        Resource: bucketArn,
        Condition: { StringEquals: sourceAccount },
      },
    );
  }
  return policyDocument(statements);
}

/**
 * Policy of the access-log bucket's key: the owning account's IAM policies govern it, and the log
 * delivery service may generate data keys to write SSE-KMS objects (both CloudFront standard logs
 * and Global Accelerator flow logs are delivered by it), only for this account.
 */
export function edgeLogKeyPolicy(accountId: string): PolicyDocument {
  return policyDocument([
    { Sid: "EnableIamPoliciesOfOwningAccount", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "kms:*", Resource: "*" },
    {
      Sid: "LogDeliveryEncrypts",
      Effect: "Allow",
      Principal: { Service: LOG_DELIVERY_SERVICE },
      Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceAccount": accountId } },
    },
  ]);
}
