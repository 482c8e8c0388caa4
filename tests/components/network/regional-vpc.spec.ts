import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../../../components/argument-error";
import { RegionalVpc, type RegionalVpcArgs } from "../../../components/network/regional-vpc";
import { endpointServiceName, flowLogRolePolicy, isRfc1918Cidr } from "../../../components/network/vpc-plan";
import { MockCloud, resolve, settle } from "../../../tools/synthesis/mock-cloud";

const NETWORK = "444455556666";
const WORKLOAD = "111122223333";
const provider = (region: string) => new aws.Provider(`network-${region}`, { region, assumeRoles: [{ roleArn: `arn:aws:iam::${NETWORK}:role/ConnectDrDeployer` }] });

function args(overrides: Partial<RegionalVpcArgs> = {}): RegionalVpcArgs {
  return {
    region: "us-east-1",
    accountId: NETWORK,
    cidrBlock: "10.40.0.0/16",
    availabilityZoneNames: ["us-east-1a", "us-east-1b", "us-east-1c"],
    vpnGateway: true,
    vpnGatewayAmazonSideAsn: 64520,
    shareWithAccountIds: [WORKLOAD],
    tags: { project: "connect-dr" },
    ...overrides,
  };
}

const inventory = (cloud: MockCloud) => cloud.declared().map((r) => `${r.type} ${r.name}`).sort();

