import { z } from "zod";
import { isTimeZone, AURORA_ENGINES, RDS_ENGINES, isIpv4Cidr, isPublicIpv4Address, INTERFACE_ENDPOINT_SERVICES, isRfc1918Cidr, prefixLength, SPLUNK_HEC_URL, SPLUNK_HEC_URL_RULE, INSTANCE_ALIAS_RULE, isInstanceAlias } from "../../components/runtime";

/**
 * The zod schema of every `connect-dr:*` stack config key, one schema per key so that a broken key
 * does not hide problems in the others. Every custom message is the `allowed` text of a problem line
 * (see `config-problem.ts`); cross-references between keys are checked in `cross-checks.ts`.
 */

/** An AWS commercial or GovCloud Region code, e.g. `us-east-1`. */
export const REGION_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

const region = z.string().regex(REGION_PATTERN, { error: "an AWS Region code such as us-east-1" });

/** IAM role name rules (without a path). */
const ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;
/** IAM role ARN in any partition, optionally with a path. */
export const ROLE_ARN_PATTERN = /^arn:aws(-cn|-us-gov)?:iam::(\d{12}):role\/([\w+=,.@/-]{1,512})$/;

const account = z.strictObject({
  id: z.string({ error: "a 12-digit AWS account id, as a quoted string" }).regex(/^\d{12}$/, { error: "a 12-digit AWS account id, as a quoted string" }),
  role: z
    .string()
    .refine((v) => ROLE_NAME_PATTERN.test(v) || ROLE_ARN_PATTERN.test(v), {
      error: "an IAM role name (letters, digits and +=,.@_-, at most 64) or a role ARN arn:aws:iam::<account>:role/<name>",
    }),
});

/** The four accounts of the landing zone (see DESIGN.md). */
export const accountsSchema = z.strictObject({
  management: account,
  workload: account,
  network: account,
  backupVault: account,
});

export const ROLES = ["primary", "secondary"] as const;
export const COMPLIANCE_FRAMEWORKS = ["gdpr", "hipaa", "pci"] as const;
export const CHANNELS = ["VOICE", "CHAT", "TASK", "EMAIL"] as const;
export const DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;
export const FLOW_TYPES = [
  "CONTACT_FLOW",
  "CUSTOMER_QUEUE",
  "CUSTOMER_HOLD",
  "CUSTOMER_WHISPER",
  "AGENT_HOLD",
  "AGENT_WHISPER",
  "OUTBOUND_WHISPER",
  "AGENT_TRANSFER",
  "QUEUE_TRANSFER",
] as const;

/** Amazon Connect's name rules for hours, queues, routing profiles and flows. */
const connectName = z.string().min(1).max(127);
const description = z.string().min(1).max(250);

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "a 24-hour time HH:MM, 00:00 to 23:59" });

const hoursOfOperation = z.strictObject({
  name: connectName,
  description: description.optional(),
  timeZone: z.string().refine(isTimeZone, { error: "an IANA time zone such as America/New_York or Europe/London" }),
  config: z
    .array(
      z.strictObject({
        day: z.enum(DAYS),
        startTime: clockTime,
        endTime: clockTime,
      }),
    )
    .min(1),
});

const queue = z.strictObject({
  name: connectName,
  description: description.optional(),
  /** Name of an entry of `connect.hoursOfOperation`. */
  hoursOfOperation: connectName,
  maxContacts: z.int().min(0).max(2147483647).optional(),
});

const routingProfile = z.strictObject({
  name: connectName,
  description,
  /** Name of an entry of `connect.queues`. */
  defaultOutboundQueue: connectName,
  queues: z
    .array(
      z.strictObject({
        queue: connectName,
        channel: z.enum(CHANNELS),
        priority: z.int().min(1).max(99),
        delaySeconds: z.int().min(0).max(9999).default(0),
      }),
    )
    .default([]),
  mediaConcurrencies: z
    .array(
      z.strictObject({
        channel: z.enum(CHANNELS),
        concurrency: z.int().min(1).max(10),
      }),
    )
    .min(1),
});

