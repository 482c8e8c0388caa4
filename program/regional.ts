import * as pulumi from "@pulumi/pulumi";
import type { StackConfig } from "./config";
import { ContactCenterMonitoring, CrmIntegration, DirectConnectFailover, LambdaAutoScaling, LexBotRegion, RegionalVpc, ReplicatedRecordings, ContactRecordsArchive } from "../components";
import type { ConnectRegionArgs } from "../components";
import type { LambdaVpcArgs } from "../components/runtime";
import type { StackProviders } from "./providers";

/**
 * The pieces every stack owns for its own Region, whatever its role: call recordings replicated to
 * the backup vault in the other Region, Direct Connect with its VPN backup, and, when the config turns
 * them on, monitoring (dashboard and the alarm topic of this Region), provisioned concurrency under
 * auto scaling for the Connect-facing Lambda functions, the CRM lookup functions and the VPC they run
 * in. All of them use the workload account's provider in this Region, except the VPC and Direct
 * Connect (network account).
 */

/** The failover function FailoverAutomation deploys in `region` (owned by the secondary stack). */
export function failoverFunctionName(region: string): string {
  return `connect-dr-failover-${region}`;
}

/** What this Region's dashboard charts besides the Connect instance. */
export interface MonitoringInputs {
  readonly connectInstanceId: pulumi.Input<string>;
  /** The global table whose home is in this Region (charted per receiving Region). */
  readonly globalTable?: { readonly tableName: string; readonly receivingRegions: readonly string[] };
  /** Route 53 health check ids by label. */
  readonly healthCheckIds?: pulumi.Input<Record<string, string>>;
  /** The failover decision alarms of this Region. */
  readonly failoverAlarmArns?: pulumi.Input<string[]>;
}

/**
 * Dashboard and alarm topic (SNS, CMK) of this Region, when `connect-dr:monitoring` is set; Splunk and
 * Dynatrace streaming when their keys are. The failover function of this Region is charted by name.
 */
export function regionalMonitoring(config: StackConfig, providers: StackProviders, here: string, inputs: MonitoringInputs): ContactCenterMonitoring | undefined {
  const monitoring = config.monitoring;
  if (!monitoring) return undefined;
  return new ContactCenterMonitoring(
    "monitoring",
    {
      region: here,
      accountId: config.accounts.workload.id,
      connectInstanceId: inputs.connectInstanceId,
      ...(monitoring.dashboardName !== undefined ? { dashboardName: monitoring.dashboardName } : {}),
      ...(inputs.globalTable ? { globalTable: inputs.globalTable } : {}),
      ...(inputs.healthCheckIds ? { healthCheckIds: inputs.healthCheckIds } : {}),
      ...(inputs.failoverAlarmArns ? { failoverAlarmArns: inputs.failoverAlarmArns } : {}),
      failoverFunctionName: failoverFunctionName(here),
      enableSplunk: monitoring.splunk !== undefined,
      ...(monitoring.splunk ? { splunkHecUrl: monitoring.splunk.hecUrl } : {}),
      enableDynatrace: monitoring.dynatrace !== undefined,
      ...(monitoring.dynatrace ? { dynatraceEndpointUrl: monitoring.dynatrace.endpointUrl } : {}),
      ...(monitoring.dynatrace?.streamedNamespaces ? { streamedNamespaces: monitoring.dynatrace.streamedNamespaces } : {}),
    },
    { provider: providers.get("workload", here) },
  );
}

/**
 * Provisioned concurrency under auto scaling for the Connect-facing functions of this Region, when
 * `connect-dr:lambdaAutoScaling` is set; their Throttles and Errors alarms go to this Region's
 * monitoring topic when monitoring is on.
 */
