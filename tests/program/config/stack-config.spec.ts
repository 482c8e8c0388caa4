import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as path from "node:path";
import { StackConfigError, checkStackConfig, formatProblem, parseStackConfig, rawConfigFromMap, readStackFileConfig } from "../../../program/config";
import { validRawConfig, validTrafficDistribution } from "./valid-config";

/** The one problem line a broken config gives (fails the test when there is not exactly one). */
function onlyLine(raw: Record<string, unknown>): string {
  const { problems } = checkStackConfig(raw);
  expect(problems.map(formatProblem), "exactly one problem").to.have.length(1);
  return formatProblem(problems[0]);
}

function setAt(raw: Record<string, any>, path: (string | number)[], value: unknown): Record<string, any> {
  let target = raw;
  for (const key of path.slice(0, -1)) target = target[key];
  const last = path[path.length - 1];
  if (value === undefined) delete target[last];
  else target[last] = value;
  return raw;
}

describe("config: parseStackConfig", () => {
  it("accepts the valid config and applies every default", () => {
    const config = parseStackConfig(validRawConfig());
    expect(config.primaryStackName).to.equal("organization/connect-dr/primary");
    expect(config.rpoSeconds).to.equal(900);
    expect(config.rtoSeconds).to.equal(1800);
    expect(config.complianceFrameworks).to.deep.equal([]);
    expect(config.connect.identityManagementType).to.equal("SAML");
    expect(config.connect.inboundCallsEnabled).to.equal(true);
    expect(config.connect.outboundCallsEnabled).to.equal(true);
    expect(config.connect.routingProfiles[0].queues[0].delaySeconds).to.equal(0);
    expect(config.recordings.objectLock).to.deep.equal({ enabled: true, mode: "COMPLIANCE", days: 90 });
    expect(config.dns.ttlSeconds).to.equal(60);
    expect(config.dns.healthCheck).to.deep.equal({ type: "HTTPS", resourcePath: "/health", port: 443, requestIntervalSeconds: 30, failureThreshold: 3 });
    expect(config.directConnect?.amazonSideAsn).to.equal(64600);
    expect(config.directConnect?.virtualInterfaceType).to.equal("private");
  });

  // Each row breaks one key and expects exactly its line: path, value found and what is allowed.
  const cases: { title: string; path: (string | number)[]; value: unknown; line: string }[] = [
    { title: "unknown role", path: ["role"], value: "tertiary", line: `connect-dr:role: found "tertiary"; allowed: "primary" or "secondary"` },
    { title: "missing role", path: ["role"], value: undefined, line: `connect-dr:role: found nothing (key not set); allowed: "primary" or "secondary"` },
    { title: "malformed Region", path: ["primaryRegion"], value: "US East", line: `connect-dr:primaryRegion: found "US East"; allowed: an AWS Region code such as us-east-1` },
    {
      title: "same Region twice",
      path: ["secondaryRegion"],
      value: "us-east-1",
      line: `connect-dr:secondaryRegion: found "us-east-1"; allowed: a Region different from the primary Region (us-east-1); ACGR pairs: us-east-1 -> us-west-2, us-west-2 -> us-east-1, eu-central-1 -> eu-west-2, eu-west-2 -> eu-central-1, ap-northeast-1 -> ap-northeast-3`,
    },
    { title: "stack name without organization", path: ["primaryStackName"], value: "primary", line: `connect-dr:primaryStackName: found "primary"; allowed: a fully qualified stack name <organization>/<project>/<stack>` },
    { title: "RPO below the S3 RTC bound", path: ["rpoSeconds"], value: 60, line: `connect-dr:rpoSeconds: found 60; allowed: at least 900 (S3 Replication Time Control replicates 99.99% of recordings within 15 minutes)` },
    { title: "RPO as text", path: ["rpoSeconds"], value: "soon", line: `connect-dr:rpoSeconds: found "soon"; allowed: a whole number of seconds` },
    { title: "RTO shorter than DNS failover", path: ["rtoSeconds"], value: 120, line: `connect-dr:rtoSeconds: found 120; allowed: at least 150 (DNS failover alone takes 30 s x 3 checks + 60 s TTL)` },
    { title: "unknown framework", path: ["complianceFrameworks"], value: ["sox"], line: `connect-dr:complianceFrameworks[0]: found "sox"; allowed: one of "gdpr", "hipaa" or "pci"` },
    {
      title: "GDPR without allowed Regions",
      path: ["complianceFrameworks"],
      value: ["gdpr"],
      line: `connect-dr:gdprAllowedRegions: found nothing (key not set); allowed: a list of Regions that includes both DR Regions (us-east-1, us-west-2), because gdpr is in complianceFrameworks`,
    },
    { title: "short account id", path: ["accounts", "workload", "id"], value: "1111", line: `connect-dr:accounts.workload.id: found "1111"; allowed: a 12-digit AWS account id, as a quoted string` },
    { title: "account id as a number", path: ["accounts", "network", "id"], value: 444455556666, line: `connect-dr:accounts.network.id: found 444455556666; allowed: a 12-digit AWS account id, as a quoted string` },
    {
      title: "bad role name",
      path: ["accounts", "workload", "role"],
      value: "role with spaces",
      line: `connect-dr:accounts.workload.role: found "role with spaces"; allowed: an IAM role name (letters, digits and +=,.@_-, at most 64) or a role ARN arn:aws:iam::<account>:role/<name>`,
    },
    {
      title: "role ARN in another account",
      path: ["accounts", "workload", "role"],
      value: "arn:aws:iam::999999999999:role/Deployer",
      line: `connect-dr:accounts.workload.role: found "arn:aws:iam::999999999999:role/Deployer"; allowed: a role name, or a role ARN in account 111122223333 (accounts.workload.id)`,
    },
    { title: "missing account", path: ["accounts", "backupVault"], value: undefined, line: `connect-dr:accounts.backupVault: found nothing (key not set); allowed: a map of keys (required)` },
    {
      title: "workload in the management account",
      path: ["accounts", "workload", "id"],
      value: "123456789012",
      line: `connect-dr:accounts.workload.id: found "123456789012"; allowed: an account other than the management account (SCPs do not apply to the management account)`,
    },
    {
      title: "backup vault in the workload account",
      path: ["accounts", "backupVault", "id"],
      value: "111122223333",
      line: `connect-dr:accounts.backupVault.id: found "111122223333"; allowed: an account other than the workload account (the vault must survive a compromised workload account)`,
    },
    {
      title: "misspelt account key",
      path: ["accounts", "workload", "roleArn"],
      value: "x",
      line: `connect-dr:accounts.workload.roleArn: found "x"; allowed: no such key here; known keys: id, role`,
    },
    // The rules of the Connect API reference's DirectoryAlias (InstanceAlias, ReplicaAlias): length 1-45, ^(?!d-)([\da-zA-Z]+)([-]*[\da-zA-Z])*$.
    ...([
      ["instance alias starting with d-", "d-1234"],
      ["instance alias too long", "a".repeat(46)],
      ["empty instance alias", ""],
      ["instance alias ending with a hyphen", "acme-"],
    ] as const).map(([title, value]) => ({
      title,
      path: ["connect", "instanceAlias"],
      value,
      line: `connect-dr:connect.instanceAlias: found ${JSON.stringify(value)}; allowed: 1-45 letters and digits, hyphens only between them, not starting with 'd-' (Amazon Connect's instance alias rules)`,
    })),
    {
      title: "identity management without SAML",
      path: ["connect", "identityManagementType"],
      value: "CONNECT_MANAGED",
      line: `connect-dr:connect.identityManagementType: found "CONNECT_MANAGED"; allowed: SAML (Amazon Connect Global Resiliency replicates only SAML instances; CONNECT_MANAGED and EXISTING_DIRECTORY cannot be replicated)`,
    },
    { title: "inbound calls as text", path: ["connect", "inboundCallsEnabled"], value: "yes", line: `connect-dr:connect.inboundCallsEnabled: found "yes"; allowed: a boolean (true or false)` },
    {
      title: "unknown time zone",
      path: ["connect", "hoursOfOperation", 0, "timeZone"],
      value: "Mars/Olympus",
      line: `connect-dr:connect.hoursOfOperation[0].timeZone: found "Mars/Olympus"; allowed: an IANA time zone such as America/New_York or Europe/London`,
    },
    { title: "bad clock time", path: ["connect", "hoursOfOperation", 0, "config", 0, "endTime"], value: "25:00", line: `connect-dr:connect.hoursOfOperation[0].config[0].endTime: found "25:00"; allowed: a 24-hour time HH:MM, 00:00 to 23:59` },
    {
      title: "bad day",
      path: ["connect", "hoursOfOperation", 0, "config", 0, "day"],
      value: "FUNDAY",
      line: `connect-dr:connect.hoursOfOperation[0].config[0].day: found "FUNDAY"; allowed: one of "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY" or "SUNDAY"`,
    },
    { title: "queue naming unknown hours", path: ["connect", "queues", 1, "hoursOfOperation"], value: "Weekend", line: `connect-dr:connect.queues[1].hoursOfOperation: found "Weekend"; allowed: the name of one of connect.hoursOfOperation: "Office"` },
    { title: "negative max contacts", path: ["connect", "queues", 0, "maxContacts"], value: -1, line: `connect-dr:connect.queues[0].maxContacts: found -1; allowed: at least 0` },
    { title: "duplicate queue name", path: ["connect", "queues", 2], value: { name: "Sales", hoursOfOperation: "Office" }, line: `connect-dr:connect.queues[2].name: found "Sales"; allowed: a name not used by another entry of connect.queues` },
    {
      title: "queue names equal up to case and punctuation",
      path: ["connect", "queues", 2],
      value: { name: "SUPPORT!", hoursOfOperation: "Office" },
      line: `connect-dr:connect.queues[2].name: found "SUPPORT!"; allowed: a name not used by another entry of connect.queues (names equal up to case and punctuation collide: "Support")`,
    },
    {
      title: "routing profile naming an unknown default queue",
      path: ["connect", "routingProfiles", 0, "defaultOutboundQueue"],
      value: "Refunds",
      line: `connect-dr:connect.routingProfiles[0].defaultOutboundQueue: found "Refunds"; allowed: the name of one of connect.queues: "Sales" or "Support"`,
    },
    {
      title: "routing profile naming an unknown queue",
      path: ["connect", "routingProfiles", 0, "queues", 1, "queue"],
      value: "Refunds",
      line: `connect-dr:connect.routingProfiles[0].queues[1].queue: found "Refunds"; allowed: the name of one of connect.queues: "Sales" or "Support"`,
    },
    { title: "priority out of range", path: ["connect", "routingProfiles", 0, "queues", 0, "priority"], value: 100, line: `connect-dr:connect.routingProfiles[0].queues[0].priority: found 100; allowed: at most 99` },
    {
      title: "queue on a channel without concurrency",
      path: ["connect", "routingProfiles", 0, "queues", 1, "channel"],
      value: "TASK",
      line: `connect-dr:connect.routingProfiles[0].queues[1].channel: found "TASK"; allowed: a channel this routing profile has a media concurrency for: "VOICE" or "CHAT"`,
    },
    {
      title: "voice concurrency above 1",
      path: ["connect", "routingProfiles", 0, "mediaConcurrencies", 0, "concurrency"],
      value: 2,
      line: `connect-dr:connect.routingProfiles[0].mediaConcurrencies[0].concurrency: found 2; allowed: 1 (an agent takes one voice contact at a time)`,
    },
    { title: "chat concurrency above 10", path: ["connect", "routingProfiles", 0, "mediaConcurrencies", 1, "concurrency"], value: 11, line: `connect-dr:connect.routingProfiles[0].mediaConcurrencies[1].concurrency: found 11; allowed: at most 10` },
    { title: "routing profile without description", path: ["connect", "routingProfiles", 0, "description"], value: undefined, line: `connect-dr:connect.routingProfiles[0].description: found nothing (key not set); allowed: a string (required)` },
    {
      title: "flow type unknown",
      path: ["connect", "flows", 0, "type"],
      value: "IVR",
      line: `connect-dr:connect.flows[0].type: found "IVR"; allowed: one of "CONTACT_FLOW", "CUSTOMER_QUEUE", "CUSTOMER_HOLD", "CUSTOMER_WHISPER", "AGENT_HOLD", "AGENT_WHISPER", "OUTBOUND_WHISPER", "AGENT_TRANSFER" or "QUEUE_TRANSFER"`,
    },
    {
      title: "flow path escaping the project",
      path: ["connect", "flows", 0, "path"],
      value: "../secrets/flow.json",
      line: `connect-dr:connect.flows[0].path: found "../secrets/flow.json"; allowed: a path relative to the project folder, with forward slashes, no '..', ending in .json`,
    },
    {
      title: "Lambda ARN instead of name",
      path: ["connect", "lambdaFunctionNames", 0],
      value: "arn:aws:lambda:us-east-1:111122223333:function:lookup",
      line: `connect-dr:connect.lambdaFunctionNames[0]: found "arn:aws:lambda:us-east-1:111122223333:function:lookup"; allowed: a Lambda function name (letters, digits, - and _, at most 64), the same in both Regions`,
    },
    { title: "retention of zero days", path: ["recordings", "retentionDays"], value: 0, line: `connect-dr:recordings.retentionDays: found 0; allowed: at least 1` },
    { title: "Object Lock longer than retention", path: ["recordings", "objectLock"], value: { days: 91 }, line: `connect-dr:recordings.objectLock.days: found 91; allowed: at most recordings.retentionDays (90)` },
    { title: "Object Lock mode unknown", path: ["recordings", "objectLock"], value: { mode: "STRICT" }, line: `connect-dr:recordings.objectLock.mode: found "STRICT"; allowed: "COMPLIANCE" or "GOVERNANCE"` },
    { title: "hosted zone id", path: ["dns", "hostedZoneId"], value: "example.com", line: `connect-dr:dns.hostedZoneId: found "example.com"; allowed: a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ` },
    {
      title: "DNS endpoint missing for a DR Region",
      path: ["dns", "endpoints"],
      value: { "us-east-1": "east.example.com" },
      line: `connect-dr:dns.endpoints: found {"us-east-1":"east.example.com"}; allowed: exactly one host name for each DR Region: us-east-1 and us-west-2`,
    },
    { title: "DNS endpoint not a host name", path: ["dns", "endpoints"], value: { "us-east-1": "https://east", "us-west-2": "west.example.com" }, line: `connect-dr:dns.endpoints.us-east-1: found "https://east"; allowed: a lower-case fully qualified domain name such as contact.example.com` },
    { title: "record outside the zone", path: ["dns", "recordName"], value: "contact.example.org", line: `connect-dr:dns.recordName: found "contact.example.org"; allowed: a name inside the hosted zone example.com (e.g. contact.example.com)` },
    { title: "health check interval", path: ["dns", "healthCheck"], value: { requestIntervalSeconds: 15 }, line: `connect-dr:dns.healthCheck.requestIntervalSeconds: found 15; allowed: 10 or 30 (Route 53's only intervals)` },
    { title: "failure threshold", path: ["dns", "healthCheck"], value: { failureThreshold: 11 }, line: `connect-dr:dns.healthCheck.failureThreshold: found 11; allowed: at most 10` },
    { title: "TTL as text", path: ["dns", "ttlSeconds"], value: "60s", line: `connect-dr:dns.ttlSeconds: found "60s"; allowed: a whole number` },
    { title: "connection id", path: ["directConnect", "connectionId"], value: "dx-123", line: `connect-dr:directConnect.connectionId: found "dx-123"; allowed: an existing connection or LAG id such as dxcon-fg5678gh` },
    { title: "VLAN out of range", path: ["directConnect", "vlan"], value: 4095, line: `connect-dr:directConnect.vlan: found 4095; allowed: at most 4094` },
    { title: "public amazon-side ASN", path: ["directConnect", "amazonSideAsn"], value: 16509, line: `connect-dr:directConnect.amazonSideAsn: found 16509; allowed: a private ASN: 64512-65534 or 4200000000-4294967294` },
    { title: "BGP ASN equal on both sides", path: ["directConnect", "customerBgpAsn"], value: 64600, line: `connect-dr:directConnect.customerBgpAsn: found 64600; allowed: an ASN other than the gateway's Amazon-side ASN (64600)` },
    {
      title: "amazon-side ASN with an existing gateway",
      path: ["directConnect", "gatewayId"],
      value: "5f0d7c3e-1a2b-4c5d-8e9f-0123456789ab",
      line: `connect-dr:directConnect.amazonSideAsn: found 64600; allowed: nothing with directConnect.gatewayId (the existing gateway keeps its own ASN)`,
    },
    { title: "HTTP health checks", path: ["dns", "healthCheck"], value: { type: "HTTP" }, line: `connect-dr:dns.healthCheck.type: found "HTTP"; allowed: "HTTPS" or "TCP"` },
    { title: "private customer gateway IP", path: ["directConnect", "vpnBackup", "customerGatewayIp"], value: "10.1.2.3", line: `connect-dr:directConnect.vpnBackup.customerGatewayIp: found "10.1.2.3"; allowed: the public IPv4 address of the customer gateway` },
    {
      title: "virtual private gateway missing for a private interface",
      path: ["directConnect", "vpnGatewayId"],
      value: undefined,
      line: `connect-dr:directConnect.vpnGatewayId: found nothing (key not set); allowed: a gateway id (required with virtualInterfaceType private)`,
    },
    { title: "prefix with host bits", path: ["directConnect", "allowedPrefixes"], value: ["10.0.0.1/16"], line: `connect-dr:directConnect.allowedPrefixes[0]: found "10.0.0.1/16"; allowed: an IPv4 CIDR block such as 10.20.0.0/16` },
    {
      title: "Lex bot alias id",
      path: ["connect", "lexV2BotAliases", 0, "botAliasId"],
      value: "prod",
      line: `connect-dr:connect.lexV2BotAliases[0].botAliasId: found "prod"; allowed: a Lex V2 bot alias id: 10 upper-case letters or digits (TSTALIASID for the test alias)`,
    },
    { title: "customer gateway IP", path: ["directConnect", "vpnBackup", "customerGatewayIp"], value: "203.0.113.300", line: `connect-dr:directConnect.vpnBackup.customerGatewayIp: found "203.0.113.300"; allowed: the public IPv4 address of the customer gateway` },
    { title: "reserved tag prefix", path: ["tags"], value: { "aws:owner": "x" }, line: `connect-dr:tags.aws:owner: found "aws:owner"; allowed: a tag key not starting with aws: or connect-dr: (reserved)` },
    {
      title: "unknown top-level key",
      path: ["regions"],
      value: ["us-east-1"],
      line: `connect-dr:regions: found ["us-east-1"]; allowed: no such key; known keys: role, primaryRegion, secondaryRegion, primaryStackName, rpoSeconds, rtoSeconds, complianceFrameworks, gdprAllowedRegions, accounts, connect, recordings, dns, directConnect, vpc, monitoring, lambdaAutoScaling, telephony, crm, database, lexBots, edge, governance, failoverOperators, trafficDistribution, peerProbe, tags`,
    },
  ];

  // The optional keys of the composed components: each row sets one key (on top of a valid config) and
  // expects exactly its line. `role` secondary rows drop what ACGR mirrors so that only the key is wrong.
  const DB = {
    mode: "aurora-global",
    engine: "aurora-postgresql",
    engineVersion: "16.4",
    parameterGroupFamily: "aurora-postgresql16",
    identifier: "contact-data",
    instanceClass: "db.r6g.large",
    databaseName: "contactcentre",
    networks: {
      "us-east-1": { subnetIds: ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"], securityGroupIds: ["sg-0a1b2c3d4e5f60001"] },
      "us-west-2": { subnetIds: ["subnet-0a1b2c3d4e5f60003", "subnet-0a1b2c3d4e5f60004"], securityGroupIds: ["sg-0a1b2c3d4e5f60002"] },
    },
  };
  const SCALING = { maxProvisionedConcurrency: 10, functions: { lookup: { version: "3" } } };
  const SIP = { endpoints: { "us-east-1": { "carrier-a": { fqdn: "sbc.use1.example.net" } }, "us-west-2": { "carrier-a": { ipAddress: "93.184.216.34" } } } };
  const optionalCases: { title: string; secondary?: boolean; key: string; value: unknown; line: string }[] = [
    {
      title: "federated failover operators in the primary stack",
      key: "failoverOperators",
      value: { permissionSetNames: ["DrOperator"] },
      line: `connect-dr:failoverOperators: found {"permissionSetNames":["DrOperator"]}; allowed: nothing in the primary stack: the secondary stack owns the failover automation (and its operator roles) of both Regions`,
    },
    {
      title: "a permission set name over 32 characters",
      secondary: true,
      key: "failoverOperators",
      value: { permissionSetNames: ["d".repeat(33)] },
      line: `connect-dr:failoverOperators.permissionSetNames[0]: found "${"d".repeat(33)}"; allowed: an IAM Identity Center permission set name (letters, digits and +=,.@_-, at most 32)`,
    },
    {
      title: "federated failover operators naming no role",
      secondary: true,
      key: "failoverOperators",
      value: {},
      line: `connect-dr:failoverOperators: found {}; allowed: at least one permission set or SAML role (leave the key out to require MFA instead)`,
    },
    { title: "monitoring dashboard name with spaces", key: "monitoring", value: { dashboardName: "Contact centre" }, line: `connect-dr:monitoring.dashboardName: found "Contact centre"; allowed: letters, digits, - and _, at most 255 characters` },
    // Firehose's Splunk destination takes the HEC base URL (HECEndpoint) and adds the collector path itself.
    ...["http://hec.example.com:443", "https://http-inputs-firehose-acme.splunkcloud.com/services/collector/event"].map((hecUrl) => ({
      title: `Splunk HEC URL ${hecUrl}`,
      key: "monitoring",
      value: { splunk: { hecUrl } },
      line: `connect-dr:monitoring.splunk.hecUrl: found "${hecUrl}"; allowed: an https:// base URL without a path, such as https://http-inputs-firehose-acme.splunkcloud.com:443 (Firehose's Splunk destination adds the collector path)`,
    })),
    { title: "Dynatrace without endpoint", key: "monitoring", value: { dynatrace: {} }, line: `connect-dr:monitoring.dynatrace.endpointUrl: found nothing (key not set); allowed: a string (required)` },
    { title: "misspelt monitoring key", key: "monitoring", value: { dashboard: "x" }, line: `connect-dr:monitoring.dashboard: found "x"; allowed: no such key here; did you mean dashboardName? known keys: dashboardName, splunk, dynatrace` },
    {
      title: "auto scaling of a function flows do not call",
      key: "lambdaAutoScaling",
      value: { maxProvisionedConcurrency: 10, functions: { billing: { version: "3" } } },
      line: `connect-dr:lambdaAutoScaling.functions.billing: found "billing"; allowed: a function of connect.lambdaFunctionNames: "lookup"`,
    },
    {
      title: "auto scaling of $LATEST",
      key: "lambdaAutoScaling",
      value: { maxProvisionedConcurrency: 10, functions: { lookup: { version: "$LATEST" } } },
      line: `connect-dr:lambdaAutoScaling.functions.lookup.version: found "$LATEST"; allowed: a published version number as a quoted string such as "3" ($LATEST cannot have provisioned concurrency)`,
    },
    { title: "auto scaling without functions", key: "lambdaAutoScaling", value: { maxProvisionedConcurrency: 10, functions: {} }, line: `connect-dr:lambdaAutoScaling.functions: found {}; allowed: at least one function, keyed by its name` },
    { title: "auto scaling without a ceiling", key: "lambdaAutoScaling", value: { functions: { lookup: { version: "3" } } }, line: `connect-dr:lambdaAutoScaling.maxProvisionedConcurrency: found nothing (key not set); allowed: a whole number (required)` },
    {
      title: "auto scaling ceiling under the floor",
      key: "lambdaAutoScaling",
      value: { ...SCALING, minProvisionedConcurrency: 20 },
      line: `connect-dr:lambdaAutoScaling.maxProvisionedConcurrency: found 10; allowed: at least lambdaAutoScaling.minProvisionedConcurrency (20)`,
    },
    {
      title: "a function's floor over the ceiling",
      key: "lambdaAutoScaling",
      value: { maxProvisionedConcurrency: 10, functions: { lookup: { version: "3", minProvisionedConcurrency: 11 } } },
      line: `connect-dr:lambdaAutoScaling.functions.lookup.minProvisionedConcurrency: found 11; allowed: at most lambdaAutoScaling.maxProvisionedConcurrency (10)`,
    },
    { title: "target utilization above 0.9", key: "lambdaAutoScaling", value: { ...SCALING, targetUtilization: 0.95 }, line: `connect-dr:lambdaAutoScaling.targetUtilization: found 0.95; allowed: at most 0.9` },
    { title: "alias name of digits", key: "lambdaAutoScaling", value: { ...SCALING, aliasName: "42" }, line: `connect-dr:lambdaAutoScaling.aliasName: found "42"; allowed: letters, digits, - and _ (not only digits), at most 128 characters` },
    {
      title: "telephony in the primary stack",
      key: "telephony",
      value: SIP,
      line: `connect-dr:telephony: found {"endpoints":{"us-east-1":{"carrier-a":{"fqdn":"sbc.use1.example.net"}},"us-wes…; allowed: nothing in the primary stack: the secondary stack owns the SIP health checks of both Regions (Route 53 is global), so only its config lists them`,
    },
    {
      title: "SIP endpoints for one DR Region only",
      secondary: true,
      key: "telephony",
      value: { endpoints: { "us-east-1": SIP.endpoints["us-east-1"] } },
      line: `connect-dr:telephony.endpoints: found {"us-east-1":{"carrier-a":{"fqdn":"sbc.use1.example.net"}}}; allowed: SIP endpoints for each DR Region and no other: us-east-1 and us-west-2`,
    },
    {
      title: "a DR Region without SIP endpoints",
      secondary: true,
      key: "telephony",
      value: { endpoints: { ...SIP.endpoints, "us-west-2": {} } },
      line: `connect-dr:telephony.endpoints.us-west-2: found {}; allowed: at least one SIP endpoint, by name`,
    },
    {
      title: "a SIP endpoint with both address and host name",
      secondary: true,
      key: "telephony",
      value: { endpoints: { ...SIP.endpoints, "us-west-2": { "carrier-a": { ipAddress: "93.184.216.34", fqdn: "sbc.usw2.example.net" } } } },
      line: `connect-dr:telephony.endpoints.us-west-2.carrier-a: found {"ipAddress":"93.184.216.34","fqdn":"sbc.usw2.example.net"}; allowed: exactly one of ipAddress or fqdn`,
    },
    {
      title: "a private SIP address",
      secondary: true,
      key: "telephony",
      value: { endpoints: { ...SIP.endpoints, "us-west-2": { "carrier-a": { ipAddress: "10.0.0.5" } } } },
      line: `connect-dr:telephony.endpoints.us-west-2.carrier-a.ipAddress: found "10.0.0.5"; allowed: a public IPv4 address (Route 53 health checkers probe from the internet)`,
    },
    {
      title: "an upper-case SIP endpoint name",
      secondary: true,
      key: "telephony",
      value: { endpoints: { ...SIP.endpoints, "us-west-2": { CarrierA: { fqdn: "sbc.usw2.example.net" } } } },
      line: `connect-dr:telephony.endpoints.us-west-2.CarrierA: found "CarrierA"; allowed: an endpoint name of lower-case letters, digits and hyphens, at most 32 characters`,
    },
    { title: "a SIP check every 60 s", secondary: true, key: "telephony", value: { ...SIP, requestIntervalSeconds: 60 }, line: `connect-dr:telephony.requestIntervalSeconds: found 60; allowed: 10 or 30 (Route 53's only intervals)` },
    { title: "a CRM integration without a CRM", key: "crm", value: { logRetentionDays: 365 }, line: `connect-dr:crm: found {"logRetentionDays":365}; allowed: at least one of salesforce or servicenow (leave connect-dr:crm unset for no CRM integration)` },
    {
      title: "a Salesforce URL with a trailing slash",
      key: "crm",
      value: { salesforce: { instanceUrl: "https://acme.my.salesforce.com/" } },
      line: `connect-dr:crm.salesforce.instanceUrl: found "https://acme.my.salesforce.com/"; allowed: an HTTPS base URL such as https://acme.my.salesforce.com, no trailing slash`,
    },
    {
      title: "a ServiceNow URL on another domain",
      key: "crm",
      value: { servicenow: { instanceUrl: "https://acme.example.com" } },
      line: `connect-dr:crm.servicenow.instanceUrl: found "https://acme.example.com"; allowed: an HTTPS base URL such as https://acme.service-now.com, no trailing slash`,
    },
    { title: "a CRM timeout Connect cannot wait for", key: "crm", value: { salesforce: { instanceUrl: "https://acme.my.salesforce.com", timeoutMs: 5000 } }, line: `connect-dr:crm.salesforce.timeoutMs: found 5000; allowed: at most 3500` },
    {
      title: "CRM logs kept 30 days",
      key: "crm",
      value: { salesforce: { instanceUrl: "https://acme.my.salesforce.com" }, logRetentionDays: 30 },
      line: `connect-dr:crm.logRetentionDays: found 30; allowed: a CloudWatch Logs retention of at least a year: 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653`,
    },
    {
      title: "a database in the secondary stack",
      secondary: true,
      key: "database",
      value: DB,
      line: `connect-dr:database: found {"mode":"aurora-global","engine":"aurora-postgresql","engineVersion":"16.4","pa…; allowed: nothing in the secondary stack: the primary stack owns the database of both Regions (its secondary half on the workload provider of the secondary Region)`,
    },
    { title: "an RDS engine with Aurora", key: "database", value: { ...DB, engine: "postgres", parameterGroupFamily: "postgres16" }, line: `connect-dr:database.engine: found "postgres"; allowed: with mode aurora-global: "aurora-postgresql" or "aurora-mysql"` },
    { title: "an unknown database engine", key: "database", value: { ...DB, engine: "oracle-ee" }, line: `connect-dr:database.engine: found "oracle-ee"; allowed: one of "aurora-postgresql", "aurora-mysql", "postgres" or "mysql"` },
    { title: "a parameter group of another engine", key: "database", value: { ...DB, parameterGroupFamily: "aurora-mysql8.0" }, line: `connect-dr:database.parameterGroupFamily: found "aurora-mysql8.0"; allowed: a family of engine aurora-postgresql, such as aurora-postgresql16` },
    {
      title: "a database network for one Region only",
      key: "database",
      value: { ...DB, networks: { "us-east-1": DB.networks["us-east-1"] } },
      line: `connect-dr:database.networks: found {"us-east-1":{"subnetIds":["subnet-0a1b2c3d4e5f60001","subnet-0a1b2c3d4e5f60002…; allowed: a network for each DR Region and no other: us-east-1 and us-west-2`,
    },
    {
      title: "a database network with one subnet",
      key: "database",
      value: { ...DB, networks: { ...DB.networks, "us-west-2": { subnetIds: ["subnet-0a1b2c3d4e5f60003"], securityGroupIds: ["sg-0a1b2c3d4e5f60002"] } } },
      line: `connect-dr:database.networks.us-west-2.subnetIds: found ["subnet-0a1b2c3d4e5f60003"]; allowed: at least two subnets in different Availability Zones (a DB subnet group needs two)`,
    },
    { title: "storage with Aurora", key: "database", value: { ...DB, allocatedStorageGb: 100 }, line: `connect-dr:database.allocatedStorageGb: found 100; allowed: nothing with mode aurora-global (applies to mode rds-read-replica only)` },
    { title: "a reserved master user name", key: "database", value: { ...DB, masterUsername: "postgres" }, line: `connect-dr:database.masterUsername: found "postgres"; allowed: a name other than admin, postgres, rdsadmin or root (reserved)` },
    { title: "backups kept 3 days", key: "database", value: { ...DB, backupRetentionDays: 3 }, line: `connect-dr:database.backupRetentionDays: found 3; allowed: at least 7` },
    {
      title: "RDS storage ceiling under the allocation",
      key: "database",
      value: { ...DB, mode: "rds-read-replica", engine: "mysql", parameterGroupFamily: "mysql8.0", allocatedStorageGb: 500, maxAllocatedStorageGb: 400 },
      line: `connect-dr:database.maxAllocatedStorageGb: found 400; allowed: at least allocatedStorageGb (500)`,
    },
  ];

  /** The valid config, as the secondary stack's when asked (without what ACGR mirrors). */
  function baseConfig(secondary: boolean): Record<string, any> {
    const raw = validRawConfig();
    if (secondary) {
      raw.role = "secondary";
      for (const key of ["hoursOfOperation", "queues", "routingProfiles", "flows"]) delete raw.connect[key];
      raw.trafficDistribution = validTrafficDistribution();
    }
    return raw;
  }

  for (const c of optionalCases) {
    it(`reports ${c.title}`, () => {
      const raw = baseConfig(c.secondary ?? false);
      raw[c.key] = c.value;
      expect(onlyLine(raw)).to.equal(c.line);
    });
  }

  it("leaves every optional piece off when its key is absent", () => {
    const config = parseStackConfig(validRawConfig());
    expect([config.monitoring, config.lambdaAutoScaling, config.telephony, config.crm, config.database]).to.deep.equal([undefined, undefined, undefined, undefined, undefined]);
  });

  it("applies the components' documented defaults to the optional keys", () => {
    const raw = baseConfig(true);
    raw.monitoring = {};
    raw.lambdaAutoScaling = SCALING;
    raw.telephony = SIP;
    raw.crm = { servicenow: { instanceUrl: "https://acme.service-now.com" } };
    const config = parseStackConfig(raw);
    expect(config.monitoring).to.deep.equal({});
    expect(config.lambdaAutoScaling).to.deep.equal({
      functions: { lookup: { version: "3" } },
      aliasName: "live",
      minProvisionedConcurrency: 1,
      maxProvisionedConcurrency: 10,
      targetUtilization: 0.7,
      scaleInCooldownSeconds: 300,
      scaleOutCooldownSeconds: 60,
      throttlesThreshold: 1,
      errorsThreshold: 5,
    });
    expect(config.telephony).to.deep.equal({
      endpoints: { "us-east-1": { "carrier-a": { fqdn: "sbc.use1.example.net", port: 5061 } }, "us-west-2": { "carrier-a": { ipAddress: "93.184.216.34", port: 5061 } } },
      requestIntervalSeconds: 30,
      failureThreshold: 3,
    });
    expect(config.crm).to.deep.equal({ servicenow: { instanceUrl: "https://acme.service-now.com", timeoutMs: 2500 }, logRetentionDays: 365 });
  });

  it("applies RegionalDatabase's documented defaults to connect-dr:database", () => {
    const raw = validRawConfig();
    raw.database = DB;
    expect(parseStackConfig(raw).database).to.deep.equal({ ...DB, masterUsername: "connectdr_admin", backupRetentionDays: 14, performanceInsightsRetentionDays: 7, masterPasswordVersion: 1 });
  });

  it("reports problems in several optional keys in ONE error, with the rest of the config", () => {
    const raw = baseConfig(true);
    raw.rpoSeconds = 60;
    raw.lambdaAutoScaling = { maxProvisionedConcurrency: 0, functions: { billing: { version: "1" } } };
    raw.telephony = { endpoints: { "us-east-1": {} } };
    raw.crm = {};
    expect(checkStackConfig(raw).problems.map(formatProblem).sort()).to.deep.equal([
      `connect-dr:crm: found {}; allowed: at least one of salesforce or servicenow (leave connect-dr:crm unset for no CRM integration)`,
      `connect-dr:lambdaAutoScaling.functions.billing: found "billing"; allowed: a function of connect.lambdaFunctionNames: "lookup"`,
      `connect-dr:lambdaAutoScaling.maxProvisionedConcurrency: found 0; allowed: at least 1`,
      `connect-dr:rpoSeconds: found 60; allowed: at least 900 (S3 Replication Time Control replicates 99.99% of recordings within 15 minutes)`,
      `connect-dr:telephony.endpoints.us-east-1: found {}; allowed: at least one SIP endpoint, by name`,
      `connect-dr:telephony.endpoints: found {"us-east-1":{}}; allowed: SIP endpoints for each DR Region and no other: us-east-1 and us-west-2`,
    ]);
  });

  for (const c of cases) {
    it(`reports ${c.title}`, () => {
      expect(onlyLine(setAt(validRawConfig(), c.path, c.value))).to.equal(c.line);
    });
  }

  it("reports a secondary Region that is not the ACGR partner", () => {
    const raw = validRawConfig();
    raw.secondaryRegion = "eu-west-2";
    raw.dns.endpoints = { "us-east-1": "east.example.com", "eu-west-2": "west.example.com" };
    expect(onlyLine(raw)).to.equal(`connect-dr:secondaryRegion: found "eu-west-2"; allowed: the ACGR partner of us-east-1: us-west-2`);
  });

  it("accepts GDPR when both DR Regions are allowed", () => {
    const raw = validRawConfig();
    raw.complianceFrameworks = ["gdpr", "pci"];
    raw.gdprAllowedRegions = ["us-east-1", "us-west-2", "ca-central-1"];
    expect(checkStackConfig(raw).problems).to.deep.equal([]);
  });

  it("reports GDPR when one DR Region is outside the allowed Regions", () => {
    const raw = validRawConfig();
    raw.complianceFrameworks = ["gdpr"];
    raw.gdprAllowedRegions = ["us-east-1"];
    expect(onlyLine(raw)).to.equal(
      `connect-dr:gdprAllowedRegions: found ["us-east-1"]; allowed: a list of Regions that includes both DR Regions (us-east-1, us-west-2), because gdpr is in complianceFrameworks`,
    );
  });

  it("accepts the one-way pair ap-northeast-1 -> ap-northeast-3 and rejects its reverse", () => {
    const raw = validRawConfig();
    raw.dns.endpoints = { "ap-northeast-1": "tokyo.example.com", "ap-northeast-3": "osaka.example.com" };
    raw.primaryRegion = "ap-northeast-1";
    raw.secondaryRegion = "ap-northeast-3";
    expect(checkStackConfig(raw).problems).to.deep.equal([]);
    raw.primaryRegion = "ap-northeast-3";
    raw.secondaryRegion = "ap-northeast-1";
    expect(onlyLine(raw)).to.equal(
      `connect-dr:secondaryRegion: found "ap-northeast-1"; allowed: an ACGR pair (primary -> secondary): us-east-1 -> us-west-2, us-west-2 -> us-east-1, eu-central-1 -> eu-west-2, eu-west-2 -> eu-central-1, ap-northeast-1 -> ap-northeast-3`,
    );
  });

  it("requires hours, queues and routing profiles in the primary stack", () => {
    const raw = validRawConfig();
    delete raw.connect.queues;
    delete raw.connect.routingProfiles;
    expect(checkStackConfig(raw).problems.map(formatProblem)).to.deep.equal([
      `connect-dr:connect.queues: found nothing (key not set); allowed: a list of at least one entry (the primary stack creates connect.queues)`,
      `connect-dr:connect.routingProfiles: found nothing (key not set); allowed: a list of at least one entry (the primary stack creates connect.routingProfiles)`,
    ]);
  });

  it("rejects mirrored resources in the secondary stack, since ACGR owns them there", () => {
    const raw = validRawConfig();
    raw.role = "secondary";
    raw.trafficDistribution = validTrafficDistribution();
    const lines = checkStackConfig(raw).problems.map(formatProblem);
    expect(lines).to.have.length(4);
    expect(lines[0]).to.match(/^connect-dr:connect\.hoursOfOperation: found \[.*; allowed: nothing in the secondary stack: ACGR mirrors connect\.hoursOfOperation from the primary instance/);
    for (const key of ["hoursOfOperation", "queues", "routingProfiles", "flows"]) expect(lines.some((l) => l.startsWith(`connect-dr:connect.${key}: `))).to.equal(true, key);
    for (const key of ["hoursOfOperation", "queues", "routingProfiles", "flows"]) delete raw.connect[key];
    expect(checkStackConfig(raw).problems).to.deep.equal([]);
  });

  it("reports every problem of a config broken in many places in ONE RunError, one line each", () => {
    const raw = validRawConfig();
    raw.role = "tertiary";
    raw.accounts.workload.id = "12";
    raw.connect.queues[0].hoursOfOperation = "Weekend";
    raw.connect.routingProfiles[0].defaultOutboundQueue = "Refunds";
    raw.dns.healthCheck = { requestIntervalSeconds: 5 };
    raw.recordings.retentionDays = -3;
    raw.typo = true;
    let error: unknown;
    try {
      parseStackConfig(raw);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(StackConfigError);
    expect(pulumi.RunError.isInstance(error)).to.equal(true);
    expect((error as Error).message.split("\n")).to.deep.equal([
      "Stack configuration has 7 problems:",
      `  connect-dr:accounts.workload.id: found "12"; allowed: a 12-digit AWS account id, as a quoted string`,
      `  connect-dr:connect.queues[0].hoursOfOperation: found "Weekend"; allowed: the name of one of connect.hoursOfOperation: "Office"`,
      `  connect-dr:connect.routingProfiles[0].defaultOutboundQueue: found "Refunds"; allowed: the name of one of connect.queues: "Sales" or "Support"`,
      `  connect-dr:dns.healthCheck.requestIntervalSeconds: found 5; allowed: 10 or 30 (Route 53's only intervals)`,
      `  connect-dr:recordings.retentionDays: found -3; allowed: at least 1`,
      `  connect-dr:role: found "tertiary"; allowed: "primary" or "secondary"`,
      `  connect-dr:typo: found true; allowed: no such key; known keys: role, primaryRegion, secondaryRegion, primaryStackName, rpoSeconds, rtoSeconds, complianceFrameworks, gdprAllowedRegions, accounts, connect, recordings, dns, directConnect, vpc, monitoring, lambdaAutoScaling, telephony, crm, database, lexBots, edge, governance, failoverOperators, trafficDistribution, peerProbe, tags`,
    ]);
  });
});

describe("config: governance", () => {
  it("belongs to the primary stack only", () => {
    const secondary = readStackFileConfig("secondary", path.resolve(__dirname, "../../.."));
    secondary["connect-dr:governance"] = JSON.stringify({ targetIds: ["ou-a1b2-c3d4e5f6"] });
    const { problems } = checkStackConfig(rawConfigFromMap(secondary));
    expect(problems.map((p) => `${p.path}: ${p.allowed}`)).to.deep.equal([
      "connect-dr:governance: nothing in the secondary stack: the primary stack owns the organization's SCPs, so only its config lists them",
    ]);
  });

  it("names a target that is neither a root, an OU nor an account", () => {
    const primary = readStackFileConfig("primary", path.resolve(__dirname, "../../.."));
    primary["connect-dr:governance"] = JSON.stringify({ targetIds: ["engineering"] });
    const { problems } = checkStackConfig(rawConfigFromMap(primary));
    expect(problems.map((p) => [p.path, p.found, p.allowed])).to.deep.equal([
      ["connect-dr:governance.targetIds[0]", "engineering", "a root (r-...), an OU (ou-...-...) or a 12-digit member account id"],
    ]);
  });
});

describe("config: connect-dr:vpc", () => {
  const VPC = { cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] };
  /** A valid primary config with a VPC: its private Direct Connect interface uses the VPC's own gateway. */
  const withVpc = (vpc: Record<string, unknown> = VPC) => {
    const raw = setAt(validRawConfig(), ["vpc"], vpc);
    delete raw.directConnect.vpnGatewayId;
    return raw;
  };

  it("accepts a VPC whose block an allowed prefix covers, with defaults applied", () => {
    const { config, problems } = checkStackConfig(withVpc());
    expect(problems).to.deep.equal([]);
    expect(config!.vpc).to.deep.equal({ ...VPC, natGateways: "OnePerAz" });
  });

  const cases: { title: string; raw: () => Record<string, any>; line: string }[] = [
    {
      title: "a gateway id besides the VPC's own",
      raw: () => setAt(withVpc(), ["directConnect", "vpnGatewayId"], "vgw-0123456789abcdef0"),
      line: `connect-dr:directConnect.vpnGatewayId: found "vgw-0123456789abcdef0"; allowed: nothing with connect-dr:vpc: the VPC's own virtual private gateway is used`,
    },
    {
      title: "a zone of the other Region",
      raw: () => withVpc({ ...VPC, availabilityZones: ["us-east-1a", "us-west-2b"] }),
      line: `connect-dr:vpc.availabilityZones[1]: found "us-west-2b"; allowed: a zone of this stack's Region us-east-1, such as us-east-1a`,
    },
    {
      title: "a block no allowed prefix covers (AWS provisions the whole VPC block on the gateway)",
      raw: () => withVpc({ ...VPC, cidrBlock: "10.1.0.0/16" }),
      line: `connect-dr:directConnect.allowedPrefixes: found ["10.0.0.0/16"]; allowed: a prefix equal to or wider than the VPC's block 10.1.0.0/16 (connect-dr:vpc.cidrBlock)`,
    },
    { title: "a public block", raw: () => withVpc({ ...VPC, cidrBlock: "52.0.0.0/16" }), line: `connect-dr:vpc.cidrBlock: found "52.0.0.0/16"; allowed: an RFC 1918 IPv4 block from /16 to /22, such as 10.40.0.0/16` },
    { title: "one zone", raw: () => withVpc({ ...VPC, availabilityZones: ["us-east-1a"] }), line: `connect-dr:vpc.availabilityZones: found ["us-east-1a"]; allowed: at least two zones` },
    {
      title: "a flow-log retention under a year",
      raw: () => withVpc({ ...VPC, flowLogRetentionDays: 90 }),
      line: `connect-dr:vpc.flowLogRetentionDays: found 90; allowed: a CloudWatch Logs retention of at least 365 days: 365, 400`,
    },
    { title: "an endpoint service the VPC does not offer", raw: () => withVpc({ ...VPC, interfaceEndpoints: ["s3"] }), line: `connect-dr:vpc.interfaceEndpoints[0]` },
  ];
  for (const { title, raw, line } of cases) {
    it(`reports ${title}`, () => {
      expect(onlyLine(raw())).to.contain(line);
    });
  }
});