/** A project-relative path to a flow's JSON export: forward slashes, no `..`, ending in `.json`. */
const flowPath = z
  .string()
  .refine((p) => /^[\w.-]+(\/[\w.-]+)*\.json$/.test(p) && !p.split("/").includes(".."), {
    error: "a path relative to the project folder, with forward slashes, no '..', ending in .json",
  });

const flow = z.strictObject({
  name: connectName,
  type: z.enum(FLOW_TYPES),
  path: flowPath,
  description: description.optional(),
});

const lambdaFunctionName = z
  .string()
  .regex(/^[a-zA-Z0-9_-]{1,64}$/, { error: "a Lambda function name (letters, digits, - and _, at most 64), the same in both Regions" });

/** A Lex V2 bot alias; with Lex V2 Global Resiliency its ids are the same in both Regions. */
const lexV2BotAlias = z.strictObject({
  botId: z.string().regex(/^[0-9A-Z]{10}$/, { error: "a Lex V2 bot id: 10 upper-case letters or digits" }),
  botAliasId: z.string().regex(/^[0-9A-Z]{10}$/, { error: "a Lex V2 bot alias id: 10 upper-case letters or digits (TSTALIASID for the test alias)" }),
});

/** The Amazon Connect instance and what it contains. */
export const connectSchema = z.strictObject({
  /** In the secondary stack, the replica's alias (ReplicateInstance's ReplicaAlias): the same rules. */
  instanceAlias: z.string().refine(isInstanceAlias, { error: INSTANCE_ALIAS_RULE }),
  /** ACGR replicates only SAML instances, so SAML is the one value accepted (the others are named in errors). */
  identityManagementType: z
    .literal("SAML", { error: "SAML (Amazon Connect Global Resiliency replicates only SAML instances; CONNECT_MANAGED and EXISTING_DIRECTORY cannot be replicated)" })
    .default("SAML"),
  inboundCallsEnabled: z.boolean().default(true),
  outboundCallsEnabled: z.boolean().default(true),
  /** Created by the primary stack only; ACGR mirrors them to the replica (see `checkConnectOwnership`). */
  hoursOfOperation: z.array(hoursOfOperation).default([]),
  queues: z.array(queue).default([]),
  routingProfiles: z.array(routingProfile).default([]),
  flows: z.array(flow).default([]),
  lambdaFunctionNames: z.array(lambdaFunctionName).default([]),
  lexV2BotAliases: z.array(lexV2BotAlias).default([]),
});

/** Call recordings: how long they are kept and whether Object Lock protects them. */
export const recordingsSchema = z
  .strictObject({
    retentionDays: z.int().min(1).max(36500),
    objectLock: z
      .strictObject({
        enabled: z.boolean().default(true),
        mode: z.enum(["COMPLIANCE", "GOVERNANCE"]).default("COMPLIANCE"),
        /** @default retentionDays */
        days: z.int().min(1).max(36500).optional(),
      })
      .default({ enabled: true, mode: "COMPLIANCE" }),
  })
  .transform((r) => ({ ...r, objectLock: { ...r.objectLock, days: r.objectLock.days ?? r.retentionDays } }));

