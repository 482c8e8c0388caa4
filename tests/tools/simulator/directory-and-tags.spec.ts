import { expect } from "chai";
import {
  ConnectClient,
  CreateAgentStatusCommand,
  CreateContactFlowCommand,
  DuplicateResourceException,
  CreateContactFlowModuleCommand,
  DeleteContactFlowModuleCommand,
  DescribeAgentStatusCommand,
  DescribeContactFlowModuleCommand,
  DescribePromptCommand,
  DescribeSecurityProfileCommand,
  DescribeUserCommand,
  DescribeUserHierarchyGroupCommand,
  DescribeUserHierarchyStructureCommand,
  InvalidContactFlowModuleException,
  InvalidParameterException,
  InvalidRequestException,
  ListQueuesCommand,
  DeleteQueueCommand,
  ListAgentStatusesCommand,
  ListContactFlowModulesCommand,
  ListContactFlowsCommand,
  ListPromptsCommand,
  ListSecurityProfilePermissionsCommand,
  ListSecurityProfilesCommand,
  ListTagsForResourceCommand,
  ListUserHierarchyGroupsCommand,
  ListUsersCommand,
  ResourceNotFoundException,
  StartChatContactCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateContactFlowMetadataCommand,
  UpdateContactFlowModuleContentCommand,
  UpdateContactFlowModuleMetadataCommand,
  UpdateAgentStatusCommand,
  UpdateContactFlowNameCommand,
} from "@aws-sdk/client-connect";
import type { SeedResult, Simulator } from "../../../tools/simulator";
import { ACCOUNT_A, clientFor, rejectionOf, startTestSimulator } from "./support";
import { auditModelTraffic } from "../../support/model-audit";

const MINIMAL = JSON.stringify({ Version: "2019-10-30", StartAction: "x", Actions: [{ Identifier: "x", Type: "EndFlowModuleExecution", Parameters: {}, Transitions: {} }] });

