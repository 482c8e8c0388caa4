import { expect } from "chai";
import {
  AssociatePhoneNumberContactFlowCommand,
  AssociateTrafficDistributionGroupUserCommand,
  ClaimPhoneNumberCommand,
  ConnectClient,
  DescribeInstanceCommand,
  DisassociateTrafficDistributionGroupUserCommand,
  InvalidParameterException,
  InvalidRequestException,
  ListFlowAssociationsCommand,
  ListTrafficDistributionGroupUsersCommand,
  ListTrafficDistributionGroupsCommand,
  ReplicateInstanceCommand,
  ResourceNotFoundException,
  SearchAvailablePhoneNumbersCommand,
  UpdateTrafficDistributionCommand,
} from "@aws-sdk/client-connect";
import type { Simulator } from "../../../tools/simulator";
import { ACCOUNT_A, clientFor, rejectionOf, startTestSimulator } from "./support";
import { auditModelTraffic } from "../../support/model-audit";

/**
 * The ACGR telephony and agent operations the failover path relies on. Expected behaviour from AWS's
 * API reference (botocore's connect model and the Connect API/admin guide): a number claimed to a
 * group with the group's ARN as TargetArn; its flow associated in the replica Region by the number's
 * ARN (an id is ResourceNotFoundException there); agents associated with the group only in its own
 * Region and only while it is ACTIVE; SearchAvailablePhoneNumbers by country, type and prefix.
 */
