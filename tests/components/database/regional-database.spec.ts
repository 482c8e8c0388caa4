import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../../../components/argument-error";
import { RegionalDatabase, type RegionalDatabaseArgs } from "../../../components/database/regional-database";
import { promotionSteps, PromotionPlanError, type PromotionTarget } from "../../../components/database/promotion-plan";
import { cloudwatchLogExports, tlsEnforcementParameters } from "../../../components/database/engine-settings";
import { MockCloud, resolve, settle } from "../../../tools/synthesis/mock-cloud";

const ACCOUNT = "222233334444";
const ROLE = `arn:aws:iam::${ACCOUNT}:role/ConnectDrDeployer`;
const provider = (region: string) => new aws.Provider(`workload-${region}`, { region, assumeRoles: [{ roleArn: ROLE }] });
const PASSWORD = "generated-Password-1";
const calls = {
  "aws:secretsmanager/getRandomPassword:getRandomPassword": () => ({ randomPassword: PASSWORD }),
};

function auroraArgs(overrides: Partial<RegionalDatabaseArgs> = {}): RegionalDatabaseArgs {
  return {
    mode: "aurora-global",
    engine: "aurora-postgresql",
    engineVersion: "16.4",
    parameterGroupFamily: "aurora-postgresql16",
    identifier: "crm-cache",
    primaryRegion: "us-east-1",
    secondaryRegion: "us-west-2",
    secondaryProvider: provider("us-west-2"),
    accountId: ACCOUNT,
    instanceClass: "db.r6g.large",
    databaseName: "crm",
    primaryNetwork: { subnetIds: ["subnet-e1a", "subnet-e1b"], securityGroupIds: ["sg-e1"] },
    secondaryNetwork: { subnetIds: ["subnet-w2a", "subnet-w2b"], securityGroupIds: ["sg-w2"] },
    tags: { project: "connect-dr" },
    ...overrides,
  };
}

function rdsArgs(overrides: Partial<RegionalDatabaseArgs> = {}): RegionalDatabaseArgs {
  return {
    ...auroraArgs(),
    mode: "rds-read-replica",
    engine: "mysql",
    engineVersion: "8.0.39",
    parameterGroupFamily: "mysql8.0",
    identifier: "callbacks",
    allocatedStorageGb: 200,
    backupRetentionDays: 21,
    ...overrides,
  };
}

