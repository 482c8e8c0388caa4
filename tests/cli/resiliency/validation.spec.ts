import { expect } from "chai";
import { AssociateLambdaFunctionCommand, DisassociatePhoneNumberContactFlowCommand, DisassociateTrafficDistributionGroupUserCommand, ReleasePhoneNumberCommand } from "@aws-sdk/client-connect";
import { planShift } from "../../../components/resiliency/traffic-distribution";
import { validateService, validationPassed, type ValidationTarget } from "../../../cli/resiliency/validation";
import { simulatorForSuite } from "../../support/simulator";
import { replicatedCentre, type ReplicatedCentre } from "../../../tools/simulator/scenarios";
import { auditModelTraffic } from "../../support/model-audit";

const pair = ["us-east-1", "us-west-2"] as const;

describe("validateService against the Connect API simulator", () => {
  // Every request the code under test sends must be one AWS's Connect model accepts (and every answer model-shaped).
  auditModelTraffic();
  const suite = simulatorForSuite();
  let centre: ReplicatedCentre;
  beforeEach(async () => {
    centre = await replicatedCentre(suite.simulator);
  });
  afterEach(() => centre.close());

  const target = (patch: Partial<ValidationTarget> = {}): ValidationTarget => ({
    instanceId: centre.instanceId,
    regions: pair,
    groupArn: centre.groupArn,
    expectedDistribution: planShift({ telephony: [], agents: [], signIn: [] }, { toRegion: "us-east-1" }, pair),
    syntheticFlowName: "Synthetic check",
    ...patch,
  });
  const ports = () => ({
    connect: (region: string) => centre.clients[region as (typeof pair)[number]],
    functionExists: async () => true,
    metricAnomalies: async () => [],
  });

  it("passes every check of a healthy replicated centre, Region by Region", async () => {
    const checks = await validateService(target(), ports());
    expect(checks.filter((c) => c.status !== "pass")).to.deep.equal([]);
    expect(checks.map((c) => `${c.region} ${c.name}`)).to.deep.equal([
      "us-east-1 instance active",
      "us-east-1 flows published",
      "us-east-1 queues routed with hours",
      "us-east-1 phone numbers in the group with flows",
      "us-west-2 instance active",
      "us-west-2 flows published",
      "us-west-2 queues routed with hours",
      "us-west-2 phone numbers in the group with flows",
      "us-east-1+us-west-2 Lambda associations match",
      "us-east-1+us-west-2 Lex bot associations match",
      "us-east-1+us-west-2 users in both Regions",
      "us-east-1 Lambda functions exist",
      "us-west-2 Lambda functions exist",
      "global distribution as expected",
      "us-east-1 metrics without anomalies",
      "us-west-2 metrics without anomalies",
      "us-east-1 synthetic chat",
      "us-west-2 synthetic chat",
    ]);
    expect(validationPassed(checks)).to.equal(true);
  });

  it("fails a Lambda associated in one Region only, naming it and the Region", async () => {
    await centre.clients["us-east-1"].send(new AssociateLambdaFunctionCommand({ InstanceId: centre.instanceId, FunctionArn: "arn:aws:lambda:us-east-1:111122223333:function:payments" }));
    const checks = await validateService(target(), ports());
    expect(checks.find((c) => c.name === "Lambda associations match")).to.deep.equal({
      region: "us-east-1+us-west-2",
      name: "Lambda associations match",
      status: "fail",
      detail: "only in us-east-1: payments",
    });
    expect(validationPassed(checks)).to.equal(false);
  });

  it("fails a phone number with no flow in one Region (associations are per Region), and a distribution that is not the expected one", async () => {
    await centre.clients["us-west-2"].send(new DisassociatePhoneNumberContactFlowCommand({ InstanceId: centre.instanceId, PhoneNumberId: centre.phoneNumberArn }));
    const checks = await validateService(target({ expectedDistribution: planShift({ telephony: [], agents: [], signIn: [] }, { toRegion: "us-west-2" }, pair) }), ports());
    const failed = checks.filter((c) => c.status === "fail").map((c) => [c.region, c.name, c.detail]);
    expect(failed).to.deep.equal([
      ["us-west-2", "phone numbers in the group with flows", "no flow associated in us-west-2: +12065550123"],
      [
        "global",
        "distribution as expected",
        "found telephony us-east-1 100% / us-west-2 0%; agents us-east-1 100% / us-west-2 0%; sign-in us-east-1 on / us-west-2 on; expected telephony us-west-2 100% / us-east-1 0%; agents us-west-2 100% / us-east-1 0%; sign-in us-east-1 on / us-west-2 on",
      ],
    ]);
  });

  it("reports a missing Lambda function and metric anomalies from their ports", async () => {
    const checks = await validateService(target(), { ...ports(), functionExists: async (region) => region === "us-east-1", metricAnomalies: async (region) => (region === "us-west-2" ? ["3 throttled calls"] : []) });
    expect(checks.filter((c) => c.status !== "pass").map((c) => [c.region, c.name, c.status, c.detail])).to.deep.equal([
      ["us-west-2", "Lambda functions exist", "fail", "missing: customer-lookup"],
      ["us-west-2", "metrics without anomalies", "warn", "3 throttled calls"],
    ]);
  });

  it("reports each Region whose instance cannot be reached as a failed check instead of throwing", async () => {
    suite.simulator.setFaults({ errorRate: 1, operations: ["DescribeInstance"] });
    const checks = await validateService(target({ syntheticFlowName: undefined, expectedDistribution: undefined }), {
      ...ports(),
      connect: (region: string) => centre.clients[region as (typeof pair)[number]],
    });
    suite.simulator.setFaults({});
    expect(checks.filter((c) => c.name === "instance reachable").map((c) => [c.region, c.status])).to.deep.equal([
      ["us-east-1", "fail"],
      ["us-west-2", "fail"],
    ]);
  });

  it("fails a group that carries no numbers, naming it", async () => {
    await centre.clients["us-east-1"].send(new ReleasePhoneNumberCommand({ PhoneNumberId: centre.phoneNumberId }));
    const checks = await validateService(target(), ports());
    expect(checks.filter((c) => c.status === "fail").map((c) => [c.region, c.detail])).to.deep.equal([
      ["us-east-1", `no phone numbers in ${centre.groupArn}: a failover moves no calls`],
      ["us-west-2", `no phone numbers in ${centre.groupArn}: a failover moves no calls`],
    ]);
  });

  it("checks the configured agents: an agent not associated, a user and a routing profile that do not exist, each named", async () => {
    expect(await validateService(target({ agents: { usernames: ["agent.one"], routingProfiles: ["Basic Routing Profile"] } }), ports()).then((cs) => cs.find((c) => c.name === "agents in the group"))).to.deep.equal({
      region: "us-east-1",
      name: "agents in the group",
      status: "pass",
      detail: "2 agents associated with the group",
    });
    await centre.clients["us-east-1"].send(new DisassociateTrafficDistributionGroupUserCommand({ TrafficDistributionGroupId: centre.groupArn, InstanceId: centre.instanceId, UserId: centre.userIds["agent.two"] }));
    const checks = await validateService(target({ agents: { usernames: ["agent.one", "agent.two", "agent.nine"], routingProfiles: ["Night shift"] } }), ports());
    expect(checks.find((c) => c.name === "agents in the group")).to.deep.equal({
      region: "us-east-1",
      name: "agents in the group",
      status: "fail",
      detail: "not associated with the group: agent.two; no such user: agent.nine; no such routing profile: Night shift",
    });
  });

  it("with the primary Region down, checks the secondary alone and reads the group there", async () => {
    await suite.simulator.darkenRegion("us-east-1");
    try {
      const checks = await validateService(
        target({ unavailableRegions: ["us-east-1"], agents: { usernames: ["agent.one"], routingProfiles: [] }, expectedDistribution: planShift({ telephony: [], agents: [], signIn: [] }, { toRegion: "us-east-1" }, pair) }),
        ports(),
      );
      expect(checks.filter((c) => c.status !== "pass").map((c) => [c.region, c.name, c.status])).to.deep.equal([["us-east-1", "Region checks", "skip"]]);
      expect(checks.map((c) => `${c.region} ${c.name}`)).to.include.members(["us-west-2 phone numbers in the group with flows", "us-west-2 agents in the group", "global distribution as expected"]);
    } finally {
      await suite.simulator.restoreRegion("us-east-1");
    }
  });
});