export function regionalLambdaAutoScaling(
  config: StackConfig,
  providers: StackProviders,
  here: string,
  monitoring: ContactCenterMonitoring | undefined,
): LambdaAutoScaling | undefined {
  const scaling = config.lambdaAutoScaling;
  if (!scaling) return undefined;
  return new LambdaAutoScaling(
    "lambda-scaling",
    {
      region: here,
      functions: Object.fromEntries(
        Object.entries(scaling.functions).map(([name, fn]) => [
          name,
          {
            version: fn.version,
            ...(fn.minProvisionedConcurrency !== undefined ? { minProvisionedConcurrency: fn.minProvisionedConcurrency } : {}),
            ...(fn.maxProvisionedConcurrency !== undefined ? { maxProvisionedConcurrency: fn.maxProvisionedConcurrency } : {}),
          },
        ]),
      ),
      aliasName: scaling.aliasName,
      minProvisionedConcurrency: scaling.minProvisionedConcurrency,
      maxProvisionedConcurrency: scaling.maxProvisionedConcurrency,
      targetUtilization: scaling.targetUtilization,
      scaleInCooldownSeconds: scaling.scaleInCooldownSeconds,
      scaleOutCooldownSeconds: scaling.scaleOutCooldownSeconds,
      throttlesThreshold: scaling.throttlesThreshold,
      errorsThreshold: scaling.errorsThreshold,
      alarmActions: monitoring ? [monitoring.alarmTopicArn] : [],
    },
    { provider: providers.get("workload", here) },
  );
}

/**
 * How this Region's ConnectRegion names the Lambda functions flows call. With auto scaling, Connect
 * invokes the alias that holds the provisioned concurrency, and LambdaAutoScaling creates that alias
 * after ConnectRegion (its alarms notify this Region's monitoring topic, which charts the instance).
 * The associations therefore take the alias ARNs from a deferred output, resolved with
 * `LambdaAutoScaling.aliasArns` once the aliases are declared: each association waits for its alias.
 */
export function lambdaAliasAssociations(config: StackConfig): {
  readonly connectArgs: Pick<ConnectRegionArgs, "lambdaFunctionAlias" | "lambdaFunctionAliasArns">;
  /** Call with this Region's auto scaling once declared. */
  resolve(scaling: LambdaAutoScaling | undefined): void;
} {
  if (!config.lambdaAutoScaling) return { connectArgs: {}, resolve: () => {} };
  const [aliasArns, resolveAliasArns] = pulumi.deferredOutput<Readonly<Record<string, string>>>();
  return {
    connectArgs: { lambdaFunctionAlias: config.lambdaAutoScaling.aliasName, lambdaFunctionAliasArns: aliasArns },
    resolve: (scaling) => {
      if (!scaling) throw new Error("connect-dr:lambdaAutoScaling is set but no LambdaAutoScaling was declared for the alias ARNs");
      resolveAliasArns(scaling.aliasArns);
    },
  };
}

/**
 * The CRM lookup functions of this Region, associated with its Connect instance, when
 * `connect-dr:crm` is set. `secrets` is given by the stack that owns the credential secrets (the
 * secondary: it can read the primary's CRM key by StackReference to encrypt the replicas, the
 * reverse would be a cycle); the other stack's functions read those replicas by name.
 */
export function regionalCrm(
  config: StackConfig,
  providers: StackProviders,
  here: string,
  connectInstanceId: pulumi.Input<string>,
  secrets?: { readonly replicaRegion: string; readonly replicaKmsKeyArn: pulumi.Input<string> },
  vpc?: LambdaVpcArgs,
): CrmIntegration | undefined {
  const crm = config.crm;
  if (!crm) return undefined;
  return new CrmIntegration(
    "crm",
    {
      region: here,
      accountId: config.accounts.workload.id,
      createSecrets: secrets !== undefined,
      ...(secrets ? { replicaRegion: secrets.replicaRegion, replicaKmsKeyArn: secrets.replicaKmsKeyArn } : {}),
      ...(crm.salesforce ? { salesforce: crm.salesforce } : {}),
      ...(crm.servicenow ? { servicenow: crm.servicenow } : {}),
      logRetentionDays: crm.logRetentionDays,
      connectInstanceId,
      ...(vpc ? { vpc } : {}),
    },
    { provider: providers.get("workload", here) },
  );
}

/** This Region's Lex V2 bot versions and aliases, associated with its instance, when `connect-dr:lexBots` is set. */
export function regionalLexBots(config: StackConfig, providers: StackProviders, here: string, connectInstanceArn: pulumi.Input<string>): LexBotRegion | undefined {
  const bots = config.lexBots;
  if (!bots || Object.keys(bots).length === 0) return undefined;
  return new LexBotRegion("lex", { region: here, accountId: config.accounts.workload.id, connectInstanceArn, bots }, { provider: providers.get("workload", here) });
}