/** The value inside a secret as the engine receives it (`{ <secret sig>: ..., value }`), or the value itself. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const plain = (v: unknown): unknown => (v !== null && typeof v === "object" && SECRET_SIG in v ? (v as unknown as { value: unknown }).value : v);

const where = (cloud: MockCloud, name: string) => {
  const r = cloud.named(name);
  return { providerName: r.providerName, account: r.account, region: r.region };
};
const PRIMARY = { providerName: "workload-us-east-1", account: ACCOUNT, region: "us-east-1" };
const SECONDARY = { providerName: "workload-us-west-2", account: ACCOUNT, region: "us-west-2" };

describe("RegionalDatabase", () => {
  describe("Aurora Global Database (aurora-postgresql)", () => {
    let cloud: MockCloud;
    let db: RegionalDatabase;

    beforeEach(async () => {
      cloud = new MockCloud({ calls }).install();
      db = new RegionalDatabase("crm", auroraArgs(), { provider: provider("us-east-1") });
      await settle();
    });

    it("declares exactly the global cluster, two clusters, 2 + 1 instances and per-Region key, subnets, TLS parameters and logs", () => {
      expect(cloud.declared().map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal([
        "aws:cloudwatch/logGroup:LogGroup crm-logs-us-east-1-postgresql",
        "aws:cloudwatch/logGroup:LogGroup crm-logs-us-west-2-postgresql",
        "aws:kms/alias:Alias crm-key-alias-us-east-1",
        "aws:kms/alias:Alias crm-key-alias-us-west-2",
        "aws:kms/key:Key crm-key-us-east-1",
        "aws:kms/key:Key crm-key-us-west-2",
        "aws:rds/cluster:Cluster crm-cluster-us-east-1",
        "aws:rds/cluster:Cluster crm-cluster-us-west-2",
        "aws:rds/clusterInstance:ClusterInstance crm-instance-us-east-1-a",
        "aws:rds/clusterInstance:ClusterInstance crm-instance-us-east-1-b",
        "aws:rds/clusterInstance:ClusterInstance crm-instance-us-west-2-a",
        "aws:rds/clusterParameterGroup:ClusterParameterGroup crm-params-us-east-1",
        "aws:rds/clusterParameterGroup:ClusterParameterGroup crm-params-us-west-2",
        "aws:rds/globalCluster:GlobalCluster crm-global",
        "aws:rds/subnetGroup:SubnetGroup crm-subnets-us-east-1",
        "aws:rds/subnetGroup:SubnetGroup crm-subnets-us-west-2",
        "aws:secretsmanager/secret:Secret crm-master-secret",
        "aws:secretsmanager/secretVersion:SecretVersion crm-master-secret-value",
        "connect-dr:data:RegionalDatabase crm",
      ]);
    });

    it("puts each Region's children on that Region's provider", () => {
      for (const n of ["crm-global", "crm-key-us-east-1", "crm-cluster-us-east-1", "crm-instance-us-east-1-a", "crm-instance-us-east-1-b", "crm-params-us-east-1", "crm-subnets-us-east-1", "crm-logs-us-east-1-postgresql", "crm-master-secret", "crm-master-secret-value"]) {
        expect(where(cloud, n), n).to.deep.equal(PRIMARY);
      }
      for (const n of ["crm-key-us-west-2", "crm-key-alias-us-west-2", "crm-cluster-us-west-2", "crm-instance-us-west-2-a", "crm-params-us-west-2", "crm-subnets-us-west-2", "crm-logs-us-west-2-postgresql"]) {
        expect(where(cloud, n), n).to.deep.equal(SECONDARY);
      }
    });

    it("rotates each Region's CMK with a 30-day deletion window; no service principal gets more than logs needs", () => {
      for (const region of ["us-east-1", "us-west-2"]) {
        const key = cloud.named(`crm-key-${region}`).inputs;
        expect(key).to.include({ enableKeyRotation: true, deletionWindowInDays: 30 });
        const policy = JSON.parse(key.policy);
        expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).to.deep.equal(["EnableIamPoliciesOfOwningAccount", "CloudWatchLogsEncryptDatabaseLogs"]);
        expect(policy.Statement[0].Principal).to.deep.equal({ AWS: `arn:aws:iam::${ACCOUNT}:root` });
        expect(policy.Statement[1].Principal).to.deep.equal({ Service: `logs.${region}.amazonaws.com` });
        expect(policy.Statement[1].Condition.ArnLike["kms:EncryptionContext:aws:logs:arn"]).to.equal(`arn:aws:logs:${region}:${ACCOUNT}:log-group:/aws/rds/*`);
      }
    });

    it("creates an encrypted, deletion-protected global cluster", () => {
      expect(cloud.named("crm-global").inputs).to.deep.equal({
        globalClusterIdentifier: "crm-cache",
        engine: "aurora-postgresql",
        engineVersion: "16.4",
        databaseName: "crm",
        storageEncrypted: true,
        deletionProtection: true,
      });
    });

    it("configures the primary cluster with its CMK, IAM auth, 14-day backups, TLS parameters and the write-only generated password", () => {
      const c = cloud.named("crm-cluster-us-east-1").inputs;
      expect(plain(c.masterPasswordWo)).to.equal(PASSWORD);
      expect(c.masterPasswordWo).to.have.property(SECRET_SIG);
      expect({ ...c, masterPasswordWo: plain(c.masterPasswordWo) }).to.deep.include({
        clusterIdentifier: "crm-cache-us-east-1",
        engine: "aurora-postgresql",
        engineVersion: "16.4",
        globalClusterIdentifier: "crm-global-id",
        kmsKeyId: "arn:aws:kms:us-east-1:222233334444:crm-key-us-east-1",
        storageEncrypted: true,
        iamDatabaseAuthenticationEnabled: true,
        backupRetentionPeriod: 14,
        deletionProtection: true,
        copyTagsToSnapshot: true,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: "crm-cache-us-east-1-final",
        databaseName: "crm",
        masterUsername: "connectdr_admin",
        masterPasswordWo: PASSWORD,
        masterPasswordWoVersion: 1,
        dbSubnetGroupName: "crm-cache-us-east-1",
        vpcSecurityGroupIds: ["sg-e1"],
        dbClusterParameterGroupName: "crm-cache-us-east-1-tls",
        enabledCloudwatchLogsExports: ["postgresql"],
        port: 5432,
      });
      expect(c).to.not.have.property("masterPassword");
      expect(c).to.not.have.property("manageMasterUserPassword");
    });

    it("joins the secondary cluster without credentials, with its own Region's key, network and parameters", () => {
      const c = cloud.named("crm-cluster-us-west-2").inputs;
      expect(c).to.deep.include({
        clusterIdentifier: "crm-cache-us-west-2",
        globalClusterIdentifier: "crm-global-id",
        kmsKeyId: "arn:aws:kms:us-west-2:222233334444:crm-key-us-west-2",
        storageEncrypted: true,
        iamDatabaseAuthenticationEnabled: true,
        backupRetentionPeriod: 14,
        deletionProtection: true,
        dbSubnetGroupName: "crm-cache-us-west-2",
        vpcSecurityGroupIds: ["sg-w2"],
        dbClusterParameterGroupName: "crm-cache-us-west-2-tls",
        finalSnapshotIdentifier: "crm-cache-us-west-2-final",
      });
      for (const field of ["masterUsername", "masterPasswordWo", "databaseName"]) expect(c).to.not.have.property(field);
    });

    it("forces TLS through both Regions' cluster parameter groups", () => {
      for (const region of ["us-east-1", "us-west-2"]) {
        expect(cloud.named(`crm-params-${region}`).inputs).to.deep.include({
          name: `crm-cache-${region}-tls`,
          family: "aurora-postgresql16",
          parameters: [{ name: "rds.force_ssl", value: "1", applyMethod: "pending-reboot" }],
        });
      }
    });

    it("runs private instances with Performance Insights encrypted by the Region's key", () => {
      for (const [n, region, cluster] of [["crm-instance-us-east-1-a", "us-east-1", "crm-cluster-us-east-1-id"], ["crm-instance-us-east-1-b", "us-east-1", "crm-cluster-us-east-1-id"], ["crm-instance-us-west-2-a", "us-west-2", "crm-cluster-us-west-2-id"]]) {
        expect(cloud.named(n).inputs, n).to.deep.include({
          clusterIdentifier: cluster,
          instanceClass: "db.r6g.large",
          publiclyAccessible: false,
          performanceInsightsEnabled: true,
          performanceInsightsKmsKeyId: `arn:aws:kms:${region}:222233334444:crm-key-${region}`,
          performanceInsightsRetentionPeriod: 7,
        });
      }
      expect(cloud.named("crm-instance-us-west-2-a").inputs.identifier).to.equal("crm-cache-us-west-2-a");
    });

    it("keeps the master secret under the primary CMK with a replica under the secondary CMK", () => {
      expect(cloud.named("crm-master-secret").inputs).to.deep.equal({
        name: "connect-dr/db/crm-cache/master",
        description: "Master credentials of crm-cache (replicated to us-west-2)",
        kmsKeyId: "arn:aws:kms:us-east-1:222233334444:crm-key-us-east-1",
        recoveryWindowInDays: 30,
        replicas: [{ region: "us-west-2", kmsKeyId: "arn:aws:kms:us-west-2:222233334444:crm-key-us-west-2" }],
        tags: { project: "connect-dr" },
      });
      const value = cloud.named("crm-master-secret-value").inputs;
      expect(value.secretStringWoVersion).to.equal(1);
      expect(value.secretStringWo).to.have.property(SECRET_SIG);
      expect(JSON.parse(plain(value.secretStringWo) as string)).to.deep.equal({ engine: "aurora-postgresql", username: "connectdr_admin", password: PASSWORD, dbname: "crm", port: 5432 });
    });

    it("pre-creates the exported log groups with the Region's CMK and 365-day retention", () => {
      expect(cloud.named("crm-logs-us-west-2-postgresql").inputs).to.deep.equal({
        name: "/aws/rds/cluster/crm-cache-us-west-2/postgresql",
        kmsKeyId: "arn:aws:kms:us-west-2:222233334444:crm-key-us-west-2",
        retentionInDays: 365,
        tags: { project: "connect-dr" },
      });
    });

    it("outputs endpoints, keys and the promotion target", async () => {
      expect(await resolve(db.kmsKeyArns)).to.deep.equal({
        "us-east-1": "arn:aws:kms:us-east-1:222233334444:crm-key-us-east-1",
        "us-west-2": "arn:aws:kms:us-west-2:222233334444:crm-key-us-west-2",
      });
      expect(await resolve(db.port)).to.equal(5432);
      expect(await resolve(db.globalClusterIdentifier!)).to.equal("crm-cache");
      expect(await resolve(db.masterSecretArn)).to.equal("arn:aws:secretsmanager:us-east-1:222233334444:crm-master-secret");
      expect(await resolve(db.promotionTarget)).to.deep.equal({
        mode: "aurora-global",
        primaryRegion: "us-east-1",
        secondaryRegion: "us-west-2",
        globalClusterIdentifier: "crm-cache",
        primaryArn: "arn:aws:rds:us-east-1:222233334444:crm-cluster-us-east-1",
        secondaryArn: "arn:aws:rds:us-west-2:222233334444:crm-cluster-us-west-2",
        secondaryIdentifier: "crm-cache-us-west-2",
        backupRetentionDays: 14,
      });
    });
  });

  describe("RDS cross-Region read replica (mysql)", () => {
    let cloud: MockCloud;
    let db: RegionalDatabase;

    beforeEach(async () => {
      cloud = new MockCloud({ calls }).install();
      db = new RegionalDatabase("cb", rdsArgs(), { provider: provider("us-east-1") });
      await settle();
    });

    it("declares a source instance, a replica, and per-Region key, subnets, TLS parameters and logs", () => {
      expect(cloud.declared().map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal([
        "aws:cloudwatch/logGroup:LogGroup cb-logs-us-east-1-error",
        "aws:cloudwatch/logGroup:LogGroup cb-logs-us-east-1-slowquery",
        "aws:cloudwatch/logGroup:LogGroup cb-logs-us-west-2-error",
        "aws:cloudwatch/logGroup:LogGroup cb-logs-us-west-2-slowquery",
        "aws:kms/alias:Alias cb-key-alias-us-east-1",
        "aws:kms/alias:Alias cb-key-alias-us-west-2",
        "aws:kms/key:Key cb-key-us-east-1",
        "aws:kms/key:Key cb-key-us-west-2",
        "aws:rds/instance:Instance cb-instance-us-east-1",
        "aws:rds/instance:Instance cb-instance-us-west-2",
        "aws:rds/parameterGroup:ParameterGroup cb-params-us-east-1",
        "aws:rds/parameterGroup:ParameterGroup cb-params-us-west-2",
        "aws:rds/subnetGroup:SubnetGroup cb-subnets-us-east-1",
        "aws:rds/subnetGroup:SubnetGroup cb-subnets-us-west-2",
        "aws:secretsmanager/secret:Secret cb-master-secret",
        "aws:secretsmanager/secretVersion:SecretVersion cb-master-secret-value",
        "connect-dr:data:RegionalDatabase cb",
      ]);
      expect(where(cloud, "cb-instance-us-east-1")).to.deep.equal(PRIMARY);
      expect(where(cloud, "cb-instance-us-west-2")).to.deep.equal(SECONDARY);
      expect(where(cloud, "cb-params-us-west-2")).to.deep.equal(SECONDARY);
    });

    it("creates the source encrypted, Multi-AZ, private, with IAM auth, backups, deletion protection and PI on its CMK", () => {
      const source = cloud.named("cb-instance-us-east-1").inputs;
      expect(source.passwordWo).to.have.property(SECRET_SIG);
      expect({ ...source, passwordWo: plain(source.passwordWo) }).to.deep.include({
        identifier: "callbacks-us-east-1",
        engine: "mysql",
        engineVersion: "8.0.39",
        instanceClass: "db.r6g.large",
        allocatedStorage: 200,
        maxAllocatedStorage: 800,
        storageType: "gp3",
        storageEncrypted: true,
        kmsKeyId: "arn:aws:kms:us-east-1:222233334444:cb-key-us-east-1",
        iamDatabaseAuthenticationEnabled: true,
        backupRetentionPeriod: 21,
        deletionProtection: true,
        multiAz: true,
        publiclyAccessible: false,
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: "arn:aws:kms:us-east-1:222233334444:cb-key-us-east-1",
        dbName: "crm",
        username: "connectdr_admin",
        passwordWo: PASSWORD,
        passwordWoVersion: 1,
        parameterGroupName: "callbacks-us-east-1-tls",
        dbSubnetGroupName: "callbacks-us-east-1",
        vpcSecurityGroupIds: ["sg-e1"],
        enabledCloudwatchLogsExports: ["error", "slowquery"],
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: "callbacks-us-east-1-final",
        port: 3306,
      });
    });

    it("replicates by source ARN into the secondary Region's key, with its own backups and protections", () => {
      const r = cloud.named("cb-instance-us-west-2").inputs;
      expect(r).to.deep.include({
        identifier: "callbacks-us-west-2",
        replicateSourceDb: "arn:aws:rds:us-east-1:222233334444:cb-instance-us-east-1",
        kmsKeyId: "arn:aws:kms:us-west-2:222233334444:cb-key-us-west-2",
        performanceInsightsKmsKeyId: "arn:aws:kms:us-west-2:222233334444:cb-key-us-west-2",
        storageEncrypted: true,
        iamDatabaseAuthenticationEnabled: true,
        backupRetentionPeriod: 21,
        deletionProtection: true,
        parameterGroupName: "callbacks-us-west-2-tls",
        dbSubnetGroupName: "callbacks-us-west-2",
        vpcSecurityGroupIds: ["sg-w2"],
      });
      for (const field of ["username", "passwordWo", "dbName", "engine"]) expect(r).to.not.have.property(field);
    });

    it("requires secure transport in both Regions' parameter groups", () => {
      for (const region of ["us-east-1", "us-west-2"]) {
        expect(cloud.named(`cb-params-${region}`).inputs.parameters).to.deep.equal([{ name: "require_secure_transport", value: "ON", applyMethod: "pending-reboot" }]);
        expect(cloud.named(`cb-params-${region}`).inputs.family).to.equal("mysql8.0");
      }
    });

    it("outputs a promotion target naming the replica", async () => {
      expect(db.globalClusterIdentifier).to.equal(undefined);
      const target = await resolve(db.promotionTarget);
      expect(target).to.deep.equal({
        mode: "rds-read-replica",
        primaryRegion: "us-east-1",
        secondaryRegion: "us-west-2",
        primaryArn: "arn:aws:rds:us-east-1:222233334444:cb-instance-us-east-1",
        secondaryArn: "arn:aws:rds:us-west-2:222233334444:cb-instance-us-west-2",
        secondaryIdentifier: "callbacks-us-west-2",
        backupRetentionDays: 21,
      });
      expect(promotionSteps(target as PromotionTarget, "failover").map((s) => s.operation)).to.deep.equal(["PromoteReadReplica", "DescribeDBInstances"]);
    });
  });

  describe("validation", () => {
    type Case = [string, RegionalDatabaseArgs, string, unknown, string];
    const cases: Case[] = [
      ["an unknown mode", auroraArgs({ mode: "multi-master" as "aurora-global" }), "mode", "multi-master", "allowed: 'aurora-global' or 'rds-read-replica'"],
      ["an RDS engine for Aurora", auroraArgs({ engine: "postgres" }), "engine", "postgres", "'aurora-postgresql' or 'aurora-mysql'"],
      ["an Aurora engine for RDS", rdsArgs({ engine: "aurora-mysql" }), "engine", "aurora-mysql", "'postgres' or 'mysql'"],
      ["a family of another engine", auroraArgs({ parameterGroupFamily: "postgres16" }), "parameterGroupFamily", "postgres16", "a family of engine 'aurora-postgresql'"],
      ["an upper-case identifier", auroraArgs({ identifier: "CrmCache" }), "identifier", "CrmCache", "lower-case letter first"],
      ["the same Region twice", auroraArgs({ secondaryRegion: "us-east-1" }), "secondaryRegion", "us-east-1", "a Region other than primaryRegion"],
      ["a secondary provider that is not an aws.Provider", auroraArgs({ secondaryProvider: "us-west-2" as unknown as aws.Provider }), "secondaryProvider", "us-west-2", "allowed: an aws.Provider"],
      ["a short account id", auroraArgs({ accountId: "1234" }), "accountId", "1234", "12-digit"],
      ["backups under 7 days", auroraArgs({ backupRetentionDays: 3 }), "backupRetentionDays", 3, "an integer from 7 to 35"],
      ["backups over 35 days", auroraArgs({ backupRetentionDays: 36 }), "backupRetentionDays", 36, "an integer from 7 to 35"],
      ["a Performance Insights retention of 30 days", auroraArgs({ performanceInsightsRetentionDays: 30 }), "performanceInsightsRetentionDays", 30, "7, a multiple of 31"],
      ["one subnet", auroraArgs({ primaryNetwork: { subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"] } }), "primaryNetwork.subnetIds", ["subnet-1"], "at least two subnets"],
      ["no security group", auroraArgs({ secondaryNetwork: { subnetIds: ["subnet-1", "subnet-2"], securityGroupIds: [] } }), "secondaryNetwork.securityGroupIds", [], "at least one security group"],
      ["duplicate instance names", auroraArgs({ primaryInstanceNames: ["a", "a"] }), "primaryInstanceNames", ["a", "a"], "must be unique"],
      ["no secondary instance", auroraArgs({ secondaryInstanceNames: [] }), "secondaryInstanceNames", [], "1 to 15 instance name suffixes"],
      ["instance names in RDS mode", rdsArgs({ primaryInstanceNames: ["a"] }), "primaryInstanceNames", ["a"], "applies only to mode 'aurora-global'"],
      ["a reserved master user name", auroraArgs({ masterUsername: "admin" }), "masterUsername", "admin", "not a reserved name"],
      ["too little storage", rdsArgs({ allocatedStorageGb: 10 }), "allocatedStorageGb", 10, "an integer from 20 to 65536"],
      ["a storage ceiling below the allocation", rdsArgs({ maxAllocatedStorageGb: 100 }), "maxAllocatedStorageGb", 100, "an integer from 200 to 65536"],
      ["a malformed instance class", auroraArgs({ instanceClass: "r6g.large" }), "instanceClass", "r6g.large", "a DB instance class"],
      ["a password version of 0", auroraArgs({ masterPasswordVersion: 0 }), "masterPasswordVersion", 0, "an integer from 1"],
    ];
    for (const [title, args, argument, value, allowed] of cases) {
      it(`rejects ${title} before creating any child`, async () => {
        const cloud = new MockCloud({ calls }).install();
        let error: unknown;
        try {
          new RegionalDatabase("bad", args);
        } catch (e) {
          error = e;
        }
        expect(error).to.be.instanceOf(ArgumentError);
        const err = error as ArgumentError;
        expect({ component: err.component, argument: err.argument, value: err.value }).to.deep.equal({ component: "RegionalDatabase", argument, value });
        expect(err.message).to.contain(allowed);
        await settle();
        expect(cloud.declared().filter((r) => r.type !== "connect-dr:data:RegionalDatabase")).to.deep.equal([]);
      });
    }
  });
});

describe("database promotion plan", () => {
  const aurora: PromotionTarget = {
    mode: "aurora-global",
    primaryRegion: "eu-central-1",
    secondaryRegion: "eu-west-2",
    globalClusterIdentifier: "crm-cache",
    primaryArn: "arn:aws:rds:eu-central-1:222233334444:cluster:crm-cache-eu-central-1",
    secondaryArn: "arn:aws:rds:eu-west-2:222233334444:cluster:crm-cache-eu-west-2",
    secondaryIdentifier: "crm-cache-eu-west-2",
    backupRetentionDays: 14,
  };
  const rds: PromotionTarget = {
    mode: "rds-read-replica",
    primaryRegion: "us-east-1",
    secondaryRegion: "us-west-2",
    primaryArn: "arn:aws:rds:us-east-1:222233334444:db:callbacks-us-east-1",
    secondaryArn: "arn:aws:rds:us-west-2:222233334444:db:callbacks-us-west-2",
    secondaryIdentifier: "callbacks-us-west-2",
    backupRetentionDays: 21,
  };

  const table: [string, PromotionTarget, "switchover" | "failover" | "detach", { region: string; operation: string; request: object }[]][] = [
    ["Aurora switchover", aurora, "switchover", [
      { region: "eu-west-2", operation: "SwitchoverGlobalCluster", request: { GlobalClusterIdentifier: "crm-cache", TargetDbClusterIdentifier: aurora.secondaryArn } },
      { region: "eu-west-2", operation: "DescribeGlobalClusters", request: { GlobalClusterIdentifier: "crm-cache" } },
    ]],
    ["Aurora failover with data loss accepted", aurora, "failover", [
      { region: "eu-west-2", operation: "FailoverGlobalCluster", request: { GlobalClusterIdentifier: "crm-cache", TargetDbClusterIdentifier: aurora.secondaryArn, AllowDataLoss: true } },
      { region: "eu-west-2", operation: "DescribeGlobalClusters", request: { GlobalClusterIdentifier: "crm-cache" } },
    ]],
    ["Aurora detach", aurora, "detach", [
      { region: "eu-west-2", operation: "RemoveFromGlobalCluster", request: { GlobalClusterIdentifier: "crm-cache", DbClusterIdentifier: aurora.secondaryArn } },
      { region: "eu-west-2", operation: "DescribeDBClusters", request: { DBClusterIdentifier: "crm-cache-eu-west-2" } },
    ]],
    ["RDS replica promotion", rds, "failover", [
      { region: "us-west-2", operation: "PromoteReadReplica", request: { DBInstanceIdentifier: "callbacks-us-west-2", BackupRetentionPeriod: 21 } },
      { region: "us-west-2", operation: "DescribeDBInstances", request: { DBInstanceIdentifier: "callbacks-us-west-2" } },
    ]],
  ];
  for (const [title, target, kind, expected] of table) {
    it(title, () => {
      const steps = promotionSteps(target, kind);
      expect(steps.map(({ region, operation, request }) => ({ region, operation, request }))).to.deep.equal(expected);
      expect(steps[steps.length - 1].waitUntil).to.be.a("string");
      expect(steps.slice(0, -1).every((s) => s.waitUntil === undefined)).to.equal(true);
    });
  }

  it("refuses switchover or detach for an RDS replica, and Aurora without a global cluster id", () => {
    expect(() => promotionSteps(rds, "switchover")).to.throw(PromotionPlanError, "allowed: 'failover'");
    expect(() => promotionSteps(rds, "detach")).to.throw(PromotionPlanError, "allowed: 'failover'");
    expect(() => promotionSteps({ ...aurora, globalClusterIdentifier: undefined }, "failover")).to.throw(PromotionPlanError, "globalClusterIdentifier");
  });

  it("names the TLS parameter and log exports of each engine", () => {
    expect(tlsEnforcementParameters("postgres").map((p) => `${p.name}=${p.value}`)).to.deep.equal(["rds.force_ssl=1"]);
    expect(tlsEnforcementParameters("aurora-postgresql").map((p) => `${p.name}=${p.value}`)).to.deep.equal(["rds.force_ssl=1"]);
    expect(tlsEnforcementParameters("mysql").map((p) => `${p.name}=${p.value}`)).to.deep.equal(["require_secure_transport=ON"]);
    expect(tlsEnforcementParameters("aurora-mysql").map((p) => `${p.name}=${p.value}`)).to.deep.equal(["require_secure_transport=ON"]);
    expect(cloudwatchLogExports("aurora-mysql")).to.deep.equal(["audit", "error", "slowquery"]);
  });
});
