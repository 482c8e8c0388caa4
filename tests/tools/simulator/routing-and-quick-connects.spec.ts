import { expect } from "chai";
import {
  AssociateQueueQuickConnectsCommand,
  AssociateRoutingProfileQueuesCommand,
  ConnectClient,
  CreateQueueCommand,
  CreateQuickConnectCommand,
  CreateRoutingProfileCommand,
  DeleteQueueCommand,
  DeleteQuickConnectCommand,
  DeleteRoutingProfileCommand,
  DescribeQuickConnectCommand,
  DescribeRoutingProfileCommand,
  DisassociateQueueQuickConnectsCommand,
  DisassociateRoutingProfileQueuesCommand,
  DuplicateResourceException,
  InvalidParameterException,
  ListQueueQuickConnectsCommand,
  ListQuickConnectsCommand,
  ListRoutingProfileQueuesCommand,
  ListRoutingProfilesCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateQuickConnectConfigCommand,
  UpdateQuickConnectNameCommand,
  UpdateRoutingProfileConcurrencyCommand,
  UpdateRoutingProfileDefaultOutboundQueueCommand,
  UpdateRoutingProfileNameCommand,
  UpdateRoutingProfileQueuesCommand,
} from "@aws-sdk/client-connect";
import type { SeedResult, Simulator } from "../../../tools/simulator";
import { ACCOUNT_A, clientFor, rejectionOf, startTestSimulator } from "./support";
import { auditModelTraffic } from "../../support/model-audit";

