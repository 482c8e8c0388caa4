import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../argument-error";
import {
  AURORA_ENGINES,
  type AuroraEngine,
  cloudwatchLogExports,
  type DatabaseEngine,
  defaultPort,
  RDS_ENGINES,
  type RdsEngine,
  tlsEnforcementParameters,
} from "./engine-settings";
import type { DatabaseMode, PromotionTarget } from "./promotion-plan";

const COMPONENT = "RegionalDatabase";
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const ACCOUNT = /^\d{12}$/;
/** RDS identifiers: letter first, letters/digits/hyphens, no double or trailing hyphen. */
const DB_IDENTIFIER = /^[a-z](?!.*--)[a-z0-9-]{0,40}(?<!-)$/;
const DB_NAME = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;
const SUFFIX = /^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/;
/** Characters RDS refuses in a master password. */
const PASSWORD_EXCLUDED = "/\"@' \\";
const LOG_RETENTION_DAYS = 365;

/** Subnets and security groups the database uses in one Region (the VPC is someone else's). */
export interface RegionalDatabaseNetworkArgs {
  /** Private subnets, at least two Availability Zones. */
  readonly subnetIds: readonly pulumi.Input<string>[];
  /** Security groups that admit the applications on the engine's port. */
  readonly securityGroupIds: readonly pulumi.Input<string>[];
}

export interface RegionalDatabaseArgs {
  /**
   * "aurora-global": an Aurora Global Database (primary cluster here, secondary cluster in
   * `secondaryRegion`, storage-level replication typically under 1 s).
   * "rds-read-replica": an RDS instance here and a cross-Region read replica in `secondaryRegion`.
   */
  readonly mode: DatabaseMode;
  /** `aurora-postgresql`/`aurora-mysql` for "aurora-global", `postgres`/`mysql` for "rds-read-replica". */
  readonly engine: DatabaseEngine;
  /** Engine version, such as "16.4". Must be one Aurora supports for global databases. */
  readonly engineVersion: string;
  /** Parameter group family matching the version, such as "aurora-postgresql16" or "postgres16". */
  readonly parameterGroupFamily: string;
  /** Base identifier; clusters and instances are `<identifier>-<region>[-<instance>]`. Lower case, at most 41 characters. */
  readonly identifier: string;
  /** Region of the component's (primary) provider. */
  readonly primaryRegion: string;
  /** Region of `secondaryProvider`. */
  readonly secondaryRegion: string;
  /** Provider (same account) in `secondaryRegion`: the secondary cluster or read replica, its key, subnet group and parameter group. */
  readonly secondaryProvider: aws.Provider;
  /** Account that owns both Regions' resources; the keys' administrators. */
  readonly accountId: string;
  /** DB instance class, such as "db.r6g.large". */
  readonly instanceClass: string;
  /** Initial database name. */
  readonly databaseName: string;
  /** Master user name. @default "connectdr_admin" */
  readonly masterUsername?: string;
  /**
   * Bump to rotate the generated master password (the cluster and the secret take the new value
   * together; the password itself is write-only and never stored in state). @default 1
   */
  readonly masterPasswordVersion?: number;
  readonly primaryNetwork: RegionalDatabaseNetworkArgs;
  readonly secondaryNetwork: RegionalDatabaseNetworkArgs;
  /** Aurora: instance name suffixes in the primary cluster (stable keys). @default ["a", "b"] (writer and one reader) */
  readonly primaryInstanceNames?: readonly string[];
  /** Aurora: instance name suffixes in the secondary cluster. @default ["a"] */
  readonly secondaryInstanceNames?: readonly string[];
  /** RDS: allocated storage in GiB. @default 100 */
  readonly allocatedStorageGb?: number;
  /** RDS: storage autoscaling ceiling in GiB. @default 4 x allocatedStorageGb */
  readonly maxAllocatedStorageGb?: number;
  /** Automated backup retention in days, 7-35. @default 14 */
  readonly backupRetentionDays?: number;
  /** Performance Insights retention: 7 (free tier) or a multiple of 31 up to 731. @default 7 */
  readonly performanceInsightsRetentionDays?: number;
  /** Tags for every child. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A relational database for the contact centre's own data (CRM cache, callbacks, reporting) that
 * survives the loss of a Region: an Aurora Global Database or an RDS cross-Region read replica.
 *
 * Secure by default: a customer-managed key per Region (storage, Performance Insights, logs and the
 * secret), storage encrypted, TLS enforced by a parameter group, IAM database authentication, deletion
 * protection, final snapshots, backups of at least 7 days, log exports into CMK-encrypted log groups
 * with 365-day retention. The master password is generated and kept in a Secrets Manager secret with a
 * replica in the secondary Region: RDS-managed master passwords (`manageMasterUserPassword`) are not
 * supported for Aurora global database members nor cross-Region read replicas, and a secret that lives
 * only in the failed Region would be no use after failover.
 *
 * Promotion is not a Pulumi operation: `promotionTarget` carries the identifiers and
 * `promotionSteps()` (components/database/promotion-plan.ts) returns the ordered RDS API calls for the runbook.
 */
export class RegionalDatabase extends pulumi.ComponentResource {
  /** Writer endpoint in the primary Region (cluster endpoint, or the instance address). */
  public readonly primaryEndpoint: pulumi.Output<string>;
  /** Reader endpoint in the secondary Region (secondary cluster reader endpoint, or the replica address). */
  public readonly secondaryEndpoint: pulumi.Output<string>;
  public readonly port: pulumi.Output<number>;
  /** Aurora only: the global cluster identifier. */
  public readonly globalClusterIdentifier?: pulumi.Output<string>;
  /** ARN of the master-credential secret (primary Region; its replica has the same name in the secondary Region). */
  public readonly masterSecretArn: pulumi.Output<string>;
  /** Customer-managed key ARN by Region. */
  public readonly kmsKeyArns: pulumi.Output<Record<string, string>>;
  /** Identifiers the failover runbook passes to `promotionSteps()`. */
  public readonly promotionTarget: pulumi.Output<PromotionTarget>;

