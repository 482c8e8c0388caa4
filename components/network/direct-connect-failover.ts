import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../argument-error";
import { customerGatewayAsnFields, isAsn, isPrivateAsn, MAX_ASN, virtualInterfaceAsnFields } from "./bgp-asn";
import { isIpv4Cidr, isIpv4InterfaceAddress, isIpv6Cidr, isPublicIpv4Address } from "./ip-address";
import { hardenedTunnelArgs } from "./vpn-tunnel-policy";

const COMPONENT = "DirectConnectFailover";
const CONNECTION_ID = /^dxcon-[a-z0-9]{8,}$/;
const DX_GATEWAY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const VPN_GATEWAY_ID = /^vgw-[0-9a-f]{8,17}$/;
const TRANSIT_GATEWAY_ID = /^tgw-[0-9a-f]{8,17}$/;
const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{12}:.+$/;
const LOG_GROUP_ARN = /^arn:aws[a-z-]*:logs:[a-z0-9-]+:\d{12}:log-group:.+$/;
/** MTUs AWS allows per virtual interface type (jumbo frames differ). */
const ALLOWED_MTU_BYTES = { private: [1500, 9001], transit: [1500, 8500] } as const;
/** Direct Connect and Site-to-Site VPN publish their state metrics at 5-minute granularity. */
const STATE_METRIC_PERIOD_SECONDS = 300;

/** Alarm ARNs, for the composite failover alarm. */
export interface DirectConnectFailoverAlarmArns {
  /** AWS/DX ConnectionState < 1: the physical connection is down. */
  readonly connectionState: string;
  /** AWS/VPN TunnelState < 1: at least one backup tunnel is not up. */
  readonly vpnTunnelState: string;
  /** AWS/DX VirtualInterfaceBpsEgress below the minimum; only with `virtualInterfaceEgressMinimumBps`. */
  readonly virtualInterfaceEgress?: string;
}