describe("simulator: prompts, security profiles, hierarchy, agent statuses, users, flow modules, chats and tags", () => {
  // Simulator specs send invalid requests on purpose; every answer must still keep to the model.
  auditModelTraffic({ requests: false });
  let sim: Simulator;
  let client: ConnectClient;
  let seeded: SeedResult;
  let instanceId: string;

  before(async () => {
    sim = await startTestSimulator();
    client = clientFor(sim);
    seeded = sim.seed({
      region: "us-east-1", instance: { alias: "directory" },
      hierarchy: { levels: ["Region", "Site"], groups: [{ name: "EMEA", level: 1 }, { name: "Dublin", level: 2, parentName: "EMEA" }] },
      users: [{ username: "sam", hierarchyGroupName: "Dublin" }],
      agentStatuses: [{ name: "Lunch" }],
      prompts: [{ name: "Welcome.wav" }],
    });
    instanceId = seeded.instanceId;
  });
  after(() => sim.close());

  it("lists the stock and seeded prompts and describes one", async () => {
    const names = (await client.send(new ListPromptsCommand({ InstanceId: instanceId }))).PromptSummaryList!.map((p) => p.Name);
    expect(names).to.include.members(["Beep.wav", "CustomerQueue.wav", "Welcome.wav"]);
    const id = seeded.ids.prompts["Welcome.wav"]!;
    const prompt = await client.send(new DescribePromptCommand({ InstanceId: instanceId, PromptId: id }));
    expect(prompt.Prompt).to.deep.include({ PromptId: id, Name: "Welcome.wav", PromptARN: `arn:aws:connect:us-east-1:${ACCOUNT_A}:instance/${instanceId}/prompt/${id}` });
  });

  it("lists the stock security profiles with their permissions", async () => {
    const profiles = (await client.send(new ListSecurityProfilesCommand({ InstanceId: instanceId }))).SecurityProfileSummaryList!;
    expect(profiles.map((p) => p.Name)).to.deep.equal(["Admin", "Agent", "CallCenterManager", "QualityAnalyst"]);
    const agent = profiles.find((p) => p.Name === "Agent")!;
    expect((await client.send(new DescribeSecurityProfileCommand({ InstanceId: instanceId, SecurityProfileId: agent.Id }))).SecurityProfile).to.deep.include({ SecurityProfileName: "Agent", OrganizationResourceId: instanceId });
    expect((await client.send(new ListSecurityProfilePermissionsCommand({ InstanceId: instanceId, SecurityProfileId: agent.Id }))).Permissions).to.deep.equal(["BasicAgentAccess", "OutboundCallAccess"]);
  });

  it("describes the hierarchy structure, groups with their path, and users", async () => {
    const structure = (await client.send(new DescribeUserHierarchyStructureCommand({ InstanceId: instanceId }))).HierarchyStructure!;
    expect([structure.LevelOne?.Name, structure.LevelTwo?.Name, structure.LevelThree]).to.deep.equal(["Region", "Site", undefined]);
    expect((await client.send(new ListUserHierarchyGroupsCommand({ InstanceId: instanceId }))).UserHierarchyGroupSummaryList!.map((g) => g.Name)).to.deep.equal(["EMEA", "Dublin"]);
    const dublin = await client.send(new DescribeUserHierarchyGroupCommand({ InstanceId: instanceId, HierarchyGroupId: seeded.ids.hierarchyGroups["Dublin"]! }));
    expect(dublin.HierarchyGroup!.LevelId).to.equal(structure.LevelTwo!.Id);
    expect([dublin.HierarchyGroup!.HierarchyPath!.LevelOne!.Name, dublin.HierarchyGroup!.HierarchyPath!.LevelTwo!.Name]).to.deep.equal(["EMEA", "Dublin"]);
    const users = (await client.send(new ListUsersCommand({ InstanceId: instanceId }))).UserSummaryList!;
    expect(users.map((u) => u.Username)).to.deep.equal(["sam"]);
    const sam = await client.send(new DescribeUserCommand({ InstanceId: instanceId, UserId: users[0]!.Id }));
    expect(sam.User).to.deep.include({ Username: "sam", HierarchyGroupId: seeded.ids.hierarchyGroups["Dublin"], Arn: `arn:aws:connect:us-east-1:${ACCOUNT_A}:instance/${instanceId}/agent/${users[0]!.Id}` });
    expect(sam.User!.SecurityProfileIds).to.have.length(1);
  });

  it("gives each agent an AGENT queue that API calls cannot change or delete", async () => {
    const agentQueues = (await client.send(new ListQueuesCommand({ InstanceId: instanceId, QueueTypes: ["AGENT"] }))).QueueSummaryList!;
    expect(agentQueues.map((q) => [q.QueueType, q.Name])).to.deep.equal([["AGENT", undefined]]);
    const error = await rejectionOf(client.send(new DeleteQueueCommand({ InstanceId: instanceId, QueueId: agentQueues[0]!.Id })));
    expect(error).to.be.instanceOf(InvalidRequestException);
  });

  it("lists agent statuses by type", async () => {
    const all = (await client.send(new ListAgentStatusesCommand({ InstanceId: instanceId }))).AgentStatusSummaryList!;
    expect(all.map((s) => [s.Name, s.Type])).to.deep.equal([["Available", "ROUTABLE"], ["Offline", "OFFLINE"], ["Lunch", "CUSTOM"]]);
    const custom = await client.send(new ListAgentStatusesCommand({ InstanceId: instanceId, AgentStatusTypes: ["CUSTOM"] }));
    const lunch = await client.send(new DescribeAgentStatusCommand({ InstanceId: instanceId, AgentStatusId: custom.AgentStatusSummaryList![0]!.Id }));
    expect(lunch.AgentStatus).to.deep.include({ Name: "Lunch", Type: "CUSTOM", State: "ENABLED" });
  });

  it("creates and updates custom agent statuses; Available and Offline keep their names", async () => {
    const created = await client.send(new CreateAgentStatusCommand({ InstanceId: instanceId, Name: "Training", Description: "Classroom", State: "DISABLED", DisplayOrder: 4, Tags: { team: "cc" } }));
    expect(created.AgentStatusARN).to.equal(`arn:aws:connect:us-east-1:${ACCOUNT_A}:instance/${instanceId}/agent-state/${created.AgentStatusId}`);
    const describe = async (id: string) => (await client.send(new DescribeAgentStatusCommand({ InstanceId: instanceId, AgentStatusId: id }))).AgentStatus!;
    expect(await describe(created.AgentStatusId!)).to.deep.include({ Name: "Training", Description: "Classroom", Type: "CUSTOM", State: "DISABLED", DisplayOrder: 4, Tags: { team: "cc" } });

    await client.send(new UpdateAgentStatusCommand({ InstanceId: instanceId, AgentStatusId: created.AgentStatusId, Name: "Coaching", Description: "", State: "ENABLED", DisplayOrder: 2 }));
    const updated = await describe(created.AgentStatusId!);
    expect(updated).to.deep.include({ Name: "Coaching", State: "ENABLED", DisplayOrder: 2 });
    expect(updated).to.not.have.property("Description");
    await client.send(new UpdateAgentStatusCommand({ InstanceId: instanceId, AgentStatusId: created.AgentStatusId, ResetOrderNumber: true }));
    expect(await describe(created.AgentStatusId!)).to.not.have.property("DisplayOrder");

    const duplicate = await rejectionOf(client.send(new CreateAgentStatusCommand({ InstanceId: instanceId, Name: "Lunch", State: "ENABLED" })));
    expect(duplicate).to.be.instanceOf(DuplicateResourceException);
    const order = await rejectionOf(client.send(new CreateAgentStatusCommand({ InstanceId: instanceId, Name: "Break", State: "ENABLED", DisplayOrder: 51 })));
    expect(order).to.be.instanceOf(InvalidParameterException);
    const state = await rejectionOf(client.send(new CreateAgentStatusCommand({ InstanceId: instanceId, Name: "Break", State: "PAUSED" as never })));
    expect(state).to.be.instanceOf(InvalidParameterException);
    const available = (await client.send(new ListAgentStatusesCommand({ InstanceId: instanceId, AgentStatusTypes: ["ROUTABLE"] }))).AgentStatusSummaryList![0]!;
    const rename = await rejectionOf(client.send(new UpdateAgentStatusCommand({ InstanceId: instanceId, AgentStatusId: available.Id, Name: "Ready" })));
    expect(rename).to.be.instanceOf(InvalidParameterException);
    expect((rename as Error).message).to.equal("The name of the ROUTABLE agent status 'Available' cannot be changed");
  });

  it("manages flow modules and flow metadata", async () => {
    const created = await client.send(new CreateContactFlowModuleCommand({ InstanceId: instanceId, Name: "Auth module", Content: MINIMAL }));
    expect(created.Arn).to.equal(`arn:aws:connect:us-east-1:${ACCOUNT_A}:instance/${instanceId}/flow-module/${created.Id}`);
    const bad = await rejectionOf(client.send(new UpdateContactFlowModuleContentCommand({ InstanceId: instanceId, ContactFlowModuleId: created.Id, Content: "{}" })));
    expect(bad).to.be.instanceOf(InvalidContactFlowModuleException);
    expect((bad as InvalidContactFlowModuleException).Problems!.map((p) => p.message)).to.deep.equal(['Version must be 2019-10-30, got undefined', "Actions must be a list"]);
    await client.send(new UpdateContactFlowModuleMetadataCommand({ InstanceId: instanceId, ContactFlowModuleId: created.Id, Name: "Authentication", State: "ARCHIVED" }));
    expect((await client.send(new DescribeContactFlowModuleCommand({ InstanceId: instanceId, ContactFlowModuleId: created.Id }))).ContactFlowModule).to.deep.include({ Name: "Authentication", State: "ARCHIVED", Status: "PUBLISHED", Content: MINIMAL });
    expect((await client.send(new ListContactFlowModulesCommand({ InstanceId: instanceId, ContactFlowModuleState: "ACTIVE" }))).ContactFlowModulesSummaryList).to.deep.equal([]);
    await client.send(new DeleteContactFlowModuleCommand({ InstanceId: instanceId, ContactFlowModuleId: created.Id }));
    expect(await rejectionOf(client.send(new DescribeContactFlowModuleCommand({ InstanceId: instanceId, ContactFlowModuleId: created.Id })))).to.be.instanceOf(ResourceNotFoundException);

    const flow = await client.send(new CreateContactFlowCommand({ InstanceId: instanceId, Name: "Draft", Type: "CONTACT_FLOW", Content: MINIMAL, Status: "SAVED" }));
    await client.send(new UpdateContactFlowNameCommand({ InstanceId: instanceId, ContactFlowId: flow.ContactFlowId, Name: "Draft v2", Description: "wip" }));
    await client.send(new UpdateContactFlowMetadataCommand({ InstanceId: instanceId, ContactFlowId: flow.ContactFlowId, ContactFlowState: "ARCHIVED" }));
    const summary = (await client.send(new ListContactFlowsCommand({ InstanceId: instanceId, ContactFlowTypes: ["CONTACT_FLOW"] }))).ContactFlowSummaryList!.find((f) => f.Id === flow.ContactFlowId);
    expect(summary).to.deep.include({ Name: "Draft v2", ContactFlowState: "ARCHIVED", ContactFlowStatus: "SAVED" });
    const notPublished = await rejectionOf(client.send(new StartChatContactCommand({ InstanceId: instanceId, ContactFlowId: flow.ContactFlowId, ParticipantDetails: { DisplayName: "Customer" } })));
    // StartChatContact's model lists no ContactFlowNotPublishedException.
    expect(notPublished).to.be.instanceOf(InvalidRequestException);
    expect(notPublished.$metadata?.httpStatusCode).to.equal(400);
  });

  it("starts a chat in a published contact flow and records it", async () => {
    const inbound = (await client.send(new ListContactFlowsCommand({ InstanceId: instanceId, ContactFlowTypes: ["CONTACT_FLOW"] }))).ContactFlowSummaryList!.find((f) => f.ContactFlowStatus === "PUBLISHED")!;
    const chat = await client.send(new StartChatContactCommand({ InstanceId: instanceId, ContactFlowId: inbound.Id, ParticipantDetails: { DisplayName: "Customer" }, Attributes: { intent: "billing" } }));
    expect(chat.ContactId).to.match(/^[0-9a-f-]{36}$/);
    expect(chat.ParticipantId).to.match(/^[0-9a-f-]{36}$/);
    expect(chat.ParticipantToken).to.have.length.greaterThan(40);
    const contact = sim.state.region(ACCOUNT_A, "us-east-1").contacts.get(chat.ContactId!)!;
    expect(contact).to.deep.include({ channel: "CHAT", contactFlowId: inbound.Id, instanceId, attributes: { intent: "billing" } });
  });

  it("tags, lists and untags resources by ARN", async () => {
    const queueArn = `arn:aws:connect:us-east-1:${ACCOUNT_A}:instance/${instanceId}/prompt/${seeded.ids.prompts["Welcome.wav"]}`;
    await client.send(new TagResourceCommand({ resourceArn: queueArn, tags: { owner: "cx", cost: "42" } }));
    await client.send(new UntagResourceCommand({ resourceArn: queueArn, tagKeys: ["cost"] }));
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn: queueArn }))).tags).to.deep.equal({ owner: "cx" });
    const instanceArn = `arn:aws:connect:us-east-1:${ACCOUNT_A}:instance/${instanceId}`;
    await client.send(new TagResourceCommand({ resourceArn: instanceArn, tags: { env: "dr" } }));
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn: instanceArn }))).tags).to.deep.equal({ env: "dr" });
    const reserved = await rejectionOf(client.send(new TagResourceCommand({ resourceArn: instanceArn, tags: { "aws:owner": "x" } })));
    expect(reserved).to.be.instanceOf(InvalidParameterException);
    const missing = await rejectionOf(client.send(new ListTagsForResourceCommand({ resourceArn: `${instanceArn}/queue/00000000-0000-0000-0000-000000000000` })));
    expect(missing).to.be.instanceOf(ResourceNotFoundException);
  });
});
