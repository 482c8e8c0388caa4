import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { MockCloud, resolve, settle } from "../../../tools/synthesis/mock-cloud";
import { ArgumentError } from "../../../components/argument-error";
import { GlobalContactTable, GlobalContactTableArgs } from "../../../components/storage/global-contact-table";

const WORKLOAD = "111122223333";

function workloadProvider(region: string): aws.Provider {
  return new aws.Provider(`workload-${region}`, { region, assumeRoles: [{ roleArn: `arn:aws:iam::${WORKLOAD}:role/ConnectDrDeployer` }] });
}

interface Setup {
  readonly cloud: MockCloud;
  readonly table: GlobalContactTable;
}

/** Table in `region` with one replica per entry of `replicaRegions`, all in the workload account. */
function declare(region: string, replicaRegions: string[], overrides: Partial<GlobalContactTableArgs> = {}): Setup {
  const cloud = new MockCloud().install();
  const main = workloadProvider(region);
  const replicaProviders = Object.fromEntries(replicaRegions.map((r) => [r, workloadProvider(r)]));
  const table = new GlobalContactTable("contacts", { region, replicaProviders, ...overrides }, { provider: main });
  return { cloud, table };
}

const keyArn = (region: string) => `arn:aws:kms:${region}:${WORKLOAD}:contacts-key-${region}`;

