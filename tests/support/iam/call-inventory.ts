/**
 * The call inventory: each AWS API call the deployed code and the `connect-dr` commands make, the
 * identity it runs as, the IAM actions the Service Authorization Reference names for it, and the
 * resources it touches in a deployment. tests/program/call-inventory.spec.ts proves that each
 * identity's synthesized policies allow every call and nothing more, and compares the call sites with
 * the SDK commands the specs actually send (tests/support/sdk-call-recorder.ts).
 */

/** Who a call runs as. */
export type Identity =
  /** The failover Lambda function's role (FailoverAutomation `-role`), in each Region. */
  | "failover-function"
  /** The MFA-guarded operator role (FailoverAutomation `-operator-role`): failover, failback, validate, drill. */
  | "operator"
  /** A CRM lookup function's role (CrmIntegration `-<kind>-role`). */
  | "crm-function"
  /** The role EventBridge assumes to forward the health alarm to the peer Region's bus. */
  | "event-forwarder"
  /** The role S3 assumes to replicate recordings (or the contact-records archive) to the vault account. */
  | "replication"
  /** The role Firehose assumes to deliver one Connect Kinesis stream to the archive (ContactRecordsArchive `-<stream>-role`). */
  | "archive-delivery"
  /** The dark-Region probe function's role (PeerProbe `-role`), in each Region. */
  | "peer-probe"
  /** The role VPC Flow Logs assumes to write a Region's flow logs (RegionalVpc `-flow-logs-role`). */
  | "flow-logs"
  /** The user's own credentials: backup, verify, restore, diff, capacity, loadtest, agents. */
  | "caller"
  /** The deployer's credentials (`pulumi up`): the ACGR dynamic providers. */
  | "deployer";

/** A project file that sends SDK commands, and who runs it. */
export interface CallSite {
  /** Relative to the project root. */
  readonly file: string;
  /** `Service.Command` as the SDK names them (service id, command class without `Command`). */
  readonly calls: readonly string[];
  readonly identities: readonly Identity[];
}

/**
 * Every file that sends AWS requests. `handlers/crm/index.ts` signs its one request itself (no SDK in
 * the bundle), so the recorder cannot see it; everything else is recorded when specs run.
 */
