/**
 * The user hierarchy through the real SDK: structure updates, groups with derived levels, renames,
 * deletes refused while a group has children or users, and consistent Describe answers. Error names
 * are the ones botocore's model lists for each operation.
 */
import { expect } from "chai";
import {
  ConnectClient,
  CreateSecurityProfileCommand,
  CreateUserHierarchyGroupCommand,
  DeleteSecurityProfileCommand,
  DeleteUserHierarchyGroupCommand,
  DescribeUserHierarchyGroupCommand,
  DescribeUserHierarchyStructureCommand,
  ListTagsForResourceCommand,
  ListUserHierarchyGroupsCommand,
  UpdateUserHierarchyGroupNameCommand,
  UpdateUserHierarchyStructureCommand,
} from "@aws-sdk/client-connect";
import type { Simulator } from "../../../tools/simulator";
import { CONNECT_MODEL } from "../../../tools/simulator/model/connect-model";
import { clientFor, rejectionOf, startTestSimulator } from "./support";
import { auditModelTraffic } from "../../support/model-audit";

function listed(operation: string, error: string): string {
  expect(CONNECT_MODEL.operations[operation]!.errors, `${operation} lists ${error}`).to.include(error);
  return error;
}

describe("simulator: user hierarchy structure and groups", () => {
  auditModelTraffic({ requests: false });
  let sim: Simulator;
  let client: ConnectClient;
  let InstanceId: string;

  before(async () => {
    sim = await startTestSimulator();
    client = clientFor(sim);
    InstanceId = sim.seed({ region: "us-east-1", instance: { alias: "hierarchy" } }).instanceId;
  });
  after(() => sim.close());

  const structure = async () => (await client.send(new DescribeUserHierarchyStructureCommand({ InstanceId }))).HierarchyStructure!;
  const group = async (id: string) => (await client.send(new DescribeUserHierarchyGroupCommand({ InstanceId, HierarchyGroupId: id }))).HierarchyGroup!;

  it("starts without levels; a group cannot be created before its level exists", async () => {
    expect(await structure()).to.deep.equal({});
    const early = await rejectionOf(client.send(new CreateUserHierarchyGroupCommand({ InstanceId, Name: "EMEA" })));
    expect(early.name).to.equal(listed("CreateUserHierarchyGroup", "InvalidParameterException"));
  });

  it("defines levels from LevelOne down and refuses gaps", async () => {
    const gap = await rejectionOf(client.send(new UpdateUserHierarchyStructureCommand({ InstanceId, HierarchyStructure: { LevelOne: { Name: "Region" }, LevelThree: { Name: "Team" } } })));
    expect(gap.name).to.equal(listed("UpdateUserHierarchyStructure", "InvalidParameterException"));
    await client.send(new UpdateUserHierarchyStructureCommand({ InstanceId, HierarchyStructure: { LevelOne: { Name: "Region" }, LevelTwo: { Name: "Site" }, LevelThree: { Name: "Team" } } }));
    const s = await structure();
    expect([s.LevelOne?.Name, s.LevelTwo?.Name, s.LevelThree?.Name, s.LevelFour]).to.deep.equal(["Region", "Site", "Team", undefined]);
    expect(s.LevelOne!.Arn).to.equal(`arn:aws:connect:us-east-1:111111111111:instance/${InstanceId}/agent-group-level/${s.LevelOne!.Id}`);
  });

  it("derives each group's level from its parent and describes the path root first", async () => {
    const emea = await client.send(new CreateUserHierarchyGroupCommand({ InstanceId, Name: "EMEA", Tags: { cost: "eu" } }));
    const dublin = await client.send(new CreateUserHierarchyGroupCommand({ InstanceId, Name: "Dublin", ParentGroupId: emea.HierarchyGroupId }));
    const billing = await client.send(new CreateUserHierarchyGroupCommand({ InstanceId, Name: "Billing", ParentGroupId: dublin.HierarchyGroupId }));
    const s = await structure();
    const b = await group(billing.HierarchyGroupId!);
    expect(b.LevelId).to.equal(s.LevelThree!.Id);
    expect([b.HierarchyPath!.LevelOne!.Name, b.HierarchyPath!.LevelTwo!.Name, b.HierarchyPath!.LevelThree!.Name]).to.deep.equal(["EMEA", "Dublin", "Billing"]);
    expect((await group(emea.HierarchyGroupId!)).LevelId).to.equal(s.LevelOne!.Id);
    expect((await group(emea.HierarchyGroupId!)).Tags).to.deep.equal({ cost: "eu" });
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn: emea.HierarchyGroupArn }))).tags).to.deep.equal({ cost: "eu" });
    // Below the deepest level: no LevelFour.
    const tooDeep = await rejectionOf(client.send(new CreateUserHierarchyGroupCommand({ InstanceId, Name: "Night shift", ParentGroupId: billing.HierarchyGroupId })));
    expect(tooDeep.name).to.equal("InvalidParameterException");
    const noParent = await rejectionOf(client.send(new CreateUserHierarchyGroupCommand({ InstanceId, Name: "Orphan", ParentGroupId: "00000000-0000-4000-8000-000000000000" })));
    expect(noParent.name).to.equal(listed("CreateUserHierarchyGroup", "ResourceNotFoundException"));
    const duplicate = await rejectionOf(client.send(new CreateUserHierarchyGroupCommand({ InstanceId, Name: "Dublin", ParentGroupId: emea.HierarchyGroupId })));
    expect(duplicate.name).to.equal(listed("CreateUserHierarchyGroup", "DuplicateResourceException"));
  });

  it("renames groups (unique names) and levels (same ids), and the paths follow", async () => {
    const groups = (await client.send(new ListUserHierarchyGroupsCommand({ InstanceId }))).UserHierarchyGroupSummaryList!;
    const dublin = groups.find((g) => g.Name === "Dublin")!;
    const taken = await rejectionOf(client.send(new UpdateUserHierarchyGroupNameCommand({ InstanceId, HierarchyGroupId: dublin.Id, Name: "EMEA" })));
    expect(taken.name).to.equal(listed("UpdateUserHierarchyGroupName", "DuplicateResourceException"));
    await client.send(new UpdateUserHierarchyGroupNameCommand({ InstanceId, HierarchyGroupId: dublin.Id, Name: "Cork" }));
    const before = await structure();
    await client.send(new UpdateUserHierarchyStructureCommand({ InstanceId, HierarchyStructure: { LevelOne: { Name: "Area" }, LevelTwo: { Name: "Site" }, LevelThree: { Name: "Team" } } }));
    const after = await structure();
    expect(after.LevelOne).to.deep.include({ Id: before.LevelOne!.Id, Name: "Area" });
    const billing = groups.find((g) => g.Name === "Billing")!;
    expect((await group(billing.Id!)).HierarchyPath!.LevelTwo!.Name).to.equal("Cork");
  });

  it("refuses removing a level that has groups, and deleting a group with children or users (ResourceInUseException)", async () => {
    const shrink = await rejectionOf(client.send(new UpdateUserHierarchyStructureCommand({ InstanceId, HierarchyStructure: { LevelOne: { Name: "Area" } } })));
    expect(shrink.name).to.equal(listed("UpdateUserHierarchyStructure", "ResourceInUseException"));
    expect(shrink.$metadata?.httpStatusCode).to.equal(409);
    const groups = (await client.send(new ListUserHierarchyGroupsCommand({ InstanceId }))).UserHierarchyGroupSummaryList!;
    const id = (name: string) => groups.find((g) => g.Name === name)!.Id!;
    const parent = await rejectionOf(client.send(new DeleteUserHierarchyGroupCommand({ InstanceId, HierarchyGroupId: id("EMEA") })));
    expect(parent.name).to.equal(listed("DeleteUserHierarchyGroup", "ResourceInUseException"));
    // A user in a group (seeded into the same instance).
    sim.seed({ region: "us-east-1", instance: { id: InstanceId }, users: [{ username: "billing-agent" }] });
    const user = [...sim.state.region("111111111111", "us-east-1").instances.get(InstanceId)!.config.users.values()].find((u) => u.name === "billing-agent")!;
    user.hierarchyGroupId = id("Billing");
    const withUser = await rejectionOf(client.send(new DeleteUserHierarchyGroupCommand({ InstanceId, HierarchyGroupId: id("Billing") })));
    expect(withUser.name).to.equal("ResourceInUseException");
    delete user.hierarchyGroupId;
    // A security profile restricted to the group holds it too.
    const profile = await client.send(new CreateSecurityProfileCommand({ InstanceId, SecurityProfileName: "Billing leads", AllowedAccessControlHierarchyGroupId: id("Billing"), HierarchyRestrictedResources: ["User"] }));
    const restricted = await rejectionOf(client.send(new DeleteUserHierarchyGroupCommand({ InstanceId, HierarchyGroupId: id("Billing") })));
    expect(restricted.name).to.equal("ResourceInUseException");
    await client.send(new DeleteSecurityProfileCommand({ InstanceId, SecurityProfileId: profile.SecurityProfileId }));
    for (const name of ["Billing", "Cork", "EMEA"]) await client.send(new DeleteUserHierarchyGroupCommand({ InstanceId, HierarchyGroupId: id(name) }));
    expect((await client.send(new ListUserHierarchyGroupsCommand({ InstanceId }))).UserHierarchyGroupSummaryList).to.deep.equal([]);
    await client.send(new UpdateUserHierarchyStructureCommand({ InstanceId, HierarchyStructure: { LevelOne: { Name: "Area" } } }));
    expect(Object.keys(await structure())).to.deep.equal(["LevelOne"]);
    const gone = await rejectionOf(client.send(new DescribeUserHierarchyGroupCommand({ InstanceId, HierarchyGroupId: id("EMEA") })));
    expect(gone.name).to.equal(listed("DescribeUserHierarchyGroup", "ResourceNotFoundException"));
  });
});
