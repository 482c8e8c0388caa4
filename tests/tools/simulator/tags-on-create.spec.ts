/**
 * Tags given on create, for every kind a restore creates: ListTagsForResource on the created ARN
 * answers them, TagResource / UntagResource change them, and the kind's Describe answers the same map.
 */
import { expect } from "chai";
import * as connect from "@aws-sdk/client-connect";
import type { Simulator } from "../../../tools/simulator";
import { clientFor, startTestSimulator } from "./support";
import { auditModelTraffic } from "../../support/model-audit";

const MINIMAL = JSON.stringify({ Version: "2019-10-30", StartAction: "a", Actions: [{ Identifier: "a", Type: "DisconnectParticipant", Parameters: {}, Transitions: {} }] });
const MODULE = JSON.stringify({ Version: "2019-10-30", StartAction: "a", Actions: [{ Identifier: "a", Type: "EndFlowModuleExecution", Parameters: {}, Transitions: {} }] });

describe("simulator: tags on create for every kind, consistent with TagResource and ListTagsForResource", () => {
  auditModelTraffic();
  let sim: Simulator;
  let client: connect.ConnectClient;
  let InstanceId: string;

  before(async () => {
    sim = await startTestSimulator();
    client = clientFor(sim);
    InstanceId = sim.seed({ region: "us-east-1", instance: { alias: "tagged" }, hierarchy: { levels: ["Region"] } }).instanceId;
  });
  after(() => sim.close());

  it("keeps the create-time tags of each kind, and Describe agrees with ListTagsForResource after changes", async () => {
    const Tags = { env: "prod" };
    const hours = await client.send(new connect.CreateHoursOfOperationCommand({ InstanceId, Name: "H", TimeZone: "UTC", Config: [], Tags }));
    const queue = await client.send(new connect.CreateQueueCommand({ InstanceId, Name: "Q", HoursOfOperationId: hours.HoursOfOperationId, Tags }));
    const profile = await client.send(new connect.CreateRoutingProfileCommand({ InstanceId, Name: "RP", Description: "rp", DefaultOutboundQueueId: queue.QueueId, MediaConcurrencies: [{ Channel: "VOICE", Concurrency: 1 }], Tags }));
    const flow = await client.send(new connect.CreateContactFlowCommand({ InstanceId, Name: "F", Type: "CONTACT_FLOW", Content: MINIMAL, Tags }));
    const module = await client.send(new connect.CreateContactFlowModuleCommand({ InstanceId, Name: "M", Content: MODULE, Tags }));
    const qc = await client.send(new connect.CreateQuickConnectCommand({ InstanceId, Name: "QC", QuickConnectConfig: { QuickConnectType: "PHONE_NUMBER", PhoneConfig: { PhoneNumber: "+12065550100" } }, Tags }));
    const status = await client.send(new connect.CreateAgentStatusCommand({ InstanceId, Name: "Lunch", State: "ENABLED", Tags }));
    const sp = await client.send(new connect.CreateSecurityProfileCommand({ InstanceId, SecurityProfileName: "SP", Tags }));
    const group = await client.send(new connect.CreateUserHierarchyGroupCommand({ InstanceId, Name: "G", Tags }));
    const user = await client.send(new connect.CreateUserCommand({ InstanceId, Username: "tagged-user", RoutingProfileId: profile.RoutingProfileId, SecurityProfileIds: [sp.SecurityProfileId!], IdentityInfo: { FirstName: "T", LastName: "U", Email: "t@example.com" }, Tags }));
    const integration = await client.send(new connect.CreateIntegrationAssociationCommand({ InstanceId, IntegrationType: "WISDOM_ASSISTANT", IntegrationArn: "arn:aws:wisdom:us-east-1:111111111111:assistant/a", Tags }));

    const kinds: { arn: string; describe: () => Promise<Record<string, string> | undefined> }[] = [
      { arn: hours.HoursOfOperationArn!, describe: async () => (await client.send(new connect.DescribeHoursOfOperationCommand({ InstanceId, HoursOfOperationId: hours.HoursOfOperationId }))).HoursOfOperation!.Tags },
      { arn: queue.QueueArn!, describe: async () => (await client.send(new connect.DescribeQueueCommand({ InstanceId, QueueId: queue.QueueId }))).Queue!.Tags },
      { arn: profile.RoutingProfileArn!, describe: async () => (await client.send(new connect.DescribeRoutingProfileCommand({ InstanceId, RoutingProfileId: profile.RoutingProfileId }))).RoutingProfile!.Tags },
      { arn: flow.ContactFlowArn!, describe: async () => (await client.send(new connect.DescribeContactFlowCommand({ InstanceId, ContactFlowId: flow.ContactFlowId }))).ContactFlow!.Tags },
      { arn: module.Arn!, describe: async () => (await client.send(new connect.DescribeContactFlowModuleCommand({ InstanceId, ContactFlowModuleId: module.Id }))).ContactFlowModule!.Tags },
      { arn: qc.QuickConnectARN!, describe: async () => (await client.send(new connect.DescribeQuickConnectCommand({ InstanceId, QuickConnectId: qc.QuickConnectId }))).QuickConnect!.Tags },
      { arn: status.AgentStatusARN!, describe: async () => (await client.send(new connect.DescribeAgentStatusCommand({ InstanceId, AgentStatusId: status.AgentStatusId }))).AgentStatus!.Tags },
      { arn: sp.SecurityProfileArn!, describe: async () => (await client.send(new connect.DescribeSecurityProfileCommand({ InstanceId, SecurityProfileId: sp.SecurityProfileId }))).SecurityProfile!.Tags },
      { arn: group.HierarchyGroupArn!, describe: async () => (await client.send(new connect.DescribeUserHierarchyGroupCommand({ InstanceId, HierarchyGroupId: group.HierarchyGroupId }))).HierarchyGroup!.Tags },
      { arn: user.UserArn!, describe: async () => (await client.send(new connect.DescribeUserCommand({ InstanceId, UserId: user.UserId }))).User!.Tags },
      { arn: integration.IntegrationAssociationArn!, describe: async () => undefined },
    ];
    for (const kind of kinds) {
      const listTags = async () => (await client.send(new connect.ListTagsForResourceCommand({ resourceArn: kind.arn }))).tags;
      expect(await listTags(), kind.arn).to.deep.equal(Tags);
      await client.send(new connect.TagResourceCommand({ resourceArn: kind.arn, tags: { owner: "dr" } }));
      await client.send(new connect.UntagResourceCommand({ resourceArn: kind.arn, tagKeys: ["env"] }));
      expect(await listTags(), kind.arn).to.deep.equal({ owner: "dr" });
      const described = await kind.describe();
      if (described !== undefined) expect(described, kind.arn).to.deep.equal({ owner: "dr" });
    }
  });
});