export const CALL_SITES: readonly CallSite[] = [
  { file: "handlers/crm/index.ts", calls: ["Secrets Manager.GetSecretValue"], identities: ["crm-function"] },
  { file: "components/resiliency/connect-distribution.ts", calls: ["Connect.GetTrafficDistribution", "Connect.UpdateTrafficDistribution"], identities: ["failover-function", "operator"] },
  { file: "components/resiliency/failover-lock.ts", calls: ["DynamoDB.Put", "DynamoDB.Delete"], identities: ["failover-function", "operator"] },
  {
    file: "components/resiliency/aws-ports.ts",
    calls: ["CloudWatch.DescribeAlarms", "SNS.Publish", "Route 53.ListResourceRecordSets", "Route 53.ChangeResourceRecordSets"],
    identities: ["failover-function", "operator"],
  },
  { file: "cli/resiliency/validation-probes.ts", calls: ["Lambda.Invoke", "Route 53.GetHealthCheckStatus"], identities: ["operator"] },
  { file: "handlers/probe/index.ts", calls: ["Connect.DescribeInstance", "CloudWatch.PutMetricData"], identities: ["peer-probe"] },
  // Validation reads the group's agents as the operator; `connect-dr agents` changes them with the caller's credentials.
  {
    file: "cli/resiliency/group-agents.ts",
    calls: [
      "Connect.AssociateTrafficDistributionGroupUser", "Connect.DescribeUser", "Connect.DisassociateTrafficDistributionGroupUser", "Connect.ListRoutingProfiles",
      "Connect.ListTrafficDistributionGroupUsers", "Connect.ListUsers",
    ],
    identities: ["operator", "caller"],
  },
  { file: "cli/resiliency-options.ts", calls: ["Connect.ListTrafficDistributionGroups", "Lambda.GetFunction"], identities: ["operator"] },
  {
    file: "cli/resiliency/validation.ts",
    calls: [
      "Connect.DescribeInstance",
      "Connect.DescribeQueue",
      "Connect.GetTrafficDistribution",
      "Connect.ListBots",
      "Connect.ListContactFlows",
      "Connect.ListFlowAssociations",
      "Connect.ListLambdaFunctions",
      "Connect.ListPhoneNumbersV2",
      "Connect.ListQueues",
      "Connect.ListRoutingProfileQueues",
      "Connect.ListRoutingProfiles",
      "Connect.ListUsers",
      "Connect.StartChatContact",
    ],
    identities: ["operator"],
  },
  { file: "cli/resiliency/metric-anomalies.ts", calls: ["CloudWatch.GetMetricData"], identities: ["operator"] },
  {
    file: "cli/operations/backup/read-instance.ts",
    calls: [
      "Connect.DescribeAgentStatus", "Connect.DescribeContactFlow", "Connect.DescribeContactFlowModule", "Connect.DescribeHoursOfOperation",
      "Connect.DescribeInstance", "Connect.DescribePrompt", "Connect.DescribeQueue", "Connect.DescribeQuickConnect", "Connect.DescribeRoutingProfile",
      "Connect.DescribeSecurityProfile", "Connect.DescribeUser", "Connect.DescribeUserHierarchyGroup", "Connect.DescribeUserHierarchyStructure",
      "Connect.GetPromptFile", "Connect.ListAgentStatuses", "Connect.ListBots", "Connect.ListContactFlowModules", "Connect.ListContactFlows",
      "Connect.ListFlowAssociations", "Connect.ListHoursOfOperations", "Connect.ListInstanceAttributes", "Connect.ListInstanceStorageConfigs",
      "Connect.ListIntegrationAssociations", "Connect.ListLambdaFunctions", "Connect.ListPhoneNumbersV2", "Connect.ListPrompts",
      "Connect.ListQueueQuickConnects", "Connect.ListQueues", "Connect.ListQuickConnects", "Connect.ListRoutingProfileQueues", "Connect.ListRoutingProfiles",
      "Connect.ListSecurityProfileApplications", "Connect.ListSecurityProfilePermissions", "Connect.ListSecurityProfiles", "Connect.ListUserHierarchyGroups",
      "Connect.ListUsers",
    ],
    identities: ["caller"],
  },
  {
    // The Search read path (cli/operations/backup/read-paths.ts): whole objects per page, child lists per object, change listings for incremental backups.
    file: "cli/operations/backup/search-read.ts",
    calls: [
      "Connect.ListQueueQuickConnects", "Connect.ListRoutingProfileQueues", "Connect.ListSecurityProfilePermissions", "Connect.ListSecurityProfiles", "Connect.ListUsers",
      "Connect.SearchAgentStatuses", "Connect.SearchContactFlowModules", "Connect.SearchContactFlows", "Connect.SearchHoursOfOperations", "Connect.SearchPrompts",
      "Connect.SearchQueues", "Connect.SearchQuickConnects", "Connect.SearchRoutingProfiles", "Connect.SearchSecurityProfiles", "Connect.SearchUserHierarchyGroups",
      "Connect.SearchUsers",
    ],
    identities: ["caller"],
  },
  {
    // Every write a restore (or --prune) can make; the tables in cli/operations/restore name them.
    file: "cli/operations/restore/run-restore.ts",
    calls: [
      "Connect.AssociateBot", "Connect.AssociateInstanceStorageConfig", "Connect.AssociateLambdaFunction", "Connect.AssociatePhoneNumberContactFlow",
      "Connect.AssociateQueueQuickConnects", "Connect.AssociateRoutingProfileQueues", "Connect.CreateAgentStatus", "Connect.CreateContactFlow",
      "Connect.CreateContactFlowModule", "Connect.CreateHoursOfOperation", "Connect.CreateIntegrationAssociation", "Connect.CreatePrompt",
      "Connect.CreateQueue", "Connect.CreateQuickConnect", "Connect.CreateRoutingProfile", "Connect.CreateSecurityProfile", "Connect.CreateUser",
      "Connect.CreateUserHierarchyGroup", "Connect.DeleteContactFlow", "Connect.DeleteContactFlowModule", "Connect.DeleteHoursOfOperation",
      "Connect.DeleteIntegrationAssociation", "Connect.DeletePrompt", "Connect.DeleteQueue", "Connect.DeleteQuickConnect", "Connect.DeleteRoutingProfile",
      "Connect.DeleteSecurityProfile", "Connect.DeleteUser", "Connect.DeleteUserHierarchyGroup", "Connect.DisassociateInstanceStorageConfig",
      "Connect.DisassociateLambdaFunction", "Connect.DisassociateQueueQuickConnects", "Connect.DisassociateRoutingProfileQueues", "Connect.TagResource",
      "Connect.UntagResource", "Connect.UpdateAgentStatus", "Connect.UpdateContactFlowContent", "Connect.UpdateContactFlowMetadata",
      "Connect.UpdateContactFlowModuleContent", "Connect.UpdateContactFlowModuleMetadata", "Connect.UpdateHoursOfOperation", "Connect.UpdateInstanceAttribute",
      "Connect.UpdateInstanceStorageConfig", "Connect.UpdatePrompt", "Connect.UpdateQueueHoursOfOperation", "Connect.UpdateQueueMaxContacts",
      "Connect.UpdateQueueName", "Connect.UpdateQueueOutboundCallerConfig", "Connect.UpdateQueueStatus", "Connect.UpdateQuickConnectConfig",
      "Connect.UpdateQuickConnectName", "Connect.UpdateRoutingProfileAgentAvailabilityTimer", "Connect.UpdateRoutingProfileConcurrency",
      "Connect.UpdateRoutingProfileDefaultOutboundQueue", "Connect.UpdateRoutingProfileName", "Connect.UpdateRoutingProfileQueues",
      "Connect.UpdateSecurityProfile", "Connect.UpdateUserHierarchy", "Connect.UpdateUserHierarchyGroupName",
      "Connect.UpdateUserHierarchyStructure", "Connect.UpdateUserIdentityInfo", "Connect.UpdateUserPhoneConfig", "Connect.UpdateUserRoutingProfile",
      "Connect.UpdateUserSecurityProfiles",
    ],
    identities: ["caller"],
  },
  { file: "cli/operations/restore/prompt-upload.ts", calls: ["S3.PutObject"], identities: ["caller"] },
  { file: "cli/operations/store/s3-store.ts", calls: ["S3.GetObject", "S3.ListObjectsV2", "S3.PutObject"], identities: ["caller"] },
  // connect-dr data verify / restore, with the operator's credentials for each side.
  { file: "cli/data/dynamodb/check-table.ts", calls: ["DynamoDB.DescribeTable", "DynamoDB.Scan", "DynamoDB.GetItem"], identities: ["caller"] },
  { file: "cli/data/s3/object-listing.ts", calls: ["S3.ListObjectsV2"], identities: ["caller"] },
  { file: "cli/data/s3/object-checksum.ts", calls: ["S3.HeadObject", "S3.GetObject"], identities: ["caller"] },
  { file: "cli/data/s3/replication-preflight.ts", calls: ["S3.GetBucketVersioning", "S3.GetBucketReplication"], identities: ["caller"] },
  {
    file: "cli/data/s3/restore-window.ts",
    calls: ["S3.HeadObject", "S3.CopyObject", "S3.CreateMultipartUpload", "S3.UploadPartCopy", "S3.CompleteMultipartUpload", "S3.AbortMultipartUpload"],
    identities: ["caller"],
  },
  {
    file: "cli/capacity/metrics.ts",
    calls: ["Connect.DescribeInstance", "Connect.GetMetricDataV2", "Connect.ListPhoneNumbersV2", "Connect.ListQueues", "Connect.ListRoutingProfiles", "CloudWatch.GetMetricData"],
    identities: ["caller"],
  },
  { file: "cli/capacity/loadtest.ts", calls: ["DynamoDB.PutItem", "DynamoDB.Query", "DynamoDB.Scan"], identities: ["caller"] },
  { file: "cli/commands/loadtest.ts", calls: ["Connect.DescribeInstance", "Connect.ListTrafficDistributionGroups", "Connect.ReplicateInstance", "DynamoDB.CreateTable"], identities: ["caller"] },
  { file: "components/resiliency/acgr/instance-replica-provider.ts", calls: ["Connect.DeleteInstance", "Connect.DescribeInstance", "Connect.ReplicateInstance"], identities: ["deployer"] },
  {
    file: "components/resiliency/acgr/traffic-distribution-group-provider.ts",
    calls: [
      "Connect.CreateTrafficDistributionGroup", "Connect.DeleteTrafficDistributionGroup", "Connect.DescribeTrafficDistributionGroup", "Connect.GetTrafficDistribution",
      "Connect.ListTrafficDistributionGroups", "Connect.UpdatePhoneNumber", "Connect.UpdateTrafficDistribution",
    ],
    identities: ["deployer"],
  },
  {
    file: "components/resiliency/acgr/phone-number-provider.ts",
    calls: ["Connect.ClaimPhoneNumber", "Connect.DescribePhoneNumber", "Connect.ReleasePhoneNumber", "Connect.SearchAvailablePhoneNumbers"],
    identities: ["deployer"],
  },
  {
    file: "components/resiliency/acgr/phone-numbers.ts",
    calls: ["Connect.AssociatePhoneNumberContactFlow", "Connect.DescribePhoneNumber", "Connect.DisassociatePhoneNumberContactFlow", "Connect.ListPhoneNumbersV2"],
    identities: ["deployer"],
  },
  { file: "components/resiliency/acgr/connection.ts", calls: ["STS.AssumeRole"], identities: ["deployer"] },
];

