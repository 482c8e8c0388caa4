import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import type { MockCloud } from "../../tools/synthesis/mock-cloud";
import { PROJECT_DIR, synthesize } from "./synthesize";

const WORKLOAD = "111122223333";

/** The commented `connect-dr:database` example of Pulumi.primary.yaml, uncommented and parsed. */
function databaseExample(): unknown {
  const text = fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.primary.yaml"), "utf8");
  const block = /# --- database example ---\n([\s\S]*?)\s*# --- end of database example ---/.exec(text);
  if (!block) throw new Error("Pulumi.primary.yaml has no commented database example");
  const uncommented = block[1]
    .split("\n")
    .map((line) => line.replace(/^\s*# ?/, ""))
    .join("\n");
  return (yaml.load(uncommented) as Record<string, unknown>)["connect-dr:database"];
}

describe("program: the database, owned by the primary stack when connect-dr:database is set", () => {
  let cloud: MockCloud;
  let outputs: Record<string, unknown>;
  before(async () => {
    ({ cloud, outputs } = await synthesize("primary", (config) => (config["connect-dr:database"] = JSON.stringify(databaseExample()))));
  });

  it("is off in the committed stack files", async () => {
    const committed = await synthesize("primary");
    expect(committed.cloud.resources.filter((r) => r.name.startsWith("database"))).to.deep.equal([]);
    expect(Object.keys(committed.outputs).filter((k) => k.startsWith("database"))).to.deep.equal([]);
  });

  it("builds the Aurora global database of the commented example, each half on the workload provider of its Region", () => {
    const children = cloud.resources.filter((r) => r.name.startsWith("database"));
    expect(children.map((r) => [r.type, r.name, r.account, r.region]).sort()).to.deep.equal(
      [
        ["connect-dr:data:RegionalDatabase", "database", undefined, undefined],
        ["aws:rds/globalCluster:GlobalCluster", "database-global", WORKLOAD, "us-east-1"],
        ["aws:secretsmanager/secret:Secret", "database-master-secret", WORKLOAD, "us-east-1"],
        ["aws:secretsmanager/secretVersion:SecretVersion", "database-master-secret-value", WORKLOAD, "us-east-1"],
        ["aws:rds/cluster:Cluster", "database-cluster-us-east-1", WORKLOAD, "us-east-1"],
        ["aws:rds/clusterInstance:ClusterInstance", "database-instance-us-east-1-a", WORKLOAD, "us-east-1"],
        ["aws:rds/clusterInstance:ClusterInstance", "database-instance-us-east-1-b", WORKLOAD, "us-east-1"],
        ["aws:rds/cluster:Cluster", "database-cluster-us-west-2", WORKLOAD, "us-west-2"],
        ["aws:rds/clusterInstance:ClusterInstance", "database-instance-us-west-2-a", WORKLOAD, "us-west-2"],
        ...["us-east-1", "us-west-2"].flatMap((region) => [
          ["aws:rds/subnetGroup:SubnetGroup", `database-subnets-${region}`, WORKLOAD, region],
          ["aws:rds/clusterParameterGroup:ClusterParameterGroup", `database-params-${region}`, WORKLOAD, region],
          ["aws:kms/key:Key", `database-key-${region}`, WORKLOAD, region],
          ["aws:kms/alias:Alias", `database-key-alias-${region}`, WORKLOAD, region],
          ["aws:cloudwatch/logGroup:LogGroup", `database-logs-${region}-postgresql`, WORKLOAD, region],
        ]),
      ].sort(),
    );
    for (const r of children.filter((c) => c.custom)) expect([r.name, r.providerName]).to.deep.equal([r.name, `workload-${r.region}`]);
  });

  it("uses each Region's subnets and keeps the clusters protected", () => {
    expect(cloud.named("database-subnets-us-east-1").inputs.subnetIds).to.deep.equal(["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]);
    expect(cloud.named("database-subnets-us-west-2").inputs.subnetIds).to.deep.equal(["subnet-0a1b2c3d4e5f60003", "subnet-0a1b2c3d4e5f60004"]);
    for (const region of ["us-east-1", "us-west-2"]) {
      expect(cloud.named(`database-cluster-${region}`).inputs).to.deep.include({ storageEncrypted: true, deletionProtection: true, engine: "aurora-postgresql", backupRetentionPeriod: 14 });
      expect(cloud.named(`database-key-${region}`).inputs.enableKeyRotation).to.equal(true);
    }
  });

  it("exports the endpoints, the master secret and the promotion target", () => {
    expect(outputs.databasePromotionTarget).to.deep.include({ mode: "aurora-global", primaryRegion: "us-east-1", secondaryRegion: "us-west-2", globalClusterIdentifier: "contact-data" });
    expect(outputs.databaseMasterSecretArn).to.equal(cloud.named("database-master-secret").state.arn);
    // The mock cloud returns no cluster endpoints (AWS computes them); the outputs are wired all the same.
    expect(Object.keys(outputs).filter((k) => k.startsWith("database"))).to.deep.equal([
      "databasePrimaryEndpoint",
      "databaseSecondaryEndpoint",
      "databasePort",
      "databaseMasterSecretArn",
      "databasePromotionTarget",
    ]);
  });

  it("builds an RDS instance with a cross-Region read replica in rds-read-replica mode", async () => {
    const example = databaseExample() as Record<string, unknown>;
    const rds = { ...example, mode: "rds-read-replica", engine: "postgres", parameterGroupFamily: "postgres16", allocatedStorageGb: 200 };
    const { cloud: rdsCloud } = await synthesize("primary", (config) => (config["connect-dr:database"] = JSON.stringify(rds)));
    const instances = rdsCloud.ofType("aws:rds/instance:Instance").map((r) => [r.name, r.region, r.providerName]);
    expect(instances).to.deep.equal([
      ["database-instance-us-east-1", "us-east-1", "workload-us-east-1"],
      ["database-instance-us-west-2", "us-west-2", "workload-us-west-2"],
    ]);
    expect(rdsCloud.named("database-instance-us-east-1").inputs).to.deep.include({ allocatedStorage: 200, maxAllocatedStorage: 800 });
  });
});