describe("simulator: routing profiles and quick connects", () => {
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
      region: "us-east-1", instance: { alias: "routing" },
      hours: [{ name: "Office" }], queues: [{ name: "Sales" }, { name: "Support" }],
      flows: [{ name: "Queue transfer", type: "QUEUE_TRANSFER" }, { name: "Agent transfer", type: "AGENT_TRANSFER" }],
      users: [{ username: "jane" }],
    });
    instanceId = seeded.instanceId;
  });
  after(() => sim.close());

  it("creates a routing profile and manages its queues", async () => {
    const sales = seeded.ids.queues["Sales"]!;
    const support = seeded.ids.queues["Support"]!;
    const created = await client.send(new CreateRoutingProfileCommand({
      InstanceId: instanceId, Name: "Sales agents", Description: "Sales", DefaultOutboundQueueId: sales,
      MediaConcurrencies: [{ Channel: "VOICE", Concurrency: 1 }, { Channel: "CHAT", Concurrency: 3 }],
      QueueConfigs: [{ QueueReference: { QueueId: sales, Channel: "VOICE" }, Priority: 1, Delay: 0 }],
      Tags: { team: "sales" },
    }));
    expect(created.RoutingProfileArn).to.equal(`arn:aws:connect:us-east-1:${ACCOUNT_A}:instance/${instanceId}/routing-profile/${created.RoutingProfileId}`);
    const id = created.RoutingProfileId!;

    await client.send(new AssociateRoutingProfileQueuesCommand({ InstanceId: instanceId, RoutingProfileId: id, QueueConfigs: [{ QueueReference: { QueueId: support, Channel: "CHAT" }, Priority: 2, Delay: 30 }] }));
    const dup = await rejectionOf(client.send(new AssociateRoutingProfileQueuesCommand({ InstanceId: instanceId, RoutingProfileId: id, QueueConfigs: [{ QueueReference: { QueueId: support, Channel: "CHAT" }, Priority: 2, Delay: 30 }] })));
    expect(dup).to.be.instanceOf(InvalidParameterException);
    await client.send(new UpdateRoutingProfileQueuesCommand({ InstanceId: instanceId, RoutingProfileId: id, QueueConfigs: [{ QueueReference: { QueueId: support, Channel: "CHAT" }, Priority: 5, Delay: 10 }] }));
    const queues = await client.send(new ListRoutingProfileQueuesCommand({ InstanceId: instanceId, RoutingProfileId: id }));
    expect(queues.RoutingProfileQueueConfigSummaryList!.map((q) => [q.QueueName, q.Channel, q.Priority, q.Delay])).to.deep.equal([["Sales", "VOICE", 1, 0], ["Support", "CHAT", 5, 10]]);

    const inUse = await rejectionOf(client.send(new DeleteQueueCommand({ InstanceId: instanceId, QueueId: support })));
    expect(inUse).to.be.instanceOf(ResourceInUseException);

    await client.send(new DisassociateRoutingProfileQueuesCommand({ InstanceId: instanceId, RoutingProfileId: id, QueueReferences: [{ QueueId: support, Channel: "CHAT" }] }));
    await client.send(new UpdateRoutingProfileNameCommand({ InstanceId: instanceId, RoutingProfileId: id, Name: "Sales team" }));
    await client.send(new UpdateRoutingProfileDefaultOutboundQueueCommand({ InstanceId: instanceId, RoutingProfileId: id, DefaultOutboundQueueId: support }));
    await client.send(new UpdateRoutingProfileConcurrencyCommand({ InstanceId: instanceId, RoutingProfileId: id, MediaConcurrencies: [{ Channel: "VOICE", Concurrency: 1 }, { Channel: "TASK", Concurrency: 10 }] }));
    const described = await client.send(new DescribeRoutingProfileCommand({ InstanceId: instanceId, RoutingProfileId: id }));
    expect(described.RoutingProfile).to.deep.include({
      Name: "Sales team", Description: "Sales", DefaultOutboundQueueId: support, NumberOfAssociatedQueues: 1, NumberOfAssociatedUsers: 0, IsDefault: false, Tags: { team: "sales" },
    });
    expect(described.RoutingProfile!.AssociatedQueueIds).to.deep.equal([sales]);
    expect(described.RoutingProfile!.MediaConcurrencies).to.deep.equal([{ Channel: "VOICE", Concurrency: 1 }, { Channel: "TASK", Concurrency: 10 }]);

    const badVoice = await rejectionOf(client.send(new UpdateRoutingProfileConcurrencyCommand({ InstanceId: instanceId, RoutingProfileId: id, MediaConcurrencies: [{ Channel: "VOICE", Concurrency: 2 }] })));
    expect(badVoice).to.be.instanceOf(InvalidParameterException);
    const names = (await client.send(new ListRoutingProfilesCommand({ InstanceId: instanceId }))).RoutingProfileSummaryList!.map((p) => p.Name);
    expect(names).to.deep.equal(["Basic Routing Profile", "Sales team"]);
    await client.send(new DeleteRoutingProfileCommand({ InstanceId: instanceId, RoutingProfileId: id }));
    expect(await rejectionOf(client.send(new DescribeRoutingProfileCommand({ InstanceId: instanceId, RoutingProfileId: id })))).to.be.instanceOf(ResourceNotFoundException);
  });

  it("refuses to delete a routing profile that users have", async () => {
    const basic = (await client.send(new ListRoutingProfilesCommand({ InstanceId: instanceId }))).RoutingProfileSummaryList!.find((p) => p.Name === "Basic Routing Profile")!;
    const error = await rejectionOf(client.send(new DeleteRoutingProfileCommand({ InstanceId: instanceId, RoutingProfileId: basic.Id })));
    expect(error).to.be.instanceOf(ResourceInUseException);
  });

  it("creates quick connects of each type, associates them to queues, and cleans up on delete", async () => {
    const queueQc = await client.send(new CreateQuickConnectCommand({
      InstanceId: instanceId, Name: "To support",
      QuickConnectConfig: { QuickConnectType: "QUEUE", QueueConfig: { QueueId: seeded.ids.queues["Support"]!, ContactFlowId: seeded.ids.flows["Queue transfer"]! } },
    }));
    expect(queueQc.QuickConnectARN).to.equal(`arn:aws:connect:us-east-1:${ACCOUNT_A}:instance/${instanceId}/transfer-destination/${queueQc.QuickConnectId}`);
    const userQc = await client.send(new CreateQuickConnectCommand({
      InstanceId: instanceId, Name: "To Jane",
      QuickConnectConfig: { QuickConnectType: "USER", UserConfig: { UserId: seeded.ids.users["jane"]!, ContactFlowId: seeded.ids.flows["Agent transfer"]! } },
    }));
    const phoneQc = await client.send(new CreateQuickConnectCommand({ InstanceId: instanceId, Name: "Escalation line", QuickConnectConfig: { QuickConnectType: "PHONE_NUMBER", PhoneConfig: { PhoneNumber: "+14155550100" } } }));
    const badPhone = await rejectionOf(client.send(new CreateQuickConnectCommand({ InstanceId: instanceId, Name: "Bad", QuickConnectConfig: { QuickConnectType: "PHONE_NUMBER", PhoneConfig: { PhoneNumber: "555-0100" } } })));
    expect(badPhone).to.be.instanceOf(InvalidParameterException);
    const mismatch = await rejectionOf(client.send(new CreateQuickConnectCommand({ InstanceId: instanceId, Name: "Mismatch", QuickConnectConfig: { QuickConnectType: "USER", PhoneConfig: { PhoneNumber: "+14155550100" } } })));
    expect(mismatch).to.be.instanceOf(InvalidParameterException);
    const dup = await rejectionOf(client.send(new CreateQuickConnectCommand({ InstanceId: instanceId, Name: "To Jane", QuickConnectConfig: { QuickConnectType: "PHONE_NUMBER", PhoneConfig: { PhoneNumber: "+14155550101" } } })));
    expect(dup).to.be.instanceOf(DuplicateResourceException);

    await client.send(new UpdateQuickConnectNameCommand({ InstanceId: instanceId, QuickConnectId: phoneQc.QuickConnectId, Name: "Escalations", Description: "24x7" }));
    await client.send(new UpdateQuickConnectConfigCommand({ InstanceId: instanceId, QuickConnectId: phoneQc.QuickConnectId, QuickConnectConfig: { QuickConnectType: "PHONE_NUMBER", PhoneConfig: { PhoneNumber: "+442071838750" } } }));
    const described = await client.send(new DescribeQuickConnectCommand({ InstanceId: instanceId, QuickConnectId: phoneQc.QuickConnectId }));
    expect(described.QuickConnect).to.deep.include({ Name: "Escalations", Description: "24x7", QuickConnectConfig: { QuickConnectType: "PHONE_NUMBER", PhoneConfig: { PhoneNumber: "+442071838750" } } });

    const sales = seeded.ids.queues["Sales"]!;
    await client.send(new AssociateQueueQuickConnectsCommand({ InstanceId: instanceId, QueueId: sales, QuickConnectIds: [queueQc.QuickConnectId!, userQc.QuickConnectId!, phoneQc.QuickConnectId!] }));
    await client.send(new DisassociateQueueQuickConnectsCommand({ InstanceId: instanceId, QueueId: sales, QuickConnectIds: [userQc.QuickConnectId!] }));
    await client.send(new DeleteQuickConnectCommand({ InstanceId: instanceId, QuickConnectId: phoneQc.QuickConnectId }));
    const onQueue = await client.send(new ListQueueQuickConnectsCommand({ InstanceId: instanceId, QueueId: sales }));
    expect(onQueue.QuickConnectSummaryList!.map((q) => [q.Name, q.QuickConnectType])).to.deep.equal([["To support", "QUEUE"]]);
    const users = await client.send(new ListQuickConnectsCommand({ InstanceId: instanceId, QuickConnectTypes: ["USER"] }));
    expect(users.QuickConnectSummaryList!.map((q) => q.Name)).to.deep.equal(["To Jane"]);
  });

  it("refuses to associate a quick connect that does not exist", async () => {
    const error = await rejectionOf(client.send(new AssociateQueueQuickConnectsCommand({ InstanceId: instanceId, QueueId: seeded.ids.queues["Sales"]!, QuickConnectIds: ["00000000-0000-0000-0000-00000000dead"] })));
    expect(error).to.be.instanceOf(ResourceNotFoundException);
  });

  it("rejects a queue name that is taken", async () => {
    const error = await rejectionOf(client.send(new CreateQueueCommand({ InstanceId: instanceId, Name: "Support", HoursOfOperationId: seeded.ids.hours["Office"]! })));
    expect(error).to.be.instanceOf(DuplicateResourceException);
    expect(error.message).to.equal("Queue with name Support already exists");
  });
});
