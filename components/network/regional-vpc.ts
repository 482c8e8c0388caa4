import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import { ArgumentError } from "../argument-error";
import { isIpv4Cidr } from "./ip-address";
import {
  DEFAULT_INTERFACE_ENDPOINTS,
  endpointServiceName,
  flowLogKeyPolicy,
  flowLogRolePolicy,
  flowLogTrustPolicy,
  INTERFACE_ENDPOINT_SERVICES,
  isRfc1918Cidr,
  prefixLength,
  type InterfaceEndpointService,
} from "./vpc-plan";

const COMPONENT = "RegionalVpc";
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const ACCOUNT = /^\d{12}$/;
const FLOW_LOG_RETENTION_DAYS = [365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

export interface RegionalVpcArgs {
  /** Region of the component's provider; passed to awsx so its children are placed explicitly. */
  readonly region: string;
  /** Account of the provider (the network account): key policy, flow-log trust and subnet ARNs name it. */
  readonly accountId: string;
  /** IPv4 block of the VPC: RFC 1918, /16 to /22, not overlapping on-premises prefixes. */
  readonly cidrBlock: string;
  /** Availability Zones (names in `region`), 2 to 6: one public and one private subnet in each. */
  readonly availabilityZoneNames: readonly string[];
  /** "OnePerAz" keeps egress up when a zone fails; "Single" is cheaper and is not. @default "OnePerAz" */
  readonly natGateways?: "OnePerAz" | "Single";
  /** AWS services reached through interface endpoints in the private subnets. @default ["secretsmanager", "kms", "monitoring"] */
  readonly interfaceEndpoints?: readonly InterfaceEndpointService[];
  /**
   * Create a virtual private gateway attached to the VPC, with its routes propagated into every
   * private route table, for a private Direct Connect virtual interface and its VPN backup.
   * @default false
   */
  readonly vpnGateway?: boolean;
  /** Amazon-side ASN of the virtual private gateway: 64512-65534 or 4200000000-4294967294. @default 64512 */
  readonly vpnGatewayAmazonSideAsn?: number;
  /**
   * Accounts (of the same organization) the private subnets are shared with through AWS RAM, so the
   * workload account's Lambda functions run in this account's VPC. @default none
   */
  readonly shareWithAccountIds?: readonly string[];
  /** Days the flow logs are kept (a CloudWatch Logs retention of at least 365). @default 365 */
  readonly flowLogRetentionDays?: number;
  /** Tags for every taggable child. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The VPC of one Region that the Connect-facing Lambda functions (CRM lookups, the peer probe) run in
 * and that Direct Connect and its VPN backup attach to: an `awsx.ec2.Vpc` with one public subnet
 * (NAT gateway only) and one private subnet per Availability Zone, plus what awsx does not make secure
 * by default, as direct children the policy pack sees: flow logs of all traffic to a CMK-encrypted log
 * group, interface endpoints with a security group admitting HTTPS from the VPC only, the virtual
 * private gateway with route propagation, and the RAM share of the private subnets.
 *
 * awsx's VPC is a multi-language component: its subnets, route tables, NAT gateways and internet
 * gateway are created by the awsx plugin, not by this process.
 */
export class RegionalVpc extends pulumi.ComponentResource {
  public readonly vpcId: pulumi.Output<string>;
  public readonly cidrBlock: string;
  public readonly privateSubnetIds: pulumi.Output<string[]>;
  public readonly publicSubnetIds: pulumi.Output<string[]>;
  /** The private subnets' ARNs (owner account in them), for IAM statements of functions in them. */
  public readonly privateSubnetArns: pulumi.Output<string[]>;
  /** The virtual private gateway, when `vpnGateway`. */
  public readonly vpnGatewayId?: pulumi.Output<string>;
  public readonly flowLogGroupArn: pulumi.Output<string>;
  public readonly flowLogKeyArn: pulumi.Output<string>;
  public readonly endpointSecurityGroupId: pulumi.Output<string>;

  constructor(name: string, args: RegionalVpcArgs, opts?: pulumi.ComponentResourceOptions) {
    super("connect-dr:network:RegionalVpc", name, {}, opts);
    const s = validate(args);
    const tags = args.tags ?? {};
    const parent = { parent: this };
    const { region, accountId } = args;

    const vpc = new awsx.ec2.Vpc(
      `${name}-vpc`,
      {
        region,
        cidrBlock: args.cidrBlock,
        availabilityZoneNames: [...args.availabilityZoneNames],
        subnetStrategy: "Auto",
        // Public subnets hold only the NAT gateways; functions and endpoints live in the private ones.
        subnetSpecs: [{ type: "Public", name: "public" }, { type: "Private", name: "private" }],
        natGateways: { strategy: s.natGateways },
        // Interface endpoints with private DNS need both.
        enableDnsHostnames: true,
        enableDnsSupport: true,
        tags: { ...tags, Name: name },
      },
      parent,
    );
    const privateSubnetIds = vpc.privateSubnetIds;

    const logGroupName = `/connect-dr/vpc-flow-logs/${name}-${region}`;
    const key = new aws.kms.Key(
      `${name}-flow-logs-key`,
      {
        description: `Encrypts the flow logs of VPC ${name} in ${region}`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: JSON.stringify(flowLogKeyPolicy(accountId, region, logGroupName)),
        tags,
      },
      parent,
    );
    const logGroup = new aws.cloudwatch.LogGroup(`${name}-flow-logs`, { name: logGroupName, kmsKeyId: key.arn, retentionInDays: s.flowLogRetentionDays, tags }, parent);
    const role = new aws.iam.Role(
      `${name}-flow-logs-role`,
      { description: `VPC Flow Logs of ${name} in ${region}: write to its log group`, assumeRolePolicy: JSON.stringify(flowLogTrustPolicy(accountId, region)), tags },
      parent,
    );
    const rolePolicy = new aws.iam.RolePolicy(`${name}-flow-logs-policy`, { role: role.id, policy: logGroup.arn.apply((arn) => JSON.stringify(flowLogRolePolicy(arn))) }, parent);
    new aws.ec2.FlowLog(
      `${name}-flow-log`,
      {
        vpcId: vpc.vpcId,
        trafficType: "ALL",
        logDestinationType: "cloud-watch-logs",
        logDestination: logGroup.arn,
        iamRoleArn: role.arn,
        // One-minute aggregation: a failover investigation needs the minute, not the ten.
        maxAggregationInterval: 60,
        tags: { ...tags, Name: `${name}-flow-log` },
      },
      { parent: this, dependsOn: [rolePolicy] },
    );

    const endpointSecurityGroup = new aws.ec2.SecurityGroup(
      `${name}-endpoints-sg`,
      {
        vpcId: vpc.vpcId,
        description: `Interface endpoints of ${name}: HTTPS from the VPC only`,
        ingress: [{ description: "HTTPS from the VPC", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [args.cidrBlock] }],
        // Endpoints answer; they never open connections.
        egress: [],
        tags: { ...tags, Name: `${name}-endpoints` },
      },
      parent,
    );
    for (const service of s.interfaceEndpoints) {
      new aws.ec2.VpcEndpoint(
        `${name}-${service}-endpoint`,
        {
          vpcId: vpc.vpcId,
          serviceName: endpointServiceName(region, service),
          vpcEndpointType: "Interface",
          privateDnsEnabled: true,
          subnetIds: privateSubnetIds,
          securityGroupIds: [endpointSecurityGroup.id],
          tags: { ...tags, Name: `${name}-${service}` },
        },
        parent,
      );
    }

    if (args.vpnGateway) {
      const vgw = new aws.ec2.VpnGateway(
        `${name}-vgw`,
        { vpcId: vpc.vpcId, amazonSideAsn: String(s.vpnGatewayAmazonSideAsn), tags: { ...tags, Name: `${name}-vgw` } },
        parent,
      );
      // Routes learnt over Direct Connect and the VPN reach the functions' subnets only if propagated.
      const privateRouteTableIds = privateRouteTables(vpc);
      args.availabilityZoneNames.forEach((zone, i) => {
        new aws.ec2.VpnGatewayRoutePropagation(`${name}-vgw-propagation-${zone}`, { vpnGatewayId: vgw.id, routeTableId: privateRouteTableIds.apply((ids) => ids[i]!) }, parent);
      });
      this.vpnGatewayId = vgw.id;
    }

    this.privateSubnetArns = privateSubnetIds.apply((ids) => ids.map((id) => `arn:aws:ec2:${region}:${accountId}:subnet/${id}`));
    const shareWith = args.shareWithAccountIds ?? [];
    if (shareWith.length > 0) {
      const share = new aws.ram.ResourceShare(`${name}-subnets-share`, { name: `${name}-${region}-private-subnets`, allowExternalPrincipals: false, tags }, parent);
      args.availabilityZoneNames.forEach((zone, i) => {
        new aws.ram.ResourceAssociation(`${name}-subnets-share-${zone}`, { resourceShareArn: share.arn, resourceArn: this.privateSubnetArns.apply((arns) => arns[i]!) }, parent);
      });
      for (const account of shareWith) {
        new aws.ram.PrincipalAssociation(`${name}-subnets-share-${account}`, { resourceShareArn: share.arn, principal: account }, parent);
      }
    }

    this.vpcId = vpc.vpcId;
    this.cidrBlock = args.cidrBlock;
    this.privateSubnetIds = privateSubnetIds;
    this.publicSubnetIds = vpc.publicSubnetIds;
    this.flowLogGroupArn = logGroup.arn;
    this.flowLogKeyArn = key.arn;
    this.endpointSecurityGroupId = endpointSecurityGroup.id;
    this.registerOutputs({
      vpcId: this.vpcId,
      privateSubnetIds: this.privateSubnetIds,
      publicSubnetIds: this.publicSubnetIds,
      privateSubnetArns: this.privateSubnetArns,
      vpnGatewayId: this.vpnGatewayId,
      flowLogGroupArn: this.flowLogGroupArn,
      flowLogKeyArn: this.flowLogKeyArn,
      endpointSecurityGroupId: this.endpointSecurityGroupId,
    });
  }
}

/**
 * The ids of awsx's private route tables, in Availability Zone order. awsx exposes its route tables
 * as resources (tagged `SubnetType`), whose properties are outputs in a real deployment.
 */
function privateRouteTables(vpc: awsx.ec2.Vpc): pulumi.Output<string[]> {
  return vpc.routeTables.apply((tables) =>
    pulumi
      .all(tables.map((t) => pulumi.all([t.id, t.tags])))
      .apply((pairs) => pairs.filter(([, tags]) => tags?.SubnetType === "Private").map(([id]) => id)),
  );
}

interface Settings {
  readonly natGateways: "OnePerAz" | "Single";
  readonly interfaceEndpoints: readonly InterfaceEndpointService[];
  readonly vpnGatewayAmazonSideAsn: number;
  readonly flowLogRetentionDays: number;
}

function fail(argument: string, value: unknown, allowed: string): never {
  throw new ArgumentError(COMPONENT, argument, value, allowed);
}

function validate(args: RegionalVpcArgs): Settings {
  if (typeof args.region !== "string" || !REGION.test(args.region)) fail("region", args.region ?? null, "allowed: an AWS Region code");
  if (!ACCOUNT.test(args.accountId ?? "")) fail("accountId", args.accountId ?? null, "allowed: a 12-digit AWS account id");
  if (!isIpv4Cidr(args.cidrBlock) || !isRfc1918Cidr(args.cidrBlock) || prefixLength(args.cidrBlock) < 16 || prefixLength(args.cidrBlock) > 22) {
    fail("cidrBlock", args.cidrBlock ?? null, "allowed: an RFC 1918 IPv4 block from /16 to /22, such as 10.40.0.0/16");
  }
  const zones = args.availabilityZoneNames ?? [];
  if (zones.length < 2 || zones.length > 6 || new Set(zones).size !== zones.length) {
    fail("availabilityZoneNames", zones, "allowed: 2 to 6 distinct Availability Zones (one zone is no failure domain)");
  }
  for (const zone of zones) {
    if (!new RegExp(`^${args.region}[a-z]$`).test(zone)) fail("availabilityZoneNames", zone, `allowed: zone names of ${args.region}, such as ${args.region}a`);
  }
  const natGateways = args.natGateways ?? "OnePerAz";
  if (natGateways !== "OnePerAz" && natGateways !== "Single") fail("natGateways", natGateways, "allowed: 'OnePerAz' or 'Single'");
  const interfaceEndpoints = args.interfaceEndpoints ?? DEFAULT_INTERFACE_ENDPOINTS;
  for (const service of interfaceEndpoints) {
    if (!(INTERFACE_ENDPOINT_SERVICES as readonly string[]).includes(service)) fail("interfaceEndpoints", service, `allowed: ${INTERFACE_ENDPOINT_SERVICES.join(", ")}`);
  }
  if (new Set(interfaceEndpoints).size !== interfaceEndpoints.length) fail("interfaceEndpoints", interfaceEndpoints, "allowed: each service once");
  const asn = args.vpnGatewayAmazonSideAsn ?? 64512;
  if (!Number.isInteger(asn) || !((asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294))) {
    fail("vpnGatewayAmazonSideAsn", asn, "allowed: a private ASN, 64512-65534 or 4200000000-4294967294");
  }
  if (args.vpnGatewayAmazonSideAsn !== undefined && !args.vpnGateway) fail("vpnGatewayAmazonSideAsn", asn, "applies only with vpnGateway: true");
  for (const account of args.shareWithAccountIds ?? []) {
    if (!ACCOUNT.test(account) || account === args.accountId) fail("shareWithAccountIds", account, "allowed: 12-digit ids of other accounts of the organization");
  }
  const flowLogRetentionDays = args.flowLogRetentionDays ?? 365;
  if (!FLOW_LOG_RETENTION_DAYS.includes(flowLogRetentionDays)) {
    fail("flowLogRetentionDays", flowLogRetentionDays, `allowed: a CloudWatch Logs retention of at least 365 days (${FLOW_LOG_RETENTION_DAYS.join(", ")})`);
  }
  return { natGateways, interfaceEndpoints, vpnGatewayAmazonSideAsn: asn, flowLogRetentionDays };
}
