import { expect } from "chai";
import {
  ConnectClient,
  CreateContactFlowCommand,
  CreateHoursOfOperationCommand,
  CreateQueueCommand,
  DeleteHoursOfOperationCommand,
  DeleteQueueCommand,
  DescribeContactFlowCommand,
  DescribeHoursOfOperationCommand,
  DescribeQueueCommand,
  DuplicateResourceException,
  InvalidContactFlowException,
  InvalidParameterException,
  InvalidRequestException,
  ListContactFlowsCommand,
  ListHoursOfOperationsCommand,
  ListQueuesCommand,
  ResourceNotFoundException,
  UpdateContactFlowContentCommand,
  UpdateHoursOfOperationCommand,
  UpdateQueueHoursOfOperationCommand,
  UpdateQueueMaxContactsCommand,
  UpdateQueueNameCommand,
  UpdateQueueStatusCommand,
} from "@aws-sdk/client-connect";
import type { Simulator } from "../../../tools/simulator";
import { ACCOUNT_A, clientFor, createInstance, rejectionOf, startTestSimulator } from "./support";
import { auditModelTraffic } from "../../support/model-audit";

const FLOW = (queueArn?: string) =>
  JSON.stringify({
    Version: "2019-10-30",
    StartAction: "a",
    Metadata: {},
    Actions: [
      ...(queueArn ? [{ Identifier: "a", Type: "UpdateContactTargetQueue", Parameters: { QueueId: queueArn }, Transitions: { NextAction: "b", Errors: [{ NextAction: "b", ErrorType: "NoMatchingError" }] } }] : []),
      { Identifier: queueArn ? "b" : "a", Type: "DisconnectParticipant", Parameters: {}, Transitions: {} },
    ],
  });

