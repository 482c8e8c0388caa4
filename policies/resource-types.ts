/**
 * Type tokens of the @pulumi/aws v7 resources the rules inspect. The pack matches tokens rather than
 * importing @pulumi/aws classes so the pack process, which the engine type-checks with ts-node on
 * every start, does not have to load the provider SDK's typings.
 */
export const AwsType = {
    bucket: "aws:s3/bucket:Bucket",
    bucketV2: "aws:s3/bucketV2:BucketV2",
    bucketEncryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    bucketEncryptionV2: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    bucketVersioning: "aws:s3/bucketVersioning:BucketVersioning",
    bucketVersioningV2: "aws:s3/bucketVersioningV2:BucketVersioningV2",
    bucketPublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    bucketReplication: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    dynamodbTable: "aws:dynamodb/table:Table",
    dynamodbTableReplica: "aws:dynamodb/tableReplica:TableReplica",
    kmsKey: "aws:kms/key:Key",
    kmsReplicaKey: "aws:kms/replicaKey:ReplicaKey",
    kmsKeyPolicy: "aws:kms/keyPolicy:KeyPolicy",
    kmsAlias: "aws:kms/alias:Alias",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    kinesisStream: "aws:kinesis/stream:Stream",
    connectStorageConfig: "aws:connect/instanceStorageConfig:InstanceStorageConfig",
    lambdaFunction: "aws:lambda/function:Function",
    iamRole: "aws:iam/role:Role",
    iamPolicy: "aws:iam/policy:Policy",
    iamRolePolicy: "aws:iam/rolePolicy:RolePolicy",
    iamUserPolicy: "aws:iam/userPolicy:UserPolicy",
    iamGroupPolicy: "aws:iam/groupPolicy:GroupPolicy",
    rdsInstance: "aws:rds/instance:Instance",
    rdsCluster: "aws:rds/cluster:Cluster",
    secret: "aws:secretsmanager/secret:Secret",
    snsTopic: "aws:sns/topic:Topic",
    sqsQueue: "aws:sqs/queue:Queue",
    organizationsPolicy: "aws:organizations/policy:Policy",
} as const;

/** Both spellings of the S3 bucket (v7 `Bucket`, and the deprecated `BucketV2` alias). */
export const BUCKET_TYPES: readonly string[] = [AwsType.bucket, AwsType.bucketV2];
