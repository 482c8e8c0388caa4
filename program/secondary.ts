import * as pulumi from "@pulumi/pulumi";
import type { StackConfig } from "../config";
import { ConnectRegion } from "../components/connect-region";
import { FailoverDns, type FailoverDnsEndpointArgs } from "../components/failover-dns";
import { InstanceReplica } from "../components/instance-replica";
import { TrafficDistributionGroup } from "../components/traffic-distribution-group";
import { PRIMARY_OUTPUTS } from "./primary";
import { ROUTE53_METRICS_REGION, roleArnFor } from "./provider-plan";
import type { StackProviders } from "./providers";
import { regionalDirectConnect, regionalOutputs, regionalRecordings } from "./regional";

/**
 * The secondary stack, deployed after the primary (it reads the primary's outputs; the primary reads
 * nothing from it, so there is no cycle). It owns the ACGR replica and its traffic distribution
 * group, what ACGR does not mirror in this Region (storage config, streams, Lambda/Lex associations,
 * key, logs, alarms: the replica ConnectRegion), this Region's recordings and Direct Connect, and the
 * global failover DNS, which needs both Regions' endpoints.
 */
export function defineSecondary(config: StackConfig, providers: StackProviders): Record<string, pulumi.Output<unknown>> {
  const here = config.secondaryRegion;
  const peer = config.primaryRegion;
  const workloadRoleArn = roleArnFor(config.accounts.workload, here);

  const primary = new pulumi.StackReference("primary", { name: config.primaryStackName });
  const sourceInstanceId = primary.requireOutput(PRIMARY_OUTPUTS.instanceId) as pulumi.Output<string>;
  const sourceInstanceArn = primary.requireOutput(PRIMARY_OUTPUTS.instanceArn) as pulumi.Output<string>;

  // ReplicateInstance runs against the source Region with the workload account's role.
  const replica = new InstanceReplica("connect-replica", {
    sourceInstanceArn,
    sourceRegion: peer,
    replicaRegion: here,
    replicaAlias: config.connect.instanceAlias,
    roleArn: workloadRoleArn,
  });
  const traffic = new TrafficDistributionGroup(
    "traffic",
    { instanceArn: sourceInstanceArn, pair: [peer, here], roleArn: workloadRoleArn },
    { dependsOn: [replica] },
  );

  const recordings = regionalRecordings(config, providers, here, peer);
  // The replica keeps the source's instance id; waiting on the replica orders every child after it.
  const replicaInstanceId = pulumi.all([sourceInstanceId, replica.id]).apply(([id]) => id);
  const connect = new ConnectRegion(
    "connect",
    {
      region: here,
      accountId: config.accounts.workload.id,
      instanceAlias: config.connect.instanceAlias,
      instanceId: replicaInstanceId,
      manageRoutingConfiguration: false,
      recordingsBucketName: recordings.sourceBucketName,
      recordingsKmsKeyArn: recordings.sourceKeyArn,
      lambdaFunctionNames: config.connect.lambdaFunctionNames,
      lexV2BotAliases: config.connect.lexV2BotAliases,
    },
    { provider: providers.get("workload", here), dependsOn: [replica] },
  );
  const network = regionalDirectConnect(config, providers, here);
  const dns = failoverDns(config, providers, here);

  return {
    role: pulumi.output(config.role),
    region: pulumi.output(here),
    connectInstanceId: connect.instanceId,
    connectInstanceArn: connect.instanceArn,
    connectInstanceAlias: pulumi.output(config.connect.instanceAlias),
    connectKmsKeyArn: connect.kmsKeyArn,
    connectAlarmArns: connect.alarmArns,
    trafficDistributionGroupArn: traffic.arn,
    dnsRecordName: dns.fqdn,
    dnsHealthCheckIds: dns.healthCheckIds,
    dnsWorstCaseFailoverSeconds: dns.worstCaseFailoverSeconds,
    ...regionalOutputs(recordings, network),
  };
}

/**
 * Failover CNAME in the network account: the primary Region's endpoint while healthy, else the
 * secondary's. Health-check alarms live in us-east-1, where Route 53 publishes its metrics.
 */
function failoverDns(config: StackConfig, providers: StackProviders, here: string): FailoverDns {
  const { dns } = config;
  const endpoint = (region: string, failover: "PRIMARY" | "SECONDARY"): FailoverDnsEndpointArgs => {
    const host = dns.endpoints[region];
    const healthCheck =
      dns.healthCheck.type === "HTTPS"
        ? { type: "HTTPS" as const, fqdn: host, resourcePath: dns.healthCheck.resourcePath, port: dns.healthCheck.port }
        : { type: "TCP" as const, fqdn: host, port: dns.healthCheck.port };
    return { failover, records: [host], healthCheck };
  };
  return new FailoverDns(
    "dns",
    {
      hostedZoneId: dns.hostedZoneId,
      recordName: dns.recordName.replace(/\.$/, ""),
      recordType: "CNAME",
      routingPolicy: "failover",
      endpoints: {
        [config.primaryRegion]: endpoint(config.primaryRegion, "PRIMARY"),
        [config.secondaryRegion]: endpoint(config.secondaryRegion, "SECONDARY"),
      },
      requestIntervalSeconds: dns.healthCheck.requestIntervalSeconds,
      failureThreshold: dns.healthCheck.failureThreshold,
      ttlSeconds: dns.ttlSeconds,
      alarmProvider: providers.get("network", ROUTE53_METRICS_REGION),
    },
    { provider: providers.get("network", here) },
  );
}