describe("simulator: hours, queues and flows round-trip through the real SDK", () => {
  // Simulator specs send invalid requests on purpose; every answer must still keep to the model.
  auditModelTraffic({ requests: false });
  let sim: Simulator;
  let client: ConnectClient;
  let instanceId: string;

  before(async () => {
    sim = await startTestSimulator();
    client = clientFor(sim);
    instanceId = await createInstance(client, "core-resources");
  });
  after(() => sim.close());

  it("creates, describes, lists, updates and deletes hours of operation", async () => {
    const created = await client.send(new CreateHoursOfOperationCommand({
      InstanceId: instanceId, Name: "Support hours", TimeZone: "Europe/Berlin", Description: "weekdays",
      Config: [{ Day: "MONDAY", StartTime: { Hours: 8, Minutes: 0 }, EndTime: { Hours: 18, Minutes: 30 } }],
      Tags: { team: "support" },
    }));
    expect(created.HoursOfOperationArn).to.equal(`arn:aws:connect:us-east-1:${ACCOUNT_A}:instance/${instanceId}/operating-hours/${created.HoursOfOperationId}`);
    expect(created.HoursOfOperationId).to.match(/^[0-9a-f-]{36}$/);

    const described = await client.send(new DescribeHoursOfOperationCommand({ InstanceId: instanceId, HoursOfOperationId: created.HoursOfOperationId }));
    expect(described.HoursOfOperation).to.deep.include({
      Name: "Support hours", Description: "weekdays", TimeZone: "Europe/Berlin", Tags: { team: "support" }, LastModifiedRegion: "us-east-1",
    });
    expect(described.HoursOfOperation!.Config).to.deep.equal([{ Day: "MONDAY", StartTime: { Hours: 8, Minutes: 0 }, EndTime: { Hours: 18, Minutes: 30 } }]);
    expect(described.HoursOfOperation!.LastModifiedTime).to.be.instanceOf(Date);

    await client.send(new UpdateHoursOfOperationCommand({ InstanceId: instanceId, HoursOfOperationId: created.HoursOfOperationId, Name: "Support hours v2", TimeZone: "UTC" }));
    const listed = await client.send(new ListHoursOfOperationsCommand({ InstanceId: instanceId }));
    expect(listed.HoursOfOperationSummaryList!.map((h) => h.Name)).to.deep.equal(["Basic Hours", "Support hours v2"]);

    await client.send(new DeleteHoursOfOperationCommand({ InstanceId: instanceId, HoursOfOperationId: created.HoursOfOperationId }));
    const error = await rejectionOf(client.send(new DescribeHoursOfOperationCommand({ InstanceId: instanceId, HoursOfOperationId: created.HoursOfOperationId })));
    expect(error).to.be.instanceOf(ResourceNotFoundException);
    expect(error.$metadata?.httpStatusCode).to.equal(404);
  });

  it("rejects a bad time zone and a bad day with InvalidParameterException 400", async () => {
    const tz = await rejectionOf(client.send(new CreateHoursOfOperationCommand({ InstanceId: instanceId, Name: "x", TimeZone: "Mars/Olympus", Config: [] })));
    expect(tz).to.be.instanceOf(InvalidParameterException);
    expect(tz.$metadata?.httpStatusCode).to.equal(400);
    expect(tz.message).to.contain("Mars/Olympus");
    const day = await rejectionOf(client.send(new CreateHoursOfOperationCommand({
      InstanceId: instanceId, Name: "y", TimeZone: "UTC", Config: [{ Day: "FUNDAY" as never, StartTime: { Hours: 1, Minutes: 0 }, EndTime: { Hours: 2, Minutes: 0 } }],
    })));
    expect(day).to.be.instanceOf(InvalidParameterException);
  });

  it("creates a queue, updates every attribute, refuses duplicates and in-use deletes", async () => {
    const hours = await client.send(new CreateHoursOfOperationCommand({ InstanceId: instanceId, Name: "Queue hours", TimeZone: "UTC", Config: [] }));
    const other = await client.send(new CreateHoursOfOperationCommand({ InstanceId: instanceId, Name: "Other hours", TimeZone: "UTC", Config: [] }));
    const queue = await client.send(new CreateQueueCommand({ InstanceId: instanceId, Name: "Sales", HoursOfOperationId: hours.HoursOfOperationId, MaxContacts: 10, Tags: { a: "b" } }));
    expect(queue.QueueArn).to.equal(`arn:aws:connect:us-east-1:${ACCOUNT_A}:instance/${instanceId}/queue/${queue.QueueId}`);

    const dup = await rejectionOf(client.send(new CreateQueueCommand({ InstanceId: instanceId, Name: "Sales", HoursOfOperationId: hours.HoursOfOperationId })));
    expect(dup).to.be.instanceOf(DuplicateResourceException);
    expect(dup.$metadata?.httpStatusCode).to.equal(409);

    await client.send(new UpdateQueueNameCommand({ InstanceId: instanceId, QueueId: queue.QueueId, Name: "Sales EMEA", Description: "EMEA" }));
    await client.send(new UpdateQueueHoursOfOperationCommand({ InstanceId: instanceId, QueueId: queue.QueueId, HoursOfOperationId: other.HoursOfOperationId }));
    await client.send(new UpdateQueueMaxContactsCommand({ InstanceId: instanceId, QueueId: queue.QueueId, MaxContacts: 25 }));
    await client.send(new UpdateQueueStatusCommand({ InstanceId: instanceId, QueueId: queue.QueueId, Status: "DISABLED" }));
    const described = await client.send(new DescribeQueueCommand({ InstanceId: instanceId, QueueId: queue.QueueId }));
    expect(described.Queue).to.deep.include({
      Name: "Sales EMEA", Description: "EMEA", HoursOfOperationId: other.HoursOfOperationId, MaxContacts: 25, Status: "DISABLED", Tags: { a: "b" },
    });

    // DeleteHoursOfOperation's model lists no ResourceInUseException: hours in use are an invalid request.
    const inUse = await rejectionOf(client.send(new DeleteHoursOfOperationCommand({ InstanceId: instanceId, HoursOfOperationId: other.HoursOfOperationId })));
    expect(inUse).to.be.instanceOf(InvalidRequestException);
    expect(inUse.$metadata?.httpStatusCode).to.equal(400);

    const standard = await client.send(new ListQueuesCommand({ InstanceId: instanceId, QueueTypes: ["STANDARD"] }));
    expect(standard.QueueSummaryList!.map((q) => q.Name)).to.deep.equal(["BasicQueue", "Sales EMEA"]);
    const agent = await client.send(new ListQueuesCommand({ InstanceId: instanceId, QueueTypes: ["AGENT"] }));
    expect(agent.QueueSummaryList).to.deep.equal([]);

    await client.send(new DeleteQueueCommand({ InstanceId: instanceId, QueueId: queue.QueueId }));
    const gone = await rejectionOf(client.send(new DescribeQueueCommand({ InstanceId: instanceId, QueueId: queue.QueueId })));
    expect(gone).to.be.instanceOf(ResourceNotFoundException);
  });

  it("creates a flow that references a queue of the instance and rejects unknown references", async () => {
    const queues = await client.send(new ListQueuesCommand({ InstanceId: instanceId }));
    const basic = queues.QueueSummaryList!.find((q) => q.Name === "BasicQueue")!;
    const created = await client.send(new CreateContactFlowCommand({ InstanceId: instanceId, Name: "Inbound", Type: "CONTACT_FLOW", Content: FLOW(basic.Arn) }));
    expect(created.ContactFlowArn).to.equal(`arn:aws:connect:us-east-1:${ACCOUNT_A}:instance/${instanceId}/contact-flow/${created.ContactFlowId}`);
    expect(created.FlowContentSha256).to.match(/^[0-9a-f]{64}$/);

    const described = await client.send(new DescribeContactFlowCommand({ InstanceId: instanceId, ContactFlowId: created.ContactFlowId }));
    expect(described.ContactFlow).to.deep.include({ Name: "Inbound", Type: "CONTACT_FLOW", State: "ACTIVE", Status: "PUBLISHED", Content: FLOW(basic.Arn) });

    const missing = `arn:aws:connect:us-east-1:${ACCOUNT_A}:instance/${instanceId}/queue/00000000-0000-0000-0000-000000000000`;
    const bad = await rejectionOf(client.send(new UpdateContactFlowContentCommand({ InstanceId: instanceId, ContactFlowId: created.ContactFlowId, Content: FLOW(missing) })));
    expect(bad).to.be.instanceOf(InvalidContactFlowException);
    expect(bad.$metadata?.httpStatusCode).to.equal(400);
    expect((bad as InvalidContactFlowException).problems).to.deep.equal([{ message: `Resource not found: ${missing}` }]);

    const notJson = await rejectionOf(client.send(new CreateContactFlowCommand({ InstanceId: instanceId, Name: "Broken", Type: "CONTACT_FLOW", Content: "not json" })));
    expect(notJson).to.be.instanceOf(InvalidContactFlowException);
    expect((notJson as InvalidContactFlowException).problems).to.deep.equal([{ message: "Content is not valid JSON" }]);

    const whispers = await client.send(new ListContactFlowsCommand({ InstanceId: instanceId, ContactFlowTypes: ["AGENT_WHISPER"] }));
    expect(whispers.ContactFlowSummaryList!.map((f) => f.Name)).to.deep.equal(["Default agent whisper"]);
  });
});