describe("RegionalVpc", () => {
  describe("three zones, VPN gateway, shared with the workload account", () => {
    let cloud: MockCloud;
    let vpc: RegionalVpc;

    before(async () => {
      cloud = new MockCloud().install();
      vpc = new RegionalVpc("core", args(), { provider: provider("us-east-1") });
      await settle();
      await resolve(vpc.privateSubnetArns);
      await settle();
    });

    it("declares the awsx VPC and exactly the hardening children beside it", () => {
      expect(inventory(cloud)).to.deep.equal(
        [
          "awsx:ec2:Vpc core-vpc",
          "aws:cloudwatch/logGroup:LogGroup core-flow-logs",
          "aws:ec2/flowLog:FlowLog core-flow-log",
          "aws:ec2/securityGroup:SecurityGroup core-endpoints-sg",
          "aws:ec2/vpcEndpoint:VpcEndpoint core-kms-endpoint",
          "aws:ec2/vpcEndpoint:VpcEndpoint core-monitoring-endpoint",
          "aws:ec2/vpcEndpoint:VpcEndpoint core-secretsmanager-endpoint",
          "aws:ec2/vpnGateway:VpnGateway core-vgw",
          "aws:ec2/vpnGatewayRoutePropagation:VpnGatewayRoutePropagation core-vgw-propagation-us-east-1a",
          "aws:ec2/vpnGatewayRoutePropagation:VpnGatewayRoutePropagation core-vgw-propagation-us-east-1b",
          "aws:ec2/vpnGatewayRoutePropagation:VpnGatewayRoutePropagation core-vgw-propagation-us-east-1c",
          "aws:iam/role:Role core-flow-logs-role",
          "aws:iam/rolePolicy:RolePolicy core-flow-logs-policy",
          "aws:kms/key:Key core-flow-logs-key",
          "aws:ram/principalAssociation:PrincipalAssociation core-subnets-share-111122223333",
          "aws:ram/resourceAssociation:ResourceAssociation core-subnets-share-us-east-1a",
          "aws:ram/resourceAssociation:ResourceAssociation core-subnets-share-us-east-1b",
          "aws:ram/resourceAssociation:ResourceAssociation core-subnets-share-us-east-1c",
          "aws:ram/resourceShare:ResourceShare core-subnets-share",
          "connect-dr:network:RegionalVpc core",
        ].sort(),
      );
    });

    it("asks awsx for one public (NAT only) and one private subnet per zone, a NAT gateway per zone, DNS on, in its Region", () => {
      expect(cloud.named("core-vpc").inputs).to.deep.equal({
        region: "us-east-1",
        cidrBlock: "10.40.0.0/16",
        availabilityZoneNames: ["us-east-1a", "us-east-1b", "us-east-1c"],
        subnetStrategy: "Auto",
        subnetSpecs: [
          { type: "Public", name: "public" },
          { type: "Private", name: "private" },
        ],
        natGateways: { strategy: "OnePerAz" },
        enableDnsHostnames: true,
        enableDnsSupport: true,
        tags: { project: "connect-dr", Name: "core" },
      });
      expect(cloud.named("core-vpc").region).to.equal("us-east-1");
    });

    it("exposes awsx's VPC id and private subnets, and their ARNs in the owner account", async () => {
      const vpcId = await resolve(vpc.vpcId);
      expect(vpcId).to.match(/^vpc-[0-9a-f]{17}$/);
      const ids = await resolve(vpc.privateSubnetIds);
      expect(ids).to.have.length(3);
      expect(await resolve(vpc.privateSubnetArns)).to.deep.equal(ids.map((id) => `arn:aws:ec2:us-east-1:${NETWORK}:subnet/${id}`));
      expect(await resolve(vpc.publicSubnetIds)).to.have.length(3).and.not.include.members(ids);
    });

    it("logs all traffic at one-minute aggregation to a log group encrypted with a rotating CMK, through a role that writes only there", async () => {
      const flowLog = cloud.named("core-flow-log");
      const logGroup = cloud.named("core-flow-logs");
      const key = cloud.named("core-flow-logs-key");
      expect(flowLog.inputs).to.include({ vpcId: await resolve(vpc.vpcId), trafficType: "ALL", logDestinationType: "cloud-watch-logs", maxAggregationInterval: 60 });
      expect(flowLog.inputs.logDestination).to.equal(logGroup.state.arn);
      expect(flowLog.inputs.iamRoleArn).to.equal(cloud.named("core-flow-logs-role").state.arn);
      expect(logGroup.inputs).to.include({ name: "/connect-dr/vpc-flow-logs/core-us-east-1", kmsKeyId: key.state.arn, retentionInDays: 365 });
      expect(key.inputs).to.include({ enableKeyRotation: true, deletionWindowInDays: 30 });
      const keyPolicy = JSON.parse(key.inputs.policy);
      expect(keyPolicy.Statement[1].Principal).to.deep.equal({ Service: "logs.us-east-1.amazonaws.com" });
      expect(keyPolicy.Statement[1].Condition).to.deep.equal({
        ArnEquals: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:us-east-1:${NETWORK}:log-group:/connect-dr/vpc-flow-logs/core-us-east-1` },
      });
      const trust = JSON.parse(cloud.named("core-flow-logs-role").inputs.assumeRolePolicy);
      expect(trust.Statement[0].Principal).to.deep.equal({ Service: "vpc-flow-logs.amazonaws.com" });
      expect(trust.Statement[0].Condition.StringEquals).to.deep.equal({ "aws:SourceAccount": NETWORK });
      expect(JSON.parse(cloud.named("core-flow-logs-policy").inputs.policy)).to.deep.equal(flowLogRolePolicy(logGroup.state.arn));
    });

    it("puts Secrets Manager, KMS and CloudWatch endpoints in the private subnets behind a group admitting HTTPS from the VPC only", async () => {
      const sg = cloud.named("core-endpoints-sg");
      expect(sg.inputs.ingress).to.deep.equal([{ description: "HTTPS from the VPC", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.40.0.0/16"] }]);
      expect(sg.inputs.egress).to.deep.equal([]);
      const subnets = await resolve(vpc.privateSubnetIds);
      for (const service of ["secretsmanager", "kms", "monitoring"]) {
        const endpoint = cloud.named(`core-${service}-endpoint`);
        expect(endpoint.inputs).to.deep.include({
          serviceName: endpointServiceName("us-east-1", service),
          vpcEndpointType: "Interface",
          privateDnsEnabled: true,
          subnetIds: subnets,
          securityGroupIds: [sg.state.id],
        });
      }
      expect(endpointServiceName("us-west-2", "secretsmanager")).to.equal("com.amazonaws.us-west-2.secretsmanager");
    });

    it("attaches a virtual private gateway and propagates its routes into each private route table, one per zone", async () => {
      const vgw = cloud.named("core-vgw");
      expect(vgw.inputs).to.include({ amazonSideAsn: "64520", vpcId: await resolve(vpc.vpcId) });
      const awsxState = cloud.named("core-vpc").state;
      const privateTables = awsxState.routeTables.filter((t: { tags: Record<string, string> }) => t.tags.SubnetType === "Private").map((t: { id: string }) => t.id);
      expect(privateTables).to.have.length(3);
      const propagated = ["a", "b", "c"].map((z) => cloud.named(`core-vgw-propagation-us-east-1${z}`).inputs);
      expect(propagated.map((p) => p.routeTableId)).to.deep.equal(privateTables);
      for (const p of propagated) expect(p.vpnGatewayId).to.equal(vgw.state.id);
      expect(await resolve(vpc.vpnGatewayId!)).to.equal(vgw.state.id);
    });

    it("shares the private subnets (and no public one) with the workload account only, inside the organization", async () => {
      expect(cloud.named("core-subnets-share").inputs).to.include({ allowExternalPrincipals: false });
      const shared = ["a", "b", "c"].map((z) => cloud.named(`core-subnets-share-us-east-1${z}`).inputs.resourceArn);
      expect(shared).to.deep.equal(await resolve(vpc.privateSubnetArns));
      expect(cloud.named(`core-subnets-share-${WORKLOAD}`).inputs).to.include({ principal: WORKLOAD });
    });
  });

  it("without a VPN gateway or sharing declares neither; Single NAT and extra endpoints are passed through", async () => {
    const cloud = new MockCloud().install();
    new RegionalVpc("lean", args({ region: "us-west-2", availabilityZoneNames: ["us-west-2a", "us-west-2b"], vpnGateway: false, vpnGatewayAmazonSideAsn: undefined, shareWithAccountIds: [], natGateways: "Single", interfaceEndpoints: ["secretsmanager", "sts"] }), {
      provider: provider("us-west-2"),
    });
    await settle();
    const types = cloud.declared().map((r) => r.type);
    expect(types.filter((t) => t.includes("vpnGateway") || t.startsWith("aws:ram/"))).to.deep.equal([]);
    expect(cloud.named("lean-vpc").inputs.natGateways).to.deep.equal({ strategy: "Single" });
    expect(cloud.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").map((r) => r.inputs.serviceName).sort()).to.deep.equal(["com.amazonaws.us-west-2.secretsmanager", "com.amazonaws.us-west-2.sts"]);
  });

  describe("rejects, before creating anything", () => {
    const cases: [string, Partial<RegionalVpcArgs>, RegExp][] = [
      ["a public CIDR", { cidrBlock: "52.0.0.0/16" }, /'cidrBlock' = "52.0.0.0\/16"; allowed: an RFC 1918/],
      ["a /24", { cidrBlock: "10.40.0.0/24" }, /'cidrBlock'.*from \/16 to \/22/],
      ["one zone", { availabilityZoneNames: ["us-east-1a"] }, /'availabilityZoneNames'.*2 to 6 distinct/],
      ["a zone of another Region", { availabilityZoneNames: ["us-east-1a", "us-west-2b"] }, /'availabilityZoneNames' = "us-west-2b"; allowed: zone names of us-east-1/],
      ["an unknown endpoint", { interfaceEndpoints: ["s3" as never] }, /'interfaceEndpoints' = "s3"; allowed: secretsmanager, kms/],
      ["a public ASN", { vpnGatewayAmazonSideAsn: 7224 }, /'vpnGatewayAmazonSideAsn' = 7224; allowed: a private ASN/],
      ["an ASN without a gateway", { vpnGateway: false }, /'vpnGatewayAmazonSideAsn'.*only with vpnGateway: true/],
      ["sharing with itself", { shareWithAccountIds: [NETWORK] }, /'shareWithAccountIds' = "444455556666"/],
      ["a short flow-log retention", { flowLogRetentionDays: 30 }, /'flowLogRetentionDays' = 30; allowed: a CloudWatch Logs retention of at least 365/],
      ["NAT strategy None", { natGateways: "None" as never }, /'natGateways' = "None"; allowed: 'OnePerAz' or 'Single'/],
    ];
    for (const [what, overrides, message] of cases) {
      it(what, async () => {
        const cloud = new MockCloud().install();
        expect(() => new RegionalVpc("bad", args(overrides))).to.throw(ArgumentError, message);
        await settle();
        expect(cloud.declared().filter((r) => r.name !== "bad")).to.deep.equal([]);
      });
    }
  });

  it("isRfc1918Cidr: private blocks only", () => {
    const table: [string, boolean][] = [
      ["10.0.0.0/8", true],
      ["10.255.0.0/16", true],
      ["172.16.0.0/12", true],
      ["172.31.255.0/24", true],
      ["172.32.0.0/16", false],
      ["192.168.10.0/24", true],
      ["192.169.0.0/16", false],
      ["8.0.0.0/7", false],
      ["100.64.0.0/16", false],
    ];
    for (const [cidr, expected] of table) expect(isRfc1918Cidr(cidr), cidr).to.equal(expected);
  });
});