export interface DirectConnectFailoverArgs {
  /** The existing Direct Connect connection (dedicated or hosted) in this account and Region, `dxcon-...`. */
  readonly connectionId: string;
  /** "private" (Direct Connect gateway -> virtual private gateway) or "transit" (-> transit gateway). @default "private" */
  readonly virtualInterfaceType?: "private" | "transit";
  /** 802.1Q VLAN of the virtual interface, 1-4094, as agreed with the connection's provider. */
  readonly vlan: number;
  /** ASN of the on-premises router peering over Direct Connect (and, by default, over the VPN). */
  readonly customerBgpAsn: number;
  /** BGP address family of the virtual interface. @default "ipv4" */
  readonly addressFamily?: "ipv4" | "ipv6";
  /** Amazon-side peer address with prefix, such as `169.254.10.1/30`; IPv4 only, with `customerAddress`. @default AWS assigns a /29 from 169.254.0.0/16 */
  readonly amazonAddress?: string;
  /** Customer-side peer address with prefix, such as `169.254.10.2/30`; IPv4 only, with `amazonAddress`. @default AWS assigns one */
  readonly customerAddress?: string;
  /** BGP MD5 key, 6-80 characters; stored as a Pulumi secret. @default AWS generates one */
  readonly bgpAuthKey?: pulumi.Input<string>;
  /** 1500, or jumbo frames (9001 private, 8500 transit). @default 1500 */
  readonly mtuBytes?: number;
  /** An existing Direct Connect gateway id (UUID) to attach to. @default a new gateway is created */
  readonly directConnectGatewayId?: pulumi.Input<string>;
  /** Amazon-side ASN of the new Direct Connect gateway: 64512-65534 or 4200000000-4294967294. @default 64512 */
  readonly directConnectGatewayAmazonSideAsn?: number;
  /** The VPC's virtual private gateway (`vgw-...`); with a private virtual interface. */
  readonly vpnGatewayId?: pulumi.Input<string>;
  /** The transit gateway (`tgw-...`); with a transit virtual interface. */
  readonly transitGatewayId?: pulumi.Input<string>;
  /** Prefixes the Direct Connect gateway advertises on-premises for the VGW/TGW (IPv4 or IPv6 CIDRs). */
  readonly allowedPrefixes: readonly string[];
  /** Public IPv4 address of the on-premises VPN device. */
  readonly customerGatewayIpAddress: string;
  /** ASN the on-premises VPN device uses. @default customerBgpAsn */
  readonly vpnCustomerBgpAsn?: number;
  /** Where AWS keeps the tunnel pre-shared keys. @default "SecretsManager": keys never enter Pulumi state */
  readonly presharedKeyStorage?: "SecretsManager" | "Standard";
  /** CloudWatch Logs group ARN for tunnel and BGP logs. @default no tunnel logging */
  readonly tunnelLogGroupArn?: pulumi.Input<string>;
  /** When set, alarm if the virtual interface's egress stays below this many bits/s for 15 minutes. @default no egress alarm */
  readonly virtualInterfaceEgressMinimumBps?: number;
  /** ALARM and OK actions (ARNs in this Region). @default none: alarms feed the composite failover alarm */
  readonly alarmActions?: readonly pulumi.Input<string>[];
  /** Tags for every taggable child. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * On-premises connectivity with a backup path, in the network account and one Region: a private or
 * transit virtual interface on an existing Direct Connect connection, a Direct Connect gateway and its
 * association with the VPC's virtual private gateway or a transit gateway, and a BGP Site-to-Site VPN
 * to the same gateway that takes over when Direct Connect fails.
 *
 * Why Direct Connect stays preferred:
 * - Virtual private gateway: for the same prefix AWS prefers Direct Connect BGP routes over any VPN
 *   route (static or BGP), so VPC traffic uses Direct Connect while its BGP session is up and moves
 *   to the VPN when Direct Connect withdraws the prefix. Static VPN routes are off because a static
 *   route would not be withdrawn on failure.
 * - Transit gateway: the route table evaluates Direct Connect gateway routes before VPN routes only
 *   for identical prefixes, and compares BGP attributes between dynamic routes. The on-premises
 *   router must therefore advertise the same (never more specific) prefixes over the VPN, with its own
 *   ASN prepended two or three times so the VPN path is longer; that is customer-side configuration
 *   this component cannot set.
 * - Both: make the on-premises router prefer what it learns over Direct Connect (higher local
 *   preference), or return traffic takes the VPN and routing becomes asymmetric.
 *
 * @example
 * const onPrem = new DirectConnectFailover("onprem", {
 *   connectionId: "dxcon-fgabc123",
 *   vlan: 101,
 *   customerBgpAsn: 65010,
 *   vpnGatewayId: vgw.id,
 *   allowedPrefixes: ["10.20.0.0/16"],
 *   customerGatewayIpAddress: "198.51.99.10",
 *   alarmActions: [networkAlarmsTopic.arn],
 * }, { provider: networkPrimary });
 */
export class DirectConnectFailover extends pulumi.ComponentResource {
  public readonly virtualInterfaceId: pulumi.Output<string>;
  public readonly directConnectGatewayId: pulumi.Output<string>;
  public readonly customerGatewayId: pulumi.Output<string>;
  public readonly vpnConnectionId: pulumi.Output<string>;
  /** Outside (internet) addresses of the AWS ends of VPN tunnels 1 and 2, for the on-premises device. */
  public readonly tunnelAddresses: pulumi.Output<string[]>;
  public readonly alarmArns: pulumi.Output<DirectConnectFailoverAlarmArns>;

