import { expect } from "chai";
import { hardenedTunnelArgs, HARDENED_TUNNEL_POLICY } from "../../../components/network/vpn-tunnel-policy";

describe("network/vpn-tunnel-policy", () => {
  const args = hardenedTunnelArgs() as unknown as Record<string, unknown>;

  it("gives both tunnels identical settings", () => {
    const tunnel = (n: 1 | 2) =>
      Object.fromEntries(Object.entries(args).filter(([k]) => k.startsWith(`tunnel${n}`)).map(([k, v]) => [k.slice(7), v]));
    expect(Object.keys(tunnel(1))).to.have.length(10);
    expect(tunnel(1)).to.deep.equal(tunnel(2));
  });

  it("allows only IKEv2, AES-256, SHA-2 and elliptic-curve DH groups", () => {
    for (const n of [1, 2]) {
      expect(args[`tunnel${n}IkeVersions`]).to.deep.equal(["ikev2"]);
      expect(args[`tunnel${n}Phase1EncryptionAlgorithms`]).to.deep.equal(["AES256-GCM-16", "AES256"]);
      expect(args[`tunnel${n}Phase2EncryptionAlgorithms`]).to.deep.equal(["AES256-GCM-16", "AES256"]);
      expect(args[`tunnel${n}Phase1IntegrityAlgorithms`]).to.deep.equal(["SHA2-256", "SHA2-384", "SHA2-512"]);
      expect(args[`tunnel${n}Phase2IntegrityAlgorithms`]).to.deep.equal(["SHA2-256", "SHA2-384", "SHA2-512"]);
      expect(args[`tunnel${n}Phase1DhGroupNumbers`]).to.deep.equal([19, 20, 21]);
      expect(args[`tunnel${n}Phase2DhGroupNumbers`]).to.deep.equal([19, 20, 21]);
      expect(args[`tunnel${n}DpdTimeoutSeconds`]).to.equal(30);
      expect(args[`tunnel${n}DpdTimeoutAction`]).to.equal("restart");
      expect(args[`tunnel${n}StartupAction`]).to.equal("start");
      expect(args).to.not.have.property(`tunnel${n}LogOptions`);
    }
  });

  it("returns copies, so callers cannot alter the shared policy", () => {
    const mutable = hardenedTunnelArgs();
    mutable.tunnel1IkeVersions.push("ikev1");
    expect(HARDENED_TUNNEL_POLICY.ikeVersions).to.deep.equal(["ikev2"]);
    expect(hardenedTunnelArgs().tunnel1IkeVersions).to.deep.equal(["ikev2"]);
  });

  it("logs tunnel activity and BGP to the given group on both tunnels", () => {
    const logGroupArn = "arn:aws:logs:us-east-1:444455556666:log-group:vpn";
    const withLogs = hardenedTunnelArgs(logGroupArn);
    const expected = {
      cloudwatchLogOptions: {
        logEnabled: true,
        logGroupArn,
        logOutputFormat: "json",
        bgpLogEnabled: true,
        bgpLogGroupArn: logGroupArn,
        bgpLogOutputFormat: "json",
      },
    };
    expect(withLogs.tunnel1LogOptions).to.deep.equal(expected);
    expect(withLogs.tunnel2LogOptions).to.deep.equal(expected);
  });
});