const hostName = z
  .string()
  .max(253)
  .regex(/^(?=.{1,253}\.?$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\.?$/, {
    error: "a lower-case fully qualified domain name such as contact.example.com",
  });

/** Route 53 failover DNS. */
export const dnsSchema = z.strictObject({
  hostedZoneId: z.string().regex(/^Z[A-Z0-9]{1,31}$/, { error: "a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ" }),
  hostedZoneName: hostName,
  recordName: hostName,
  ttlSeconds: z.int().min(0).max(300).default(60),
  /**
   * Per DR Region, the host name agents reach in that Region (e.g. the Region's agent desktop); the
   * failover record is a CNAME to it and Route 53 health-checks it.
   */
  endpoints: z.record(region, hostName),
  healthCheck: z
    .strictObject({
      type: z.enum(["HTTPS", "TCP"]).default("HTTPS"),
      resourcePath: z
        .string()
        .regex(/^\/[\x21-\x7e]{0,254}$/, { error: "a path starting with / (at most 255 printable characters)" })
        .default("/health"),
      port: z.int().min(1).max(65535).default(443),
      requestIntervalSeconds: z.union([z.literal(10), z.literal(30)], { error: "10 or 30 (Route 53's only intervals)" }).default(30),
      failureThreshold: z.int().min(1).max(10).default(3),
    })
    .default({ type: "HTTPS", resourcePath: "/health", port: 443, requestIntervalSeconds: 30, failureThreshold: 3 }),
});

const bgpAsn = z.int().min(1).max(4294967294);

/** Direct Connect to this stack's Region, with a site-to-site VPN as its backup path. */
export const directConnectSchema = z.strictObject({
  connectionId: z.string().regex(/^dx(con|lag)-[a-z0-9]{8}$/, { error: "an existing connection or LAG id such as dxcon-fg5678gh" }),
  /** "private": Direct Connect gateway -> virtual private gateway; "transit": -> transit gateway. */
  virtualInterfaceType: z.enum(["private", "transit"]).default("private"),
  vlan: z.int().min(1).max(4094),
  customerBgpAsn: bgpAsn,
  /** Amazon-side ASN of the Direct Connect gateway created here; not with `gatewayId`. @default 64512 */
  amazonSideAsn: z
    .int()
    .refine((asn) => (asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294), {
      error: "a private ASN: 64512-65534 or 4200000000-4294967294",
    })
    .optional(),
  /** Existing Direct Connect gateway to attach to; when unset one is created. */
  gatewayId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { error: "a Direct Connect gateway id (a UUID)" }).optional(),
  /** The VPC's virtual private gateway, with a private virtual interface. */
  vpnGatewayId: z.string().regex(/^vgw-[0-9a-f]{8,17}$/, { error: "a virtual private gateway id such as vgw-0a1b2c3d4e5f67890" }).optional(),
  /** The transit gateway, with a transit virtual interface. */
  transitGatewayId: z.string().regex(/^tgw-[0-9a-f]{8,17}$/, { error: "a transit gateway id such as tgw-0a1b2c3d4e5f67890" }).optional(),
  /** Prefixes advertised on-premises for the VPC(s) behind the gateway. */
  allowedPrefixes: z.array(z.string().refine(isIpv4Cidr, { error: "an IPv4 CIDR block such as 10.20.0.0/16" })).min(1),
  vpnBackup: z.strictObject({
    customerGatewayIp: z.string().refine(isPublicIpv4Address, { error: "the public IPv4 address of the customer gateway" }),
    bgpAsn,
  }),
});

/**
 * The VPC of this stack's Region (`RegionalVpc`, built on awsx.ec2.Vpc) in the network account: the
 * CRM lookups and the peer probe run in its private subnets (shared with the workload account), and a
 * private Direct Connect virtual interface and its VPN attach to its virtual private gateway.
 */
export const vpcSchema = z.strictObject({
  cidrBlock: z
    .string()
    .refine((c) => isIpv4Cidr(c) && isRfc1918Cidr(c) && prefixLength(c) >= 16 && prefixLength(c) <= 22, { error: "an RFC 1918 IPv4 block from /16 to /22, such as 10.40.0.0/16" }),
  /** Availability Zones of this stack's Region, 2 to 6: one public (NAT) and one private subnet in each. */
  availabilityZones: z.array(z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/, { error: "an Availability Zone name such as us-east-1a" })).min(2, { error: "at least two zones" }).max(6),
  /** "OnePerAz" keeps egress up when a zone fails; "Single" is cheaper. */
  natGateways: z.enum(["OnePerAz", "Single"]).default("OnePerAz"),
  /** AWS services reached through interface endpoints. @default secretsmanager, kms, monitoring */
  interfaceEndpoints: z.array(z.enum(INTERFACE_ENDPOINT_SERVICES)).optional(),
  flowLogRetentionDays: z
    .int()
    .refine((days) => [365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653].includes(days), {
      error: "a CloudWatch Logs retention of at least 365 days: 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653",
    })
    .optional(),
  /** Amazon-side ASN of the VPC's virtual private gateway (with a private Direct Connect interface); the VPN's BGP peers with it. @default 64512 */
  vpnGatewayAmazonSideAsn: z
    .int()
    .refine((asn) => (asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294), { error: "a private ASN: 64512-65534 or 4200000000-4294967294" })
    .optional(),
});

