import { expect } from "chai";
import { bgpFailoverTestPlan, BgpFailoverTestError, type BgpFailoverTestInput } from "../../../components/network/bgp-failover-test";

const AT = new Date("2026-11-25T09:00:00Z");

describe("bgpFailoverTestPlan", () => {
  it("tests every peer for 60 minutes by default", () => {
    expect(bgpFailoverTestPlan({ region: "us-east-1", virtualInterfaceId: "dxvif-fgq2xl8c" }, AT)).to.deep.equal({
      region: "us-east-1",
      start: { operation: "StartBgpFailoverTest", request: { virtualInterfaceId: "dxvif-fgq2xl8c", testDurationInMinutes: 60 } },
      status: { operation: "ListVirtualInterfaceTestHistory", request: { virtualInterfaceId: "dxvif-fgq2xl8c" } },
      stop: { operation: "StopBgpFailoverTest", request: { virtualInterfaceId: "dxvif-fgq2xl8c" } },
      endsBy: "2026-11-25T10:00:00.000Z",
    });
  });

  it("names chosen peers in start and status, never in stop; honours the 72-hour maximum", () => {
    const plan = bgpFailoverTestPlan({ region: "eu-west-2", virtualInterfaceId: "dxvif-abc12345", bgpPeerIds: ["dxpeer-aaaa1111"], durationMinutes: 4320 }, AT);
    expect(plan.start.request).to.deep.equal({ virtualInterfaceId: "dxvif-abc12345", bgpPeers: ["dxpeer-aaaa1111"], testDurationInMinutes: 4320 });
    expect(plan.status.request).to.deep.equal({ virtualInterfaceId: "dxvif-abc12345", bgpPeers: ["dxpeer-aaaa1111"] });
    expect(plan.stop.request).to.deep.equal({ virtualInterfaceId: "dxvif-abc12345" });
    expect(plan.endsBy).to.equal("2026-11-28T09:00:00.000Z");
  });

  const bad: [string, Partial<BgpFailoverTestInput>, string][] = [
    ["a connection id instead of a VIF", { virtualInterfaceId: "dxcon-fgq2xl8c" }, "not a virtual interface id"],
    ["a Region name", { region: "Virginia" }, "not an AWS Region code"],
    ["an empty peer list", { bgpPeerIds: [] }, "omit it to test every BGP peer"],
    ["a malformed peer", { bgpPeerIds: ["peer-1"] }, "not a BGP peer id"],
    ["a repeated peer", { bgpPeerIds: ["dxpeer-aaaa1111", "dxpeer-aaaa1111"] }, "lists a peer twice"],
    ["0 minutes", { durationMinutes: 0 }, "outside 1-4320"],
    ["73 hours", { durationMinutes: 4380 }, "outside 1-4320"],
  ];
  for (const [title, patch, message] of bad) {
    it(`refuses ${title}`, () => {
      expect(() => bgpFailoverTestPlan({ region: "us-east-1", virtualInterfaceId: "dxvif-fgq2xl8c", ...patch }, AT)).to.throw(BgpFailoverTestError, message);
    });
  }
});
