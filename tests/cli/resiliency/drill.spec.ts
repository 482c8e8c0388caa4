import { expect } from "chai";
import { ConnectDistribution } from "../../../components/resiliency/connect-distribution";
import { drillPlan, renderDrillMarkdown, runDrill, type DrillPorts } from "../../../cli/resiliency/drill";
import { DynamoDbFailoverStore } from "../../../components/resiliency/failover-lock";
import { startDynalite, type LocalDynamo } from "../../support/dynalite";
import { simulatorForSuite } from "../../support/simulator";
import { replicatedCentre, type ReplicatedCentre } from "../../../tools/simulator/scenarios";
import { auditModelTraffic } from "../../support/model-audit";

const pair = ["us-east-1", "us-west-2"] as const;

describe("DR drill against the Connect API simulator and a real DynamoDB-compatible lock table", () => {
  // Every request the code under test sends must be one AWS's Connect model accepts (and every answer model-shaped).
  auditModelTraffic();
  const suite = simulatorForSuite();
  let dynamo: LocalDynamo;
  let centre: ReplicatedCentre;
  let table = 0;
  before(async () => {
    dynamo = await startDynalite();
  });
  after(async () => {
    await dynamo.close();
  });
  beforeEach(async () => {
    centre = await replicatedCentre(suite.simulator);
  });
  afterEach(() => centre.close());

  async function ports(): Promise<DrillPorts> {
    const name = `drill-lock-${++table}`;
    await dynamo.createTable(name);
    const store = new DynamoDbFailoverStore(dynamo.client, name, centre.groupArn);
    return {
      distribution: new ConnectDistribution(centre.clients["us-west-2"], centre.groupArn),
      lock: store,
      audit: store,
      regionHealth: async () => ({ healthy: true, reason: "OK" }),
      notify: async () => undefined,
      validation: { connect: (region) => centre.clients[region as (typeof pair)[number]], functionExists: async () => true, metricAnomalies: async () => [] },
      sleep: async () => undefined,
    };
  }
  const options = () => ({ target: { instanceId: centre.instanceId, regions: pair, groupArn: centre.groupArn, syntheticFlowName: "Synthetic check" }, pollSeconds: 0 });

  it("fails over, reaches steady state, fails back, and measures the RTO", async () => {
    const report = await runDrill(options(), await ports());
    expect(report.passed).to.equal(true);
    expect(report.failover).to.include({ outcome: "shifted", distribution: "telephony us-west-2 100% / us-east-1 0%; agents us-west-2 100% / us-east-1 0%; sign-in us-east-1 on / us-west-2 on" });
    expect(report.failback).to.include({ outcome: "shifted" });
    expect(report.measuredRtoSeconds).to.equal(report.failover!.steadyStateSeconds);
    expect(report.measuredRtoSeconds!).to.be.greaterThan(0).and.lessThan(30);
    expect(report.timeline.map((t) => t.phase)).to.deep.equal(["pre-checks", "failover", "failover", "failover", "failback", "failback", "failback", "done"]);
    const markdown = renderDrillMarkdown(report);
    expect(markdown).to.match(/^# DR drill: PASSED\n/);
    expect(markdown).to.contain(`**Measured RTO: ${report.measuredRtoSeconds!.toFixed(3)} s**`);
    expect(markdown).to.contain("| us-west-2 | synthetic chat | PASS |");
  });

  it("aborts without touching traffic when a pre-check fails", async () => {
    const p = await ports();
    const report = await runDrill(options(), { ...p, validation: { ...p.validation, functionExists: async (region) => region !== "us-west-2" } });
    expect(report).to.include({ passed: false, abortedBecause: "pre-checks failed: us-west-2 Lambda functions exist" });
    expect(report.failover).to.equal(undefined);
    expect(suite.simulator.counters().UpdateTrafficDistribution?.requests ?? 0).to.equal(0);
  });

  it("reports no steady state when validation keeps failing after the shift", async () => {
    const p = await ports();
    let calls = 0;
    // Both Regions pass the pre-checks; after the shift a Lambda function goes missing and stays missing.
    const report = await runDrill({ ...options(), steadyStateTimeoutSeconds: 0.001, failBack: false }, {
      ...p,
      validation: { ...p.validation, functionExists: async () => ++calls <= 2 },
    });
    expect(report.passed).to.equal(false);
    expect(report.failover!.steadyStateSeconds).to.equal(undefined);
    expect(report.measuredRtoSeconds).to.equal(undefined);
    expect(renderDrillMarkdown(report)).to.contain("**Measured RTO: not reached**");
  });

  it("plans without acting", () => {
    expect(drillPlan({ target: { instanceId: "i", regions: pair, groupArn: "arn" } })).to.deep.equal([
      "pre-checks: validate us-east-1 and us-west-2",
      "fail over: move telephony and agents to us-west-2 (100% to us-west-2)",
      "wait for steady state: distribution in force and validation passing (at most 600 s)",
      "fail back: move telephony and agents to us-east-1",
      "wait for steady state again, then validate",
    ]);
  });
});
