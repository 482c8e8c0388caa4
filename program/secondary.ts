import * as pulumi from "@pulumi/pulumi";
import type { StackConfig, TrafficDistributionConfig } from "./config";
import { CONNECT_ALARM_ROLES, ConnectRegion, connectAlarmName, crmFunctionName, EdgeEntry, FailoverAutomation, healthAlarmArn, GlobalContactTable, FailoverDns, type FailoverDnsEndpointArgs, InstanceReplica, PeerProbe, PhoneNumber, PhoneNumberFlows, TelephonyHealthChecks, TrafficDistributionGroup } from "../components";
import { federatedOperatorRolePatterns } from "../components/runtime";
import type { LambdaVpcArgs } from "../components/runtime";
import { PRIMARY_OUTPUTS } from "./primary";
import { ROUTE53_METRICS_REGION, edgeRegion, roleArnFor } from "./provider-plan";
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

/**
 * The secondary stack, deployed after the primary (it reads the primary's outputs; the primary reads
 * nothing from it, so there is no cycle). It owns the ACGR replica and its traffic distribution
 * group, what ACGR does not mirror in this Region (storage config, streams, Lambda/Lex associations,
 * key, logs, alarms: the replica ConnectRegion; the admin guide's "What resources are mirrored in
 * the replica instance" lists flows, queues, routing profiles, hours, users, security profiles,
 * quick connects, prompts and their associations, and says ReplicateInstance "does not synchronize
 * Lambda functions or Amazon Lex bots": https://docs.aws.amazon.com/connect/latest/adminguide/create-replica-connect-instance.html),
 * this Region's recordings and Direct Connect, the
 * global failover DNS, which needs both Regions' endpoints, and the failover automation of BOTH
 * Regions with its lock table: it needs the traffic distribution group this stack creates, so owning
 * it here keeps the primary free of references to the secondary.
 *
 * When configured, it also owns this Region's monitoring, Lambda auto scaling and CRM lookup
 * functions, and two global pieces:
 * - the SIP health checks of BOTH Regions (`TelephonyHealthChecks`: Route 53 is global, its
 *   HealthCheckStatus alarms live in us-east-1 on the network account's us-east-1 provider), next to
 *   the DNS failover it owns for the same reason;
 * - the CRM credential secrets, home in this Region, each with a replica in the primary Region
 *   encrypted with the primary's CRM key (read from the primary stack), so the primary's functions
 *   can decrypt it. Owning them in the primary would need this stack's key there: a cycle.
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
  // Required for the secondary stack by the config check: the group must carry numbers and agents.
  const groupConfig = config.trafficDistribution!;
  const traffic = new TrafficDistributionGroup(
    "traffic",
    { instanceArn: sourceInstanceArn, pair: [peer, here], roleArn: workloadRoleArn, phoneNumberIds: movedNumbers(groupConfig) },
    { dependsOn: [replica] },
  );
  const numbers = groupNumbers(groupConfig, traffic, [peer, here], sourceInstanceId, primary.requireOutput(PRIMARY_OUTPUTS.flowIds) as pulumi.Output<Record<string, string>>, workloadRoleArn);

  const recordings = regionalRecordings(config, providers, here, peer);
  // The replica keeps the source's instance id; waiting on the replica orders every child after it.
  const replicaInstanceId = pulumi.all([sourceInstanceId, replica.id]).apply(([id]) => id);
  const lambdaAliases = lambdaAliasAssociations(config);
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
      // With auto scaling, Connect invokes the alias that holds the provisioned concurrency.
      ...lambdaAliases.connectArgs,
      lexV2BotAliases: config.connect.lexV2BotAliases,
    },
    { provider: providers.get("workload", here), dependsOn: [replica] },
  );
  const vpc = regionalVpc(config, providers, here);
  const archive = regionalContactRecordsArchive(config, providers, here, peer, connect);
  const network = regionalDirectConnect(config, providers, here, vpc);
  const dns = failoverDns(config, providers, here);
  const telephony = telephonyHealthChecks(config, providers, here);
  const edge = edgeEntry(config, providers);
  const monitoring = regionalMonitoring(config, providers, here, {
    connectInstanceId: connect.instanceId,
    globalTable: { tableName: `${config.connect.instanceAlias}-dr-lock`, receivingRegions: [peer] },
    healthCheckIds: dnsAndSipHealthChecks(dns, telephony),
    // By ARN, before the alarm exists (a dashboard does not check): the health alarm watches this
    // Region's Lambda alarms, which notify the monitoring topic, so monitoring is declared first.
    failoverAlarmArns: [healthAlarmArn(here, config.accounts.workload.id)],
  });
  const scaling = regionalLambdaAutoScaling(config, providers, here, monitoring);
  lambdaAliases.resolve(scaling);
  const failover = failoverAutomation(config, providers, traffic, connect.instanceId, telephony, {
    [here]: {
      connect: CONNECT_ALARM_ROLES.map((role) => connect.alarmNames.apply((byRole) => byRole[role]!)),
      dependencies: scaling ? scaling.alarmNames : [],
    },
    [peer]: {
      connect: CONNECT_ALARM_ROLES.map((role) => (primary.requireOutput(PRIMARY_OUTPUTS.instanceAlias) as pulumi.Output<string>).apply((alias) => connectAlarmName(alias, role))),
      // The primary exports its Lambda alarms when it runs auto scaling; they exist before this stack.
      dependencies: primary.getOutput(PRIMARY_OUTPUTS.lambdaAlarmNames).apply((names) => (names ?? []) as string[]),
    },
  });
  // With connect-dr:vpc (set in both stacks), each Region's probe runs in that Region's VPC: this
  // stack's own, and the primary's by its exported subnets.
  const probeVpcs: Record<string, LambdaVpcArgs | undefined> = {
    [here]: lambdaVpc(config, vpc),
    [peer]: vpc
      ? {
          vpcId: primary.requireOutput(PRIMARY_OUTPUTS.vpcId) as pulumi.Output<string>,
          subnetIds: primary.requireOutput(PRIMARY_OUTPUTS.vpcPrivateSubnetIds) as pulumi.Output<string[]>,
          subnetOwnerAccountId: config.accounts.network.id,
        }
      : undefined,
  };
  const probes = peerProbes(config, providers, failover.automations, sourceInstanceId, probeVpcs);
  const crm = config.crm
    ? regionalCrm(config, providers, here, connect.instanceId, { replicaRegion: peer, replicaKmsKeyArn: primary.requireOutput(PRIMARY_OUTPUTS.crmKmsKeyArn) as pulumi.Output<string> }, lambdaVpc(config, vpc))
    : undefined;

  const lex = regionalLexBots(config, providers, here, connect.instanceArn);

  return {
    role: pulumi.output(config.role),
    region: pulumi.output(here),
    connectInstanceId: connect.instanceId,
    connectInstanceArn: connect.instanceArn,
    connectInstanceAlias: pulumi.output(config.connect.instanceAlias),
    connectKmsKeyArn: connect.kmsKeyArn,
    connectAlarmArns: connect.alarmArns,
    trafficDistributionGroupArn: traffic.arn,
    trafficDistributionPhoneNumbers: pulumi.output(numbers),
    peerProbeAlarmNames: pulumi.output(Object.fromEntries(probes.map((p) => [p.region, p.probe.alarmName]))),
    failoverLockTableName: failover.lock.tableName,
    failoverFunctionArns: pulumi.output(Object.fromEntries(failover.automations.map((a) => [a.region, a.automation.functionArn]))),
    failoverHealthAlarmNames: pulumi.output(Object.fromEntries(failover.automations.map((a) => [a.region, a.automation.healthAlarmName]))),
    failoverOperatorRoleArns: pulumi.output(Object.fromEntries(failover.automations.map((a) => [a.region, a.automation.operatorRoleArn]))),
    dnsRecordName: dns.fqdn,
    dnsHealthCheckIds: dns.healthCheckIds,
    dnsWorstCaseFailoverSeconds: dns.worstCaseFailoverSeconds,
    ...regionalOutputs(recordings, network, archive, vpc),
    ...optionalRegionalOutputs(monitoring, scaling, crm, lex),
    ...(edge ? { edgeDnsName: edge.dnsName, edgeLogBucketName: edge.logBucketName } : {}),
    ...(telephony ? { telephonyHealthCheckIds: telephony.healthCheckIds, telephonyAlarmNames: pulumi.output(telephony.alarmNamesByRegion) } : {}),
  };
}

/**
 * The entry point of the agent desktop and CRM web apps in front of both Regions' ALBs, when
 * `connect-dr:edge` is set: global, so this stack owns it, in the network account, with a provider in
 * the Region of the edge service's API.
 */