  constructor(name: string, args: RegionalDatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
    super("connect-dr:data:RegionalDatabase", name, {}, opts);
    const settings = validate(args);
    const { primaryRegion, secondaryRegion, engine } = args;
    const tags = args.tags ?? {};
    const here: pulumi.CustomResourceOptions = { parent: this };
    const there: pulumi.CustomResourceOptions = { parent: this, provider: args.secondaryProvider };
    const port = defaultPort(engine);
    const logTypes = cloudwatchLogExports(engine);

    const keyIn = (region: string, resourceOpts: pulumi.CustomResourceOptions) => {
      const key = new aws.kms.Key(
        `${name}-key-${region}`,
        {
          description: `connect-dr database ${args.identifier} in ${region}: storage, Performance Insights, logs, master secret`,
          enableKeyRotation: true,
          deletionWindowInDays: 30,
          policy: JSON.stringify(databaseKeyPolicy(args.accountId, region)),
          tags,
        },
        resourceOpts,
      );
      new aws.kms.Alias(`${name}-key-alias-${region}`, { name: `alias/connect-dr/db-${args.identifier}-${region}`, targetKeyId: key.keyId }, resourceOpts);
      return key;
    };
    const primaryKey = keyIn(primaryRegion, here);
    const secondaryKey = keyIn(secondaryRegion, there);

    const subnetGroupIn = (region: string, network: RegionalDatabaseNetworkArgs, resourceOpts: pulumi.CustomResourceOptions) =>
      new aws.rds.SubnetGroup(
        `${name}-subnets-${region}`,
        { name: `${args.identifier}-${region}`, description: `${args.identifier} in ${region}`, subnetIds: [...network.subnetIds], tags },
        resourceOpts,
      );
    const primarySubnets = subnetGroupIn(primaryRegion, args.primaryNetwork, here);
    const secondarySubnets = subnetGroupIn(secondaryRegion, args.secondaryNetwork, there);

    const parameters = tlsEnforcementParameters(engine).map((p) => ({ ...p }));
    const parameterGroupIn = (region: string, resourceOpts: pulumi.CustomResourceOptions) => {
      const common = {
        name: `${args.identifier}-${region}-tls`,
        family: args.parameterGroupFamily,
        description: `${args.identifier}: TLS required for every connection`,
        parameters,
        tags,
      };
      return args.mode === "aurora-global"
        ? new aws.rds.ClusterParameterGroup(`${name}-params-${region}`, common, resourceOpts)
        : new aws.rds.ParameterGroup(`${name}-params-${region}`, common, resourceOpts);
    };
    const primaryParams = parameterGroupIn(primaryRegion, here);
    const secondaryParams = parameterGroupIn(secondaryRegion, there);

    const logGroupsIn = (region: string, logPrefix: string, key: aws.kms.Key, resourceOpts: pulumi.CustomResourceOptions) =>
      logTypes.map(
        (type) =>
          new aws.cloudwatch.LogGroup(
            `${name}-logs-${region}-${type}`,
            { name: `${logPrefix}/${type}`, kmsKeyId: key.arn, retentionInDays: LOG_RETENTION_DAYS, tags },
            resourceOpts,
          ),
      );

    // Generated once per `masterPasswordVersion`: the values travel in write-only arguments, so the
    // data source's fresh password on every run changes nothing until the version is bumped.
    const password = aws.secretsmanager.getRandomPasswordOutput(
      { passwordLength: 32, excludeCharacters: PASSWORD_EXCLUDED, requireEachIncludedType: true },
      { parent: this },
    ).randomPassword;
    const masterSecret = new aws.secretsmanager.Secret(
      `${name}-master-secret`,
      {
        name: `connect-dr/db/${args.identifier}/master`,
        description: `Master credentials of ${args.identifier} (replicated to ${secondaryRegion})`,
        kmsKeyId: primaryKey.arn,
        recoveryWindowInDays: 30,
        replicas: [{ region: secondaryRegion, kmsKeyId: secondaryKey.arn }],
        tags,
      },
      here,
    );
    new aws.secretsmanager.SecretVersion(
      `${name}-master-secret-value`,
      {
        secretId: masterSecret.id,
        secretStringWo: pulumi.secret(
          pulumi.jsonStringify({ engine, username: settings.masterUsername, password, dbname: args.databaseName, port }),
        ),
        secretStringWoVersion: settings.masterPasswordVersion,
      },
      here,
    );

    let primaryArn: pulumi.Output<string>;
    let secondaryArn: pulumi.Output<string>;
    let secondaryIdentifier: pulumi.Output<string>;
    const primaryId = `${args.identifier}-${primaryRegion}`;
    const secondaryId = `${args.identifier}-${secondaryRegion}`;

    if (args.mode === "aurora-global") {
      const auroraEngine = engine as AuroraEngine;
      const global = new aws.rds.GlobalCluster(
        `${name}-global`,
        {
          globalClusterIdentifier: args.identifier,
          engine: auroraEngine,
          engineVersion: args.engineVersion,
          databaseName: args.databaseName,
          storageEncrypted: true,
          deletionProtection: true,
        },
        here,
      );
      const clusterCommon = {
        engine: auroraEngine,
        engineVersion: args.engineVersion,
        globalClusterIdentifier: global.id,
        storageEncrypted: true,
        iamDatabaseAuthenticationEnabled: true,
        backupRetentionPeriod: settings.backupRetentionDays,
        deletionProtection: true,
        copyTagsToSnapshot: true,
        skipFinalSnapshot: false,
        enabledCloudwatchLogsExports: logTypes,
        port,
        tags,
      };
      const primaryLogs = logGroupsIn(primaryRegion, `/aws/rds/cluster/${primaryId}`, primaryKey, here);
      const primaryCluster = new aws.rds.Cluster(
        `${name}-cluster-${primaryRegion}`,
        {
          ...clusterCommon,
          clusterIdentifier: primaryId,
          kmsKeyId: primaryKey.arn,
          databaseName: args.databaseName,
          masterUsername: settings.masterUsername,
          masterPasswordWo: password,
          masterPasswordWoVersion: settings.masterPasswordVersion,
          dbSubnetGroupName: primarySubnets.name,
          vpcSecurityGroupIds: [...args.primaryNetwork.securityGroupIds],
          dbClusterParameterGroupName: primaryParams.name,
          finalSnapshotIdentifier: `${primaryId}-final`,
        },
        { ...here, dependsOn: primaryLogs },
      );
      const instancesIn = (region: string, cluster: aws.rds.Cluster, suffixes: readonly string[], key: aws.kms.Key, resourceOpts: pulumi.CustomResourceOptions) =>
        suffixes.map(
          (suffix) =>
            new aws.rds.ClusterInstance(
              `${name}-instance-${region}-${suffix}`,
              {
                identifier: `${args.identifier}-${region}-${suffix}`,
                clusterIdentifier: cluster.id,
                engine: auroraEngine,
                engineVersion: args.engineVersion,
                instanceClass: args.instanceClass,
                publiclyAccessible: false,
                autoMinorVersionUpgrade: true,
                performanceInsightsEnabled: true,
                performanceInsightsKmsKeyId: key.arn,
                performanceInsightsRetentionPeriod: settings.performanceInsightsRetentionDays,
                copyTagsToSnapshot: true,
                tags,
              },
              resourceOpts,
            ),
        );
      const primaryInstances = instancesIn(primaryRegion, primaryCluster, settings.primaryInstanceNames, primaryKey, here);
      const secondaryLogs = logGroupsIn(secondaryRegion, `/aws/rds/cluster/${secondaryId}`, secondaryKey, there);
      // A secondary cluster joins only once the primary has a writer; it takes no credentials or database name.
      const secondaryCluster = new aws.rds.Cluster(
        `${name}-cluster-${secondaryRegion}`,
        {
          ...clusterCommon,
          clusterIdentifier: secondaryId,
          kmsKeyId: secondaryKey.arn,
          dbSubnetGroupName: secondarySubnets.name,
          vpcSecurityGroupIds: [...args.secondaryNetwork.securityGroupIds],
          dbClusterParameterGroupName: secondaryParams.name,
          finalSnapshotIdentifier: `${secondaryId}-final`,
        },
        // After a switchover or failover AWS rewrites the replication source: not drift to undo.
        { ...there, dependsOn: [...primaryInstances, ...secondaryLogs], ignoreChanges: ["replicationSourceIdentifier"] },
      );
      instancesIn(secondaryRegion, secondaryCluster, settings.secondaryInstanceNames, secondaryKey, there);
      primaryArn = primaryCluster.arn;
      secondaryArn = secondaryCluster.arn;
      secondaryIdentifier = secondaryCluster.clusterIdentifier;
      this.primaryEndpoint = primaryCluster.endpoint;
      this.secondaryEndpoint = secondaryCluster.readerEndpoint;
      this.globalClusterIdentifier = global.globalClusterIdentifier;
    } else {
      const rdsEngine = engine as RdsEngine;
      const instanceCommon = {
        instanceClass: args.instanceClass,
        storageType: "gp3",
        storageEncrypted: true,
        iamDatabaseAuthenticationEnabled: true,
        backupRetentionPeriod: settings.backupRetentionDays,
        deletionProtection: true,
        multiAz: true,
        publiclyAccessible: false,
        autoMinorVersionUpgrade: true,
        copyTagsToSnapshot: true,
        skipFinalSnapshot: false,
        performanceInsightsEnabled: true,
        performanceInsightsRetentionPeriod: settings.performanceInsightsRetentionDays,
        enabledCloudwatchLogsExports: logTypes,
        maxAllocatedStorage: settings.maxAllocatedStorageGb,
        port,
        tags,
      };
      const primaryLogs = logGroupsIn(primaryRegion, `/aws/rds/instance/${primaryId}`, primaryKey, here);
      const primary = new aws.rds.Instance(
        `${name}-instance-${primaryRegion}`,
        {
          ...instanceCommon,
          identifier: primaryId,
          engine: rdsEngine,
          engineVersion: args.engineVersion,
          allocatedStorage: settings.allocatedStorageGb,
          dbName: args.databaseName,
          username: settings.masterUsername,
          passwordWo: password,
          passwordWoVersion: settings.masterPasswordVersion,
          kmsKeyId: primaryKey.arn,
          performanceInsightsKmsKeyId: primaryKey.arn,
          dbSubnetGroupName: primarySubnets.name,
          vpcSecurityGroupIds: [...args.primaryNetwork.securityGroupIds],
          parameterGroupName: primaryParams.name,
          finalSnapshotIdentifier: `${primaryId}-final`,
        },
        { ...here, dependsOn: primaryLogs },
      );
      const secondaryLogs = logGroupsIn(secondaryRegion, `/aws/rds/instance/${secondaryId}`, secondaryKey, there);
      // Cross-Region replicas name their source by ARN and re-encrypt with a key of their own Region.
      const replica = new aws.rds.Instance(
        `${name}-instance-${secondaryRegion}`,
        {
          ...instanceCommon,
          identifier: secondaryId,
          replicateSourceDb: primary.arn,
          kmsKeyId: secondaryKey.arn,
          performanceInsightsKmsKeyId: secondaryKey.arn,
          dbSubnetGroupName: secondarySubnets.name,
          vpcSecurityGroupIds: [...args.secondaryNetwork.securityGroupIds],
          parameterGroupName: secondaryParams.name,
          finalSnapshotIdentifier: `${secondaryId}-final`,
        },
        // Once promoted the replica has no source; a later `pulumi up` must not try to re-attach it.
        { ...there, dependsOn: secondaryLogs, ignoreChanges: ["replicateSourceDb"] },
      );
      primaryArn = primary.arn;
      secondaryArn = replica.arn;
      secondaryIdentifier = replica.identifier;
      this.primaryEndpoint = primary.address;
      this.secondaryEndpoint = replica.address;
    }

    this.port = pulumi.output(port);
    this.masterSecretArn = masterSecret.arn;
    this.kmsKeyArns = pulumi.output({ [primaryRegion]: primaryKey.arn, [secondaryRegion]: secondaryKey.arn });
    this.promotionTarget = pulumi
      .all([primaryArn, secondaryArn, secondaryIdentifier, this.globalClusterIdentifier ?? pulumi.output(undefined)])
      .apply(([pArn, sArn, sId, globalId]): PromotionTarget => ({
        mode: args.mode,
        primaryRegion,
        secondaryRegion,
        ...(globalId !== undefined ? { globalClusterIdentifier: globalId } : {}),
        primaryArn: pArn,
        secondaryArn: sArn,
        secondaryIdentifier: sId,
        backupRetentionDays: settings.backupRetentionDays,
      }));
    this.registerOutputs({
      primaryEndpoint: this.primaryEndpoint,
      secondaryEndpoint: this.secondaryEndpoint,
      port: this.port,
      globalClusterIdentifier: this.globalClusterIdentifier,
      masterSecretArn: this.masterSecretArn,
      kmsKeyArns: this.kmsKeyArns,
      promotionTarget: this.promotionTarget,
    });
  }
}

/**
 * Key policy: the owning account's IAM policies govern the key (RDS, Performance Insights and Secrets
 * Manager use it through grants made with the caller's permissions), and CloudWatch Logs of this
 * Region may encrypt the database's log groups.
 */
export function databaseKeyPolicy(accountId: string, region: string): object {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "EnableIamPoliciesOfOwningAccount", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "kms:*", Resource: "*" },
      {
        Sid: "CloudWatchLogsEncryptDatabaseLogs",
        Effect: "Allow",
        Principal: { Service: `logs.${region}.amazonaws.com` },
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        Resource: "*",
        Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${region}:${accountId}:log-group:/aws/rds/*` } },
      },
    ],
  };
}

interface Settings {
  readonly masterUsername: string;
  readonly masterPasswordVersion: number;
  readonly backupRetentionDays: number;
  readonly performanceInsightsRetentionDays: number;
  readonly primaryInstanceNames: readonly string[];
  readonly secondaryInstanceNames: readonly string[];
  readonly allocatedStorageGb: number;
  readonly maxAllocatedStorageGb: number;
}

function fail(argument: string, value: unknown, allowed: string): never {
  throw new ArgumentError(COMPONENT, argument, value, allowed);
}

function requireInteger(argument: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) fail(argument, value, `allowed: an integer from ${min} to ${max}`);
}

function validateNames(argument: string, names: readonly string[]): void {
  if (!Array.isArray(names) || names.length === 0 || names.length > 15) fail(argument, names, "allowed: 1 to 15 instance name suffixes");
  for (const n of names) if (!SUFFIX.test(n)) fail(argument, n, "allowed: lower-case letters, digits and hyphens, at most 12 characters");
  if (new Set(names).size !== names.length) fail(argument, names, "instance name suffixes must be unique");
}

function validateNetwork(argument: string, network: RegionalDatabaseNetworkArgs): void {
  if (!network || !Array.isArray(network.subnetIds) || network.subnetIds.length < 2) {
    fail(`${argument}.subnetIds`, network?.subnetIds ?? null, "allowed: at least two subnets in different Availability Zones (a DB subnet group needs two)");
  }
  if (!Array.isArray(network.securityGroupIds) || network.securityGroupIds.length === 0) {
    fail(`${argument}.securityGroupIds`, network.securityGroupIds ?? null, "allowed: at least one security group id");
  }
}

function validate(args: RegionalDatabaseArgs): Settings {
  if (args.mode !== "aurora-global" && args.mode !== "rds-read-replica") fail("mode", args.mode, "allowed: 'aurora-global' or 'rds-read-replica'");
  const engines: readonly string[] = args.mode === "aurora-global" ? AURORA_ENGINES : RDS_ENGINES;
  if (!engines.includes(args.engine)) fail("engine", args.engine, `allowed with mode '${args.mode}': ${engines.map((e) => `'${e}'`).join(" or ")}`);
  if (typeof args.engineVersion !== "string" || !/^\d+(\.\d+)*(\.[a-z0-9_.]+)?$/i.test(args.engineVersion)) fail("engineVersion", args.engineVersion, "allowed: a version such as '16.4'");
  if (typeof args.parameterGroupFamily !== "string" || !args.parameterGroupFamily.startsWith(args.engine)) {
    fail("parameterGroupFamily", args.parameterGroupFamily, `allowed: a family of engine '${args.engine}', such as '${args.engine}16'`);
  }
  if (typeof args.identifier !== "string" || !DB_IDENTIFIER.test(args.identifier)) {
    fail("identifier", args.identifier, "allowed: lower-case letter first, then letters, digits and single hyphens, at most 41 characters");
  }
  if (!REGION.test(args.primaryRegion)) fail("primaryRegion", args.primaryRegion, "allowed: an AWS Region code");
  if (!REGION.test(args.secondaryRegion)) fail("secondaryRegion", args.secondaryRegion, "allowed: an AWS Region code");
  if (args.primaryRegion === args.secondaryRegion) fail("secondaryRegion", args.secondaryRegion, "allowed: a Region other than primaryRegion");
  if (!aws.Provider.isInstance(args.secondaryProvider)) fail("secondaryProvider", String(args.secondaryProvider), "allowed: an aws.Provider for secondaryRegion");
  if (!ACCOUNT.test(args.accountId)) fail("accountId", args.accountId, "allowed: a 12-digit AWS account id");
  if (typeof args.instanceClass !== "string" || !/^db\.[a-z0-9]+\.[a-z0-9]+$/.test(args.instanceClass)) fail("instanceClass", args.instanceClass, "allowed: a DB instance class such as 'db.r6g.large'");
  if (typeof args.databaseName !== "string" || !DB_NAME.test(args.databaseName)) fail("databaseName", args.databaseName, "allowed: a letter, then letters, digits or underscores, at most 63 characters");
  const masterUsername = args.masterUsername ?? "connectdr_admin";
  if (!/^[A-Za-z][A-Za-z0-9_]{0,15}$/.test(masterUsername) || ["admin", "postgres", "rdsadmin", "root"].includes(masterUsername.toLowerCase())) {
    fail("masterUsername", masterUsername, "allowed: a letter, then letters, digits or underscores, at most 16 characters, not a reserved name");
  }
  const masterPasswordVersion = args.masterPasswordVersion ?? 1;
  requireInteger("masterPasswordVersion", masterPasswordVersion, 1, Number.MAX_SAFE_INTEGER);
  const backupRetentionDays = args.backupRetentionDays ?? 14;
  requireInteger("backupRetentionDays", backupRetentionDays, 7, 35);
  const performanceInsightsRetentionDays = args.performanceInsightsRetentionDays ?? 7;
  if (!(performanceInsightsRetentionDays === 7 || (Number.isInteger(performanceInsightsRetentionDays) && performanceInsightsRetentionDays % 31 === 0 && performanceInsightsRetentionDays >= 31 && performanceInsightsRetentionDays <= 713) || performanceInsightsRetentionDays === 731)) {
    fail("performanceInsightsRetentionDays", performanceInsightsRetentionDays, "allowed: 7, a multiple of 31 from 31 to 713, or 731");
  }
  validateNetwork("primaryNetwork", args.primaryNetwork);
  validateNetwork("secondaryNetwork", args.secondaryNetwork);
  const primaryInstanceNames = args.primaryInstanceNames ?? ["a", "b"];
  const secondaryInstanceNames = args.secondaryInstanceNames ?? ["a"];
  const allocatedStorageGb = args.allocatedStorageGb ?? 100;
  const maxAllocatedStorageGb = args.maxAllocatedStorageGb ?? allocatedStorageGb * 4;
  if (args.mode === "aurora-global") {
    validateNames("primaryInstanceNames", primaryInstanceNames);
    validateNames("secondaryInstanceNames", secondaryInstanceNames);
  } else {
    for (const [argument, value] of [["primaryInstanceNames", args.primaryInstanceNames], ["secondaryInstanceNames", args.secondaryInstanceNames]] as const) {
      if (value !== undefined) fail(argument, value, "applies only to mode 'aurora-global'");
    }
    requireInteger("allocatedStorageGb", allocatedStorageGb, 20, 65536);
    requireInteger("maxAllocatedStorageGb", maxAllocatedStorageGb, allocatedStorageGb, 65536);
  }
  return { masterUsername, masterPasswordVersion, backupRetentionDays, performanceInsightsRetentionDays, primaryInstanceNames, secondaryInstanceNames, allocatedStorageGb, maxAllocatedStorageGb };
}
