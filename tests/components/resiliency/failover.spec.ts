import { expect } from "chai";
import { QueryCommand } from "@aws-sdk/client-dynamodb";
import { runFailover, type FailoverPorts, type FailoverTrigger } from "../../../components/resiliency/failover";
import { DynamoDbFailoverStore } from "../../../components/resiliency/failover-lock";
import type { DistributionPort } from "../../../components/resiliency/connect-distribution";
import type { TrafficDistribution } from "../../../components/resiliency/traffic-distribution";
import { startDynalite, type LocalDynamo } from "../../support/dynalite";

const pair = ["us-east-1", "us-west-2"] as const;
const group = "arn:aws:connect:us-east-1:111122223333:traffic-distribution-group/tdg-1";
const eastActive: TrafficDistribution = {
  telephony: [{ region: "us-east-1", percentage: 100 }, { region: "us-west-2", percentage: 0 }],
  agents: [{ region: "us-east-1", percentage: 100 }, { region: "us-west-2", percentage: 0 }],
  signIn: [{ region: "us-east-1", enabled: true }, { region: "us-west-2", enabled: true }],
};

/** An in-memory group that counts the updates it receives (the Connect path is tested against the simulator). */
class RecordingDistribution implements DistributionPort {
  updates = 0;
  constructor(public current: TrafficDistribution, private readonly delayMs = 5) {}
  async read() {
    await new Promise((r) => setTimeout(r, this.delayMs));
    return this.current;
  }
  async apply(planned: TrafficDistribution) {
    this.updates++;
    await new Promise((r) => setTimeout(r, this.delayMs));
    this.current = planned;
    return planned;
  }
}

