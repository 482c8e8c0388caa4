/**
 * What a restore needs to reproduce live state exactly: flow status and state, queue status,
 * routing profile availability timers, and descriptions that stay absent when never given.
 * Expectations come from the Connect API reference and botocore's model (errors the operation lists).
 */
import { expect } from "chai";
import {
  ConnectClient,
  CreateContactFlowCommand,
  CreateQueueCommand,
  CreateRoutingProfileCommand,
  DescribeContactFlowCommand,
  DescribeQueueCommand,
  DescribeRoutingProfileCommand,
  ListContactFlowsCommand,
  UpdateContactFlowContentCommand,
  UpdateContactFlowMetadataCommand,
  UpdateQueueNameCommand,
  UpdateQueueStatusCommand,
  UpdateRoutingProfileAgentAvailabilityTimerCommand,
} from "@aws-sdk/client-connect";
import type { Simulator } from "../../../tools/simulator";
import { CONNECT_MODEL } from "../../../tools/simulator/model/connect-model";
import { clientFor, rejectionOf, startTestSimulator } from "./support";
import { auditModelTraffic } from "../../support/model-audit";

const FLOW = (target: string) =>
  JSON.stringify({
    Version: "2019-10-30",
    StartAction: "a",
    Actions: [{ Identifier: "a", Type: "TransferContactToQueue", Parameters: { QueueId: target }, Transitions: {} }],
  });
const MINIMAL = JSON.stringify({ Version: "2019-10-30", StartAction: "a", Actions: [{ Identifier: "a", Type: "DisconnectParticipant", Parameters: {}, Transitions: {} }] });