/** IAM prefix of each SDK service id. */
const PREFIX: Readonly<Record<string, string>> = {
  Connect: "connect", DynamoDB: "dynamodb", S3: "s3", Lambda: "lambda", "Route 53": "route53", CloudWatch: "cloudwatch", SNS: "sns", STS: "sts", "Secrets Manager": "secretsmanager",
};

/**
 * SDK commands whose IAM action has another name (AWS's API references say which): the lib-dynamodb
 * document commands send PutItem/DeleteItem, ListObjectsV2 is authorized as s3:ListBucket, HeadObject and the copy operations as s3:GetObject/s3:PutObject, Lambda's
 * Invoke as lambda:InvokeFunction.
 */
const RENAMED: Readonly<Record<string, readonly string[]>> = {
  "DynamoDB.Put": ["dynamodb:PutItem"],
  "DynamoDB.Delete": ["dynamodb:DeleteItem"],
  "S3.ListObjectsV2": ["s3:ListBucket"],
  // Amazon S3 API Reference, "Permissions" of each operation.
  "S3.HeadObject": ["s3:GetObject"],
  "S3.GetBucketReplication": ["s3:GetReplicationConfiguration"],
  "S3.CopyObject": ["s3:GetObject", "s3:PutObject"],
  "S3.CreateMultipartUpload": ["s3:PutObject"],
  "S3.UploadPartCopy": ["s3:GetObject", "s3:PutObject"],
  "S3.CompleteMultipartUpload": ["s3:PutObject"],
  "Lambda.Invoke": ["lambda:InvokeFunction"],
};