/** AWS tag rules; the `aws:` and `connect-dr:` prefixes are reserved. */
export const tagsSchema = z
  .record(
    z
      .string()
      .min(1)
      .max(128)
      .refine((k) => !/^(aws:|connect-dr:)/i.test(k), { error: "a tag key not starting with aws: or connect-dr: (reserved)" }),
    z.string().max(256),
  )
  .default({});

const httpsUrl = (example: string) =>
  z.string().regex(/^https:\/\/[a-z0-9.-]+(:\d+)?(\/[^\s]*)?$/i, { error: `an https:// URL such as ${example} (Firehose delivers over TLS only)` });

/**
 * Contact-centre monitoring in this stack's Region (`ContactCenterMonitoring`): dashboard, the
 * encrypted SNS topic the program routes this Region's alarms to, and optional streaming.
 */
export const monitoringSchema = z.strictObject({
  /** @default "connect-dr-<region>" */
  dashboardName: z.string().regex(/^[A-Za-z0-9_-]{1,255}$/, { error: "letters, digits, - and _, at most 255 characters" }).optional(),
  /** Stream contact events and alarm changes to Splunk HEC through Firehose. @default off */
  splunk: z
    .strictObject({
      hecUrl: z.string().regex(SPLUNK_HEC_URL, { error: SPLUNK_HEC_URL_RULE }),
    })
    .optional(),
  /** Stream CloudWatch metrics to Dynatrace through a metric stream and Firehose. @default off */
  dynatrace: z
    .strictObject({
      endpointUrl: httpsUrl("https://aws.cloud.dynatrace.com/metrics"),
      /** @default AWS/Connect, AWS/Lambda, AWS/DynamoDB, AWS/S3, AWS/Lex, AWS/Firehose */
      streamedNamespaces: z.array(z.string().regex(/^[^:]{1,255}$/, { error: "a CloudWatch namespace such as AWS/Connect" })).min(1).max(1000).optional(),
    })
    .optional(),
});

const provisionedConcurrency = z.int().min(0).max(10000);

/** Provisioned concurrency under auto scaling for the Connect-facing Lambda functions (`LambdaAutoScaling`). */
export const lambdaAutoScalingSchema = z.strictObject({
  /** By function name (one of connect.lambdaFunctionNames): the published version the alias points at in this Region. */
  functions: z
    .record(
      lambdaFunctionName,
      z.strictObject({
        version: z.string().regex(/^[0-9]+$/, { error: "a published version number as a quoted string such as \"3\" ($LATEST cannot have provisioned concurrency)" }),
        minProvisionedConcurrency: provisionedConcurrency.optional(),
        maxProvisionedConcurrency: provisionedConcurrency.min(1).optional(),
      }),
    )
    .refine((functions) => Object.keys(functions).length > 0, { error: "at least one function, keyed by its name" }),
  aliasName: z.string().regex(/^(?!^[0-9]+$)[a-zA-Z0-9_-]{1,128}$/, { error: "letters, digits, - and _ (not only digits), at most 128 characters" }).default("live"),
  minProvisionedConcurrency: provisionedConcurrency.default(1),
  maxProvisionedConcurrency: provisionedConcurrency.min(1),
  targetUtilization: z.number().min(0.1).max(0.9).default(0.7),
  scaleInCooldownSeconds: z.int().min(0).max(3600).default(300),
  scaleOutCooldownSeconds: z.int().min(0).max(3600).default(60),
  throttlesThreshold: z.int().min(1).max(1_000_000).default(1),
  errorsThreshold: z.int().min(1).max(1_000_000).default(5),
});

