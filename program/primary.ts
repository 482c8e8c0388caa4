import * as pulumi from "@pulumi/pulumi";
import type { StackConfig } from "./config";
import { ConnectRegion, GlobalContactTable, OrgGuardrails, RegionalDatabase } from "../components";
import { flowSpecs, hoursOfOperationSpecs, queueSpecs, routingProfileSpecs } from "./connect-args";
import { ORGANIZATIONS_REGION } from "./provider-plan";
import type { StackProviders } from "./providers";
import {
  lambdaAliasAssociations,
  lambdaVpc,
  optionalRegionalOutputs,
  regionalCrm,
  regionalDirectConnect,
  regionalLambdaAutoScaling,
  regionalLexBots,
  regionalContactRecordsArchive,
  regionalMonitoring,
  regionalOutputs,
  regionalRecordings,
  regionalVpc,
} from "./regional";

/** The outputs the secondary stack reads from the primary by StackReference. */
export const PRIMARY_OUTPUTS = {
  instanceId: "connectInstanceId",
  instanceArn: "connectInstanceArn",
  instanceAlias: "connectInstanceAlias",
  /** The CRM key of the primary Region: the secondary stack encrypts the CRM secrets' replicas with it. */
  crmKmsKeyArn: "crmKmsKeyArn",
  /** With Lambda auto scaling: the Throttles/Errors alarms of the flow functions, health signals of this Region. */
  lambdaAlarmNames: "lambdaAlarmNames",
  /** Flow name -> id (ACGR keeps the id in the replica): the flows that answer the group's numbers. */
  flowIds: "connectFlowIds",
  /** With connect-dr:vpc: this Region's VPC and private subnets, where the secondary stack runs this Region's peer probe. */
  vpcId: "vpcId",
  vpcPrivateSubnetIds: "vpcPrivateSubnetIds",
} as const;

/**
 * The primary stack, deployed first: the source Connect instance with everything ACGR mirrors (hours,
 * queues, routing profiles, flows), its recordings, the global contact table (replica in the
 * secondary Region) and Direct Connect for this Region; when configured, this Region's monitoring,
 * Lambda auto scaling and CRM lookup functions (reading the replicas of the CRM secrets the secondary
 * stack creates: see `regionalCrm`).
 */
export function definePrimary(
  config: StackConfig,
  providers: StackProviders,
  flowContents: Readonly<Record<string, string>>,
): Record<string, pulumi.Output<unknown>> {
  const here = config.primaryRegion;
  const peer = config.secondaryRegion;
  const workload = providers.get("workload", here);

  const recordings = regionalRecordings(config, providers, here, peer);
  const lambdaAliases = lambdaAliasAssociations(config);
  const connect = new ConnectRegion(
    "connect",
    {
      region: here,
      accountId: config.accounts.workload.id,
      instanceAlias: config.connect.instanceAlias,
      identityManagementType: config.connect.identityManagementType,
      inboundCallsEnabled: config.connect.inboundCallsEnabled,
      outboundCallsEnabled: config.connect.outboundCallsEnabled,
      recordingsBucketName: recordings.sourceBucketName,
      // Recordings must use the key the replication role may decrypt with, or they would not replicate.
      recordingsKmsKeyArn: recordings.sourceKeyArn,
      hoursOfOperation: hoursOfOperationSpecs(config.connect),
      queues: queueSpecs(config.connect),
      routingProfiles: routingProfileSpecs(config.connect),
      flows: flowSpecs(config.connect, flowContents),
      lambdaFunctionNames: config.connect.lambdaFunctionNames,
      // With auto scaling, Connect invokes the alias that holds the provisioned concurrency.
      ...lambdaAliases.connectArgs,
      lexV2BotAliases: config.connect.lexV2BotAliases,
    },
    { provider: workload },
  );
  const contacts = new GlobalContactTable(
    "contacts",
    { region: here, replicaProviders: { [peer]: providers.get("workload", peer) }, tableName: `${config.connect.instanceAlias}-contacts` },
    { provider: workload },
  );
  const vpc = regionalVpc(config, providers, here);
  const archive = regionalContactRecordsArchive(config, providers, here, peer, connect);
  const network = regionalDirectConnect(config, providers, here, vpc);
  const monitoring = regionalMonitoring(config, providers, here, {
    connectInstanceId: connect.instanceId,
    globalTable: { tableName: `${config.connect.instanceAlias}-contacts`, receivingRegions: [peer] },
  });
  const scaling = regionalLambdaAutoScaling(config, providers, here, monitoring);
  lambdaAliases.resolve(scaling);
  const crm = regionalCrm(config, providers, here, connect.instanceId, undefined, lambdaVpc(config, vpc));
  const database = regionalDatabase(config, providers, here, peer);

  const guardrails = config.governance ? organizationGuardrails(config, providers) : undefined;

  const lex = regionalLexBots(config, providers, here, connect.instanceArn);

  return {
    ...(guardrails ? { guardrailPolicyIds: guardrails.policyIds } : {}),
    role: pulumi.output(config.role),
    region: pulumi.output(here),
    [PRIMARY_OUTPUTS.instanceId]: connect.instanceId,
    [PRIMARY_OUTPUTS.instanceArn]: connect.instanceArn,
    [PRIMARY_OUTPUTS.instanceAlias]: pulumi.output(config.connect.instanceAlias),
    connectKmsKeyArn: connect.kmsKeyArn,
    connectQueueIds: connect.queueIds,
    connectFlowIds: connect.flowIds,
    connectRoutingProfileIds: connect.routingProfileIds,
    connectAlarmArns: connect.alarmArns,
    contactTableName: contacts.tableName,
    contactTableArn: contacts.tableArn,
    contactTableKeyArns: contacts.keyArns,
    ...regionalOutputs(recordings, network, archive, vpc),
    ...optionalRegionalOutputs(monitoring, scaling, crm, lex),
    ...(database
      ? {
          databasePrimaryEndpoint: database.primaryEndpoint,
          databaseSecondaryEndpoint: database.secondaryEndpoint,
          databasePort: database.port,
          databaseMasterSecretArn: database.masterSecretArn,
          databasePromotionTarget: database.promotionTarget,
        }
      : {}),
  };
}