describe("GlobalContactTable", () => {
  describe("one replica (us-east-1 -> us-west-2), defaults", () => {
    it("declares a key per Region, the table and one latency alarm", async () => {
      const { cloud } = declare("us-east-1", ["us-west-2"]);
      await settle();
      expect(cloud.declared().map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal(
        [
          "connect-dr:data:GlobalContactTable contacts",
          "aws:kms/key:Key contacts-key-us-east-1",
          "aws:kms/key:Key contacts-key-us-west-2",
          "aws:dynamodb/table:Table contacts-table",
          "aws:cloudwatch/metricAlarm:MetricAlarm contacts-replication-latency-us-west-2",
        ].sort(),
      );
    });

    it("creates each Region's key with that Region's provider, and the table and alarm with the main provider", async () => {
      const { cloud } = declare("us-east-1", ["us-west-2"]);
      await settle();
      const at = (region: string) => ({ providerName: `workload-${region}`, account: WORKLOAD, region });
      expect(cloud.named("contacts-key-us-east-1")).to.include(at("us-east-1"));
      expect(cloud.named("contacts-key-us-west-2")).to.include(at("us-west-2"));
      expect(cloud.named("contacts-table")).to.include(at("us-east-1"));
      expect(cloud.named("contacts-replication-latency-us-west-2")).to.include(at("us-east-1"));
    });

    it("rotates every key with a 30-day deletion window", async () => {
      const { cloud } = declare("us-east-1", ["us-west-2"]);
      await settle();
      for (const region of ["us-east-1", "us-west-2"]) {
        expect(cloud.named(`contacts-key-${region}`).inputs).to.deep.equal({
          description: `Encrypts the contacts contact table in ${region}`,
          enableKeyRotation: true,
          deletionWindowInDays: 30,
          region,
        });
      }
    });

    it("declares the table on demand, keyed by contactId, encrypted, recoverable, protected, streamed, with TTL", async () => {
      const { cloud } = declare("us-east-1", ["us-west-2"]);
      await settle();
      expect(cloud.named("contacts-table").inputs).to.deep.equal({
        region: "us-east-1",
        billingMode: "PAY_PER_REQUEST",
        hashKey: "contactId",
        attributes: [{ name: "contactId", type: "S" }],
        streamEnabled: true,
        streamViewType: "NEW_AND_OLD_IMAGES",
        ttl: { attributeName: "expiresAt", enabled: true },
        serverSideEncryption: { enabled: true, kmsKeyArn: keyArn("us-east-1") },
        pointInTimeRecovery: { enabled: true },
        deletionProtectionEnabled: true,
        replicas: [
          { regionName: "us-west-2", kmsKeyArn: keyArn("us-west-2"), pointInTimeRecovery: true, deletionProtectionEnabled: true, propagateTags: true },
        ],
      });
    });

    it("alarms on replication latency to the replica Region (TableName + ReceivingRegion), 60 s by default", async () => {
      const { cloud } = declare("us-east-1", ["us-west-2"]);
      await settle();
      expect(cloud.named("contacts-replication-latency-us-west-2").inputs).to.deep.include({
        region: "us-east-1",
        namespace: "AWS/DynamoDB",
        metricName: "ReplicationLatency",
        dimensions: { TableName: "contacts-table", ReceivingRegion: "us-west-2" },
        statistic: "Average",
        period: 60,
        evaluationPeriods: 5,
        datapointsToAlarm: 5,
        comparisonOperator: "GreaterThanThreshold",
        threshold: 60000,
        alarmActions: [],
        okActions: [],
      });
    });

    it("exposes the table name and ARN and the key ARN per Region", async () => {
      const { table } = declare("us-east-1", ["us-west-2"]);
      expect(await resolve(table.tableName)).to.equal("contacts-table");
      expect(await resolve(table.tableArn)).to.equal(`arn:aws:dynamodb:us-east-1:${WORKLOAD}:contacts-table`);
      expect(await resolve(table.keyArns)).to.deep.equal({ "us-east-1": keyArn("us-east-1"), "us-west-2": keyArn("us-west-2") });
    });
  });

  describe("two replicas, explicit settings", () => {
    const overrides: Partial<GlobalContactTableArgs> = {
      tableName: "connect-contacts",
      hashKey: "instanceId",
      rangeKey: "contactId",
      rangeKeyType: "S",
      ttlAttributeName: "purgeAfter",
      billingMode: "PROVISIONED",
      readCapacity: 20,
      writeCapacity: 10,
      replicationLatencyThresholdMilliseconds: 5000,
      alarmActions: ["arn:aws:sns:eu-central-1:111122223333:dr-pager"],
    };

    it("declares one key per Region and one alarm per replica Region, named by Region", async () => {
      const { cloud } = declare("eu-central-1", ["us-east-1", "eu-west-2"], overrides);
      await settle();
      expect(cloud.declared().map((r) => r.name).sort()).to.deep.equal([
        "contacts",
        "contacts-key-eu-central-1",
        "contacts-key-eu-west-2",
        "contacts-key-us-east-1",
        "contacts-replication-latency-eu-west-2",
        "contacts-replication-latency-us-east-1",
        "contacts-table",
      ]);
      for (const region of ["eu-west-2", "us-east-1"]) {
        expect(cloud.named(`contacts-key-${region}`)).to.include({ providerName: `workload-${region}`, region });
        const alarm = cloud.named(`contacts-replication-latency-${region}`);
        expect(alarm).to.include({ providerName: "workload-eu-central-1", region: "eu-central-1" });
        expect(alarm.inputs).to.deep.include({
          dimensions: { TableName: "connect-contacts", ReceivingRegion: region },
          threshold: 5000,
          alarmActions: ["arn:aws:sns:eu-central-1:111122223333:dr-pager"],
          okActions: ["arn:aws:sns:eu-central-1:111122223333:dr-pager"],
        });
      }
    });

    it("passes name, keys, TTL and provisioned capacity to the table, and a CMK, PITR and protection to each replica in Region order", async () => {
      const { cloud } = declare("eu-central-1", ["us-east-1", "eu-west-2"], overrides);
      await settle();
      const inputs = cloud.named("contacts-table").inputs;
      expect(inputs).to.deep.include({
        name: "connect-contacts",
        billingMode: "PROVISIONED",
        readCapacity: 20,
        writeCapacity: 10,
        hashKey: "instanceId",
        rangeKey: "contactId",
        attributes: [
          { name: "instanceId", type: "S" },
          { name: "contactId", type: "S" },
        ],
        ttl: { attributeName: "purgeAfter", enabled: true },
        serverSideEncryption: { enabled: true, kmsKeyArn: keyArn("eu-central-1") },
      });
      expect(inputs.replicas).to.deep.equal([
        { regionName: "eu-west-2", kmsKeyArn: keyArn("eu-west-2"), pointInTimeRecovery: true, deletionProtectionEnabled: true, propagateTags: true },
        { regionName: "us-east-1", kmsKeyArn: keyArn("us-east-1"), pointInTimeRecovery: true, deletionProtectionEnabled: true, propagateTags: true },
      ]);
    });
  });

  describe("validation", () => {
    const west = () => workloadProvider("us-west-2");
    const valid = (): GlobalContactTableArgs => ({ region: "us-east-1", replicaProviders: { "us-west-2": west() } });

    const cases: Array<[string, () => Record<string, unknown>, string]> = [
      ["a malformed Region", () => ({ region: "virginia" }), `invalid 'region' = "virginia"; expected an AWS Region name such as us-east-1`],
      ["no replica providers", () => ({ replicaProviders: undefined }), `invalid 'replicaProviders' = undefined; expected a record of aws.Provider keyed by replica Region`],
      ["an array of providers", () => ({ replicaProviders: [west()] }), `invalid 'replicaProviders' = [`],
      ["an empty replica record", () => ({ replicaProviders: {} }), `invalid 'replicaProviders' = {}; expected at least one replica Region: a global table needs two Regions`],
      ["a replica in the table's Region", () => ({ replicaProviders: { "us-east-1": west() } }), `invalid 'replicaProviders' = "us-east-1"; a replica Region must differ from the table's Region us-east-1`],
      ["a replica key that is not a Region", () => ({ replicaProviders: { west: west() } }), `invalid 'replicaProviders' = "west"; expected keys that are AWS Region names such as us-west-2`],
      ["a replica that is not an aws.Provider", () => ({ replicaProviders: { "us-west-2": { region: "us-west-2" } } }), `invalid 'replicaProviders.us-west-2' = "(not an aws.Provider)"; expected the aws.Provider of the table's account in that Region`],
      ["a hash key with spaces", () => ({ hashKey: "contact id" }), `invalid 'hashKey' = "contact id"; expected 1-255 characters from A-Z, a-z, 0-9, '_', '-' and '.'`],
      ["an unknown hash key type", () => ({ hashKeyType: "BOOL" }), `invalid 'hashKeyType' = "BOOL"; expected one of S, N, B`],
      ["a range key equal to the hash key", () => ({ rangeKey: "contactId" }), `invalid 'rangeKey' = "contactId"; must differ from hashKey`],
      ["a range key type without a range key", () => ({ rangeKeyType: "N" }), `invalid 'rangeKeyType' = "N"; allowed only with rangeKey`],
      ["an empty TTL attribute", () => ({ ttlAttributeName: "" }), `invalid 'ttlAttributeName' = ""; expected 1-255 characters from A-Z, a-z, 0-9, '_', '-' and '.'`],
      ["a TTL attribute with a slash", () => ({ ttlAttributeName: "expires/at" }), `invalid 'ttlAttributeName' = "expires/at"; expected 1-255`],
      ["a TTL attribute that is the hash key", () => ({ ttlAttributeName: "contactId" }), `invalid 'ttlAttributeName' = "contactId"; must differ from the key attributes`],
      ["a TTL attribute that is the range key", () => ({ rangeKey: "initiatedAt", ttlAttributeName: "initiatedAt" }), `invalid 'ttlAttributeName' = "initiatedAt"; must differ from the key attributes`],
      ["a two-character table name", () => ({ tableName: "ct" }), `invalid 'tableName' = "ct"; expected 3-255 characters from A-Z, a-z, 0-9, '_', '-' and '.'`],
      ["an unknown billing mode", () => ({ billingMode: "ON_DEMAND" }), `invalid 'billingMode' = "ON_DEMAND"; expected one of PAY_PER_REQUEST, PROVISIONED`],
      ["provisioned without read capacity", () => ({ billingMode: "PROVISIONED", writeCapacity: 5 }), `invalid 'readCapacity' = undefined; expected a whole number of capacity units, at least 1, with PROVISIONED`],
      ["provisioned with zero write capacity", () => ({ billingMode: "PROVISIONED", readCapacity: 5, writeCapacity: 0 }), `invalid 'writeCapacity' = 0; expected a whole number of capacity units, at least 1, with PROVISIONED`],
      ["capacity on demand", () => ({ readCapacity: 5 }), `invalid 'readCapacity' = 5; allowed only with billingMode PROVISIONED`],
      ["write capacity on demand", () => ({ writeCapacity: 5 }), `invalid 'writeCapacity' = 5; allowed only with billingMode PROVISIONED`],
      ["a negative latency threshold", () => ({ replicationLatencyThresholdMilliseconds: -1 }), `invalid 'replicationLatencyThresholdMilliseconds' = -1; expected a number of milliseconds greater than 0`],
    ];

    for (const [label, change, message] of cases) {
      it(`refuses ${label} before creating any child`, async () => {
        const cloud = new MockCloud().install();
        const bad = { ...valid(), ...change() } as GlobalContactTableArgs;
        let thrown: unknown;
        try {
          new GlobalContactTable("contacts", bad);
        } catch (e) {
          thrown = e;
        }
        expect(thrown).to.be.instanceOf(ArgumentError);
        expect((thrown as Error).message).to.contain(`GlobalContactTable: ${message}`);
        await settle();
        expect(cloud.declared()).to.deep.equal([]);
      });
    }
  });
});
