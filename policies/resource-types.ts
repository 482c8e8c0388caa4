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
    firehoseDeliveryStream: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
    connectStorageConfig: "aws:connect/instanceStorageConfig:InstanceStorageConfig",
    lambdaFunction: "aws:lambda/function:Function",
    iamRole: "aws:iam/role:Role",
    iamPolicy: "aws:iam/policy:Policy",
    iamRolePolicy: "aws:iam/rolePolicy:RolePolicy",
    iamUserPolicy: "aws:iam/userPolicy:UserPolicy",
    iamGroupPolicy: "aws:iam/groupPolicy:GroupPolicy",
    iamRolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    rdsInstance: "aws:rds/instance:Instance",
    rdsCluster: "aws:rds/cluster:Cluster",
    rdsGlobalCluster: "aws:rds/globalCluster:GlobalCluster",
    secret: "aws:secretsmanager/secret:Secret",
    snsTopic: "aws:sns/topic:Topic",
    sqsQueue: "aws:sqs/queue:Queue",
    organizationsPolicy: "aws:organizations/policy:Policy",
    metricAlarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    compositeAlarm: "aws:cloudwatch/compositeAlarm:CompositeAlarm",
    eventRule: "aws:cloudwatch/eventRule:EventRule",
    eventTarget: "aws:cloudwatch/eventTarget:EventTarget",
} as const;

/** Both kinds of CloudWatch alarm. */
export const ALARM_TYPES: readonly string[] = [AwsType.metricAlarm, AwsType.compositeAlarm];

/**
 * The Amazon Connect Global Resiliency dynamic resources (`pulumi.dynamic.Resource` with module
 * `acgr`, see CONTRACTS A): neither @pulumi/aws nor CloudFormation models them.
 */
export const AcgrType = {
    instanceReplica: "pulumi-nodejs:dynamic/acgr:InstanceReplica",
    trafficDistributionGroup: "pulumi-nodejs:dynamic/acgr:TrafficDistributionGroup",
    /** One phone number claimed into a group; its `targetArn` is the group's ARN. */
    phoneNumber: "pulumi-nodejs:dynamic/acgr:PhoneNumber",
    trafficDistributionGroupUsers: "pulumi-nodejs:dynamic/acgr:TrafficDistributionGroupUsers",
} as const;

/** Both spellings of the S3 bucket (v7 `Bucket`, and the deprecated `BucketV2` alias). */
export const BUCKET_TYPES: readonly string[] = [AwsType.bucket, AwsType.bucketV2];