/** One SIP signalling endpoint probed by a Route 53 TCP health check. */
const sipEndpoint = z
  .strictObject({
    ipAddress: z.string().refine(isPublicIpv4Address, { error: "a public IPv4 address (Route 53 health checkers probe from the internet)" }).optional(),
    fqdn: z.string().regex(/^(?=.{1,253}$)(?:(?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}$/, { error: "a lower-case fully qualified host name such as sbc1.carrier.example.net" }).optional(),
    port: z.int().min(1).max(65535).default(5061),
  })
  .refine((e) => (e.ipAddress === undefined) !== (e.fqdn === undefined), { error: "exactly one of ipAddress or fqdn" });

/** Route 53 TCP health checks on the SIP trunks of both DR Regions (`TelephonyHealthChecks`). */
export const telephonySchema = z.strictObject({
  /** By DR Region, then by a stable endpoint name (lower-case letters, digits and hyphens). */
  endpoints: z.record(
    region,
    z.record(z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/, { error: "an endpoint name of lower-case letters, digits and hyphens, at most 32 characters" }), sipEndpoint),
  ),
  requestIntervalSeconds: z.union([z.literal(10), z.literal(30)], { error: "10 or 30 (Route 53's only intervals)" }).default(30),
  failureThreshold: z.int().min(1).max(10).default(3),
});

/** CloudWatch Logs retentions of at least a year. */
export const CRM_LOG_RETENTION_DAYS = [365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

const crmConnection = (pattern: RegExp, example: string) =>
  z.strictObject({
    instanceUrl: z.string().regex(pattern, { error: `an HTTPS base URL such as ${example}, no trailing slash` }),
    timeoutMs: z.int().min(100).max(3500).default(2500),
  });

/** CRM lookups for flows, credentials in replicated Secrets Manager secrets (`CrmIntegration`). */
export const crmSchema = z.strictObject({
  salesforce: crmConnection(/^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*\.(my\.salesforce\.com|salesforce\.com)$/i, "https://acme.my.salesforce.com").optional(),
  servicenow: crmConnection(/^https:\/\/[a-z0-9-]+\.service-now\.com$/i, "https://acme.service-now.com").optional(),
  logRetentionDays: z
    .int()
    .refine((d) => (CRM_LOG_RETENTION_DAYS as readonly number[]).includes(d), { error: `a CloudWatch Logs retention of at least a year: ${CRM_LOG_RETENTION_DAYS.join(", ")}` })
    .default(365),
});

const instanceSuffixes = z
  .array(z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/, { error: "lower-case letters, digits and hyphens, at most 12 characters" }))
  .min(1)
  .max(15);

/** The database network of one Region: existing private subnets and security groups. */
const databaseNetwork = z.strictObject({
  subnetIds: z.array(z.string().regex(/^subnet-[0-9a-f]{8,17}$/, { error: "a subnet id such as subnet-0a1b2c3d4e5f67890" })).min(2, { error: "at least two subnets in different Availability Zones (a DB subnet group needs two)" }),
  securityGroupIds: z.array(z.string().regex(/^sg-[0-9a-f]{8,17}$/, { error: "a security group id such as sg-0a1b2c3d4e5f67890" })).min(1),
});

/**
 * A relational database across both DR Regions (`RegionalDatabase`): Aurora Global Database or an RDS
 * instance with a cross-Region read replica. Global: the primary stack owns it.
 */