/** The IAM actions one SDK call needs. */
export function iamActionsOf(call: string): readonly string[] {
  if (RENAMED[call]) return RENAMED[call];
  const [service, command] = call.split(".");
  return [`${PREFIX[service]}:${command}`];
}

/** One resource a call touches: the ARN a request names, and the pattern a least-privilege policy grants. */
export interface CallResource {
  readonly arn: string;
  /** @default `arn` */
  readonly grant?: string;
}

/** One inventoried call of a synthesized identity. */
export interface IdentityCall {
  /** `Service.Command`, or `via <service>: <what>` for a call AWS makes with the identity's permissions. */
  readonly call: string;
  readonly actions: readonly string[];
  readonly resources: readonly CallResource[];
  /** Request context (condition keys) AWS adds, e.g. kms:ViaService. */
  readonly context?: Readonly<Record<string, string>>;
}

/** Where one identity is deployed and what it touches, read from the synthesized resources. */
export interface Deployment {
  readonly account: string;
  readonly region: string;
  readonly peer: string;
  readonly pair: readonly [string, string];
  readonly arns: {
    readonly trafficDistributionGroup: string;
    readonly instance: (region: string) => string;
    readonly lockTable: string;
    readonly lockTableKey: string;
    readonly healthAlarms: readonly string[];
    readonly topic: string;
    readonly automationKey: string;
    readonly automationLogGroup: string;
    readonly associatedFunctions: readonly string[];
    readonly healthCheckFunctions: readonly string[];
    readonly sipHealthChecks: readonly string[];
    readonly peerEventBus: string;
    /** The dark-Region probe's log group and environment key, where the stack deploys the probe. */
    readonly probeLogGroup?: string;
    readonly probeKey?: string;
    /**
     * `secretGrant`: where the stack does not own the secret (it reads the replica), the name followed by
     * `-??????`, the six characters Secrets Manager appends (Secrets Manager User Guide, "Resource: secret ARN").
     */
    readonly crm?: { readonly secret: string; readonly secretGrant?: string; readonly key: string; readonly logGroup: string; readonly network?: FunctionNetwork };
    /** The VPC's flow-log group, where the stack has a VPC. */
    readonly flowLogGroup?: string;
    /** Where the probe runs in a VPC: its subnets and security group. */
    readonly probeNetwork?: FunctionNetwork;
    /** The replicated pair the replication role serves: recordings, or the contact-records archive. */
    readonly recordings?: { readonly sourceBucket: string; readonly sourceKey: string; readonly destinationBucket: string; readonly destinationKey: string };
    /** What one archive delivery reads and writes: its stream and the stream's key, the archive bucket, its key and the stream's prefix. */
    readonly archiveDelivery?: { readonly stream: string; readonly streamKey: string; readonly bucket: string; readonly bucketKey: string; readonly root: string };
  };
}

