import { expect } from "chai";
import {
  AssociatePhoneNumberContactFlowCommand,
  ClaimPhoneNumberCommand,
  ConnectClient,
  DeleteTrafficDistributionGroupCommand,
  DescribePhoneNumberCommand,
  InvalidParameterException,
  ListContactFlowsCommand,
  ListFlowAssociationsCommand,
  ListPhoneNumbersCommand,
  ListPhoneNumbersV2Command,
  ListTrafficDistributionGroupsCommand,
  CreateTrafficDistributionGroupCommand,
  ReleasePhoneNumberCommand,
  ReplicateInstanceCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdatePhoneNumberCommand,
} from "@aws-sdk/client-connect";
import type { Simulator } from "../../../tools/simulator";
import { ACCOUNT_A, clientFor, rejectionOf, startTestSimulator } from "./support";
import { auditModelTraffic } from "../../support/model-audit";

describe("simulator: phone numbers", () => {
  // Simulator specs send invalid requests on purpose; every answer must still keep to the model.
  auditModelTraffic({ requests: false });
  let sim: Simulator;
  let east: ConnectClient;
  let west: ConnectClient;
  let instanceId: string;
  let instanceArn: string;
  let tdgArn: string;

  before(async () => {
    sim = await startTestSimulator();
    east = clientFor(sim, "us-east-1");
    west = clientFor(sim, "us-west-2");
    instanceId = sim.seed({ region: "us-east-1", instance: { alias: "numbers" } }).instanceId;
    instanceArn = `arn:aws:connect:us-east-1:${ACCOUNT_A}:instance/${instanceId}`;
    await east.send(new ReplicateInstanceCommand({ InstanceId: instanceId, ReplicaRegion: "us-west-2", ReplicaAlias: "numbers-west" }));
    tdgArn = (await east.send(new ListTrafficDistributionGroupsCommand({}))).TrafficDistributionGroupSummaryList![0]!.Arn!;
  });
  after(() => sim.close());

  it("claims a number to the instance, describes it and lists it (v1 and v2)", async () => {
    const claimed = await east.send(new ClaimPhoneNumberCommand({ PhoneNumber: "+12065550100", TargetArn: instanceArn, PhoneNumberDescription: "main line", Tags: { line: "main" } }));
    expect(claimed.PhoneNumberArn).to.equal(`arn:aws:connect:us-east-1:${ACCOUNT_A}:phone-number/${claimed.PhoneNumberId}`);
    const described = await east.send(new DescribePhoneNumberCommand({ PhoneNumberId: claimed.PhoneNumberId }));
    expect(described.ClaimedPhoneNumberSummary).to.deep.include({
      PhoneNumber: "+12065550100", PhoneNumberCountryCode: "US", PhoneNumberType: "DID", TargetArn: instanceArn, InstanceId: instanceId,
      PhoneNumberDescription: "main line", Tags: { line: "main" }, PhoneNumberStatus: { Status: "CLAIMED" },
    });
    const v1 = await east.send(new ListPhoneNumbersCommand({ InstanceId: instanceId }));
    expect(v1.PhoneNumberSummaryList!.map((n) => [n.PhoneNumber, n.PhoneNumberType, n.PhoneNumberCountryCode])).to.deep.equal([["+12065550100", "DID", "US"]]);
    const v2 = await east.send(new ListPhoneNumbersV2Command({ TargetArn: instanceArn }));
    expect(v2.ListPhoneNumbersSummaryList!.map((n) => n.PhoneNumberId)).to.deep.equal([claimed.PhoneNumberId]);
    const dup = await rejectionOf(east.send(new ClaimPhoneNumberCommand({ PhoneNumber: "+12065550100", InstanceId: instanceId })));
    // ClaimPhoneNumber's model lists no ResourceConflictException.
    expect([dup.name, dup.message]).to.deep.equal(["InvalidParameterException", "Phone number +12065550100 is already claimed"]);
    const bad = await rejectionOf(east.send(new ClaimPhoneNumberCommand({ PhoneNumber: "2065550100", InstanceId: instanceId })));
    expect(bad).to.be.instanceOf(InvalidParameterException);
  });

  it("moves a number to the TDG; from the other Region it is reachable by ARN only", async () => {
    const claimed = await east.send(new ClaimPhoneNumberCommand({ PhoneNumber: "+18005550199", InstanceId: instanceId }));
    const moved = await east.send(new UpdatePhoneNumberCommand({ PhoneNumberId: claimed.PhoneNumberId, TargetArn: tdgArn }));
    expect(moved.PhoneNumberArn).to.equal(claimed.PhoneNumberArn);
    const fromWest = await west.send(new DescribePhoneNumberCommand({ PhoneNumberId: claimed.PhoneNumberArn }));
    expect(fromWest.ClaimedPhoneNumberSummary).to.deep.include({ PhoneNumberType: "TOLL_FREE", TargetArn: tdgArn });
    const byId = await rejectionOf(west.send(new DescribePhoneNumberCommand({ PhoneNumberId: claimed.PhoneNumberId })));
    expect(byId).to.be.instanceOf(ResourceNotFoundException);
    const listedWest = await west.send(new ListPhoneNumbersV2Command({ TargetArn: tdgArn }));
    expect(listedWest.ListPhoneNumbersSummaryList!.map((n) => n.PhoneNumber)).to.deep.equal(["+18005550199"]);
    const tollFree = await east.send(new ListPhoneNumbersV2Command({ PhoneNumberTypes: ["TOLL_FREE"] }));
    expect(tollFree.ListPhoneNumbersSummaryList!.map((n) => n.PhoneNumber)).to.deep.equal(["+18005550199"]);
  });

  it("refuses to delete a TDG that still holds numbers", async () => {
    const tdg = await east.send(new CreateTrafficDistributionGroupCommand({ Name: "numbers-extra", InstanceId: instanceId }));
    const claimed = await east.send(new ClaimPhoneNumberCommand({ PhoneNumber: "+12065550111", TargetArn: tdg.Arn }));
    const inUse = await rejectionOf(east.send(new DeleteTrafficDistributionGroupCommand({ TrafficDistributionGroupId: tdg.Id })));
    expect(inUse).to.be.instanceOf(ResourceInUseException);
    await east.send(new ReleasePhoneNumberCommand({ PhoneNumberId: claimed.PhoneNumberId }));
    await east.send(new DeleteTrafficDistributionGroupCommand({ TrafficDistributionGroupId: tdg.Id }));
  });

  it("associates a contact flow and releases the number", async () => {
    const claimed = await east.send(new ClaimPhoneNumberCommand({ PhoneNumber: "+442071838750", InstanceId: instanceId }));
    const flows = await east.send(new ListContactFlowsCommand({ InstanceId: instanceId, ContactFlowTypes: ["CONTACT_FLOW"] }));
    await east.send(new AssociatePhoneNumberContactFlowCommand({ PhoneNumberId: claimed.PhoneNumberId, InstanceId: instanceId, ContactFlowId: flows.ContactFlowSummaryList![0]!.Id }));
    expect(sim.state.region(ACCOUNT_A, "us-east-1").phoneNumbers.get(claimed.PhoneNumberId!)!.contactFlowIdByRegion).to.deep.equal({ "us-east-1": flows.ContactFlowSummaryList![0]!.Id });
    // ListFlowAssociations' model gives ResourceId and FlowId the shape ARN: both are ARNs.
    const associations = await east.send(new ListFlowAssociationsCommand({ InstanceId: instanceId, ResourceType: "VOICE_PHONE_NUMBER" }));
    expect(associations.FlowAssociationSummaryList).to.deep.equal([
      { ResourceId: claimed.PhoneNumberArn, FlowId: flows.ContactFlowSummaryList![0]!.Arn, ResourceType: "VOICE_PHONE_NUMBER" },
    ]);
    const whisper = await east.send(new ListContactFlowsCommand({ InstanceId: instanceId, ContactFlowTypes: ["AGENT_WHISPER"] }));
    const wrongType = await rejectionOf(east.send(new AssociatePhoneNumberContactFlowCommand({ PhoneNumberId: claimed.PhoneNumberId, InstanceId: instanceId, ContactFlowId: whisper.ContactFlowSummaryList![0]!.Id })));
    expect(wrongType).to.be.instanceOf(InvalidParameterException);
    expect((await east.send(new DescribePhoneNumberCommand({ PhoneNumberId: claimed.PhoneNumberId }))).ClaimedPhoneNumberSummary!.PhoneNumberCountryCode).to.equal("GB");
    await east.send(new ReleasePhoneNumberCommand({ PhoneNumberId: claimed.PhoneNumberId }));
    expect(await rejectionOf(east.send(new DescribePhoneNumberCommand({ PhoneNumberId: claimed.PhoneNumberId })))).to.be.instanceOf(ResourceNotFoundException);
  });
});