/** The outputs of the optional regional pieces that are on. */
export function optionalRegionalOutputs(
  monitoring: ContactCenterMonitoring | undefined,
  scaling: LambdaAutoScaling | undefined,
  crm: CrmIntegration | undefined,
  lex?: LexBotRegion,
): Record<string, pulumi.Output<unknown>> {
  return {
    ...(lex ? { lexBotAliasArns: lex.aliasArns, lexBotVersions: lex.botVersions } : {}),
    ...(monitoring ? { monitoringDashboardName: monitoring.dashboardName, monitoringAlarmTopicArn: monitoring.alarmTopicArn, monitoringDestinationSecretArns: monitoring.destinationSecretArns } : {}),
    ...(scaling ? { lambdaAliasArns: scaling.aliasArns, lambdaAlarmNames: scaling.alarmNames } : {}),
    ...(crm ? { crmFunctionArns: crm.functionArns, crmKmsKeyArn: crm.kmsKeyArn, crmSecretArns: crm.secretArns } : {}),
  };
}

/**
 * Recordings of this Region: source bucket and key in the workload account here, replicas in the
 * backup-vault account in the other Region (so one Region's loss or one account's compromise does not
 * take both copies).
 */
export function regionalRecordings(config: StackConfig, providers: StackProviders, here: string, peer: string): ReplicatedRecordings {
  return new ReplicatedRecordings("recordings", vaultPairArgs(config, providers, peer), { provider: providers.get("workload", here) });
}

/**
 * What a source bucket replicated to the backup vault takes from the configuration (recordings and the
 * contact-records archive alike): the vault account in the other Region, the recordings' retention and
 * Object Lock, and a replication alarm as soon as replication lags past the recovery point objective.
 */
function vaultPairArgs(config: StackConfig, providers: StackProviders, peer: string) {
  const { objectLock } = config.recordings;
  return {
    sourceAccountId: config.accounts.workload.id,
    destinationAccountId: config.accounts.backupVault.id,
    replicaProvider: providers.get("backupVault", peer),
    retentionDays: config.recordings.retentionDays,
    destinationObjectLockEnabled: objectLock.enabled,
    ...(objectLock.enabled ? { destinationObjectLockMode: objectLock.mode, destinationObjectLockDays: objectLock.days } : {}),
    replicationLatencyThresholdSeconds: config.rpoSeconds,
  };
}

/** The streams of this Region's Connect instance that the archive keeps. */
export interface ArchivedStreams {
  readonly contactTraceRecordsStreamArn: pulumi.Input<string>;
  readonly agentEventsStreamArn: pulumi.Input<string>;
  readonly kmsKeyArn: pulumi.Input<string>;
}

/**
 * Contact trace records and agent events of this Region, delivered from Kinesis by Firehose to an
 * archive bucket in the workload account here and replicated like recordings (same vault account in
 * the other Region, same retention, Object Lock and RPO alarm): CTRs are recovered from it.
 */
export function regionalContactRecordsArchive(config: StackConfig, providers: StackProviders, here: string, peer: string, streams: ArchivedStreams): ContactRecordsArchive {
  return new ContactRecordsArchive(
    "contact-records",
    {
      ...vaultPairArgs(config, providers, peer),
      contactTraceRecordsStreamArn: streams.contactTraceRecordsStreamArn,
      agentEventsStreamArn: streams.agentEventsStreamArn,
      streamKeyArn: streams.kmsKeyArn,
    },
    { provider: providers.get("workload", here) },
  );
}

/**
 * The VPC of this Region in the network account, when `connect-dr:vpc` is set (awsx.ec2.Vpc inside
 * `RegionalVpc`): its private subnets are shared with the workload account for the Connect-facing
 * functions, and with a private Direct Connect virtual interface it carries the virtual private
 * gateway that Direct Connect and the VPN attach to.
 */