/**
 * The relational database of both Regions, when `connect-dr:database` is set: a global piece, owned
 * here (the secondary stack's config may not set it). Its primary half uses the workload provider of
 * this Region, its secondary half (replica cluster or read replica, replica secret) the workload
 * provider of the peer Region, which this stack already has for the contact table's replica key.
 */
function regionalDatabase(config: StackConfig, providers: StackProviders, here: string, peer: string): RegionalDatabase | undefined {
  const db = config.database;
  if (!db) return undefined;
  return new RegionalDatabase(
    "database",
    {
      mode: db.mode,
      engine: db.engine,
      engineVersion: db.engineVersion,
      parameterGroupFamily: db.parameterGroupFamily,
      identifier: db.identifier,
      primaryRegion: here,
      secondaryRegion: peer,
      secondaryProvider: providers.get("workload", peer),
      accountId: config.accounts.workload.id,
      instanceClass: db.instanceClass,
      databaseName: db.databaseName,
      masterUsername: db.masterUsername,
      masterPasswordVersion: db.masterPasswordVersion,
      primaryNetwork: db.networks[here],
      secondaryNetwork: db.networks[peer],
      ...(db.primaryInstanceNames ? { primaryInstanceNames: db.primaryInstanceNames } : {}),
      ...(db.secondaryInstanceNames ? { secondaryInstanceNames: db.secondaryInstanceNames } : {}),
      backupRetentionDays: db.backupRetentionDays,
      performanceInsightsRetentionDays: db.performanceInsightsRetentionDays,
      ...(db.allocatedStorageGb !== undefined ? { allocatedStorageGb: db.allocatedStorageGb } : {}),
      ...(db.maxAllocatedStorageGb !== undefined ? { maxAllocatedStorageGb: db.maxAllocatedStorageGb } : {}),
    },
    { provider: providers.get("workload", here) },
  );
}

/**
 * The organization's SCPs for the DR accounts: both DR Regions allowed, the break-glass role exempt,
 * and the DR roles this program creates (recordings replication, failover handlers and operators)
 * protected so that only the deployer role may change them.
 */
function organizationGuardrails(config: StackConfig, providers: StackProviders): OrgGuardrails {
  const governance = config.governance!;
  const rolePattern = (name: string) => `arn:aws:iam::*:role/${name}`;
  const deployerRoleName = config.accounts.workload.role.split("/").pop()!;
  return new OrgGuardrails(
    "guardrails",
    {
      drRegions: [config.primaryRegion, config.secondaryRegion],
      breakGlassRoleArnPattern: rolePattern(governance.breakGlassRoleName),
      deployerRoleArnPattern: rolePattern(deployerRoleName),
      // Pulumi names these roles after their components (recordings-replication-role-<suffix>, ...).
      replicationRoleNamePatterns: ["recordings-replication-role-*", "contact-records-*-role-*"],
      failoverRoleNamePatterns: ["failover-*-role-*", "connect-dr-failover-operator-*"],
      managementExemptPrincipalArnPatterns: governance.managementExemptRoleNames.map(rolePattern),
      targetIds: governance.targetIds,
      managementAccountId: config.accounts.management.id,
      ...(governance.existingAttachmentsPerTarget ? { existingAttachmentsPerTarget: governance.existingAttachmentsPerTarget } : {}),
    },
    { provider: providers.get("management", ORGANIZATIONS_REGION) },
  );
}
