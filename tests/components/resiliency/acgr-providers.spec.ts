import { expect } from "chai";
import { ClaimPhoneNumberCommand, DescribeInstanceCommand, ListPhoneNumbersV2Command, ReplicateInstanceCommand, ResourceNotFoundException, type ConnectClient } from "@aws-sdk/client-connect";
import { instanceReplicaProvider, type InstanceReplicaInputs } from "../../../components/resiliency/acgr/instance-replica-provider";
import { trafficDistributionGroupProvider, type TrafficDistributionGroupInputs } from "../../../components/resiliency/acgr/traffic-distribution-group-provider";
import { declaredDistribution } from "../../../components/resiliency/traffic-distribution-group";
import type { Simulator } from "../../../tools/simulator";
import { WORKLOAD_ACCOUNT, connectTo, simulatorForSuite, startTestSimulator } from "../../support/simulator";
import { auditModelTraffic } from "../../support/model-audit";
// The engine's dynamic provider host loads serialized providers this way.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requireFromString: (code: string) => { handler: () => typeof instanceReplicaProvider } = require("require-from-string");

const pair = ["us-east-1", "us-west-2"] as const;

describe("ACGR dynamic providers against the Connect API simulator", () => {
  // Every request the code under test sends must be one AWS's Connect model accepts (and every answer model-shaped).
  auditModelTraffic();
  const suite = simulatorForSuite({ replicationDelayMs: 100 });
  let east: ConnectClient;
  before(async () => {
    east = connectTo(suite.simulator, "us-east-1");
  });
  after(async () => {
    east.destroy();
  });

  const replicaInputs = (sourceInstanceArn: string, alias = "acme-west"): InstanceReplicaInputs => ({
    sourceInstanceArn,
    replicaRegion: "us-west-2",
    replicaAlias: alias,
    timeoutSeconds: 5,
    pollSeconds: 0.02,
    connection: { endpoint: suite.simulator.endpoint },
  });

  describe("InstanceReplica", () => {
    it("replicates with the same id in the other Region and waits until ACTIVE", async () => {
      const source = suite.simulator.seed({ region: "us-east-1", instance: { alias: "acme" } });
      const created = await instanceReplicaProvider.create(replicaInputs(source.instanceArn));
      expect(created.id).to.equal(`arn:aws:connect:us-west-2:${WORKLOAD_ACCOUNT}:instance/${source.instanceId}`);
      expect(created.outs!).to.include({ instanceId: source.instanceId, status: "ACTIVE" });
      const west = connectTo(suite.simulator, "us-west-2");
      const replica = (await west.send(new DescribeInstanceCommand({ InstanceId: source.instanceId }))).Instance;
      west.destroy();
      expect(replica).to.include({ InstanceStatus: "ACTIVE", InstanceAlias: "acme-west" });
    });

    it("lists every unmet precondition before calling ReplicateInstance", async () => {
      const source = suite.simulator.seed({ region: "us-east-1", instance: { alias: "managed", identityManagementType: "CONNECT_MANAGED" } });
      const error = await instanceReplicaProvider.create({ ...replicaInputs(source.instanceArn), replicaRegion: "eu-west-2" }).catch((e: Error) => e);
      expect((error as Error).message).to.equal(
        `cannot replicate ${source.instanceArn}:\n- replicaRegion: eu-west-2 cannot replicate an instance in us-east-1; allowed: us-west-2\n- instance ${source.instanceId}: identity management is CONNECT_MANAGED; ACGR needs SAML`,
      );
      expect(suite.simulator.counters().ReplicateInstance?.requests ?? 0).to.equal(0);
    });

    it("plans a replacement when the alias or Region changes, an in-place update for wait settings", async () => {
      const olds = { ...replicaInputs("arn:aws:connect:us-east-1:111122223333:instance/11111111-2222-3333-4444-555555555555"), replicaArn: "x", instanceId: "y", status: "ACTIVE" };
      expect(await instanceReplicaProvider.diff("x", olds, { ...olds, replicaAlias: "other" })).to.deep.equal({ changes: true, replaces: ["replicaAlias"], deleteBeforeReplace: true });
      expect(await instanceReplicaProvider.diff("x", olds, { ...olds, timeoutSeconds: 60 })).to.deep.equal({ changes: true, replaces: [], deleteBeforeReplace: true });
      expect(await instanceReplicaProvider.diff("x", olds, olds)).to.deep.equal({ changes: false, replaces: [], deleteBeforeReplace: true });
    });

    it("reads and deletes the replica by the source's instance id in the replica Region, after which read reports it gone", async () => {
      // The simulator answers DescribeInstance/DeleteInstance as the API models them: by InstanceId, an ARN names nothing.
      const source = suite.simulator.seed({ region: "us-east-1", instance: { alias: "acme" } });
      const created = await instanceReplicaProvider.create(replicaInputs(source.instanceArn));
      expect((await instanceReplicaProvider.read(created.id, created.outs!)).props).to.include({ status: "ACTIVE", instanceId: source.instanceId });
      await instanceReplicaProvider.delete(created.id, created.outs!);
      const west = connectTo(suite.simulator, "us-west-2");
      const gone = await west.send(new DescribeInstanceCommand({ InstanceId: source.instanceId })).catch((e: Error) => e);
      west.destroy();
      expect(gone).to.be.instanceOf(ResourceNotFoundException);
      const stillSource = await east.send(new DescribeInstanceCommand({ InstanceId: source.instanceId }));
      expect([stillSource.Instance!.InstanceStatus, stillSource.ReplicationConfiguration]).to.deep.equal(["ACTIVE", undefined]);
      expect(await instanceReplicaProvider.read(created.id, created.outs!)).to.deep.equal({});
    });

    it("adopts the replica a crashed run started: ReplicateInstance answers InvalidRequestException (already replicated)", async () => {
      const source = suite.simulator.seed({ region: "us-east-1", instance: { alias: "acme" } });
      // The run that crashed before the engine saved the replica (its own ClientToken).
      await east.send(new ReplicateInstanceCommand({ InstanceId: source.instanceArn, ReplicaRegion: "us-west-2", ReplicaAlias: "acme-west", ClientToken: "crashed-run" }));
      const created = await instanceReplicaProvider.create(replicaInputs(source.instanceArn));
      expect(created.id).to.equal(`arn:aws:connect:us-west-2:${WORKLOAD_ACCOUNT}:instance/${source.instanceId}`);
      expect(created.outs!).to.include({ instanceId: source.instanceId, status: "ACTIVE" });
      expect(suite.simulator.counters().ReplicateInstance).to.include({ requests: 2, succeeded: 1, clientErrors: 1 });
    });

    it("refuses to adopt a replica with another alias, naming both", async () => {
      const source = suite.simulator.seed({ region: "us-east-1", instance: { alias: "acme" } });
      await east.send(new ReplicateInstanceCommand({ InstanceId: source.instanceArn, ReplicaRegion: "us-west-2", ReplicaAlias: "acme-dr", ClientToken: "someone-else" }));
      const error = await instanceReplicaProvider.create(replicaInputs(source.instanceArn)).catch((e: Error) => e);
      expect((error as Error).message).to.equal(
        `${source.instanceArn} is already replicated to us-west-2 with the alias "acme-dr", not the declared replicaAlias "acme-west": ` +
          `declare that alias to adopt the replica, or delete it (DeleteInstance of ${source.instanceId} in us-west-2) first`,
      );
    });

    it("checks the replica alias as the API documents it (1-45 characters, not d-)", async () => {
      const inputs = replicaInputs("arn:aws:connect:us-east-1:111122223333:instance/11111111-2222-3333-4444-555555555555", "d-replica");
      expect((await instanceReplicaProvider.check(inputs, inputs)).failures).to.deep.equal([
        { property: "replicaAlias", reason: `found "d-replica"; 1-45 letters and digits, hyphens only between them, not starting with 'd-' (Amazon Connect's instance alias rules)` },
      ]);
      const long = { ...inputs, replicaAlias: "a".repeat(46) };
      expect((await instanceReplicaProvider.check(long, long)).failures!.map((f) => f.property)).to.deep.equal(["replicaAlias"]);
    });

    it("works when loaded the way the engine loads a serialized dynamic provider", async () => {
      const pulumi = await import("@pulumi/pulumi");
      // Exactly as @pulumi/pulumi/dynamic serializes a provider for the engine.
      const serialized = await pulumi.runtime.serializeFunction(() => instanceReplicaProvider, { allowSecrets: true });
      const provider = requireFromString(serialized.text).handler();
      const source = suite.simulator.seed({ region: "us-east-1", instance: { alias: "acme" } });
      const created = await provider.create(replicaInputs(source.instanceArn));
      expect(created.outs!.status).to.equal("ACTIVE");
    });
  });

  describe("InstanceReplica with role credentials through a replication longer than one role session", () => {
    const MINUTE = 60_000;
    let sim: Simulator;
    // The simulator's clock moves 20 minutes with every DescribeInstance answered: the poll loop lives
    // through 100 minutes of replication without the spec waiting for them.
    const base = Date.now();
    before(async () => {
      sim = await startTestSimulator({ replicationDelayMs: 70 * MINUTE, clock: () => new Date(base + 20 * MINUTE * (sim?.counters().DescribeInstance?.succeeded ?? 0)) });
    });
    after(() => sim.close());

    it("assumes the deployer role again when the service says its session expired, and finishes the wait", async () => {
      const source = sim.seed({ region: "us-east-1", instance: { alias: "acme" } });
      const created = await instanceReplicaProvider.create({
        ...replicaInputs(source.instanceArn),
        timeoutSeconds: 60,
        pollSeconds: 0.005,
        connection: { endpoint: sim.endpoint, stsEndpoint: sim.endpoint, roleArn: `arn:aws:iam::${WORKLOAD_ACCOUNT}:role/ConnectDrDeployer` },
      });
      expect(created.outs!.status).to.equal("ACTIVE");
      // One session for the source Region, one for the replica Region, and the one that replaced it (sessions last 3600 s by default).
      expect(sim.counters().AssumeRole).to.include({ requests: 3, succeeded: 3 });
    });
  });

  describe("TrafficDistributionGroup", () => {
    async function replicated() {
      const source = suite.simulator.seed({ region: "us-east-1", instance: { alias: "acme" } });
      await instanceReplicaProvider.create(replicaInputs(source.instanceArn));
      const claimed = await east.send(new ClaimPhoneNumberCommand({ TargetArn: source.instanceArn, PhoneNumber: "+12065550100" }));
      return { source, phoneNumberId: claimed.PhoneNumberId! };
    }
    const groupInputs = (instanceArn: string, patch: Partial<TrafficDistributionGroupInputs> = {}): TrafficDistributionGroupInputs => ({
      instanceArn,
      replicaRegion: "us-west-2",
      useDefaultGroup: true,
      name: "tdg",
      description: "Managed by connect-dr",
      distribution: declaredDistribution({ pair }),
      phoneNumberIds: [],
      timeoutSeconds: 5,
      pollSeconds: 0.02,
      connection: { endpoint: suite.simulator.endpoint },
      ...patch,
    });

    it("adopts the default group, applies the declared distribution and moves numbers in", async () => {
      const { source, phoneNumberId } = await replicated();
      const created = await trafficDistributionGroupProvider.create(groupInputs(source.instanceArn, { phoneNumberIds: [phoneNumberId] }));
      expect(created.outs!.liveDistribution).to.deep.equal(declaredDistribution({ pair }));
      const inGroup = await east.send(new ListPhoneNumbersV2Command({ TargetArn: created.id }));
      expect(inGroup.ListPhoneNumbersSummaryList?.map((n) => n.PhoneNumberId)).to.deep.equal([phoneNumberId]);
    });

    it("applies a changed declaration, and a refresh records a run-time failover without undoing it", async () => {
      const { source } = await replicated();
      const created = await trafficDistributionGroupProvider.create(groupInputs(source.instanceArn));
      const shifted = groupInputs(source.instanceArn, { distribution: declaredDistribution({ pair, activeRegion: "us-west-2", activePercent: 70 }) });
      expect((await trafficDistributionGroupProvider.diff(created.id, created.outs!, shifted)).changes).to.equal(true);
      const updated = await trafficDistributionGroupProvider.update(created.id, created.outs!, shifted);
      expect(updated.outs!.liveDistribution.telephony).to.deep.equal([{ region: "us-west-2", percentage: 70 }, { region: "us-east-1", percentage: 30 }]);
      const read = await trafficDistributionGroupProvider.read(created.id, updated.outs as never);
      expect(read.props!.distribution).to.deep.equal(shifted.distribution);
      expect((await trafficDistributionGroupProvider.diff(created.id, read.props as never, shifted)).changes).to.equal(false);
    });

    it("rejects an invalid declaration at check time, naming the property", async () => {
      const bad = groupInputs("arn:aws:connect:us-east-1:111122223333:instance/11111111-2222-3333-4444-555555555555", {
        useDefaultGroup: false,
        distribution: declaredDistribution({ pair }),
      });
      const checked = await trafficDistributionGroupProvider.check(bad, bad);
      expect(checked.failures).to.deep.equal([{ property: "distribution", reason: "agents and signIn exist only on the default group; set useDefaultGroup or declare telephony only" }]);
    });

    it("creates, then deletes, its own group, moving numbers back to the instance", async () => {
      const { source, phoneNumberId } = await replicated();
      const own = groupInputs(source.instanceArn, { useDefaultGroup: false, name: "overflow", distribution: declaredDistribution({ pair, useDefaultGroup: false }), phoneNumberIds: [phoneNumberId] });
      const created = await trafficDistributionGroupProvider.create(own);
      await trafficDistributionGroupProvider.delete(created.id, created.outs!);
      const onInstance = await east.send(new ListPhoneNumbersV2Command({ TargetArn: source.instanceArn }));
      expect(onInstance.ListPhoneNumbersSummaryList?.map((n) => n.PhoneNumberId)).to.deep.equal([phoneNumberId]);
      expect(await trafficDistributionGroupProvider.read(created.id, created.outs!)).to.deep.equal({});
    });
  });
});
