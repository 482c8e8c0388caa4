import type { ConnectDrPolicy, RuleMetadata } from "./rule-definition";
import { cloudwatchLogGroupCmk } from "./rules/cloudwatch-log-group-cmk";
import { cloudwatchLogGroupRetention } from "./rules/cloudwatch-log-group-retention";
import { compositeAlarmReferences } from "./rules/composite-alarm-references";
import { connectStorageEncryption } from "./rules/connect-storage-encryption";
import { ctrArchiveDelivery } from "./rules/ctr-archive-delivery";
import { drVaultCrossRegion } from "./rules/dr-vault-cross-region";
import { dynamodbTableCmk } from "./rules/dynamodb-table-cmk";
import { dynamodbTableDeletionProtection } from "./rules/dynamodb-table-deletion-protection";
import { dynamodbTablePitr } from "./rules/dynamodb-table-pitr";
import { failoverAlarmSignal } from "./rules/failover-alarm-signal";
import { failoverFunctionPermission } from "./rules/failover-function-permission";
import { gdprDataResidency } from "./rules/gdpr-data-residency";
import { iamNoWildcardAdmin } from "./rules/iam-no-wildcard-admin";
import { kinesisStreamCmk } from "./rules/kinesis-stream-cmk";
import { kmsKeyDeletionWindow } from "./rules/kms-key-deletion-window";
import { kmsKeyRotation } from "./rules/kms-key-rotation";
import { kmsKeySameRegion } from "./rules/kms-key-same-region";
import { lambdaEnvironmentCmk } from "./rules/lambda-environment-cmk";
import { rdsBackupRetention } from "./rules/rds-backup-retention";
import { rdsDeletionProtection } from "./rules/rds-deletion-protection";
import { rdsStorageEncrypted } from "./rules/rds-storage-encrypted";
import { regionChoiceRule } from "./rules/region-choice";
import { s3BucketCmkEncryption } from "./rules/s3-bucket-cmk-encryption";
import { s3BucketPublicAccessBlock } from "./rules/s3-bucket-public-access-block";
import { s3BucketTlsOnly } from "./rules/s3-bucket-tls-only";
import { s3BucketVersioning } from "./rules/s3-bucket-versioning";
import { s3RecordingsReplicationRtc } from "./rules/s3-recordings-replication-rtc";
import { scpDocumentLimits } from "./rules/scp-document-limits";
import { scpPreviewDenials } from "./rules/scp-preview-denials";
import { secretsmanagerSecretCmk } from "./rules/secretsmanager-secret-cmk";
import { snsTopicCmk } from "./rules/sns-topic-cmk";
import { sqsQueueCmk } from "./rules/sqs-queue-cmk";
import { trafficDistributionGroupPhoneNumber } from "./rules/traffic-distribution-group-phone-number";

/** The name the pack is served under (`PolicyPack` name and the `policyPackName` of every violation). */
export const POLICY_PACK_NAME = "connect-dr";

/** Every policy of the pack, in report order. */
export const POLICIES: readonly ConnectDrPolicy[] = [
    s3BucketCmkEncryption,
    s3BucketVersioning,
    s3BucketPublicAccessBlock,
    s3BucketTlsOnly,
    s3RecordingsReplicationRtc,
    drVaultCrossRegion,
    ctrArchiveDelivery,
    dynamodbTableCmk,
    dynamodbTablePitr,
    dynamodbTableDeletionProtection,
    kmsKeyRotation,
    kmsKeyDeletionWindow,
    kmsKeySameRegion,
    cloudwatchLogGroupCmk,
    cloudwatchLogGroupRetention,
    kinesisStreamCmk,
    connectStorageEncryption,
    lambdaEnvironmentCmk,
    iamNoWildcardAdmin,
    rdsStorageEncrypted,
    rdsBackupRetention,
    rdsDeletionProtection,
    secretsmanagerSecretCmk,
    snsTopicCmk,
    sqsQueueCmk,
    failoverAlarmSignal,
    compositeAlarmReferences,
    trafficDistributionGroupPhoneNumber,
    failoverFunctionPermission,
    gdprDataResidency,
    regionChoiceRule,
    scpDocumentLimits,
    scpPreviewDenials,
];

/** Metadata of every rule, keyed by policy name: what the Analyzer protocol does not carry. */
export const RULE_METADATA: ReadonlyMap<string, RuleMetadata> = new Map(POLICIES.map(p => [p.name, p.metadata]));

/** Metadata of one rule, or undefined for a name this pack does not define. */
export function ruleMetadata(policyName: string): RuleMetadata | undefined {
    return RULE_METADATA.get(policyName);
}
