import { policyDocument, type PolicyDocument } from "../storage/policy-document";
import { tlsOnlyStatements } from "../storage/bucket-policies";

/**
 * Key of the monitoring component in one Region: the owning account's IAM policies govern it (SNS,
 * Secrets Manager, Firehose and S3 use it through the callers' permissions), CloudWatch alarms may
 * publish to the encrypted topic, and CloudWatch Logs may encrypt the Firehose error log group.
 */
export function monitoringKeyPolicy(accountId: string, region: string): PolicyDocument {
  return policyDocument([
    { Sid: "EnableIamPoliciesOfOwningAccount", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "kms:*", Resource: "*" },
    {
      Sid: "AlarmsPublishToEncryptedTopic",
      Effect: "Allow",
      Principal: { Service: "cloudwatch.amazonaws.com" },
      Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceAccount": accountId } },
    },
    {
      Sid: "CloudWatchLogsEncrypt",
      Effect: "Allow",
      Principal: { Service: `logs.${region}.amazonaws.com` },
      Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
      Resource: "*",
      Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${region}:${accountId}:log-group:*` } },
    },
  ]);
}

export interface FirehoseRoleInput {
  readonly bucketArn: string;
  readonly backupPrefix: string;
  readonly keyArn: string;
  readonly secretArn: string;
  readonly logGroupArn: string;
}

/**
 * What one delivery stream's role may do: write failed records under its own prefix of the backup
 * bucket, use the key, read its own destination secret, and log delivery errors.
 */
export function firehoseRolePolicy(input: FirehoseRoleInput): PolicyDocument {
  return policyDocument([
    { Sid: "BackupBucket", Effect: "Allow", Action: ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"], Resource: input.bucketArn },
    { Sid: "BackupObjects", Effect: "Allow", Action: ["s3:PutObject", "s3:AbortMultipartUpload", "s3:GetObject"], Resource: `${input.bucketArn}/${input.backupPrefix}/*` },
    { Sid: "Key", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: input.keyArn },
    { Sid: "DestinationSecret", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: input.secretArn },
    { Sid: "DeliveryErrors", Effect: "Allow", Action: ["logs:PutLogEvents"], Resource: `${input.logGroupArn}:*` },
  ]);
}

/** Policy of the failed-records bucket: TLS only. */
export function backupBucketPolicy(bucketArn: string): PolicyDocument {
  return policyDocument(tlsOnlyStatements(bucketArn));
}

/** What a source (EventBridge or a CloudWatch metric stream) may do: put records into one stream. */
export function putRecordsPolicy(streamArn: string): PolicyDocument {
  return policyDocument([{ Sid: "PutRecords", Effect: "Allow", Action: ["firehose:PutRecord", "firehose:PutRecordBatch"], Resource: streamArn }]);
}