/** The subnet ARNs (owner account in them) and the security group ARN of a function in a VPC. */
export interface FunctionNetwork {
  readonly subnets: readonly string[];
  readonly securityGroup: string;
}

const sdk = (call: string, resources: readonly CallResource[]): IdentityCall => ({ call, actions: iamActionsOf(call), resources });
const one = (arn: string, grant?: string): CallResource => (grant ? { arn, grant } : { arn });
const via = (service: string, region: string) => ({ "kms:ViaService": `${service}.${region}.amazonaws.com` });
/** A Lambda function's runtime writes its logs with the function's role (Lambda Developer Guide, "Lambda execution role"). */
const logs = (logGroupArn: string): IdentityCall => ({
  call: "via Lambda: function logs",
  actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
  resources: [one(`${logGroupArn}:log-stream:2026/01/01/[$LATEST]0123456789abcdef`, `${logGroupArn}:*`)],
});

/**
 * A function in a VPC: Lambda creates, describes and deletes its network interfaces with the
 * function's execution role (Lambda Developer Guide, "Giving Lambda functions access to resources in
 * an Amazon VPC": ec2:CreateNetworkInterface, DescribeNetworkInterfaces, DescribeSubnets,
 * DeleteNetworkInterface, AssignPrivateIpAddresses, UnassignPrivateIpAddresses). CreateNetworkInterface
 * names the new interface, its subnet and its security group.
 */
