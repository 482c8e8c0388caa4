import { expect } from "chai";
import { join } from "node:path";
import { DisassociateTrafficDistributionGroupUserCommand, ListTrafficDistributionGroupUsersCommand } from "@aws-sdk/client-connect";
import { main } from "../../cli/index";
import type { CliIo } from "../../cli/io";
import { simulatorForSuite } from "../support/simulator";
import { replicatedCentre, type ReplicatedCentre } from "../../tools/simulator/scenarios";
import { auditModelTraffic } from "../support/model-audit";

const ROOT = join(__dirname, "../..");

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: process.env, cwd: ROOT };
  return { code: await main(args, io), stdout, stderr };
}

describe("connect-dr agents: the traffic distribution group's agents, reconciled after user provisioning", function () {
  auditModelTraffic();
  this.timeout(20_000);
  const suite = simulatorForSuite();
  let centre: ReplicatedCentre;
  beforeEach(async () => {
    centre = await replicatedCentre(suite.simulator);
    // One agent left the group (e.g. re-provisioned): the command must bring them back.
    await centre.clients["us-east-1"].send(new DisassociateTrafficDistributionGroupUserCommand({ TrafficDistributionGroupId: centre.groupArn, InstanceId: centre.instanceId, UserId: centre.userIds["agent.two"] }));
  });
  afterEach(() => centre.close());

  const target = () => ["--instance-arn", centre.instanceArn, "--endpoint-url", suite.simulator.endpoint, "--rate", "100", "--burst", "100", "--no-progress"];
  const members = async () =>
    (await centre.clients["us-west-2"].send(new ListTrafficDistributionGroupUsersCommand({ TrafficDistributionGroupId: centre.groupArn }))).TrafficDistributionGroupUserSummaryList!.map((u) => u.UserId).sort();

  it("--dry-run shows who would be associated and changes nothing", async () => {
    const result = await run(["agents", ...target(), "--agent-routing-profile", "Basic Routing Profile", "--dry-run", "--json"]);
    expect(result.code).to.equal(0);
    expect(JSON.parse(result.stdout)).to.deep.equal({
      groupArn: centre.groupArn,
      dryRun: true,
      selected: ["agent.one", "agent.two"],
      toAssociate: ["agent.two"],
      notSelected: [],
      unknownUsernames: [],
      unknownRoutingProfiles: [],
      associated: 0,
      disassociated: 0,
    });
    expect(await members()).to.deep.equal([centre.userIds["agent.one"]]);
  });

  it("associates every user of a routing profile in the source Region; run again, it changes nothing", async () => {
    expect((await run(["agents", ...target(), "--agent-routing-profile", "Basic Routing Profile"])).code).to.equal(0);
    expect(await members()).to.deep.equal([centre.userIds["agent.one"], centre.userIds["agent.two"]].sort());
    const again = JSON.parse((await run(["agents", ...target(), "--agent-routing-profile", "Basic Routing Profile", "--json"])).stdout);
    expect(again).to.include({ associated: 0, disassociated: 0 });
    expect(suite.simulator.counters().AssociateTrafficDistributionGroupUser?.succeeded).to.equal(2 + 1);
  });

  it("--prune disassociates a member no longer selected", async () => {
    const result = JSON.parse((await run(["agents", ...target(), "--agent", "agent.two", "--prune", "--json"])).stdout);
    expect(result).to.include({ associated: 1, disassociated: 1 });
    expect(await members()).to.deep.equal([centre.userIds["agent.two"]]);
  });

  it("names a user and a routing profile that do not exist, associates the rest, and exits 1", async () => {
    const result = await run(["agents", ...target(), "--agent", "agent.two", "--agent", "agent.nine", "--agent-routing-profile", "Night shift"]);
    expect(result.code).to.equal(1);
    expect(result.stdout).to.include("associated: agent.two\n").and.include("no such user: agent.nine\n").and.include("no such routing profile: Night shift\n");
    expect(await members()).to.include(centre.userIds["agent.two"]);
  });

  it("takes the agents from the committed secondary stack file", async () => {
    const result = await run(["agents", ...target(), "--stack", "secondary", "--dry-run", "--json"]);
    // The committed stack names the primary's routing profiles, which the simulated centre does not have.
    expect(result.code).to.equal(1);
    expect(JSON.parse(result.stdout).unknownRoutingProfiles).to.deep.equal(["Sales agents", "Support agents"]);
  });

  it("is a usage error without agents, or with both --stack and --agent", async () => {
    expect(await run(["agents", ...target()])).to.include({ code: 2 });
    const both = await run(["agents", ...target(), "--stack", "secondary", "--agent", "a"]);
    expect(both.code).to.equal(2);
    expect(both.stderr).to.include("--stack: found with --agent or --agent-routing-profile; allowed: one or the other");
  });
});
