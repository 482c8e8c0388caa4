import { expect } from "chai";
import { ClaimPhoneNumberCommand, ListFlowAssociationsCommand, ListTrafficDistributionGroupsCommand, ReplicateInstanceCommand, type ConnectClient } from "@aws-sdk/client-connect";
import { phoneNumberFlowsProvider, phoneNumberProvider, type PhoneNumberFlowsInputs, type PhoneNumberInputs } from "../../../components/resiliency/acgr/phone-number-provider";
import { trafficDistributionGroupProvider } from "../../../components/resiliency/acgr/traffic-distribution-group-provider";
import { declaredDistribution } from "../../../components/resiliency/traffic-distribution-group";
import { connectTo, simulatorForSuite, WORKLOAD_ACCOUNT } from "../../support/simulator";
import { auditModelTraffic } from "../../support/model-audit";
// The engine's dynamic provider host loads serialized providers this way.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requireFromString: (code: string) => { handler: () => typeof phoneNumberProvider } = require("require-from-string");

const pair = ["us-east-1", "us-west-2"] as const;

/**
 * The number providers through the unmodified SDK against the simulator, whose behaviour follows the
 * Connect API reference: ClaimPhoneNumber with the group's ARN as TargetArn, flows associated in the
 * replica Region by the number's ARN, UpdatePhoneNumber leaving a moved number without flows.
 */