  constructor(name: string, args: DirectConnectFailoverArgs, opts?: pulumi.ComponentResourceOptions) {
    super("connect-dr:network:DirectConnectFailover", name, {}, opts);
    const vifType = args.virtualInterfaceType ?? "private";
    const addressFamily = args.addressFamily ?? "ipv4";
    const amazonSideAsn = args.directConnectGatewayAmazonSideAsn ?? 64512;
    const mtu = args.mtuBytes ?? 1500;
    const vpnAsn = args.vpnCustomerBgpAsn ?? args.customerBgpAsn;
    validateArgs(args, vifType, addressFamily, amazonSideAsn, mtu, vpnAsn);

    const tags = args.tags ?? {};
    const parent = { parent: this };
    const alarmActions = [...(args.alarmActions ?? [])];

    const dxGatewayId: pulumi.Input<string> =
      args.directConnectGatewayId ?? new aws.directconnect.Gateway(`${name}-dx-gateway`, { amazonSideAsn: String(amazonSideAsn), tags }, parent).id;

    const vifInputs = {
      connectionId: args.connectionId,
      vlan: args.vlan,
      addressFamily,
      ...virtualInterfaceAsnFields(args.customerBgpAsn),
      ...(args.amazonAddress !== undefined ? { amazonAddress: args.amazonAddress, customerAddress: args.customerAddress } : {}),
      ...(args.bgpAuthKey !== undefined ? { bgpAuthKey: pulumi.secret(args.bgpAuthKey) } : {}),
      mtu,
      dxGatewayId,
      tags: { ...tags, Name: `${name}-vif` },
    };
    const vif =
      vifType === "private"
        ? new aws.directconnect.PrivateVirtualInterface(`${name}-vif`, vifInputs, parent)
        : new aws.directconnect.TransitVirtualInterface(`${name}-vif`, vifInputs, parent);

    const targetGatewayId = (vifType === "private" ? args.vpnGatewayId : args.transitGatewayId)!;
    new aws.directconnect.GatewayAssociation(
      `${name}-dx-gateway-association`,
      { dxGatewayId, associatedGatewayId: targetGatewayId, allowedPrefixes: [...args.allowedPrefixes] },
      parent,
    );

    const customerGateway = new aws.ec2.CustomerGateway(
      `${name}-customer-gateway`,
      { type: "ipsec.1", ipAddress: args.customerGatewayIpAddress, ...customerGatewayAsnFields(vpnAsn), tags: { ...tags, Name: `${name}-customer-gateway` } },
      parent,
    );
    const vpn = new aws.ec2.VpnConnection(
      `${name}-vpn`,
      {
        type: "ipsec.1",
        customerGatewayId: customerGateway.id,
        ...(vifType === "private" ? { vpnGatewayId: args.vpnGatewayId } : { transitGatewayId: args.transitGatewayId }),
        // BGP, so a failed tunnel or a recovered Direct Connect moves traffic without anyone editing routes.
        staticRoutesOnly: false,
        tunnelInsideIpVersion: "ipv4",
        presharedKeyStorage: args.presharedKeyStorage ?? "SecretsManager",
        ...hardenedTunnelArgs(args.tunnelLogGroupArn),
        tags: { ...tags, Name: `${name}-vpn` },
      },
      parent,
    );

    const stateAlarm = (role: string, description: string, inputs: Partial<aws.cloudwatch.MetricAlarmArgs>) =>
      new aws.cloudwatch.MetricAlarm(
        `${name}-${role}`,
        {
          alarmDescription: description,
          comparisonOperator: "LessThanThreshold",
          threshold: 1,
          period: STATE_METRIC_PERIOD_SECONDS,
          evaluationPeriods: 1,
          // A state metric that stops arriving means the path cannot be shown to be up.
          treatMissingData: "breaching",
          alarmActions,
          okActions: alarmActions,
          tags,
          ...inputs,
        },
        parent,
      );

    const connectionAlarm = stateAlarm("connection-state-alarm", `Direct Connect connection ${args.connectionId} is down`, {
      namespace: "AWS/DX",
      metricName: "ConnectionState",
      dimensions: { ConnectionId: args.connectionId },
      statistic: "Minimum",
    });
    // VpnId-level TunnelState is the mean over both tunnels (0.5 = one down). Maximum < 1 for a whole
    // period means some tunnel stayed down: alarm on ANY tunnel down, because a backup path on one
    // tunnel has no redundancy left for the day Direct Connect fails.
    const tunnelAlarm = stateAlarm("vpn-tunnel-state-alarm", `A backup VPN tunnel of ${args.connectionId} is down`, {
      namespace: "AWS/VPN",
      metricName: "TunnelState",
      dimensions: { VpnId: vpn.id },
      statistic: "Maximum",
    });
    const egressAlarm =
      args.virtualInterfaceEgressMinimumBps === undefined
        ? undefined
        : stateAlarm("vif-egress-alarm", `Direct Connect virtual interface egress on ${args.connectionId} is below ${args.virtualInterfaceEgressMinimumBps} bps`, {
            namespace: "AWS/DX",
            metricName: "VirtualInterfaceBpsEgress",
            dimensions: { ConnectionId: args.connectionId, VirtualInterfaceId: vif.id },
            statistic: "Average",
            threshold: args.virtualInterfaceEgressMinimumBps,
            evaluationPeriods: 3,
          });

    this.virtualInterfaceId = vif.id;
    this.directConnectGatewayId = pulumi.output(dxGatewayId);
    this.customerGatewayId = customerGateway.id;
    this.vpnConnectionId = vpn.id;
    this.tunnelAddresses = pulumi.all([vpn.tunnel1Address, vpn.tunnel2Address]);
    this.alarmArns = pulumi
      .all([connectionAlarm.arn, tunnelAlarm.arn, egressAlarm?.arn])
      .apply(([connectionState, vpnTunnelState, virtualInterfaceEgress]) => ({
        connectionState,
        vpnTunnelState,
        ...(virtualInterfaceEgress !== undefined ? { virtualInterfaceEgress } : {}),
      }));
    this.registerOutputs({
      virtualInterfaceId: this.virtualInterfaceId,
      directConnectGatewayId: this.directConnectGatewayId,
      customerGatewayId: this.customerGatewayId,
      vpnConnectionId: this.vpnConnectionId,
      tunnelAddresses: this.tunnelAddresses,
      alarmArns: this.alarmArns,
    });
  }
}

function fail(argument: string, value: unknown, allowed: string): never {
  throw new ArgumentError(COMPONENT, argument, value, allowed);
}

function validateArgs(
  args: DirectConnectFailoverArgs,
  vifType: string,
  addressFamily: string,
  amazonSideAsn: number,
  mtu: number,
  vpnAsn: number,
): void {
  if (typeof args.connectionId !== "string" || !CONNECTION_ID.test(args.connectionId)) {
    fail("connectionId", args.connectionId ?? null, "allowed: an existing Direct Connect connection id such as 'dxcon-fgabc123'");
  }
  if (vifType !== "private" && vifType !== "transit") fail("virtualInterfaceType", vifType, "allowed: 'private' or 'transit'");
  if (!Number.isInteger(args.vlan) || args.vlan < 1 || args.vlan > 4094) fail("vlan", args.vlan ?? null, "allowed: an integer from 1 to 4094");
  if (!isAsn(args.customerBgpAsn)) fail("customerBgpAsn", args.customerBgpAsn ?? null, `allowed: an integer from 1 to ${MAX_ASN}`);
  if (!isAsn(vpnAsn)) fail("vpnCustomerBgpAsn", vpnAsn, `allowed: an integer from 1 to ${MAX_ASN}`);
  if (addressFamily !== "ipv4" && addressFamily !== "ipv6") fail("addressFamily", addressFamily, "allowed: 'ipv4' or 'ipv6'");

  if ((args.amazonAddress === undefined) !== (args.customerAddress === undefined)) {
    const [missing, given] = args.amazonAddress === undefined ? ["amazonAddress", "customerAddress"] : ["customerAddress", "amazonAddress"];
    fail(missing, null, `set it together with '${given}', or leave both unset for AWS to assign them`);
  }
  for (const key of ["amazonAddress", "customerAddress"] as const) {
    const value = args[key];
    if (value === undefined) continue;
    if (addressFamily !== "ipv4") fail(key, value, "allowed only with addressFamily 'ipv4'; AWS assigns IPv6 peer addresses");
    if (!isIpv4InterfaceAddress(value)) fail(key, value, "allowed: an IPv4 address with prefix, such as '169.254.10.1/30'");
  }
  if (typeof args.bgpAuthKey === "string" && (args.bgpAuthKey.length < 6 || args.bgpAuthKey.length > 80)) {
    // Never echo a secret into an error message or log.
    fail("bgpAuthKey", `<redacted, ${args.bgpAuthKey.length} characters>`, "allowed: 6 to 80 characters");
  }
  const allowedMtu: readonly number[] = ALLOWED_MTU_BYTES[vifType as "private" | "transit"];
  if (!allowedMtu.includes(mtu)) fail("mtuBytes", mtu, `allowed for a ${vifType} virtual interface: ${allowedMtu.join(" or ")}`);

  if (args.directConnectGatewayId !== undefined) {
    if (typeof args.directConnectGatewayId === "string" && !DX_GATEWAY_ID.test(args.directConnectGatewayId)) {
      fail("directConnectGatewayId", args.directConnectGatewayId, "allowed: a Direct Connect gateway id (a UUID)");
    }
    if (args.directConnectGatewayAmazonSideAsn !== undefined) {
      fail("directConnectGatewayAmazonSideAsn", args.directConnectGatewayAmazonSideAsn, "applies only when the component creates the gateway; leave unset with directConnectGatewayId");
    }
  } else {
    if (!isPrivateAsn(amazonSideAsn)) fail("directConnectGatewayAmazonSideAsn", amazonSideAsn, "allowed: 64512-65534 or 4200000000-4294967294");
    if (amazonSideAsn === args.customerBgpAsn) {
      fail("customerBgpAsn", args.customerBgpAsn, `must differ from the Direct Connect gateway's Amazon-side ASN ${amazonSideAsn} (eBGP)`);
    }
  }

  const [wanted, unwanted] = vifType === "private" ? (["vpnGatewayId", "transitGatewayId"] as const) : (["transitGatewayId", "vpnGatewayId"] as const);
  if (args[unwanted] !== undefined) {
    fail(unwanted, args[unwanted], `not allowed with a ${vifType} virtual interface; set '${wanted}' instead`);
  }
  const target = args[wanted];
  if (target === undefined) fail(wanted, null, `required with a ${vifType} virtual interface`);
  const pattern = vifType === "private" ? VPN_GATEWAY_ID : TRANSIT_GATEWAY_ID;
  if (typeof target === "string" && !pattern.test(target)) {
    fail(wanted, target, `allowed: an id such as '${vifType === "private" ? "vgw" : "tgw"}-0123456789abcdef0'`);
  }

  if (!Array.isArray(args.allowedPrefixes) || args.allowedPrefixes.length === 0) {
    fail("allowedPrefixes", args.allowedPrefixes ?? null, "allowed: at least one CIDR to advertise on-premises");
  }
  for (const prefix of args.allowedPrefixes) {
    if (!isIpv4Cidr(prefix) && !isIpv6Cidr(prefix)) fail("allowedPrefixes", prefix, "allowed: IPv4 or IPv6 CIDR blocks such as '10.20.0.0/16'");
  }
  if (!isPublicIpv4Address(args.customerGatewayIpAddress)) {
    fail("customerGatewayIpAddress", args.customerGatewayIpAddress ?? null, "allowed: the public IPv4 address of the on-premises VPN device");
  }
  if (args.presharedKeyStorage !== undefined && !["SecretsManager", "Standard"].includes(args.presharedKeyStorage)) {
    fail("presharedKeyStorage", args.presharedKeyStorage, "allowed: 'SecretsManager' or 'Standard'");
  }
  if (typeof args.tunnelLogGroupArn === "string" && !LOG_GROUP_ARN.test(args.tunnelLogGroupArn)) {
    fail("tunnelLogGroupArn", args.tunnelLogGroupArn, "allowed: a CloudWatch Logs log-group ARN");
  }
  const minimumBps = args.virtualInterfaceEgressMinimumBps;
  if (minimumBps !== undefined && (typeof minimumBps !== "number" || !Number.isFinite(minimumBps) || minimumBps <= 0)) {
    fail("virtualInterfaceEgressMinimumBps", minimumBps, "allowed: a positive number of bits per second");
  }
  for (const action of args.alarmActions ?? []) {
    if (typeof action === "string" && !ARN.test(action)) fail("alarmActions", action, "allowed: ARNs (SNS topics) in the component's Region");
  }
}