export const databaseSchema = z.strictObject({
  mode: z.enum(["aurora-global", "rds-read-replica"]),
  engine: z.enum([...AURORA_ENGINES, ...RDS_ENGINES]),
  engineVersion: z.string().regex(/^\d+(\.\d+)*(\.[a-z0-9_.]+)?$/i, { error: "an engine version such as 16.4" }),
  parameterGroupFamily: z.string().min(1),
  /** Base of every identifier: `<identifier>-<region>[-<instance>]`. */
  identifier: z.string().regex(/^[a-z](?!.*--)[a-z0-9-]{0,40}(?<!-)$/, { error: "a lower-case letter, then letters, digits and single hyphens, at most 41 characters" }),
  instanceClass: z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, { error: "a DB instance class such as db.r6g.large" }),
  databaseName: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,62}$/, { error: "a letter, then letters, digits or underscores, at most 63 characters" }),
  masterUsername: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,15}$/, { error: "a letter, then letters, digits or underscores, at most 16 characters" })
    .refine((u) => !["admin", "postgres", "rdsadmin", "root"].includes(u.toLowerCase()), { error: "a name other than admin, postgres, rdsadmin or root (reserved)" })
    .default("connectdr_admin"),
  /** By DR Region: exactly the two. */
  networks: z.record(region, databaseNetwork),
  /** Aurora only. @default ["a", "b"] */
  primaryInstanceNames: instanceSuffixes.optional(),
  /** Aurora only. @default ["a"] */
  secondaryInstanceNames: instanceSuffixes.optional(),
  backupRetentionDays: z.int().min(7).max(35).default(14),
  performanceInsightsRetentionDays: z
    .int()
    .refine((d) => d === 7 || d === 731 || (d % 31 === 0 && d >= 31 && d <= 713), { error: "7, a multiple of 31 from 31 to 713, or 731" })
    .default(7),
  /** RDS only. @default 100 */
  allocatedStorageGb: z.int().min(20).max(65536).optional(),
  /** RDS only. @default 4 x allocatedStorageGb */
  maxAllocatedStorageGb: z.int().min(20).max(65536).optional(),
  /** Bump to rotate the generated master password. */
  masterPasswordVersion: z.int().min(1).default(1),
});

/** Every top-level key, its schema and, for the simple keys declared in Pulumi.yaml, their kind. */
/**
 * Lex V2 bots of this stack's Region (`LexBotRegion`): a version built from each bot's DRAFT and the
 * alias the flows call, associated with this Region's instance. Bot ids differ per Region, so each
 * stack file lists its own Region's bots under the same keys and alias names.
 */
export const lexBotsSchema = z.record(
  z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/, { error: "a lower-case key such as billing" }),
  z.strictObject({
    botId: z.string().regex(/^[0-9A-Z]{10}$/, { error: "a Lex V2 bot id: 10 upper-case letters or digits" }),
    localeIds: z.array(z.string().regex(/^[a-z]{2}_[A-Z]{2}$/, { error: "a Lex locale such as en_US" })).min(1),
    aliasName: z.string().regex(/^[0-9a-zA-Z][_-]?([0-9a-zA-Z][_-]?)*$/, { error: "letters and digits, single - or _ between them" }).optional(),
    codeHookFunctionName: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, { error: "a Lambda function name" }).optional(),
  }),
);

/**
 * The entry point of the agent desktop and CRM web apps (`EdgeEntry`): Global Accelerator or CloudFront
 * in front of one existing ALB per DR Region. Global: the secondary stack owns it, in the network
 * account. The component checks what each mode needs (ALB ARNs, host names, certificate).
 */
export const edgeSchema = z.strictObject({
  mode: z.enum(["global-accelerator", "cloudfront"]),
  /** By DR Region: the ALB (Global Accelerator) or its host name and failover role (CloudFront). */
  origins: z.record(
    region,
    z.strictObject({
      loadBalancerArn: z.string().optional(),
      domainName: z.string().optional(),
      failover: z.enum(["PRIMARY", "SECONDARY"]).optional(),
      trafficDialPercentage: z.int().min(0).max(100).optional(),
    }),
  ),
  healthCheckPath: z.string().startsWith("/").optional(),
  aliases: z.array(z.string()).optional(),
  certificateArn: z.string().optional(),
  webAclArn: z.string().optional(),
  priceClass: z.enum(["PriceClass_100", "PriceClass_200", "PriceClass_All"]).optional(),
  logRetentionDays: z.int().min(1).optional(),
});