describe("simulator: restore fidelity (flow status and state, queue status, availability timer, absent descriptions)", () => {
  // Invalid requests are sent on purpose; every answer must still keep to the model.
  auditModelTraffic({ requests: false });
  let sim: Simulator;
  let client: ConnectClient;
  let instanceId: string;
  let hoursId: string;
  let queueId: string;

  before(async () => {
    sim = await startTestSimulator();
    client = clientFor(sim);
    const seeded = sim.seed({ region: "us-east-1", instance: { alias: "fidelity" }, queues: [{ name: "Support" }] });
    instanceId = seeded.instanceId;
    queueId = seeded.ids.queues["Support"]!;
    hoursId = [...sim.state.region("111111111111", "us-east-1").instances.get(instanceId)!.config.hours.keys()][0]!;
  });
  after(() => sim.close());

  it("creates a flow SAVED or PUBLISHED as asked (PUBLISHED by default) and describes Status and State", async () => {
    const draft = await client.send(new CreateContactFlowCommand({ InstanceId: instanceId, Name: "Draft", Type: "CONTACT_FLOW", Content: MINIMAL, Status: "SAVED" }));
    const live = await client.send(new CreateContactFlowCommand({ InstanceId: instanceId, Name: "Live", Type: "CONTACT_FLOW", Content: MINIMAL }));
    const d = (await client.send(new DescribeContactFlowCommand({ InstanceId: instanceId, ContactFlowId: draft.ContactFlowId }))).ContactFlow!;
    const l = (await client.send(new DescribeContactFlowCommand({ InstanceId: instanceId, ContactFlowId: live.ContactFlowId }))).ContactFlow!;
    expect([d.Status, d.State]).to.deep.equal(["SAVED", "ACTIVE"]);
    expect([l.Status, l.State]).to.deep.equal(["PUBLISHED", "ACTIVE"]);
    expect(d).to.not.have.property("Description");
  });

  it("validates content only on PUBLISHED: a SAVED draft may name a queue that does not exist yet", async () => {
    const dangling = `arn:aws:connect:us-east-1:111111111111:instance/${instanceId}/queue/00000000-0000-4000-8000-00000000dead`;
    const saved = await client.send(new CreateContactFlowCommand({ InstanceId: instanceId, Name: "Dangling draft", Type: "CONTACT_FLOW", Content: FLOW(dangling), Status: "SAVED" }));
    expect(saved.ContactFlowId).to.be.a("string");
    const published = await rejectionOf(client.send(new CreateContactFlowCommand({ InstanceId: instanceId, Name: "Dangling live", Type: "CONTACT_FLOW", Content: FLOW(dangling), Status: "PUBLISHED" })));
    expect(published.name).to.equal("InvalidContactFlowException");
    expect(CONNECT_MODEL.operations["CreateContactFlow"]!.errors).to.include("InvalidContactFlowException");
  });

  it("keeps drafts through the :$SAVED alias: a SAVED flow stays SAVED, a PUBLISHED one keeps its live content", async () => {
    const V2 = MINIMAL.replace('"Parameters":{}', '"Parameters":{},"Comment":"v2"');
    const draft = await client.send(new CreateContactFlowCommand({ InstanceId: instanceId, Name: "Draft via alias", Type: "CONTACT_FLOW", Content: MINIMAL, Status: "SAVED" }));
    await client.send(new UpdateContactFlowContentCommand({ InstanceId: instanceId, ContactFlowId: `${draft.ContactFlowId}:$SAVED`, Content: V2 }));
    let d = (await client.send(new DescribeContactFlowCommand({ InstanceId: instanceId, ContactFlowId: draft.ContactFlowId }))).ContactFlow!;
    expect([d.Status, d.Content]).to.deep.equal(["SAVED", V2]);
    const live = await client.send(new CreateContactFlowCommand({ InstanceId: instanceId, Name: "Live via alias", Type: "CONTACT_FLOW", Content: MINIMAL }));
    const arn = live.ContactFlowArn!;
    await client.send(new UpdateContactFlowContentCommand({ InstanceId: instanceId, ContactFlowId: `${arn}:$SAVED`, Content: V2 }));
    d = (await client.send(new DescribeContactFlowCommand({ InstanceId: instanceId, ContactFlowId: live.ContactFlowId }))).ContactFlow!;
    expect([d.Status, d.Content]).to.deep.equal(["PUBLISHED", MINIMAL]);
    d = (await client.send(new DescribeContactFlowCommand({ InstanceId: instanceId, ContactFlowId: `${live.ContactFlowId}:$SAVED` }))).ContactFlow!;
    expect([d.Status, d.Content, d.Id]).to.deep.equal(["SAVED", V2, live.ContactFlowId]);
    // Without the alias an update publishes (and is validated).
    await client.send(new UpdateContactFlowContentCommand({ InstanceId: instanceId, ContactFlowId: draft.ContactFlowId, Content: V2 }));
    d = (await client.send(new DescribeContactFlowCommand({ InstanceId: instanceId, ContactFlowId: draft.ContactFlowId }))).ContactFlow!;
    expect(d.Status).to.equal("PUBLISHED");
  });

  it("archives and reactivates a flow with UpdateContactFlowMetadata, keeping its status", async () => {
    const f = await client.send(new CreateContactFlowCommand({ InstanceId: instanceId, Name: "Old", Type: "CONTACT_FLOW", Content: MINIMAL, Status: "SAVED" }));
    await client.send(new UpdateContactFlowMetadataCommand({ InstanceId: instanceId, ContactFlowId: f.ContactFlowId, ContactFlowState: "ARCHIVED" }));
    let described = (await client.send(new DescribeContactFlowCommand({ InstanceId: instanceId, ContactFlowId: f.ContactFlowId }))).ContactFlow!;
    expect([described.State, described.Status]).to.deep.equal(["ARCHIVED", "SAVED"]);
    const listed = (await client.send(new ListContactFlowsCommand({ InstanceId: instanceId }))).ContactFlowSummaryList!.find((s) => s.Id === f.ContactFlowId);
    expect(listed).to.deep.include({ ContactFlowState: "ARCHIVED", ContactFlowStatus: "SAVED" });
    await client.send(new UpdateContactFlowMetadataCommand({ InstanceId: instanceId, ContactFlowId: f.ContactFlowId, ContactFlowState: "ACTIVE" }));
    described = (await client.send(new DescribeContactFlowCommand({ InstanceId: instanceId, ContactFlowId: f.ContactFlowId }))).ContactFlow!;
    expect(described.State).to.equal("ACTIVE");
  });

  it("creates queues ENABLED (CreateQueue has no Status) and UpdateQueueStatus disables them", async () => {
    const q = await client.send(new CreateQueueCommand({ InstanceId: instanceId, Name: "Closed line", HoursOfOperationId: hoursId }));
    let described = (await client.send(new DescribeQueueCommand({ InstanceId: instanceId, QueueId: q.QueueId }))).Queue!;
    expect(described.Status).to.equal("ENABLED");
    expect(described).to.not.have.property("Description");
    expect(described).to.not.have.property("MaxContacts");
    await client.send(new UpdateQueueStatusCommand({ InstanceId: instanceId, QueueId: q.QueueId, Status: "DISABLED" }));
    described = (await client.send(new DescribeQueueCommand({ InstanceId: instanceId, QueueId: q.QueueId }))).Queue!;
    expect(described.Status).to.equal("DISABLED");
    // A description cannot be set to "" (QueueDescription: at least one character): absent stays absent.
    const empty = await rejectionOf(client.send(new UpdateQueueNameCommand({ InstanceId: instanceId, QueueId: q.QueueId, Description: "" })));
    expect(empty.name).to.equal("InvalidParameterException");
    expect(empty.message).to.include("Description");
    expect((await client.send(new DescribeQueueCommand({ InstanceId: instanceId, QueueId: q.QueueId }))).Queue).to.not.have.property("Description");
    // The model's enum judges the value before the handler: its listed validation error.
    const bad = await rejectionOf(client.send(new UpdateQueueStatusCommand({ InstanceId: instanceId, QueueId: q.QueueId, Status: "PAUSED" as never })));
    expect(bad.name).to.equal("InvalidParameterException");
  });

  it("keeps AgentAvailabilityTimer on create, describe and UpdateRoutingProfileAgentAvailabilityTimer; absent stays absent", async () => {
    const base = { InstanceId: instanceId, Description: "d", DefaultOutboundQueueId: queueId, MediaConcurrencies: [{ Channel: "VOICE" as const, Concurrency: 1 }] };
    const withTimer = await client.send(new CreateRoutingProfileCommand({ ...base, Name: "Timed", AgentAvailabilityTimer: "TIME_SINCE_LAST_INBOUND" }));
    const without = await client.send(new CreateRoutingProfileCommand({ ...base, Name: "Untimed" }));
    const describe = async (id: string) => (await client.send(new DescribeRoutingProfileCommand({ InstanceId: instanceId, RoutingProfileId: id }))).RoutingProfile!;
    expect((await describe(withTimer.RoutingProfileId!)).AgentAvailabilityTimer).to.equal("TIME_SINCE_LAST_INBOUND");
    expect(await describe(without.RoutingProfileId!)).to.not.have.property("AgentAvailabilityTimer");
    await client.send(new UpdateRoutingProfileAgentAvailabilityTimerCommand({ InstanceId: instanceId, RoutingProfileId: without.RoutingProfileId, AgentAvailabilityTimer: "TIME_SINCE_LAST_ACTIVITY" }));
    expect((await describe(without.RoutingProfileId!)).AgentAvailabilityTimer).to.equal("TIME_SINCE_LAST_ACTIVITY");
    const missing = await rejectionOf(client.send(new UpdateRoutingProfileAgentAvailabilityTimerCommand({ InstanceId: instanceId, RoutingProfileId: "00000000-0000-4000-8000-000000000000", AgentAvailabilityTimer: "TIME_SINCE_LAST_ACTIVITY" })));
    expect(missing.name).to.equal("ResourceNotFoundException");
    expect(CONNECT_MODEL.operations["UpdateRoutingProfileAgentAvailabilityTimer"]!.errors).to.include("ResourceNotFoundException");
  });
});