describe("runFailover with the lock and audit table on a real DynamoDB-compatible server", () => {
  let dynamo: LocalDynamo;
  let table = 0;
  before(async () => {
    dynamo = await startDynalite();
  });
  after(async () => dynamo.close());

  async function setup(distribution: RecordingDistribution, healthy = true) {
    const name = `dr-lock-${++table}`;
    await dynamo.createTable(name);
    const store = new DynamoDbFailoverStore(dynamo.client, name, group);
    const notices: string[] = [];
    const dnsShifts: string[] = [];
    const ports: FailoverPorts = {
      distribution,
      lock: store,
      audit: store,
      regionHealth: async (region) => ({ healthy, reason: healthy ? "OK" : `${region}-health composite alarm is ALARM` }),
      dns: { shiftTo: async (region, percent) => void dnsShifts.push(`${region}:${percent}`) },
      notify: async (subject) => void notices.push(subject),
    };
    const audit = async () =>
      (await dynamo.client.send(new QueryCommand({ TableName: name, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": { S: `audit#${group}` } } }))).Items ?? [];
    return { ports, notices, dnsShifts, audit };
  }
  const trigger = (id: string): FailoverTrigger => ({ eventId: id, toRegion: "us-west-2", reason: "us-east-1-health ALARM" });

  it("shifts telephony, agents and DNS once and audits it", async () => {
    const distribution = new RecordingDistribution(eastActive);
    const { ports, notices, dnsShifts, audit } = await setup(distribution);
    const outcome = await runFailover(ports, { pair, cooldownSeconds: 300 }, trigger("evt-1"));
    expect(outcome.action).to.equal("shifted");
    expect(distribution.current.telephony).to.deep.equal([{ region: "us-west-2", percentage: 100 }, { region: "us-east-1", percentage: 0 }]);
    expect(distribution.current.agents).to.deep.equal(distribution.current.telephony);
    expect(dnsShifts).to.deep.equal(["us-west-2:100"]);
    expect(notices).to.deep.equal(["connect-dr: traffic moved to us-west-2"]);
    expect((await audit()).map((i) => i.action.S)).to.deep.equal(["shifted"]);
  });

  it("50 concurrent duplicate alarm events shift exactly once", async () => {
    const distribution = new RecordingDistribution(eastActive);
    const { ports, audit } = await setup(distribution);
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => runFailover(ports, { pair, cooldownSeconds: 300 }, trigger(`evt-${i}`))));
    expect(distribution.updates).to.equal(1);
    expect(outcomes.filter((o) => o.action === "shifted")).to.have.length(1);
    expect(outcomes.every((o) => ["shifted", "locked", "already-in-place"].includes(o.action))).to.equal(true);
    expect((await audit()).filter((i) => i.action.S === "shifted")).to.have.length(1);
  });

  it("a repeat event after the shift changes nothing and takes no lock", async () => {
    const distribution = new RecordingDistribution(eastActive);
    const { ports } = await setup(distribution);
    await runFailover(ports, { pair, cooldownSeconds: 300 }, trigger("evt-a"));
    const repeat = await runFailover(ports, { pair, cooldownSeconds: 300 }, trigger("evt-b"));
    expect(repeat.action).to.equal("already-in-place");
    expect(distribution.updates).to.equal(1);
  });

  it("a flapping alarm inside the cooldown cannot shift back", async () => {
    const distribution = new RecordingDistribution(eastActive);
    const { ports } = await setup(distribution);
    await runFailover(ports, { pair, cooldownSeconds: 300 }, trigger("evt-a"));
    const back = await runFailover(ports, { pair, cooldownSeconds: 300 }, { eventId: "evt-b", toRegion: "us-east-1", reason: "us-west-2-health ALARM" });
    expect(back.action).to.equal("locked");
    expect(distribution.updates).to.equal(1);
  });

  it("refuses to move traffic into an unhealthy Region, and says so", async () => {
    const distribution = new RecordingDistribution(eastActive);
    const { ports, notices } = await setup(distribution, false);
    const outcome = await runFailover(ports, { pair, cooldownSeconds: 300 }, trigger("evt-1"));
    expect(outcome.action).to.equal("refused");
    expect(outcome.detail).to.equal("refused to move traffic into us-west-2, which is itself unhealthy: us-west-2-health composite alarm is ALARM");
    expect(distribution.updates).to.equal(0);
    expect(notices).to.deep.equal(["connect-dr: failover to us-west-2 refused"]);
  });

  it("releases the lock when the update fails, so the next trigger can act", async () => {
    const distribution = new RecordingDistribution(eastActive);
    const { ports } = await setup(distribution);
    const failing: FailoverPorts = { ...ports, distribution: { read: () => distribution.read(), apply: async () => Promise.reject(new Error("UpdateTrafficDistribution did not take effect")) } };
    const err = await runFailover(failing, { pair, cooldownSeconds: 300 }, trigger("evt-1")).catch((e: Error) => e);
    expect(String(err)).to.contain("did not take effect");
    expect((await runFailover(ports, { pair, cooldownSeconds: 300 }, trigger("evt-2"))).action).to.equal("shifted");
  });
});

describe("runFailover: an operator's deliberate move", () => {
  let dynamo: LocalDynamo;
  before(async () => {
    dynamo = await startDynalite();
    await dynamo.createTable("operator-lock");
  });
  after(async () => dynamo.close());

  it("overrides an automated shift's cooldown, then starts its own", async () => {
    const store = new DynamoDbFailoverStore(dynamo.client, "operator-lock", group);
    const distribution = new RecordingDistribution(eastActive);
    const ports: FailoverPorts = { distribution, lock: store, audit: store, regionHealth: async () => ({ healthy: true, reason: "OK" }), notify: async () => undefined };
    const settings = { pair, cooldownSeconds: 300 };
    expect((await runFailover(ports, settings, { eventId: "alarm-1", toRegion: "us-west-2", reason: "alarm" })).action).to.equal("shifted");
    const failback = await runFailover(ports, settings, { eventId: "operator-1", toRegion: "us-east-1", reason: "operator failback", respectCooldown: false });
    expect(failback.action).to.equal("shifted");
    expect(distribution.current.telephony[0]).to.deep.equal({ region: "us-east-1", percentage: 100 });
    // A late, flapping alarm now meets the operator's cooldown.
    expect((await runFailover(ports, settings, { eventId: "alarm-2", toRegion: "us-west-2", reason: "alarm" })).action).to.equal("locked");
  });
});