function edgeEntry(config: StackConfig, providers: StackProviders): EdgeEntry | undefined {
  const edge = config.edge;
  if (!edge) return undefined;
  return new EdgeEntry(
    "edge",
    { ...edge, accountId: config.accounts.network.id, tags: config.tags },
    { provider: providers.get("network", edgeRegion(edge.mode)) },
  );
}

/**
 * Route 53 TCP health checks on the SIP endpoints of both Regions, when `connect-dr:telephony` is set:
 * health checks on the network account's provider here (Route 53 is global), alarms on its us-east-1
 * provider, where HealthCheckStatus is published. No alarm actions: the monitoring topics live in the
 * workload account; the alarm names are exported for a us-east-1 composite alarm of the network account.
 */
function telephonyHealthChecks(config: StackConfig, providers: StackProviders, here: string): TelephonyHealthChecks | undefined {
  const telephony = config.telephony;
  if (!telephony) return undefined;
  return new TelephonyHealthChecks(
    "telephony",
    {
      endpoints: telephony.endpoints,
      requestIntervalSeconds: telephony.requestIntervalSeconds,
      failureThreshold: telephony.failureThreshold,
      alarmProvider: providers.get("network", ROUTE53_METRICS_REGION),
    },
    { provider: providers.get("network", here) },
  );
}

