import * as pulumi from "@pulumi/pulumi";
import type { StackConfig } from "../config";
import { DirectConnectFailover } from "../components/direct-connect-failover";
import { ReplicatedRecordings } from "../components/replicated-recordings";
import type { StackProviders } from "./providers";

/**
 * The pieces every stack owns for its own Region, whatever its role: call recordings replicated to
 * the backup vault in the other Region, and Direct Connect with its VPN backup.
 */

/**
 * Recordings of this Region: source bucket and key in the workload account here, replicas in the
 * backup-vault account in the other Region (so one Region's loss or one account's compromise does not
 * take both copies).
 */
export function regionalRecordings(config: StackConfig, providers: StackProviders, here: string, peer: string): ReplicatedRecordings {
  const { objectLock } = config.recordings;
  return new ReplicatedRecordings(
    "recordings",
    {
      sourceAccountId: config.accounts.workload.id,
      destinationAccountId: config.accounts.backupVault.id,
      replicaProvider: providers.get("backupVault", peer),
      retentionDays: config.recordings.retentionDays,
      destinationObjectLockEnabled: objectLock.enabled,
      ...(objectLock.enabled ? { destinationObjectLockMode: objectLock.mode, destinationObjectLockDays: objectLock.days } : {}),
      // Alarm as soon as replication lags past the recovery point objective.
      replicationLatencyThresholdSeconds: config.rpoSeconds,
    },
    { provider: providers.get("workload", here) },
  );
}

/** Direct Connect to this Region in the network account, when configured. */
export function regionalDirectConnect(config: StackConfig, providers: StackProviders, here: string): DirectConnectFailover | undefined {
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
      ...(dx.vpnGatewayId !== undefined ? { vpnGatewayId: dx.vpnGatewayId } : {}),
      ...(dx.transitGatewayId !== undefined ? { transitGatewayId: dx.transitGatewayId } : {}),
      allowedPrefixes: dx.allowedPrefixes,
      customerGatewayIpAddress: dx.vpnBackup.customerGatewayIp,
      vpnCustomerBgpAsn: dx.vpnBackup.bgpAsn,
    },
    { provider: providers.get("network", here) },
  );
}

/** The outputs both roles export for their regional pieces. */
export function regionalOutputs(recordings: ReplicatedRecordings, network: DirectConnectFailover | undefined): Record<string, pulumi.Output<unknown>> {
  return {
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