export function regionalVpc(config: StackConfig, providers: StackProviders, here: string): RegionalVpc | undefined {
  const vpc = config.vpc;
  if (!vpc) return undefined;
  const { network, workload } = config.accounts;
  const privateGateway = config.directConnect?.virtualInterfaceType === "private";
  return new RegionalVpc(
    "vpc",
    {
      region: here,
      accountId: network.id,
      cidrBlock: vpc.cidrBlock,
      availabilityZoneNames: vpc.availabilityZones,
      natGateways: vpc.natGateways,
      ...(vpc.interfaceEndpoints ? { interfaceEndpoints: vpc.interfaceEndpoints } : {}),
      vpnGateway: privateGateway,
      ...(privateGateway && vpc.vpnGatewayAmazonSideAsn !== undefined ? { vpnGatewayAmazonSideAsn: vpc.vpnGatewayAmazonSideAsn } : {}),
      shareWithAccountIds: workload.id === network.id ? [] : [workload.id],
      ...(vpc.flowLogRetentionDays !== undefined ? { flowLogRetentionDays: vpc.flowLogRetentionDays } : {}),
      tags: config.tags,
    },
    { provider: providers.get("network", here) },
  );
}

/** Where this Region's Connect-facing functions run: the VPC's private subnets, owned by the network account. */
export function lambdaVpc(config: StackConfig, vpc: RegionalVpc | undefined): LambdaVpcArgs | undefined {
  return vpc ? { vpcId: vpc.vpcId, subnetIds: vpc.privateSubnetIds, subnetOwnerAccountId: config.accounts.network.id } : undefined;
}

/** Direct Connect to this Region in the network account, when configured; a private VIF attaches to the VPC's gateway when there is one. */
export function regionalDirectConnect(config: StackConfig, providers: StackProviders, here: string, vpc?: RegionalVpc): DirectConnectFailover | undefined {
  const dx = config.directConnect;
  if (!dx) return undefined;
  return new DirectConnectFailover(
    "network",
    {
      connectionId: dx.connectionId,
      virtualInterfaceType: dx.virtualInterfaceType,
      vlan: dx.vlan,
      customerBgpAsn: dx.customerBgpAsn,
      ...(dx.gatewayId !== undefined ? { directConnectGatewayId: dx.gatewayId } : {}),
      ...(dx.amazonSideAsn !== undefined ? { directConnectGatewayAmazonSideAsn: dx.amazonSideAsn } : {}),
      ...(vpc?.vpnGatewayId ? { vpnGatewayId: vpc.vpnGatewayId } : dx.vpnGatewayId !== undefined ? { vpnGatewayId: dx.vpnGatewayId } : {}),
      ...(dx.transitGatewayId !== undefined ? { transitGatewayId: dx.transitGatewayId } : {}),
      allowedPrefixes: dx.allowedPrefixes,
      customerGatewayIpAddress: dx.vpnBackup.customerGatewayIp,
      vpnCustomerBgpAsn: dx.vpnBackup.bgpAsn,
    },
    { provider: providers.get("network", here) },
  );
}

/** The outputs both roles export for their regional pieces. */
export function regionalOutputs(recordings: ReplicatedRecordings, network: DirectConnectFailover | undefined, archive: ContactRecordsArchive, vpc?: RegionalVpc): Record<string, pulumi.Output<unknown>> {
  return {
    ...(vpc
      ? {
          vpcId: vpc.vpcId,
          vpcPrivateSubnetIds: vpc.privateSubnetIds,
          vpcFlowLogGroupArn: vpc.flowLogGroupArn,
          ...(vpc.vpnGatewayId ? { vpnGatewayId: vpc.vpnGatewayId } : {}),
        }
      : {}),
    contactRecordsBucketName: archive.sourceBucketName,
    contactRecordsKeyArn: archive.sourceKeyArn,
    contactRecordsReplicaBucketName: archive.destinationBucketName,
    contactRecordsReplicaKeyArn: archive.destinationKeyArn,
    recordingsBucketName: recordings.sourceBucketName,
    recordingsKeyArn: recordings.sourceKeyArn,
    recordingsReplicaBucketName: recordings.destinationBucketName,
    recordingsReplicaKeyArn: recordings.destinationKeyArn,
    ...(network
      ? {
          directConnectVirtualInterfaceId: network.virtualInterfaceId,
          directConnectGatewayId: network.directConnectGatewayId,
          vpnConnectionId: network.vpnConnectionId,
          vpnTunnelAddresses: network.tunnelAddresses,
        }
      : {}),
  };
}