describe("simulator: ACGR numbers, agents and where calls land", () => {
  auditModelTraffic();
  let sim: Simulator;
  let east: ConnectClient;
  let west: ConnectClient;
  let instanceId: string;
  let groupArn: string;
  let flowId: string;
  let userIds: Record<string, string>;

  before(async () => {
    sim = await startTestSimulator({ replicationDelayMs: 0 });
    east = clientFor(sim, "us-east-1");
    west = clientFor(sim, "us-west-2");
    const seeded = sim.seed({ region: "us-east-1", instance: { alias: "routing" }, flows: [{ name: "Inbound" }], users: [{ username: "ana" }, { username: "ben" }] });
    instanceId = seeded.instanceId;
    flowId = seeded.ids.flows.Inbound!;
    userIds = seeded.ids.users;
    await east.send(new ReplicateInstanceCommand({ InstanceId: instanceId, ReplicaRegion: "us-west-2", ReplicaAlias: "routing-west" }));
    groupArn = (await east.send(new ListTrafficDistributionGroupsCommand({ InstanceId: instanceId }))).TrafficDistributionGroupSummaryList![0]!.Arn!;
  });
  after(() => sim.close());

  it("searches available numbers by country, type and prefix, from either Region of the group, and never offers a claimed one", async () => {
    const search = (client: ConnectClient, prefix?: string) =>
      client.send(new SearchAvailablePhoneNumbersCommand({ TargetArn: groupArn, PhoneNumberCountryCode: "US", PhoneNumberType: "DID", ...(prefix ? { PhoneNumberPrefix: prefix } : {}), MaxResults: 2 }));
    const first = await search(east, "+1425");
    expect(first.AvailableNumbersList!.map((n) => [n.PhoneNumber!.slice(0, 5), n.PhoneNumberCountryCode, n.PhoneNumberType])).to.deep.equal([["+1425", "US", "DID"], ["+1425", "US", "DID"]]);
    await east.send(new ClaimPhoneNumberCommand({ TargetArn: groupArn, PhoneNumber: first.AvailableNumbersList![0]!.PhoneNumber }));
    const again = await search(west, "1425");
    expect(again.AvailableNumbersList!.map((n) => n.PhoneNumber)).to.not.include(first.AvailableNumbersList![0]!.PhoneNumber);
    expect(again.AvailableNumbersList![0]!.PhoneNumber).to.equal(first.AvailableNumbersList![1]!.PhoneNumber);
    const wrongCountry = await east.send(new SearchAvailablePhoneNumbersCommand({ TargetArn: groupArn, PhoneNumberCountryCode: "GB", PhoneNumberType: "DID", PhoneNumberPrefix: "+1206" }));
    expect(wrongCountry.AvailableNumbersList).to.deep.equal([]);
  });

  it("claims a number into the group only in the group's Region", async () => {
    const fromReplica = await rejectionOf(west.send(new ClaimPhoneNumberCommand({ TargetArn: groupArn, PhoneNumber: "+12065550777" })));
    expect(fromReplica).to.be.instanceOf(InvalidParameterException);
    expect(fromReplica.message).to.equal("ClaimPhoneNumber works only in the Region where the traffic distribution group was created (us-east-1), not us-west-2");
  });

  it("associates a number's flow per Region: by id at home, by ARN only in the replica Region", async () => {
    const claimed = await east.send(new ClaimPhoneNumberCommand({ TargetArn: groupArn, PhoneNumber: "+12065550778" }));
    await east.send(new AssociatePhoneNumberContactFlowCommand({ InstanceId: instanceId, PhoneNumberId: claimed.PhoneNumberId, ContactFlowId: flowId }));
    const flowsIn = async (client: ConnectClient) =>
      (await client.send(new ListFlowAssociationsCommand({ InstanceId: instanceId, ResourceType: "VOICE_PHONE_NUMBER" }))).FlowAssociationSummaryList!.filter((a) => a.ResourceId === claimed.PhoneNumberArn);
    // FlowId is an ARN (its model shape), of the flow in the Region asked.
    expect(await flowsIn(east)).to.deep.equal([{ ResourceId: claimed.PhoneNumberArn, FlowId: `arn:aws:connect:us-east-1:${ACCOUNT_A}:instance/${instanceId}/contact-flow/${flowId}`, ResourceType: "VOICE_PHONE_NUMBER" }]);
    expect(await flowsIn(west)).to.deep.equal([]);
    const byId = await rejectionOf(west.send(new AssociatePhoneNumberContactFlowCommand({ InstanceId: instanceId, PhoneNumberId: claimed.PhoneNumberId, ContactFlowId: flowId })));
    expect(byId).to.be.instanceOf(ResourceNotFoundException);
    await west.send(new AssociatePhoneNumberContactFlowCommand({ InstanceId: instanceId, PhoneNumberId: claimed.PhoneNumberArn, ContactFlowId: flowId }));
    expect(await flowsIn(west)).to.deep.equal([{ ResourceId: claimed.PhoneNumberArn, FlowId: `arn:aws:connect:us-west-2:${ACCOUNT_A}:instance/${instanceId}/contact-flow/${flowId}`, ResourceType: "VOICE_PHONE_NUMBER" }]);
  });

  it("associates, lists and disassociates agents in the group's Region; not from the replica Region", async () => {
    const users = async (client: ConnectClient) => (await client.send(new ListTrafficDistributionGroupUsersCommand({ TrafficDistributionGroupId: groupArn }))).TrafficDistributionGroupUserSummaryList!.map((u) => u.UserId);
    await east.send(new AssociateTrafficDistributionGroupUserCommand({ TrafficDistributionGroupId: groupArn, InstanceId: instanceId, UserId: userIds.ana }));
    await east.send(new AssociateTrafficDistributionGroupUserCommand({ TrafficDistributionGroupId: groupArn, InstanceId: instanceId, UserId: userIds.ana }));
    expect(await users(east)).to.deep.equal([userIds.ana]);
    expect(await users(west)).to.deep.equal([userIds.ana]);
    const fromReplica = await rejectionOf(west.send(new AssociateTrafficDistributionGroupUserCommand({ TrafficDistributionGroupId: groupArn, InstanceId: instanceId, UserId: userIds.ben })));
    expect(fromReplica).to.be.instanceOf(InvalidRequestException);
    const unknown = await rejectionOf(east.send(new AssociateTrafficDistributionGroupUserCommand({ TrafficDistributionGroupId: groupArn, InstanceId: instanceId, UserId: "00000000-0000-4000-8000-000000000000" })));
    expect(unknown).to.be.instanceOf(ResourceNotFoundException);
    await east.send(new DisassociateTrafficDistributionGroupUserCommand({ TrafficDistributionGroupId: groupArn, InstanceId: instanceId, UserId: userIds.ana }));
    expect(await users(east)).to.deep.equal([]);
    expect(await rejectionOf(east.send(new DisassociateTrafficDistributionGroupUserCommand({ TrafficDistributionGroupId: groupArn, InstanceId: instanceId, UserId: userIds.ana })))).to.be.instanceOf(ResourceNotFoundException);
  });

  describe("routeCall: where a number's calls land", () => {
    const number = "+12065550779";
    before(async () => {
      const claimed = await east.send(new ClaimPhoneNumberCommand({ TargetArn: groupArn, PhoneNumber: number }));
      await east.send(new AssociatePhoneNumberContactFlowCommand({ InstanceId: instanceId, PhoneNumberId: claimed.PhoneNumberId, ContactFlowId: flowId }));
    });
    const distribute = (east_: number) =>
      east.send(new UpdateTrafficDistributionCommand({ Id: groupArn, TelephonyConfig: { Distributions: [{ Region: "us-east-1", Percentage: east_ }, { Region: "us-west-2", Percentage: 100 - east_ }] } }));

    it("follows the telephony distribution, and fails in a Region without the number's flow", async () => {
      await distribute(100);
      expect(sim.routeCall(number)).to.deep.equal({ phoneNumber: number, region: "us-east-1", answered: true, contactFlowId: flowId, detail: "answered in us-east-1 by flow Inbound" });
      await distribute(0);
      expect(sim.routeCall(number)).to.deep.equal({ phoneNumber: number, region: "us-west-2", answered: false, detail: `${number} has no flow associated in us-west-2` });
      await west.send(new AssociatePhoneNumberContactFlowCommand({ InstanceId: instanceId, PhoneNumberId: `arn:aws:connect:us-east-1:${ACCOUNT_A}:phone-number/${[...sim.state.region(ACCOUNT_A, "us-east-1").phoneNumbers.values()].find((n) => n.phoneNumber === number)!.id}`, ContactFlowId: flowId }));
      expect(sim.routeCall(number)).to.include({ region: "us-west-2", answered: true });
    });

    it("splits by the draw on the cumulative percentages", async () => {
      await distribute(30);
      expect([0, 0.29, 0.3, 0.99].map((draw) => sim.routeCall(number, draw).region)).to.deep.equal(["us-east-1", "us-east-1", "us-west-2", "us-west-2"]);
    });

    it("serves routeCall and outages on the admin endpoint too", async () => {
      await distribute(0);
      const admin = async (method: string, path: string, body: unknown) => (await fetch(`${sim.endpoint}/__simulator/${path}`, { method, body: JSON.stringify(body) })).json();
      expect(await admin("PUT", "outages", { region: "us-west-2", dark: true })).to.deep.equal(["us-west-2"]);
      expect(await admin("POST", "route-call", { phoneNumber: number })).to.deep.equal({ phoneNumber: number, region: "us-west-2", answered: false, detail: "us-west-2 is not answering (outage)" });
      expect(await admin("PUT", "outages", { region: "us-west-2", dark: false })).to.deep.equal([]);
      expect(await admin("POST", "route-call", { phoneNumber: number })).to.include({ region: "us-west-2", answered: true });
    });

    it("a dark Region answers nothing: API 5xx, its Region endpoint refuses connections, its calls fail; restored, all answer again", async () => {
      await distribute(100);
      const endpoint = await sim.regionEndpoint("us-east-1");
      // A fresh client each time: a pooled keep-alive socket would see a reset, not a refusal.
      const describeThere = async () => {
        const regional = new ConnectClient({ region: "us-east-1", endpoint, maxAttempts: 1, credentials: { accessKeyId: "AKIAACCOUNTA00000001", secretAccessKey: "x" } });
        try {
          return (await regional.send(new DescribeInstanceCommand({ InstanceId: instanceId }))).Instance?.InstanceStatus;
        } finally {
          regional.destroy();
        }
      };
      expect(await describeThere()).to.equal("ACTIVE");
      await sim.darkenRegion("us-east-1");
      const refused = await rejectionOf(describeThere());
      expect((refused as { code?: string }).code).to.equal("ECONNREFUSED");
      const shared = await rejectionOf(east.send(new DescribeInstanceCommand({ InstanceId: instanceId })));
      expect([shared.name, shared.$metadata?.httpStatusCode, shared.message]).to.deep.equal(["InternalServiceException", 500, "us-east-1 is not answering (outage)"]);
      expect(sim.routeCall(number)).to.deep.equal({ phoneNumber: number, region: "us-east-1", answered: false, detail: "us-east-1 is not answering (outage)" });
      expect((await west.send(new DescribeInstanceCommand({ InstanceId: instanceId }))).Instance?.InstanceStatus).to.equal("ACTIVE");
      await sim.restoreRegion("us-east-1");
      expect(await describeThere()).to.equal("ACTIVE");
      expect(sim.routeCall(number)).to.include({ region: "us-east-1", answered: true });
    });
  });
});
