import { expect } from "chai";
import type { MockCloud } from "../../synthesis/mock-cloud";
import { PRIMARY_STACK_OUTPUTS, synthesize } from "./synthesize";

const NETWORK = "444455556666";
const WORKLOAD = "111122223333";

/**
 * connect-dr:vpc in both committed stacks: the VPC (awsx.ec2.Vpc inside RegionalVpc) in the network
 * account, its private subnets shared with the workload account, the CRM lookups and the peer probes
 * in them, and the private Direct Connect interface and VPN on its virtual private gateway.
 */
for (const [stack, here, cidr] of [
  ["primary", "us-east-1", "10.20.0.0/16"],
  ["secondary", "us-west-2", "10.30.0.0/16"],
] as const) {
  describe(`program: the VPC of the ${stack} stack (${here})`, () => {
    let cloud: MockCloud;
    let outputs: Record<string, unknown>;
    before(async () => ({ cloud, outputs } = await synthesize(stack)));

    it("asks awsx for the configured VPC in the network account's Region, with a VPN gateway for the private interface", () => {
      const vpcs = cloud.ofType("awsx:ec2:Vpc");
      expect(vpcs.map((v) => [v.name, v.region])).to.deep.equal([["vpc-vpc", here]]);
      expect(vpcs[0]!.inputs).to.deep.include({ cidrBlock: cidr, availabilityZoneNames: ["a", "b", "c"].map((z) => `${here}${z}`), natGateways: { strategy: "OnePerAz" } });
      // awsx's children are built by its plugin: the pack sees the component and the children RegionalVpc adds.
      expect(cloud.resources.filter((r) => ["aws:ec2/subnet:Subnet", "aws:ec2/natGateway:NatGateway", "aws:ec2/vpc:Vpc"].includes(r.type))).to.deep.equal([]);
      const vgw = cloud.named("vpc-vgw");
      expect([vgw.account, vgw.region, vgw.inputs.amazonSideAsn]).to.deep.equal([NETWORK, here, stack === "primary" ? "64601" : "64602"]);
      for (const name of ["vpc-flow-log", "vpc-flow-logs", "vpc-flow-logs-key", "vpc-endpoints-sg", "vpc-subnets-share"]) expect(cloud.named(name).account, name).to.equal(NETWORK);
    });

    it("attaches Direct Connect and the VPN to the VPC's own gateway", () => {
      const vgwId = cloud.named("vpc-vgw").state.id;
      expect(cloud.named("network-dx-gateway-association").inputs.associatedGatewayId).to.equal(vgwId);
      expect(cloud.named("network-vpn").inputs.vpnGatewayId).to.equal(vgwId);
      expect(outputs.vpnGatewayId).to.equal(vgwId);
    });

    it("shares the private subnets with the workload account, whose CRM functions run in them", () => {
      const vpc = cloud.named("vpc-vpc").state;
      expect(cloud.named(`vpc-subnets-share-${WORKLOAD}`).inputs.principal).to.equal(WORKLOAD);
      const shared = cloud.ofType("aws:ram/resourceAssociation:ResourceAssociation").map((r) => r.inputs.resourceArn);
      expect(shared).to.deep.equal(vpc.privateSubnetIds.map((id: string) => `arn:aws:ec2:${here}:${NETWORK}:subnet/${id}`));
      const sg = cloud.named("crm-sg");
      expect([sg.account, sg.inputs.vpcId]).to.deep.equal([WORKLOAD, vpc.vpcId]);
      expect(cloud.named("crm-salesforce-function").inputs.vpcConfig).to.deep.equal({ subnetIds: vpc.privateSubnetIds, securityGroupIds: [sg.state.id] });
      expect(outputs.vpcPrivateSubnetIds).to.deep.equal(vpc.privateSubnetIds);
    });
  });
}

describe("program: the peer probes of both Regions in their Regions' VPCs", () => {
  it("runs us-west-2's probe in the secondary's VPC and us-east-1's in the subnets the primary exports", async () => {
    const { cloud } = await synthesize("secondary");
    const own = cloud.named("vpc-vpc").state;
    expect(cloud.named("peer-probe-us-west-2-function").inputs.vpcConfig.subnetIds).to.deep.equal(own.privateSubnetIds);
    expect(cloud.named("peer-probe-us-west-2-sg").inputs.vpcId).to.equal(own.vpcId);
    expect(cloud.named("peer-probe-us-east-1-function").inputs.vpcConfig.subnetIds).to.deep.equal(PRIMARY_STACK_OUTPUTS.vpcPrivateSubnetIds);
    expect(cloud.named("peer-probe-us-east-1-sg").inputs.vpcId).to.equal(PRIMARY_STACK_OUTPUTS.vpcId);
    expect(cloud.named("peer-probe-us-east-1-sg").region).to.equal("us-east-1");
  });

  it("the primary's VPC outputs are the ones the secondary is synthesized with", async () => {
    const { outputs } = await synthesize("primary");
    expect({ vpcId: outputs.vpcId, vpcPrivateSubnetIds: outputs.vpcPrivateSubnetIds }).to.deep.equal({ vpcId: PRIMARY_STACK_OUTPUTS.vpcId, vpcPrivateSubnetIds: PRIMARY_STACK_OUTPUTS.vpcPrivateSubnetIds });
  });
});