/**
 * The organization's guardrails (`OrgGuardrails`): SCPs attached to the given roots, OUs or member
 * accounts with the management account's provider. Global: the primary stack owns them.
 */
export const governanceSchema = z.strictObject({
  /** Roots (`r-...`), OUs (`ou-...`) or member account ids the SCPs are attached to. */
  targetIds: z
    .array(z.string().regex(/^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|\d{12})$/, { error: "a root (r-...), an OU (ou-...-...) or a 12-digit member account id" }))
    .min(1, { error: "at least one root, OU or account" }),
  /** Role name exempt from the Region deny, for emergencies. */
  breakGlassRoleName: z.string().regex(/^[\w+=,.@-]{1,64}$/, { error: "an IAM role name" }).default("ConnectDrBreakGlass"),
  /** Role names of management/platform automation, exempt from all but the root and leave-organization denies. */
  managementExemptRoleNames: z.array(z.string().regex(/^[\w+=,.@-]{1,64}$/, { error: "an IAM role name" })).default([]),
  /** SCPs already attached directly to a target outside this program (AWS allows 5 per target). */
  existingAttachmentsPerTarget: z.record(z.string(), z.int().min(0).max(5)).optional(),
});

/**
 * Failover operators who arrive through IAM Identity Center or SAML federation (`FailoverAutomation`'s
 * operator role trusts their role instead of requiring MFA keys their sessions do not carry). The
 * secondary stack owns the operator roles of both Regions, so only its config sets this.
 */
