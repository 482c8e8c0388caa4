import { expect } from "chai";
import {
  ConnectClient,
  CreateContactFlowCommand,
  CreateHoursOfOperationCommand,
  CreateInstanceCommand,
  CreateRoutingProfileCommand,
  DescribeContactFlowCommand,
  DescribeHoursOfOperationCommand,
  DescribeRoutingProfileCommand,
  InvalidContactFlowException,
  CreateQueueCommand,
  CreateTrafficDistributionGroupCommand,
  DeleteInstanceCommand,
  DeleteTrafficDistributionGroupCommand,
  DescribeInstanceCommand,
  DescribeQueueCommand,
  DescribeTrafficDistributionGroupCommand,
  GetTrafficDistributionCommand,
  InvalidRequestException,
  ListHoursOfOperationsCommand,
  ListLambdaFunctionsCommand,
  ListQueuesCommand,
  ListTrafficDistributionGroupsCommand,
  ListTrafficDistributionGroupUsersCommand,
  ListUsersCommand,
  ReplicateInstanceCommand,
  ResourceConflictException,
  ResourceNotFoundException,
  ResourceNotReadyException,
  UpdateQueueNameCommand,
  UpdateTrafficDistributionCommand,
  type Distribution,
} from "@aws-sdk/client-connect";
import type { Simulator } from "../../../tools/simulator";
import { ACCOUNT_A, clientFor, createInstance, rejectionOf, startTestSimulator } from "./support";
import { auditModelTraffic } from "../../support/model-audit";

const EAST = "us-east-1";
const WEST = "us-west-2";

const split = (east: number, west: number): Distribution[] => [{ Region: EAST, Percentage: east }, { Region: WEST, Percentage: west }];

