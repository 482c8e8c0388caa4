import { expect } from "chai";
import * as aws from "@pulumi/aws";
import { ArgumentError } from "../../../components/argument-error";
import { DirectConnectFailover, type DirectConnectFailoverArgs } from "../../../components/network/direct-connect-failover";
import { MockCloud, resolve, settle } from "../../../tools/synthesis/mock-cloud";

const NETWORK_ROLE = "arn:aws:iam::444455556666:role/ConnectDrDeployer";
const networkProvider = (region: string) => new aws.Provider(`network-${region}`, { region, assumeRoles: [{ roleArn: NETWORK_ROLE }] });
const DX_GATEWAY = "5f8b3c2a-1d4e-4f6a-9b7c-0123456789ab";
const TOPIC = "arn:aws:sns:us-west-2:444455556666:network-alarms";
const LOG_GROUP = "arn:aws:logs:us-west-2:444455556666:log-group:/connect-dr/vpn";

function vgwArgs(overrides: Partial<DirectConnectFailoverArgs> = {}): DirectConnectFailoverArgs {
  return {
    connectionId: "dxcon-fgabc123",
    vlan: 101,
    customerBgpAsn: 65010,
    amazonAddress: "169.254.10.1/30",
    customerAddress: "169.254.10.2/30",
    bgpAuthKey: "s3cret-md5-key",
    vpnGatewayId: "vgw-0a1b2c3d4e5f60718",
    allowedPrefixes: ["10.20.0.0/16"],
    customerGatewayIpAddress: "198.51.99.10",
    tags: { project: "connect-dr" },
    ...overrides,
  };
}

function tgwArgs(): DirectConnectFailoverArgs {
  return {
    connectionId: "dxcon-ffre0ec3",
    virtualInterfaceType: "transit",
    vlan: 202,
    customerBgpAsn: 4200000010,
    vpnCustomerBgpAsn: 65020,
    mtuBytes: 8500,
    directConnectGatewayId: DX_GATEWAY,
    transitGatewayId: "tgw-0123456789abcdef0",
    allowedPrefixes: ["10.20.0.0/16", "10.30.0.0/16"],
    customerGatewayIpAddress: "52.95.110.1",
    presharedKeyStorage: "Standard",
    tunnelLogGroupArn: LOG_GROUP,
    virtualInterfaceEgressMinimumBps: 1_000_000,
    alarmActions: [TOPIC],
  };
}

/** How the engine encodes a secret value on the wire (pulumi/sdk/nodejs/runtime/rpc.ts). */
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

const inventory = (cloud: MockCloud) => cloud.declared().map((r) => `${r.type} ${r.name}`).sort();

const HARDENED_TUNNEL = (n: 1 | 2) => ({
  [`tunnel${n}IkeVersions`]: ["ikev2"],
  [`tunnel${n}Phase1EncryptionAlgorithms`]: ["AES256-GCM-16", "AES256"],
  [`tunnel${n}Phase1IntegrityAlgorithms`]: ["SHA2-256", "SHA2-384", "SHA2-512"],
  [`tunnel${n}Phase1DhGroupNumbers`]: [19, 20, 21],
  [`tunnel${n}Phase2EncryptionAlgorithms`]: ["AES256-GCM-16", "AES256"],
  [`tunnel${n}Phase2IntegrityAlgorithms`]: ["SHA2-256", "SHA2-384", "SHA2-512"],
  [`tunnel${n}Phase2DhGroupNumbers`]: [19, 20, 21],
  [`tunnel${n}DpdTimeoutSeconds`]: 30,
  [`tunnel${n}DpdTimeoutAction`]: "restart",
  [`tunnel${n}StartupAction`]: "start",
});

