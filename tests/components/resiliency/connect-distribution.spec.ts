import { expect } from "chai";
import { ListTrafficDistributionGroupsCommand, type ConnectClient } from "@aws-sdk/client-connect";
import { ConnectDistribution } from "../../../components/resiliency/connect-distribution";
import { instanceReplicaProvider } from "../../../components/resiliency/acgr/instance-replica-provider";
import { isSplit, planShift } from "../../../components/resiliency/traffic-distribution";
import { connectTo, simulatorForSuite } from "../../support/simulator";
import { auditModelTraffic } from "../../support/model-audit";

const pair = ["us-east-1", "us-west-2"] as const;

describe("ConnectDistribution against the Connect API simulator", () => {
  // Every request the code under test sends must be one AWS's Connect model accepts (and every answer model-shaped).
  auditModelTraffic();
  const suite = simulatorForSuite();
  let groupArn: string;
  let west: ConnectClient;
  beforeEach(async () => {
    const source = suite.simulator.seed({ region: "us-east-1", instance: { alias: "acme" } });
    await instanceReplicaProvider.create({
      sourceInstanceArn: source.instanceArn,
      replicaRegion: "us-west-2",
      replicaAlias: "acme-west",
      timeoutSeconds: 5,
      pollSeconds: 0.02,
      connection: { endpoint: suite.simulator.endpoint },
    });
    const east = connectTo(suite.simulator, "us-east-1");
    groupArn = (await east.send(new ListTrafficDistributionGroupsCommand({ InstanceId: source.instanceArn }))).TrafficDistributionGroupSummaryList!.find((g) => g.IsDefault)!.Arn!;
    east.destroy();
    // The surviving Region: the handler there addresses the group by ARN.
    west = connectTo(suite.simulator, "us-west-2", { maxAttempts: 1 });
  });
  afterEach(() => west.destroy());

  it("reads and moves the default group from the replica Region by ARN", async () => {
    const distribution = new ConnectDistribution(west, groupArn);
    const before = await distribution.read();
    const after = await distribution.apply(planShift(before, { toRegion: "us-west-2" }, pair));
    expect(after.telephony).to.deep.equal([{ region: "us-west-2", percentage: 100 }, { region: "us-east-1", percentage: 0 }]);
    expect(after.agents).to.deep.equal(after.telephony);
  });

  it("retries UpdateTrafficDistribution through 5xx errors and never leaves the group split", async () => {
    const distribution = new ConnectDistribution(west, groupArn, { attempts: 20, backoffMilliseconds: 1 });
    const planned = planShift(await distribution.read(), { toRegion: "us-west-2" }, pair);
    suite.simulator.setFaults({ errorRate: 0.8, operations: ["UpdateTrafficDistribution"] });
    const after = await distribution.apply(planned);
    suite.simulator.setFaults({});
    expect(isSplit(after)).to.equal(false);
    expect(after.telephony[0]).to.deep.equal({ region: "us-west-2", percentage: 100 });
    const counters = suite.simulator.counters().UpdateTrafficDistribution;
    expect(counters.requests).to.be.greaterThan(counters.succeeded);
  });

  it("rides out throttling without surfacing it", async () => {
    suite.simulator.setQuota({ perOperation: { UpdateTrafficDistribution: { ratePerSecond: 2, burst: 1 } } });
    const distribution = new ConnectDistribution(west, groupArn, { attempts: 10, backoffMilliseconds: 50 });
    const start = await distribution.read();
    for (const to of ["us-west-2", "us-east-1", "us-west-2"]) {
      const after = await distribution.apply(planShift(start, { toRegion: to }, pair));
      expect(after.telephony[0].region).to.equal(to);
    }
    expect(suite.simulator.counters().UpdateTrafficDistribution.throttled).to.be.greaterThan(0);
  });

  it("gives up after its attempts with the last error, never with a half-applied distribution", async () => {
    const distribution = new ConnectDistribution(west, groupArn, { attempts: 3, backoffMilliseconds: 1 });
    const before = await distribution.read();
    suite.simulator.setFaults({ errorRate: 1, operations: ["UpdateTrafficDistribution"] });
    const error = await distribution.apply(planShift(before, { toRegion: "us-west-2" }, pair)).catch((e: Error) => e);
    suite.simulator.setFaults({});
    expect((error as Error).message).to.match(/^UpdateTrafficDistribution did not take effect after 3 attempts: /);
    expect(await distribution.read()).to.deep.equal(before);
  });
});