describe("ACGR phone number providers against the Connect API simulator", () => {
  auditModelTraffic();
  const suite = simulatorForSuite();
  let east: ConnectClient;
  let west: ConnectClient;
  before(() => {
    east = connectTo(suite.simulator, "us-east-1");
    west = connectTo(suite.simulator, "us-west-2");
  });
  after(() => {
    east.destroy();
    west.destroy();
  });

  async function replicated() {
    const source = suite.simulator.seed({ region: "us-east-1", instance: { alias: "acme" }, flows: [{ name: "Main inbound" }, { name: "Night" }] });
    await east.send(new ReplicateInstanceCommand({ InstanceId: source.instanceId, ReplicaRegion: "us-west-2", ReplicaAlias: "acme-west" }));
    const groupArn = (await east.send(new ListTrafficDistributionGroupsCommand({ InstanceId: source.instanceId }))).TrafficDistributionGroupSummaryList![0]!.Arn!;
    return { ...source, groupArn };
  }
  const flowsOf = async (client: ConnectClient, instanceId: string) =>
    (await client.send(new ListFlowAssociationsCommand({ InstanceId: instanceId, ResourceType: "VOICE_PHONE_NUMBER" }))).FlowAssociationSummaryList!.map((a) => [a.ResourceId, a.FlowId]);
  // ListFlowAssociations answers FlowId as an ARN (its model shape is ARN), in the Region asked.
  const flowArn = (region: string, instanceId: string, flowId: string | undefined) => `arn:aws:connect:${region}:${WORKLOAD_ACCOUNT}:instance/${instanceId}/contact-flow/${flowId}`;

  describe("PhoneNumber (claimed into the group)", () => {
    const inputs = (c: Awaited<ReturnType<typeof replicated>>, patch: Partial<PhoneNumberInputs> = {}): PhoneNumberInputs => ({
      targetArn: c.groupArn,
      instanceId: c.instanceId,
      homeRegion: "us-east-1",
      replicaRegion: "us-west-2",
      countryCode: "US",
      type: "DID",
      prefix: "+1425",
      contactFlowId: c.ids.flows["Main inbound"]!,
      flowName: "Main inbound",
      timeoutSeconds: 5,
      pollSeconds: 0.01,
      connection: { endpoint: suite.simulator.endpoint },
      ...patch,
    });

    it("claims a free number into the group and associates its flow in both Regions; calls land on it", async () => {
      const c = await replicated();
      const created = await phoneNumberProvider.create(inputs(c));
      const { phoneNumber, phoneNumberArn } = created.outs!;
      expect(phoneNumber).to.match(/^\+1425\d{7}$/);
      expect(created.id).to.equal(phoneNumberArn);
      expect(await flowsOf(east, c.instanceId)).to.deep.equal([[phoneNumberArn, flowArn("us-east-1", c.instanceId, c.ids.flows["Main inbound"])]]);
      expect(await flowsOf(west, c.instanceId)).to.deep.equal([[phoneNumberArn, flowArn("us-west-2", c.instanceId, c.ids.flows["Main inbound"])]]);
      expect(suite.simulator.routeCall(phoneNumber)).to.include({ region: "us-east-1", answered: true });
    });

    it("re-associates a changed flow in place; a new prefix is a new number, claimed before the old one is released", async () => {
      const c = await replicated();
      const created = await phoneNumberProvider.create(inputs(c));
      const news = inputs(c, { contactFlowId: c.ids.flows.Night!, flowName: "Night" });
      expect(await phoneNumberProvider.diff(created.id, created.outs!, news)).to.deep.equal({ changes: true, replaces: [], deleteBeforeReplace: false });
      await phoneNumberProvider.update(created.id, created.outs!, news);
      expect(await flowsOf(west, c.instanceId)).to.deep.equal([[created.id, flowArn("us-west-2", c.instanceId, c.ids.flows.Night)]]);
      expect(await phoneNumberProvider.diff(created.id, created.outs!, inputs(c, { prefix: "+1206" }))).to.deep.include({ replaces: ["prefix"], deleteBeforeReplace: false });
    });

    it("fails the check naming a flow the primary stack does not have", async () => {
      const c = await replicated();
      const checked = await phoneNumberProvider.check(inputs(c), inputs(c, { contactFlowId: "", flowName: "Missing" }));
      expect(checked.failures).to.deep.equal([{ property: "contactFlowId", reason: `no flow named "Missing" among the primary stack's flows (connectFlowIds); name one of its connect.flows` }]);
    });

    it("says so when no number of that country, type and prefix is free", async () => {
      const c = await replicated();
      const error = await phoneNumberProvider.create(inputs(c, { prefix: "+44" })).catch((e: Error) => e);
      expect((error as Error).message).to.equal("no US DID number starting with +44 is available to claim");
    });

    it("releases the number on destroy", async () => {
      const c = await replicated();
      const created = await phoneNumberProvider.create(inputs(c));
      await phoneNumberProvider.delete(created.id, created.outs!);
      expect(await phoneNumberProvider.read(created.id, created.outs!)).to.deep.equal({});
      expect(suite.simulator.routeCall(created.outs!.phoneNumber)).to.include({ answered: false });
    });

    it("works when loaded the way the engine loads a serialized dynamic provider", async () => {
      const pulumi = await import("@pulumi/pulumi");
      const serialized = await pulumi.runtime.serializeFunction(() => phoneNumberProvider, { allowSecrets: true });
      const provider = requireFromString(serialized.text).handler();
      const c = await replicated();
      expect((await provider.create(inputs(c))).outs!.phoneNumber).to.match(/^\+1425/);
    });
  });

  describe("PhoneNumberFlows (a number moved into the group by E.164)", () => {
    it("follows the group's move and associates the flow in both Regions; destroy removes the associations", async () => {
      const c = await replicated();
      const claimed = await east.send(new ClaimPhoneNumberCommand({ InstanceId: c.instanceId, PhoneNumber: "+18005550100" }));
      // The group's provider moves the number by E.164 (it looks it up on the instance).
      await trafficDistributionGroupProvider.create({
        instanceArn: c.instanceArn,
        replicaRegion: "us-west-2",
        useDefaultGroup: true,
        name: "traffic",
        description: "d",
        distribution: declaredDistribution({ pair }),
        phoneNumberIds: ["+18005550100"],
        timeoutSeconds: 5,
        pollSeconds: 0.01,
        connection: { endpoint: suite.simulator.endpoint },
      });
      const inputs: PhoneNumberFlowsInputs = {
        trafficDistributionGroupArn: c.groupArn,
        phoneNumber: "+18005550100",
        instanceId: c.instanceId,
        homeRegion: "us-east-1",
        replicaRegion: "us-west-2",
        contactFlowId: c.ids.flows["Main inbound"]!,
        flowName: "Main inbound",
        connection: { endpoint: suite.simulator.endpoint },
      };
      const created = await phoneNumberFlowsProvider.create(inputs);
      expect(created.outs!).to.include({ phoneNumberId: claimed.PhoneNumberId, phoneNumberArn: claimed.PhoneNumberArn });
      expect(await flowsOf(west, c.instanceId)).to.deep.equal([[claimed.PhoneNumberArn, flowArn("us-west-2", c.instanceId, c.ids.flows["Main inbound"])]]);
      await phoneNumberFlowsProvider.delete(created.id, created.outs!);
      expect(await flowsOf(east, c.instanceId)).to.deep.equal([]);
      expect(await flowsOf(west, c.instanceId)).to.deep.equal([]);
    });

    it("names a number that is not in the group", async () => {
      const c = await replicated();
      const error = await phoneNumberFlowsProvider
        .create({ trafficDistributionGroupArn: c.groupArn, phoneNumber: "+18005550101", instanceId: c.instanceId, homeRegion: "us-east-1", replicaRegion: "us-west-2", contactFlowId: c.ids.flows["Main inbound"]!, flowName: "Main inbound", connection: { endpoint: suite.simulator.endpoint } })
        .catch((e: Error) => e);
      expect((error as Error).message).to.equal(`+18005550101 is not in the traffic distribution group ${c.groupArn}; is it claimed in us-east-1 and listed in the group's phoneNumberIds?`);
    });
  });
});