describe("DirectConnectFailover", () => {
  describe("private virtual interface to a virtual private gateway, new Direct Connect gateway", () => {
    let cloud: MockCloud;
    let dx: DirectConnectFailover;

    beforeEach(async () => {
      cloud = new MockCloud().install();
      dx = new DirectConnectFailover("onprem", vgwArgs(), { provider: networkProvider("us-east-1") });
      await settle();
    });

    it("declares exactly the VIF, gateway, association, customer gateway, VPN and two state alarms", () => {
      expect(inventory(cloud)).to.deep.equal([
        "aws:cloudwatch/metricAlarm:MetricAlarm onprem-connection-state-alarm",
        "aws:cloudwatch/metricAlarm:MetricAlarm onprem-vpn-tunnel-state-alarm",
        "aws:directconnect/gateway:Gateway onprem-dx-gateway",
        "aws:directconnect/gatewayAssociation:GatewayAssociation onprem-dx-gateway-association",
        "aws:directconnect/privateVirtualInterface:PrivateVirtualInterface onprem-vif",
        "aws:ec2/customerGateway:CustomerGateway onprem-customer-gateway",
        "aws:ec2/vpnConnection:VpnConnection onprem-vpn",
        "connect-dr:network:DirectConnectFailover onprem",
      ]);
    });

    it("puts every child on the network account's provider in the component's Region", () => {
      for (const r of cloud.declared().filter((r) => r.custom)) {
        expect(r, r.name).to.include({ providerName: "network-us-east-1", account: "444455556666", region: "us-east-1" });
      }
    });

    it("creates the Direct Connect gateway with the default private Amazon-side ASN", () => {
      expect(cloud.named("onprem-dx-gateway").inputs).to.deep.include({ amazonSideAsn: "64512", tags: { project: "connect-dr" } });
    });

    it("peers the private VIF on the existing connection over the Direct Connect gateway", () => {
      expect(cloud.named("onprem-vif").inputs).to.deep.equal({
        connectionId: "dxcon-fgabc123",
        vlan: 101,
        addressFamily: "ipv4",
        bgpAsn: 65010,
        amazonAddress: "169.254.10.1/30",
        customerAddress: "169.254.10.2/30",
        // Marked secret: the engine encrypts it in state and masks it in output.
        bgpAuthKey: { [SECRET_SIG_KEY]: SECRET_SIG, value: "s3cret-md5-key" },
        mtu: 1500,
        dxGatewayId: "onprem-dx-gateway-id",
        tags: { project: "connect-dr", Name: "onprem-vif" },
      });
    });

    it("associates the gateway with the VGW, advertising only the allowed prefixes", () => {
      expect(cloud.named("onprem-dx-gateway-association").inputs).to.deep.equal({
        dxGatewayId: "onprem-dx-gateway-id",
        associatedGatewayId: "vgw-0a1b2c3d4e5f60718",
        allowedPrefixes: ["10.20.0.0/16"],
      });
    });

    it("builds the backup VPN to the same VGW with BGP (no static routes) and hardened IKEv2 tunnels", () => {
      expect(cloud.named("onprem-customer-gateway").inputs).to.deep.equal({
        type: "ipsec.1",
        ipAddress: "198.51.99.10",
        bgpAsn: "65010",
        tags: { project: "connect-dr", Name: "onprem-customer-gateway" },
      });
      expect(cloud.named("onprem-vpn").inputs).to.deep.equal({
        type: "ipsec.1",
        customerGatewayId: "onprem-customer-gateway-id",
        vpnGatewayId: "vgw-0a1b2c3d4e5f60718",
        staticRoutesOnly: false,
        tunnelInsideIpVersion: "ipv4",
        presharedKeyStorage: "SecretsManager",
        ...HARDENED_TUNNEL(1),
        ...HARDENED_TUNNEL(2),
        tags: { project: "connect-dr", Name: "onprem-vpn" },
      });
    });

    it("alarms on ConnectionState < 1 and on any VPN tunnel down, missing data breaching", () => {
      expect(cloud.named("onprem-connection-state-alarm").inputs).to.deep.equal({
        alarmDescription: "Direct Connect connection dxcon-fgabc123 is down",
        namespace: "AWS/DX",
        metricName: "ConnectionState",
        dimensions: { ConnectionId: "dxcon-fgabc123" },
        statistic: "Minimum",
        comparisonOperator: "LessThanThreshold",
        threshold: 1,
        period: 300,
        evaluationPeriods: 1,
        treatMissingData: "breaching",
        alarmActions: [],
        okActions: [],
        tags: { project: "connect-dr" },
      });
      expect(cloud.named("onprem-vpn-tunnel-state-alarm").inputs).to.deep.include({
        namespace: "AWS/VPN",
        metricName: "TunnelState",
        dimensions: { VpnId: "onprem-vpn-id" },
        statistic: "Maximum",
        comparisonOperator: "LessThanThreshold",
        threshold: 1,
        treatMissingData: "breaching",
      });
    });

    it("outputs the ids and the alarm ARNs for the composite failover alarm", async () => {
      expect(await resolve(dx.virtualInterfaceId)).to.equal("onprem-vif-id");
      expect(await resolve(dx.directConnectGatewayId)).to.equal("onprem-dx-gateway-id");
      expect(await resolve(dx.customerGatewayId)).to.equal("onprem-customer-gateway-id");
      expect(await resolve(dx.vpnConnectionId)).to.equal("onprem-vpn-id");
      // The mock echoes inputs only, so the AWS-assigned tunnel addresses are absent; the output's shape is what is checked.
      expect(await resolve(dx.tunnelAddresses)).to.have.length(2);
      expect(await resolve(dx.alarmArns)).to.deep.equal({
        connectionState: "arn:aws:cloudwatch:us-east-1:444455556666:onprem-connection-state-alarm",
        vpnTunnelState: "arn:aws:cloudwatch:us-east-1:444455556666:onprem-vpn-tunnel-state-alarm",
      });
    });
  });

  describe("transit virtual interface to a transit gateway, existing Direct Connect gateway", () => {
    let cloud: MockCloud;
    let dx: DirectConnectFailover;

    beforeEach(async () => {
      cloud = new MockCloud().install();
      dx = new DirectConnectFailover("onprem", tgwArgs(), { provider: networkProvider("us-west-2") });
      await settle();
    });

    it("creates no gateway, a transit VIF and the optional egress alarm", () => {
      expect(inventory(cloud)).to.deep.equal([
        "aws:cloudwatch/metricAlarm:MetricAlarm onprem-connection-state-alarm",
        "aws:cloudwatch/metricAlarm:MetricAlarm onprem-vif-egress-alarm",
        "aws:cloudwatch/metricAlarm:MetricAlarm onprem-vpn-tunnel-state-alarm",
        "aws:directconnect/gatewayAssociation:GatewayAssociation onprem-dx-gateway-association",
        "aws:directconnect/transitVirtualInterface:TransitVirtualInterface onprem-vif",
        "aws:ec2/customerGateway:CustomerGateway onprem-customer-gateway",
        "aws:ec2/vpnConnection:VpnConnection onprem-vpn",
        "connect-dr:network:DirectConnectFailover onprem",
      ]);
    });

    it("uses the 4-byte ASN fields, jumbo MTU 8500 and the existing gateway", () => {
      expect(cloud.named("onprem-vif").inputs).to.deep.equal({
        connectionId: "dxcon-ffre0ec3",
        vlan: 202,
        addressFamily: "ipv4",
        bgpAsnLong: "4200000010",
        mtu: 8500,
        dxGatewayId: DX_GATEWAY,
        tags: { Name: "onprem-vif" },
      });
      expect(cloud.named("onprem-customer-gateway").inputs).to.include({ bgpAsn: "65020", ipAddress: "52.95.110.1" });
      expect(cloud.named("onprem-dx-gateway-association").inputs).to.deep.equal({
        dxGatewayId: DX_GATEWAY,
        associatedGatewayId: "tgw-0123456789abcdef0",
        allowedPrefixes: ["10.20.0.0/16", "10.30.0.0/16"],
      });
    });

    it("attaches the VPN to the transit gateway with BGP, IKEv2 only and tunnel + BGP logs", () => {
      const vpn = cloud.named("onprem-vpn").inputs;
      expect(vpn).to.include({ transitGatewayId: "tgw-0123456789abcdef0", staticRoutesOnly: false, presharedKeyStorage: "Standard" });
      expect(vpn).to.not.have.property("vpnGatewayId");
      expect(vpn.tunnel1IkeVersions).to.deep.equal(["ikev2"]);
      expect(vpn.tunnel2IkeVersions).to.deep.equal(["ikev2"]);
      const logs = {
        cloudwatchLogOptions: { logEnabled: true, logGroupArn: LOG_GROUP, logOutputFormat: "json", bgpLogEnabled: true, bgpLogGroupArn: LOG_GROUP, bgpLogOutputFormat: "json" },
      };
      expect(vpn.tunnel1LogOptions).to.deep.equal(logs);
      expect(vpn.tunnel2LogOptions).to.deep.equal(logs);
    });

    it("alarms on egress below the minimum for 15 minutes, with the given actions", () => {
      expect(cloud.named("onprem-vif-egress-alarm").inputs).to.deep.equal({
        alarmDescription: "Direct Connect virtual interface egress on dxcon-ffre0ec3 is below 1000000 bps",
        namespace: "AWS/DX",
        metricName: "VirtualInterfaceBpsEgress",
        dimensions: { ConnectionId: "dxcon-ffre0ec3", VirtualInterfaceId: "onprem-vif-id" },
        statistic: "Average",
        comparisonOperator: "LessThanThreshold",
        threshold: 1000000,
        period: 300,
        evaluationPeriods: 3,
        treatMissingData: "breaching",
        alarmActions: [TOPIC],
        okActions: [TOPIC],
        tags: {},
      });
      expect(cloud.named("onprem-connection-state-alarm").inputs.alarmActions).to.deep.equal([TOPIC]);
    });

    it("outputs the existing gateway id and all three alarm ARNs in the component's Region", async () => {
      expect(await resolve(dx.directConnectGatewayId)).to.equal(DX_GATEWAY);
      expect(await resolve(dx.alarmArns)).to.deep.equal({
        connectionState: "arn:aws:cloudwatch:us-west-2:444455556666:onprem-connection-state-alarm",
        vpnTunnelState: "arn:aws:cloudwatch:us-west-2:444455556666:onprem-vpn-tunnel-state-alarm",
        virtualInterfaceEgress: "arn:aws:cloudwatch:us-west-2:444455556666:onprem-vif-egress-alarm",
      });
    });
  });

  describe("validation", () => {
    type Case = [string, Partial<DirectConnectFailoverArgs>, string, unknown, string];
    const cases: Case[] = [
      ["a connection id without the dxcon- prefix", { connectionId: "dxlag-fgabc123" }, "connectionId", "dxlag-fgabc123", "allowed: an existing Direct Connect connection id"],
      ["an unknown VIF type", { virtualInterfaceType: "public" as "private" }, "virtualInterfaceType", "public", "allowed: 'private' or 'transit'"],
      ["VLAN 0", { vlan: 0 }, "vlan", 0, "allowed: an integer from 1 to 4094"],
      ["VLAN 4095", { vlan: 4095 }, "vlan", 4095, "allowed: an integer from 1 to 4094"],
      ["ASN 0", { customerBgpAsn: 0 }, "customerBgpAsn", 0, "allowed: an integer from 1 to 4294967294"],
      ["an out-of-range VPN ASN", { vpnCustomerBgpAsn: 4294967295 }, "vpnCustomerBgpAsn", 4294967295, "allowed: an integer from 1 to 4294967294"],
      ["an unknown address family", { addressFamily: "ipv5" as "ipv4" }, "addressFamily", "ipv5", "allowed: 'ipv4' or 'ipv6'"],
      ["one peer address without the other", { customerAddress: undefined }, "customerAddress", null, "set it together with 'amazonAddress'"],
      ["peer addresses with IPv6", { addressFamily: "ipv6" }, "amazonAddress", "169.254.10.1/30", "allowed only with addressFamily 'ipv4'"],
      ["a peer address without prefix", { amazonAddress: "169.254.10.1" }, "amazonAddress", "169.254.10.1", "allowed: an IPv4 address with prefix"],
      ["a short BGP key, without echoing it", { bgpAuthKey: "abc" }, "bgpAuthKey", "<redacted, 3 characters>", "allowed: 6 to 80 characters"],
      ["a transit MTU on a private VIF", { mtuBytes: 8500 }, "mtuBytes", 8500, "allowed for a private virtual interface: 1500 or 9001"],
      ["a public Amazon-side ASN", { directConnectGatewayAmazonSideAsn: 7224 }, "directConnectGatewayAmazonSideAsn", 7224, "allowed: 64512-65534 or 4200000000-4294967294"],
      ["the customer ASN equal to the Amazon-side ASN", { customerBgpAsn: 64512 }, "customerBgpAsn", 64512, "must differ from the Direct Connect gateway's Amazon-side ASN 64512"],
      ["an Amazon-side ASN with an existing gateway", { directConnectGatewayId: DX_GATEWAY, directConnectGatewayAmazonSideAsn: 64513 }, "directConnectGatewayAmazonSideAsn", 64513, "applies only when the component creates the gateway"],
      ["a malformed gateway id", { directConnectGatewayId: "dxgw-1" }, "directConnectGatewayId", "dxgw-1", "allowed: a Direct Connect gateway id (a UUID)"],
      ["a TGW with a private VIF", { transitGatewayId: "tgw-0123456789abcdef0" }, "transitGatewayId", "tgw-0123456789abcdef0", "not allowed with a private virtual interface; set 'vpnGatewayId' instead"],
      ["a private VIF without VGW", { vpnGatewayId: undefined }, "vpnGatewayId", null, "required with a private virtual interface"],
      ["a transit VIF without TGW", { virtualInterfaceType: "transit", vpnGatewayId: undefined }, "transitGatewayId", null, "required with a transit virtual interface"],
      ["a malformed VGW id", { vpnGatewayId: "vpc-0a1b2c3d" }, "vpnGatewayId", "vpc-0a1b2c3d", "allowed: an id such as 'vgw-0123456789abcdef0'"],
      ["no allowed prefixes", { allowedPrefixes: [] }, "allowedPrefixes", [], "allowed: at least one CIDR"],
      ["a prefix with host bits set", { allowedPrefixes: ["10.20.1.0/16"] }, "allowedPrefixes", "10.20.1.0/16", "allowed: IPv4 or IPv6 CIDR blocks"],
      ["a private customer gateway address", { customerGatewayIpAddress: "192.168.0.1" }, "customerGatewayIpAddress", "192.168.0.1", "allowed: the public IPv4 address"],
      ["an unknown PSK storage", { presharedKeyStorage: "Vault" as "Standard" }, "presharedKeyStorage", "Vault", "allowed: 'SecretsManager' or 'Standard'"],
      ["a log group that is not a Logs ARN", { tunnelLogGroupArn: "arn:aws:s3:::bucket" }, "tunnelLogGroupArn", "arn:aws:s3:::bucket", "allowed: a CloudWatch Logs log-group ARN"],
      ["a zero egress minimum", { virtualInterfaceEgressMinimumBps: 0 }, "virtualInterfaceEgressMinimumBps", 0, "allowed: a positive number of bits per second"],
      ["an alarm action that is not an ARN", { alarmActions: ["network-alarms"] }, "alarmActions", "network-alarms", "allowed: ARNs"],
    ];

    for (const [title, overrides, argument, value, allowed] of cases) {
      it(`rejects ${title} before creating any child`, async () => {
        const cloud = new MockCloud().install();
        let error: unknown;
        try {
          new DirectConnectFailover("bad", vgwArgs(overrides));
        } catch (e) {
          error = e;
        }
        expect(error).to.be.instanceOf(ArgumentError);
        const err = error as ArgumentError;
        expect({ component: err.component, argument: err.argument, value: err.value }).to.deep.equal({ component: "DirectConnectFailover", argument, value });
        expect(err.message).to.contain(allowed);
        expect(err.message).to.not.contain("s3cret-md5-key");
        await settle();
        expect(cloud.declared().filter((r) => r.custom)).to.deep.equal([]);
      });
    }
  });
});