export const failoverOperatorsSchema = z
  .strictObject({
    permissionSetNames: z
      .array(z.string().regex(/^[\w+=,.@-]{1,32}$/, { error: "an IAM Identity Center permission set name (letters, digits and +=,.@_-, at most 32)" }))
      .default([]),
    samlRoleNames: z
      .array(z.string().regex(/^([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/, { error: "an IAM role name, with its path if any, such as federation/ContactCentreOperators" }))
      .default([]),
  })
  .refine((o) => o.permissionSetNames.length + o.samlRoleNames.length > 0, { error: "at least one permission set or SAML role (leave the key out to require MFA instead)" });
/** A stable key of a config map entry: child resources are named after it. */
const entryKey = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/, { error: "a key of lower-case letters, digits and hyphens, at most 32 characters, such as main-line" });

/** E.164, as Amazon Connect formats phone numbers. */
export const E164_PATTERN = /^\+[1-9]\d{1,14}$/;
/** A claimed phone number's ARN. */
export const PHONE_NUMBER_ARN_PATTERN = /^arn:aws[a-z-]*:connect:([a-z0-9-]+):(\d{12}):phone-number\/[0-9a-f-]{36}$/;

/**
 * One number the traffic distribution group carries: claimed into the group (SearchAvailablePhoneNumbers
 * by country, type and prefix, then ClaimPhoneNumber with the group's ARN as TargetArn) or an existing
 * number of the source Region moved into it; either way its flow is associated in both Regions.
 */
const groupPhoneNumber = z.strictObject({
  claim: z
    .strictObject({
      countryCode: z.string().regex(/^[A-Z]{2}$/, { error: "an ISO 3166 country code such as US" }),
      type: z.enum(["DID", "TOLL_FREE"]),
      /** Digits the number starts with, with or without +, country code included (e.g. +1206). */
      prefix: z.string().regex(/^\+?[0-9]{1,11}$/, { error: "up to 11 digits, optionally after +, country code first, such as +1206" }).optional(),
    })
    .optional(),
  move: z
    .string()
    .refine((v) => E164_PATTERN.test(v) || PHONE_NUMBER_ARN_PATTERN.test(v), { error: "an E.164 number such as +12065550100 or a phone number ARN arn:aws:connect:<region>:<account>:phone-number/<id>" })
    .optional(),
  /** Name of the flow that answers the number (a flow of the primary stack's connect.flows). */
  flow: connectName,
  description: z.string().min(1).max(500).optional(),
});

/**
 * What the ACGR traffic distribution group carries: the phone numbers whose calls failover moves, and
 * the agents associated with it (from the source Region) so that they can sign in to either Region.
 * Secondary stack only: it owns the group.
 */
export const trafficDistributionSchema = z.strictObject({
  phoneNumbers: z.record(entryKey, groupPhoneNumber),
  agents: z
    .strictObject({
      usernames: z.array(z.string().min(1).max(100)).default([]),
      /** Every user of these routing profiles (by name). */
      routingProfiles: z.array(connectName).default([]),
    })
    .default({ usernames: [], routingProfiles: [] }),
});

/**
 * The probe each Region runs of its peer (the dark-Region detector): a function every minute, and a
 * liveness alarm on `datapointsToAlarm` failed probes out of `evaluationPeriods`, missing data breaching.
 */
export const peerProbeSchema = z.strictObject({
  datapointsToAlarm: z.int().min(1).max(10).default(3),
  evaluationPeriods: z.int().min(1).max(10).default(5),
  /** Per check (Connect API call, SIP TCP connect). */
  timeoutMs: z.int().min(500).max(10_000).default(3000),
});

export const TOP_LEVEL_SCHEMAS = {
  role: z.enum(ROLES),
  primaryRegion: region,
  secondaryRegion: region,
  primaryStackName: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+\/[\w.-]+$/, { error: "a fully qualified stack name <organization>/<project>/<stack>" })
    .default("organization/connect-dr/primary"),
  rpoSeconds: z
    .int({ error: "a whole number of seconds" })
    .min(900, { error: "at least 900 (S3 Replication Time Control replicates 99.99% of recordings within 15 minutes)" })
    .default(900),
  rtoSeconds: z.int({ error: "a whole number of seconds" }).min(1).default(1800),
  complianceFrameworks: z.array(z.enum(COMPLIANCE_FRAMEWORKS)).default([]),
  gdprAllowedRegions: z.array(region).default([]),
  accounts: accountsSchema,
  connect: connectSchema,
  recordings: recordingsSchema,
  dns: dnsSchema,
  directConnect: directConnectSchema.optional(),
  vpc: vpcSchema.optional(),
  monitoring: monitoringSchema.optional(),
  lambdaAutoScaling: lambdaAutoScalingSchema.optional(),
  telephony: telephonySchema.optional(),
  crm: crmSchema.optional(),
  database: databaseSchema.optional(),
  lexBots: lexBotsSchema.optional(),
  edge: edgeSchema.optional(),
  governance: governanceSchema.optional(),
  failoverOperators: failoverOperatorsSchema.optional(),
  trafficDistribution: trafficDistributionSchema.optional(),
  peerProbe: peerProbeSchema.default({ datapointsToAlarm: 3, evaluationPeriods: 5, timeoutMs: 3000 }),
  tags: tagsSchema,
} as const;

export type TopLevelKey = keyof typeof TOP_LEVEL_SCHEMAS;

/** The keys whose value Pulumi passes as a plain string (all others arrive JSON-encoded). */
export const STRING_KEYS: readonly TopLevelKey[] = ["role", "primaryRegion", "secondaryRegion", "primaryStackName"];

/**
 * The keys a schema declares at `path` (object keys), used to tell a user which key they probably
 * meant when they wrote an unknown one.
 */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: any = schema;
  const unwrap = (s: any): any => {
    for (;;) {
      const def = s?._zod?.def;
      if (!def) return s;
      if (def.type === "optional" || def.type === "default" || def.type === "nullable" || def.type === "prefault") s = def.innerType;
      else if (def.type === "pipe") s = def.in;
      else return s;
    }
  };
  for (const segment of path) {
    current = unwrap(current);
    const def = current?._zod?.def;
    if (def?.type === "object") current = def.shape[segment as string];
    else if (def?.type === "array") current = def.element;
    else return [];
  }
  const def = unwrap(current)?._zod?.def;
  return def?.type === "object" ? Object.keys(def.shape) : [];
}