describe("simulator: ACGR replication, traffic distribution groups and mirroring", () => {
  // Simulator specs send invalid requests on purpose; every answer must still keep to the model.
  auditModelTraffic({ requests: false });
  let sim: Simulator;
  let east: ConnectClient;
  let west: ConnectClient;

  before(async () => {
    sim = await startTestSimulator();
    east = clientFor(sim, EAST);
    west = clientFor(sim, WEST);
  });
  after(() => sim.close());

  describe("ReplicateInstance preconditions", () => {
    it("needs an instance that exists in the caller's Region", async () => {
      const error = await rejectionOf(east.send(new ReplicateInstanceCommand({ InstanceId: "00000000-0000-0000-0000-000000000000", ReplicaRegion: WEST, ReplicaAlias: "nope" })));
      expect(error).to.be.instanceOf(ResourceNotFoundException);
      expect(error.$metadata?.httpStatusCode).to.equal(404);
    });

    it("needs SAML identity management", async () => {
      const out = await east.send(new CreateInstanceCommand({ IdentityManagementType: "CONNECT_MANAGED", InstanceAlias: "managed-one", InboundCallsEnabled: true, OutboundCallsEnabled: true }));
      const error = await rejectionOf(east.send(new ReplicateInstanceCommand({ InstanceId: out.Id, ReplicaRegion: WEST, ReplicaAlias: "managed-one-west" })));
      expect(error).to.be.instanceOf(InvalidRequestException);
      expect(error.$metadata?.httpStatusCode).to.equal(400);
      expect(error.message).to.contain("SAML");
    });

    it("refuses a replica alias the model does not allow with the InvalidRequestException ReplicateInstance lists", async () => {
      // Judged before any lookup: the request breaks the model whatever the instance.
      const error = await rejectionOf(east.send(new ReplicateInstanceCommand({ InstanceId: "00000000-0000-0000-0000-000000000000", ReplicaRegion: WEST, ReplicaAlias: "d-starts-like-a-directory" })));
      expect([error.name, error.$metadata?.httpStatusCode]).to.deep.equal(["InvalidRequestException", 400]);
      expect(error.message).to.contain("at 'ReplicaAlias' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?!d-)");
    });

    it("needs an instance alias", async () => {
      const out = await east.send(new CreateInstanceCommand({ IdentityManagementType: "EXISTING_DIRECTORY", DirectoryId: "d-1234567890", InboundCallsEnabled: true, OutboundCallsEnabled: true }));
      const error = await rejectionOf(east.send(new ReplicateInstanceCommand({ InstanceId: out.Id, ReplicaRegion: WEST, ReplicaAlias: "no-alias-west" })));
      expect(error).to.be.instanceOf(InvalidRequestException);
      expect(error.message).to.contain("alias");
    });

    it("allows only the documented Region pairs, ap-northeast-1 -> ap-northeast-3 one way", async () => {
      const id = await createInstance(east, "pair-check");
      const wrong = await rejectionOf(east.send(new ReplicateInstanceCommand({ InstanceId: id, ReplicaRegion: "eu-west-2", ReplicaAlias: "pair-check-eu" })));
      expect(wrong).to.be.instanceOf(InvalidRequestException);
      expect(wrong.message).to.equal("Replication from us-east-1 to eu-west-2 is not supported; allowed: us-west-2");

      const osaka = clientFor(sim, "ap-northeast-3");
      const osakaId = await createInstance(osaka, "osaka-source");
      const back = await rejectionOf(osaka.send(new ReplicateInstanceCommand({ InstanceId: osakaId, ReplicaRegion: "ap-northeast-1", ReplicaAlias: "osaka-to-tokyo" })));
      expect(back).to.be.instanceOf(InvalidRequestException);
      expect(back.message).to.contain("no replication pair");

      const tokyo = clientFor(sim, "ap-northeast-1");
      const tokyoId = await createInstance(tokyo, "tokyo-source");
      const ok = await tokyo.send(new ReplicateInstanceCommand({ InstanceId: tokyoId, ReplicaRegion: "ap-northeast-3", ReplicaAlias: "tokyo-replica" }));
      expect(ok.Arn).to.equal(`arn:aws:connect:ap-northeast-3:${ACCOUNT_A}:instance/${tokyoId}`);
    });

    it("needs an ACTIVE source and refuses a second replication", async () => {
      const slow = await startTestSimulator({ instanceCreationDelayMs: 60_000 });
      try {
        const client = clientFor(slow, EAST);
        const id = await createInstance(client, "still-creating");
        const notReady = await rejectionOf(client.send(new ReplicateInstanceCommand({ InstanceId: id, ReplicaRegion: WEST, ReplicaAlias: "still-creating-west" })));
        expect(notReady).to.be.instanceOf(ResourceNotReadyException);
        expect(notReady.$metadata?.httpStatusCode).to.equal(409);
      } finally {
        await slow.close();
      }
      const id = await createInstance(east, "twice");
      await east.send(new ReplicateInstanceCommand({ InstanceId: id, ReplicaRegion: WEST, ReplicaAlias: "twice-west" }));
      const again = await rejectionOf(east.send(new ReplicateInstanceCommand({ InstanceId: id, ReplicaRegion: WEST, ReplicaAlias: "twice-west-2" })));
      // The admin guide, "Why a ReplicateInstance call fails": already replicated is an InvalidRequestException.
      expect(again).to.be.instanceOf(InvalidRequestException);
      expect(again.$metadata?.httpStatusCode).to.equal(400);
    });
  });

  describe("a replicated instance", () => {
    let instanceId: string;
    let tdgId: string;
    let tdgArn: string;

    before(async () => {
      const seeded = sim.seed({ region: EAST, instance: { alias: "acme-east" }, users: [{ username: "agent.one" }], lambdaFunctions: [`arn:aws:lambda:${EAST}:${ACCOUNT_A}:function:lookup`] });
      instanceId = seeded.instanceId;
      const out = await east.send(new ReplicateInstanceCommand({ InstanceId: instanceId, ReplicaRegion: WEST, ReplicaAlias: "acme-west" }));
      expect(out).to.deep.include({ Id: instanceId, Arn: `arn:aws:connect:${WEST}:${ACCOUNT_A}:instance/${instanceId}` });
      const groups = await east.send(new ListTrafficDistributionGroupsCommand({ InstanceId: instanceId }));
      expect(groups.TrafficDistributionGroupSummaryList).to.have.length(1);
      tdgId = groups.TrafficDistributionGroupSummaryList![0]!.Id!;
      tdgArn = groups.TrafficDistributionGroupSummaryList![0]!.Arn!;
    });

    it("has the same id in the replica Region, ACTIVE, with the replication configuration", async () => {
      const replica = await west.send(new DescribeInstanceCommand({ InstanceId: instanceId }));
      expect(replica.Instance).to.deep.include({ Id: instanceId, Arn: `arn:aws:connect:${WEST}:${ACCOUNT_A}:instance/${instanceId}`, InstanceAlias: "acme-west", InstanceStatus: "ACTIVE", IdentityManagementType: "SAML" });
      expect(replica.ReplicationConfiguration).to.deep.include({ SourceRegion: EAST });
      expect(replica.ReplicationConfiguration!.ReplicationStatusSummaryList).to.deep.equal([{ Region: EAST, ReplicationStatus: "INSTANCE_REPLICATION_COMPLETE" }]);
    });

    it("creates a default TDG in the source Region with 100% telephony and agents there", async () => {
      const described = await east.send(new DescribeTrafficDistributionGroupCommand({ TrafficDistributionGroupId: tdgId }));
      expect(described.TrafficDistributionGroup).to.deep.include({
        Id: tdgId, Arn: `arn:aws:connect:${EAST}:${ACCOUNT_A}:traffic-distribution-group/${tdgId}`, IsDefault: true, Status: "ACTIVE",
        InstanceArn: `arn:aws:connect:${EAST}:${ACCOUNT_A}:instance/${instanceId}`,
      });
      const dist = await east.send(new GetTrafficDistributionCommand({ Id: tdgId }));
      expect(dist.TelephonyConfig).to.deep.equal({ Distributions: split(100, 0) });
      expect(dist.AgentConfig).to.deep.equal({ Distributions: split(100, 0) });
      expect(dist.SignInConfig).to.deep.equal({ Distributions: [{ Region: EAST, Enabled: true }, { Region: WEST, Enabled: true }] });
    });

    it("accepts the TDG ARN from either Region but the bare id only in the home Region", async () => {
      const fromWest = await west.send(new GetTrafficDistributionCommand({ Id: tdgArn }));
      expect(fromWest.Id).to.equal(tdgId);
      const byIdFromWest = await rejectionOf(west.send(new GetTrafficDistributionCommand({ Id: tdgId })));
      expect(byIdFromWest).to.be.instanceOf(ResourceNotFoundException);
      const updateByIdFromWest = await rejectionOf(west.send(new UpdateTrafficDistributionCommand({ Id: tdgId, TelephonyConfig: { Distributions: split(0, 100) } })));
      expect(updateByIdFromWest).to.be.instanceOf(ResourceNotFoundException);
      expect(updateByIdFromWest.$metadata?.httpStatusCode).to.equal(404);
    });

    it("fails over from the replica Region with the ARN: telephony and agents move together", async () => {
      await west.send(new UpdateTrafficDistributionCommand({ Id: tdgArn, TelephonyConfig: { Distributions: split(0, 100) }, AgentConfig: { Distributions: split(0, 100) } }));
      const after = await east.send(new GetTrafficDistributionCommand({ Id: tdgId }));
      expect(after.TelephonyConfig).to.deep.equal({ Distributions: split(0, 100) });
      expect(after.AgentConfig).to.deep.equal({ Distributions: split(0, 100) });
      await east.send(new UpdateTrafficDistributionCommand({ Id: tdgId, TelephonyConfig: { Distributions: split(70, 30) } }));
      expect((await east.send(new GetTrafficDistributionCommand({ Id: tdgId }))).TelephonyConfig).to.deep.equal({ Distributions: split(70, 30) });
    });

    const invalid: [string, Distribution[], string][] = [
      ["percentages not in 10% steps", split(55, 45), "multiples of 10"],
      ["percentages not summing to 100", split(60, 30), "sum to 100, got 90"],
      ["only one Region named", [{ Region: EAST, Percentage: 100 }], "exactly once"],
      ["a Region outside the pair", [{ Region: EAST, Percentage: 50 }, { Region: "eu-west-2", Percentage: 50 }], "exactly once"],
      // The model's range (Percentage 0..100), in the service's validation wording.
      ["a percentage above 100", split(110, -10), "Value 110 at 'TelephonyConfig.Distributions[0].Percentage' failed to satisfy constraint: Member must have value less than or equal to 100"],
    ];
    for (const [what, distributions, message] of invalid) {
      it(`rejects ${what} with InvalidRequestException and changes nothing`, async () => {
        const before = await east.send(new GetTrafficDistributionCommand({ Id: tdgId }));
        const error = await rejectionOf(east.send(new UpdateTrafficDistributionCommand({ Id: tdgId, TelephonyConfig: { Distributions: distributions }, AgentConfig: { Distributions: split(50, 50) } })));
        expect(error).to.be.instanceOf(InvalidRequestException);
        expect(error.$metadata?.httpStatusCode).to.equal(400);
        expect(error.message).to.contain(message);
        const after = await east.send(new GetTrafficDistributionCommand({ Id: tdgId }));
        expect(after.TelephonyConfig).to.deep.equal(before.TelephonyConfig);
        expect(after.AgentConfig).to.deep.equal(before.AgentConfig);
      });
    }

    it("mirrors hours, queues and users between the Regions, recording the Region of each change", async () => {
      const hours = await east.send(new ListHoursOfOperationsCommand({ InstanceId: instanceId }));
      const created = await east.send(new CreateQueueCommand({ InstanceId: instanceId, Name: "Claims", HoursOfOperationId: hours.HoursOfOperationSummaryList![0]!.Id }));
      const inWest = await west.send(new DescribeQueueCommand({ InstanceId: instanceId, QueueId: created.QueueId }));
      expect(inWest.Queue).to.deep.include({ Name: "Claims", QueueArn: `arn:aws:connect:${WEST}:${ACCOUNT_A}:instance/${instanceId}/queue/${created.QueueId}`, LastModifiedRegion: EAST });

      await west.send(new UpdateQueueNameCommand({ InstanceId: instanceId, QueueId: created.QueueId, Name: "Claims (west edit)" }));
      const inEast = await east.send(new DescribeQueueCommand({ InstanceId: instanceId, QueueId: created.QueueId }));
      expect(inEast.Queue).to.deep.include({ Name: "Claims (west edit)", LastModifiedRegion: WEST });

      const eastQueues = await east.send(new ListQueuesCommand({ InstanceId: instanceId }));
      const westQueues = await west.send(new ListQueuesCommand({ InstanceId: instanceId }));
      expect(westQueues.QueueSummaryList!.map((q) => q.Id)).to.deep.equal(eastQueues.QueueSummaryList!.map((q) => q.Id));
      expect((await west.send(new ListUsersCommand({ InstanceId: instanceId }))).UserSummaryList!.map((u) => u.Username)).to.deep.equal(["agent.one"]);
    });

    it("mirrors hours, routing profiles and flows; a flow may reference resources by either Region's ARN", async () => {
      const hours = await west.send(new CreateHoursOfOperationCommand({ InstanceId: instanceId, Name: "West hours", TimeZone: "America/Los_Angeles", Config: [] }));
      expect((await east.send(new DescribeHoursOfOperationCommand({ InstanceId: instanceId, HoursOfOperationId: hours.HoursOfOperationId }))).HoursOfOperation).to.deep.include({ Name: "West hours", LastModifiedRegion: WEST });
      const queue = await east.send(new CreateQueueCommand({ InstanceId: instanceId, Name: "Mirrored", HoursOfOperationId: hours.HoursOfOperationId }));
      const profile = await east.send(new CreateRoutingProfileCommand({
        InstanceId: instanceId, Name: "Mirrored profile", Description: "d", DefaultOutboundQueueId: queue.QueueId, MediaConcurrencies: [{ Channel: "VOICE", Concurrency: 1 }],
      }));
      expect((await west.send(new DescribeRoutingProfileCommand({ InstanceId: instanceId, RoutingProfileId: profile.RoutingProfileId }))).RoutingProfile!.Name).to.equal("Mirrored profile");
      const westQueueArn = `arn:aws:connect:${WEST}:${ACCOUNT_A}:instance/${instanceId}/queue/${queue.QueueId}`;
      const content = JSON.stringify({
        Version: "2019-10-30", StartAction: "a",
        Actions: [
          { Identifier: "a", Type: "UpdateContactTargetQueue", Parameters: { QueueId: westQueueArn }, Transitions: { NextAction: "b" } },
          { Identifier: "b", Type: "DisconnectParticipant", Parameters: {}, Transitions: {} },
        ],
      });
      const flow = await east.send(new CreateContactFlowCommand({ InstanceId: instanceId, Name: "Mirrored flow", Type: "CONTACT_FLOW", Content: content }));
      const inWest = await west.send(new DescribeContactFlowCommand({ InstanceId: instanceId, ContactFlowId: flow.ContactFlowId }));
      expect(inWest.ContactFlow).to.deep.include({ Content: content, Arn: `arn:aws:connect:${WEST}:${ACCOUNT_A}:instance/${instanceId}/contact-flow/${flow.ContactFlowId}` });
      const elsewhere = content.replace(WEST, "eu-west-2");
      expect(await rejectionOf(east.send(new CreateContactFlowCommand({ InstanceId: instanceId, Name: "Wrong Region", Type: "CONTACT_FLOW", Content: elsewhere })))).to.be.instanceOf(InvalidContactFlowException);
    });

    it("does not mirror Lambda associations (ACGR leaves them to the platform)", async () => {
      expect((await east.send(new ListLambdaFunctionsCommand({ InstanceId: instanceId }))).LambdaFunctions).to.have.length(1);
      expect((await west.send(new ListLambdaFunctionsCommand({ InstanceId: instanceId }))).LambdaFunctions).to.deep.equal([]);
    });

    it("creates, lists and deletes a non-default TDG, and refuses to delete the default one", async () => {
      const created = await east.send(new CreateTrafficDistributionGroupCommand({ Name: "campaign-tdg", InstanceId: instanceId }));
      const dup = await rejectionOf(east.send(new CreateTrafficDistributionGroupCommand({ Name: "campaign-tdg", InstanceId: instanceId })));
      expect(dup).to.be.instanceOf(ResourceConflictException);
      // Name128 is (^[\S].*[\S]$)|(^[\S]$); CreateTrafficDistributionGroup lists InvalidRequestException, not InvalidParameterException.
      const padded = await rejectionOf(east.send(new CreateTrafficDistributionGroupCommand({ Name: " padded ", InstanceId: instanceId })));
      expect([padded.name, padded.$metadata?.httpStatusCode]).to.deep.equal(["InvalidRequestException", 400]);
      expect(padded.message).to.contain("at 'Name' failed to satisfy constraint: Member must satisfy regular expression pattern");
      const unknown = await rejectionOf(east.send(new DeleteTrafficDistributionGroupCommand({ TrafficDistributionGroupId: "00000000-0000-0000-0000-000000000000" })));
      expect(unknown.name, "DeleteTrafficDistributionGroup lists no ResourceNotFoundException").to.equal("InvalidRequestException");
      const signIn = await rejectionOf(east.send(new UpdateTrafficDistributionCommand({ Id: created.Id, SignInConfig: { Distributions: [{ Region: EAST, Enabled: true }, { Region: WEST, Enabled: false }] } })));
      expect(signIn).to.be.instanceOf(InvalidRequestException);
      const listed = await west.send(new ListTrafficDistributionGroupsCommand({ InstanceId: instanceId }));
      expect(listed.TrafficDistributionGroupSummaryList!.map((g) => [g.Name, g.IsDefault])).to.deep.equal([["acme-east-default", true], ["campaign-tdg", false]]);
      expect((await east.send(new ListTrafficDistributionGroupUsersCommand({ TrafficDistributionGroupId: created.Id }))).TrafficDistributionGroupUserSummaryList).to.deep.equal([]);
      const deleteDefault = await rejectionOf(east.send(new DeleteTrafficDistributionGroupCommand({ TrafficDistributionGroupId: tdgId })));
      expect(deleteDefault).to.be.instanceOf(InvalidRequestException);
      await east.send(new DeleteTrafficDistributionGroupCommand({ TrafficDistributionGroupId: created.Id }));
      const gone = await rejectionOf(east.send(new DescribeTrafficDistributionGroupCommand({ TrafficDistributionGroupId: created.Id })));
      expect(gone).to.be.instanceOf(ResourceNotFoundException);
    });
  });

  it("describes and deletes an instance by its id only: DescribeInstance and DeleteInstance model InstanceId, not InstanceIdOrArn", async () => {
    const id = await createInstance(east, "by-id-only");
    const arn = `arn:aws:connect:${EAST}:${ACCOUNT_A}:instance/${id}`;
    expect(await rejectionOf(east.send(new DescribeInstanceCommand({ InstanceId: arn })))).to.be.instanceOf(ResourceNotFoundException);
    expect(await rejectionOf(east.send(new DeleteInstanceCommand({ InstanceId: arn })))).to.be.instanceOf(ResourceNotFoundException);
    expect((await east.send(new DescribeInstanceCommand({ InstanceId: id }))).Instance!.Id).to.equal(id);
  });

  it("deletes a replica (ending replication and its TDGs) but not a source that still has one", async () => {
    const id = await createInstance(east, "to-unreplicate");
    await east.send(new ReplicateInstanceCommand({ InstanceId: id, ReplicaRegion: WEST, ReplicaAlias: "to-unreplicate-west" }));
    const source = await rejectionOf(east.send(new DeleteInstanceCommand({ InstanceId: id })));
    expect(source).to.be.instanceOf(InvalidRequestException);
    await west.send(new DeleteInstanceCommand({ InstanceId: id }));
    expect(await rejectionOf(west.send(new DescribeInstanceCommand({ InstanceId: id })))).to.be.instanceOf(ResourceNotFoundException);
    const described = await east.send(new DescribeInstanceCommand({ InstanceId: id }));
    expect(described.ReplicationConfiguration).to.equal(undefined);
    expect((await east.send(new ListTrafficDistributionGroupsCommand({ InstanceId: id }))).TrafficDistributionGroupSummaryList).to.deep.equal([]);
    await east.send(new DeleteInstanceCommand({ InstanceId: id }));
    expect(await rejectionOf(east.send(new DescribeInstanceCommand({ InstanceId: id })))).to.be.instanceOf(ResourceNotFoundException);
  });

  it("keeps the replica and default TDG CREATION_IN_PROGRESS for the replication delay", async () => {
    const slow = await startTestSimulator({ replicationDelayMs: 300 });
    try {
      const e = clientFor(slow, EAST);
      const w = clientFor(slow, WEST);
      const id = await createInstance(e, "delayed");
      await e.send(new ReplicateInstanceCommand({ InstanceId: id, ReplicaRegion: WEST, ReplicaAlias: "delayed-west" }));
      expect((await w.send(new DescribeInstanceCommand({ InstanceId: id }))).Instance!.InstanceStatus).to.equal("CREATION_IN_PROGRESS");
      const source = await e.send(new DescribeInstanceCommand({ InstanceId: id }));
      expect(source.Instance!.InstanceStatus).to.equal("ACTIVE");
      expect(source.ReplicationConfiguration!.ReplicationStatusSummaryList).to.deep.equal([{ Region: WEST, ReplicationStatus: "INSTANCE_REPLICATION_IN_PROGRESS" }]);
      const [group] = (await e.send(new ListTrafficDistributionGroupsCommand({}))).TrafficDistributionGroupSummaryList!;
      expect(group!.Status).to.equal("CREATION_IN_PROGRESS");
      const early = await rejectionOf(e.send(new UpdateTrafficDistributionCommand({ Id: group!.Id, TelephonyConfig: { Distributions: split(50, 50) } })));
      expect(early).to.be.instanceOf(ResourceConflictException);
      // ListQueues' model lists no ResourceNotReadyException: an instance still replicating is an invalid request there.
      const notReady = await rejectionOf(w.send(new ListQueuesCommand({ InstanceId: id })));
      expect(notReady).to.be.instanceOf(InvalidRequestException);
      await new Promise((r) => setTimeout(r, 350));
      expect((await w.send(new DescribeInstanceCommand({ InstanceId: id }))).Instance!.InstanceStatus).to.equal("ACTIVE");
      expect((await e.send(new DescribeTrafficDistributionGroupCommand({ TrafficDistributionGroupId: group!.Id }))).TrafficDistributionGroup!.Status).to.equal("ACTIVE");
    } finally {
      await slow.close();
    }
  });
});
