/** What the Connect key policy is built for. */
export interface ConnectKeyPolicyInput {
  readonly accountId: string;
  readonly region: string;
  /** The flow log group the key encrypts, e.g. `/aws/connect/my-alias`. */
  readonly logGroupName: string;
}

/** Key administration without the right to use the key for data. */
const ADMIN_ACTIONS = [
  "kms:CancelKeyDeletion", "kms:CreateAlias", "kms:DeleteAlias", "kms:DescribeKey", "kms:DisableKey", "kms:EnableKey",
  "kms:EnableKeyRotation", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListAliases", "kms:ListGrants",
  "kms:ListKeyPolicies", "kms:ListResourceTags", "kms:PutKeyPolicy", "kms:RevokeGrant", "kms:RetireGrant",
  "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:UntagResource", "kms:UpdateAlias", "kms:UpdateKeyDescription",
  "kms:RotateKeyOnDemand",
];

const DATA_ACTIONS = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"];

/**
 * The key policy of ConnectRegion's customer-managed key:
 * - the account (through IAM policies) administers the key;
 * - principals of the account may use it only through Connect, Kinesis and S3 in this Region
 *   (Connect writing recordings and streams, consumers reading them, replication decrypting);
 * - CloudWatch Logs in this Region may use it only for the instance's flow log group.
 */
export function connectKeyPolicy(input: ConnectKeyPolicyInput): Record<string, unknown> {
  const { accountId, region, logGroupName } = input;
  const root = `arn:aws:iam::${accountId}:root`;
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "AccountAdministersKey", Effect: "Allow", Principal: { AWS: root }, Action: ADMIN_ACTIONS, Resource: "*" },
      {
        Sid: "AccountUsesKeyThroughConnectKinesisS3",
        Effect: "Allow",
        Principal: { AWS: root },
        Action: [...DATA_ACTIONS, "kms:CreateGrant"],
        Resource: "*",
        Condition: {
          StringEquals: {
            "kms:CallerAccount": accountId,
            "kms:ViaService": [`connect.${region}.amazonaws.com`, `kinesis.${region}.amazonaws.com`, `s3.${region}.amazonaws.com`],
          },
        },
      },
      {
        Sid: "CloudWatchLogsEncryptsFlowLogs",
        Effect: "Allow",
        Principal: { Service: `logs.${region}.amazonaws.com` },
        Action: DATA_ACTIONS,
        Resource: "*",
        Condition: { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${region}:${accountId}:log-group:${logGroupName}` } },
      },
    ],
  };
}