const vpcAccess = (d: Deployment, n: FunctionNetwork | undefined): IdentityCall[] => {
  if (!n) return [];
  const eni = one(`arn:aws:ec2:${d.region}:${d.account}:network-interface/eni-0123456789abcdef0`, `arn:aws:ec2:${d.region}:${d.account}:network-interface/*`);
  return [
    { call: "via Lambda: VPC network interfaces", actions: ["ec2:CreateNetworkInterface"], resources: [eni, one(n.securityGroup), ...n.subnets.map((arn) => one(arn))] },
    { call: "via Lambda: VPC network interfaces", actions: ["ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"], resources: [eni] },
    { call: "via Lambda: VPC network interfaces", actions: ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"], resources: [one("*")] },
  ];
};

/**
 * The calls each synthesized identity makes in deployment `d`, with the calls AWS makes on its behalf
 * (each cites the AWS documentation that says the identity's permission is used).
 */
export function identityCalls(identity: Identity, d: Deployment): IdentityCall[] {
  const a = d.arns;
  const tdg = [one(a.trafficDistributionGroup)];
  const alarms = a.healthAlarms.map((arn) => one(arn));
  // DynamoDB uses the caller's kms:Decrypt/GenerateDataKey on a customer managed table key (DynamoDB
  // Developer Guide, "How Amazon DynamoDB uses AWS KMS": key policy "through Amazon DynamoDB").
  const lockKey: IdentityCall = { call: "via DynamoDB: lock table key", actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [one(a.lockTableKey)], context: via("dynamodb", d.region) };
  // Publishing to an SSE-KMS topic needs the publisher's kms:GenerateDataKey and kms:Decrypt (SNS Developer Guide, "Key management").
  const topicKey: IdentityCall = { call: "via SNS: encrypted topic", actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [one(a.automationKey)], context: via("sns", d.region) };
  const failover = [
    sdk("Connect.GetTrafficDistribution", tdg),
    sdk("Connect.UpdateTrafficDistribution", tdg),
    sdk("DynamoDB.Put", [one(a.lockTable)]),
    sdk("DynamoDB.Delete", [one(a.lockTable)]),
    lockKey,
    sdk("CloudWatch.DescribeAlarms", alarms),
    sdk("SNS.Publish", [one(a.topic)]),
    topicKey,
  ];
  switch (identity) {
    case "failover-function":
      return [
        ...failover,
        // Lambda decrypts a CMK-encrypted environment with the execution role (Lambda Developer Guide, "Securing environment variables").
        { call: "via Lambda: environment", actions: ["kms:Decrypt"], resources: [one(a.automationKey)], context: via("lambda", d.region) },
        logs(a.automationLogGroup),
      ];
    case "operator": {
      const instances = d.pair.map((r) => a.instance(r));
      const child = (kind: string, id: string) => d.pair.map((r) => one(`${a.instance(r)}/${kind}/${id}`, `${a.instance(r)}/${kind}/*`));
      return [
        sdk("Connect.ListTrafficDistributionGroups", d.pair.map((r) => one(a.trafficDistributionGroup.replace(/:connect:[^:]+:/, `:connect:${r}:`), `arn:aws:connect:${r}:${d.account}:traffic-distribution-group/*`))),
        ...failover,
        ...["DescribeInstance", "ListFlowAssociations", "ListLambdaFunctions", "ListBots", "ListUsers", "ListRoutingProfiles"].map((c) => sdk(`Connect.${c}`, instances.map((arn) => one(arn)))),
        sdk("Connect.ListContactFlows", child("contact-flow", "*")),
        sdk("Connect.ListQueues", child("queue", "*")),
        sdk("Connect.DescribeQueue", child("queue", "a1b2c3d4-0000-4000-8000-000000000001")),
        sdk("Connect.ListRoutingProfileQueues", child("routing-profile", "a1b2c3d4-0000-4000-8000-000000000002")),
        sdk("Connect.ListTrafficDistributionGroupUsers", tdg),
        sdk("Connect.DescribeUser", child("agent", "a1b2c3d4-0000-4000-8000-000000000004")),
        sdk("Connect.ListPhoneNumbersV2", d.pair.map((r) => one(`arn:aws:connect:${r}:${d.account}:phone-number/*`))),
        sdk("Connect.StartChatContact", [...child("contact-flow", "a1b2c3d4-0000-4000-8000-000000000003"), ...child("contact", "*")]),
        sdk("CloudWatch.GetMetricData", [one("*")]),
        sdk("Lambda.GetFunction", a.associatedFunctions.map((arn) => one(arn))),
        sdk("Lambda.Invoke", a.healthCheckFunctions.map((arn) => one(arn))),
        sdk("Route 53.GetHealthCheckStatus", a.sipHealthChecks.map((arn) => one(arn))),
      ];
    }
    case "peer-probe":
      return [
        sdk("Connect.DescribeInstance", [one(a.instance(d.peer))]),
        // PutMetricData takes no resource type; the policy scopes it with the cloudwatch:namespace condition key.
        { ...sdk("CloudWatch.PutMetricData", [one("*")]), context: { "cloudwatch:namespace": "ConnectDR/PeerProbe" } },
        { call: "via Lambda: environment", actions: ["kms:Decrypt"], resources: [one(a.probeKey!)], context: via("lambda", d.region) },
        logs(a.probeLogGroup!),
        ...vpcAccess(d, a.probeNetwork),
      ];
    case "crm-function":
      return [
        sdk("Secrets Manager.GetSecretValue", [one(a.crm!.secret, a.crm!.secretGrant)]),
        // Secrets Manager decrypts a CMK secret with the caller's kms:Decrypt (Secrets Manager User Guide, "Secret encryption and decryption").
        { call: "via Secrets Manager: secret key", actions: ["kms:Decrypt"], resources: [one(a.crm!.key)], context: via("secretsmanager", d.region) },
        { call: "via Lambda: environment", actions: ["kms:Decrypt"], resources: [one(a.crm!.key)], context: via("lambda", d.region) },
        logs(a.crm!.logGroup),
        ...vpcAccess(d, a.crm!.network),
      ];
    case "flow-logs": {
      // VPC User Guide, "IAM role for publishing flow logs to CloudWatch Logs": one stream per interface.
      const group = a.flowLogGroup!;
      return [
        { call: "via VPC Flow Logs: delivery", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [one(`${group}:log-stream:eni-0123456789abcdef0-all`, `${group}:log-stream:*`)] },
        { call: "via VPC Flow Logs: delivery", actions: ["logs:DescribeLogStreams"], resources: [one(group)] },
        { call: "via VPC Flow Logs: delivery", actions: ["logs:DescribeLogGroups"], resources: [one("*")] },
      ];
    }
    case "event-forwarder":
      // EventBridge puts the matched event on the target bus with the rule's role (EventBridge User Guide, "Sending events between buses in different Regions").
      return [{ call: "via EventBridge: cross-Region target", actions: ["events:PutEvents"], resources: [one(a.peerEventBus)] }];
    case "replication": {
      const r = a.recordings!;
      const object = (bucket: string) => one(`${bucket}/2026/01/01/contact.wav`, `${bucket}/*`);
      // S3 User Guide, "Setting up permissions for live replication" (with SSE-KMS and a different destination owner).
      return [
        { call: "via S3: replication configuration", actions: ["s3:GetReplicationConfiguration", "s3:ListBucket"], resources: [one(r.sourceBucket)] },
        { call: "via S3: read source versions", actions: ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"], resources: [object(r.sourceBucket)] },
        { call: "via S3: write replicas", actions: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags", "s3:ObjectOwnerOverrideToBucketOwner"], resources: [object(r.destinationBucket)] },
        { call: "via S3: decrypt source objects", actions: ["kms:Decrypt"], resources: [one(r.sourceKey)], context: { ...via("s3", d.region), "kms:EncryptionContext:aws:s3:arn": `${r.sourceBucket}/2026/01/01/contact.wav` } },
        { call: "via S3: encrypt replicas", actions: ["kms:Encrypt", "kms:GenerateDataKey"], resources: [one(r.destinationKey)], context: { ...via("s3", d.peer), "kms:EncryptionContext:aws:s3:arn": `${r.destinationBucket}/2026/01/01/contact.wav` } },
      ];
    }
    case "archive-delivery": {
      const x = a.archiveDelivery!;
      const object = one(`${x.bucket}/${x.root}year=2026/month=01/day=01/hour=00/delivery-1.gz`, `${x.bucket}/${x.root}*`);
      // Amazon Data Firehose Developer Guide, "Grant Firehose access to an Amazon S3 destination" (Kinesis data stream as source, SSE-KMS).
      return [
        { call: "via Firehose: read the source stream", actions: ["kinesis:DescribeStream", "kinesis:GetShardIterator", "kinesis:GetRecords", "kinesis:ListShards"], resources: [one(x.stream)] },
        { call: "via Kinesis: decrypt records", actions: ["kms:Decrypt"], resources: [one(x.streamKey)], context: { ...via("kinesis", d.region), "kms:CallerAccount": d.account, "kms:EncryptionContext:aws:kinesis:arn": x.stream } },
        { call: "via Firehose: the bucket", actions: ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"], resources: [one(x.bucket)] },
        { call: "via Firehose: write objects", actions: ["s3:AbortMultipartUpload", "s3:GetObject", "s3:PutObject"], resources: [object] },
        // With S3 Bucket Keys the encryption context is the bucket ARN; without, the object's.
        { call: "via S3: encrypt objects", actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [one(x.bucketKey)], context: { ...via("s3", d.region), "kms:EncryptionContext:aws:s3:arn": x.bucket } },
      ];
    }
    default:
      return [];
  }
}