/** Health check ids for the dashboard: `dns-<region>` for the failover record's, `sip-<region>-<endpoint>` for the trunks'. */
function dnsAndSipHealthChecks(dns: FailoverDns, telephony: TelephonyHealthChecks | undefined): pulumi.Output<Record<string, string>> {
  return pulumi.all([dns.healthCheckIds, telephony ? telephony.healthCheckIds : {}]).apply(([dnsIds, sipIds]) => ({
    ...Object.fromEntries(Object.entries(dnsIds as Record<string, string>).map(([region, id]) => [`dns-${region}`, id])),
    ...Object.fromEntries(
      Object.entries(sipIds as Record<string, Record<string, string>>).flatMap(([region, byEndpoint]) => Object.entries(byEndpoint).map(([endpoint, id]) => [`sip-${region}-${endpoint}`, id])),
    ),
  }));
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

/** A Region's health signals: its Connect alarms and the alarms of the dependencies its flows call. */
interface RegionHealthSignals {
  readonly connect: readonly pulumi.Input<string>[];
  readonly dependencies: pulumi.Input<readonly string[]>;
}

/**
 * Automated failover in both Regions (only the Region that survives can act), sharing one DR lock and
 * audit table (a global table: home here, replica in the primary Region). Each Region's health
 * composite alarm watches that Region's signals. A composite alarm can only be created once the
 * alarms it names exist: this Region's are passed through their resources' outputs, the primary
 * Region's exist since the primary stack was deployed.
 */
function failoverAutomation(
  config: StackConfig,
  providers: StackProviders,
  traffic: TrafficDistributionGroup,
  connectInstanceId: pulumi.Input<string>,
  telephony: TelephonyHealthChecks | undefined,
  signals: Readonly<Record<string, RegionHealthSignals>>,
) {
  const here = config.secondaryRegion;
  const peer = config.primaryRegion;
  const pair: [string, string] = [config.primaryRegion, config.secondaryRegion];
  const accountId = config.accounts.workload.id;
  const crmKinds = (["salesforce", "servicenow"] as const).filter((kind) => config.crm?.[kind]);
  const lock = new GlobalContactTable(
    "dr-lock",
    {
      region: here,
      replicaProviders: { [peer]: providers.get("workload", peer) },
      tableName: `${config.connect.instanceAlias}-dr-lock`,
      hashKey: "pk",
      rangeKey: "sk",
      rangeKeyType: "S",
    },
    { provider: providers.get("workload", here) },
  );
  const automations = pair.map((region) => ({
    region,
    automation: new FailoverAutomation(
      `failover-${region}`,
      {
        region,
        pair,
        accountId,
        trafficDistributionGroupArn: traffic.arn,
        healthSignalAlarmNames: signals[region]!.connect,
        dependencyAlarmNames: signals[region]!.dependencies,
        lockTableName: lock.tableName,
        lockTableArn: pulumi.interpolate`arn:aws:dynamodb:${region}:${accountId}:table/${lock.tableName}`,
        lockTableKmsKeyArn: lock.keyArns.apply((keys) => keys[region]),
        ...(config.failoverOperators ? { operatorFederatedRoleArnPatterns: federatedOperatorRolePatterns(accountId, config.failoverOperators) } : {}),
        // What `connect-dr validate` and `drill` read with the operator role.
        operatorValidation: {
          connectInstanceId,
          associatedFunctionNames: [
            // ConnectRegion associates the alias holding provisioned concurrency when auto scaling is on.
            ...config.connect.lambdaFunctionNames.map((n) => (config.lambdaAutoScaling ? `${n}:${config.lambdaAutoScaling.aliasName}` : n)),
            ...crmKinds.map(crmFunctionName),
          ],
          healthCheckFunctionNames: crmKinds.map(crmFunctionName),
          ...(telephony ? { sipHealthCheckIds: telephony.healthCheckIds.apply((byRegion) => Object.values(byRegion).flatMap((ids) => Object.values(ids))) } : {}),
        },
      },
      { provider: providers.get("workload", region) },
    ),
  }));
  return { lock, automations };
}

/** The numbers the config moves into the group (E.164 or ARN): the group's `phoneNumberIds`. */
function movedNumbers(group: TrafficDistributionConfig): string[] {
  return Object.values(group.phoneNumbers).flatMap((n) => (n.move !== undefined ? [n.move] : []));
}

/**
 * The group's numbers: one `PhoneNumber` per number claimed into it, one `PhoneNumberFlows` per number
 * moved into it (after the group's move), each answering with its flow in both Regions. The flow is
 * named in config and resolved from the primary stack's flow ids (ACGR keeps them in the replica).
 * @returns key -> the number (E.164 once claimed; as configured when moved)
 */
function groupNumbers(
  group: TrafficDistributionConfig,
  traffic: TrafficDistributionGroup,
  pair: [string, string],
  instanceId: pulumi.Output<string>,
  flowIds: pulumi.Output<Record<string, string>>,
  roleArn: string,
): Record<string, pulumi.Output<string>> {
  const numbers: Record<string, pulumi.Output<string>> = {};
  for (const [key, entry] of Object.entries(group.phoneNumbers)) {
    const contactFlowId = flowIds.apply((ids) => ids?.[entry.flow] ?? "");
    if (entry.claim) {
      const claimed = new PhoneNumber(`number-${key}`, {
        targetArn: traffic.arn,
        pair,
        instanceId,
        countryCode: entry.claim.countryCode,
        type: entry.claim.type,
        ...(entry.claim.prefix ? { prefix: entry.claim.prefix } : {}),
        ...(entry.description ? { description: entry.description } : {}),
        contactFlowId,
        flowName: entry.flow,
        roleArn,
      });
      numbers[key] = claimed.phoneNumber;
    } else if (entry.move) {
      new PhoneNumberFlows(`number-${key}-flows`, { trafficDistributionGroupArn: traffic.arn, pair, phoneNumber: entry.move, instanceId, contactFlowId, flowName: entry.flow, roleArn }, { dependsOn: [traffic] });
      numbers[key] = pulumi.output(entry.move);
    }
  }
  return numbers;
}

/**
 * The dark-Region detector in each Region: a probe of the PEER's Connect API and SIP endpoints (the
 * peer's entries of connect-dr:telephony), whose liveness alarm invokes this Region's failover
 * handler. The secondary stack owns it for both Regions, like the failover automation it triggers.
 */
function peerProbes(
  config: StackConfig,
  providers: StackProviders,
  automations: readonly { region: string; automation: FailoverAutomation }[],
  instanceId: pulumi.Output<string>,
  vpcs: Readonly<Record<string, LambdaVpcArgs | undefined>>,
) {
  const pair: [string, string] = [config.primaryRegion, config.secondaryRegion];
  return automations.map(({ region, automation }) => {
    const peer = region === pair[0] ? pair[1] : pair[0];
    const sipEndpoints = Object.entries(config.telephony?.endpoints[peer] ?? {}).map(([name, e]) => ({ name, host: (e.fqdn ?? e.ipAddress)!, port: e.port }));
    const probe = new PeerProbe(
      `peer-probe-${region}`,
      {
        region,
        pair,
        accountId: config.accounts.workload.id,
        instanceId,
        sipEndpoints,
        datapointsToAlarm: config.peerProbe.datapointsToAlarm,
        evaluationPeriods: config.peerProbe.evaluationPeriods,
        timeoutMs: config.peerProbe.timeoutMs,
        failoverFunctionArn: automation.functionArn,
        failoverFunctionName: automation.functionName,
        kmsKeyArn: automation.kmsKeyArn,
        alarmTopicArn: automation.topicArn,
        ...(vpcs[region] ? { vpc: vpcs[region] } : {}),
      },
      { provider: providers.get("workload", region) },
    );
    return { region, probe };
  });
}
