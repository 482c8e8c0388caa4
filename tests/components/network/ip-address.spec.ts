import { expect } from "chai";
import { isIpv4Address, isIpv4Cidr, isIpv4InterfaceAddress, isIpv6Address, isIpv6Cidr, isPublicIpv4Address } from "../../../components/network/ip-address";

describe("network/ip-address", () => {
  const publicCases: Array<[string, boolean]> = [
    ["8.8.8.8", true],
    ["54.239.28.85", true],
    ["10.1.2.3", false],
    ["172.16.0.1", false],
    ["172.32.0.1", true],
    ["192.168.1.1", false],
    ["100.64.0.1", false],
    ["127.0.0.1", false],
    ["169.254.169.254", false],
    ["203.0.113.10", false],
    ["224.0.0.1", false],
    ["255.255.255.255", false],
    ["not-an-ip", false],
    ["2001:db8::1", false],
  ];
  for (const [address, expected] of publicCases) {
    it(`isPublicIpv4Address(${address}) = ${expected}`, () => expect(isPublicIpv4Address(address)).to.equal(expected));
  }

  const cidrCases: Array<[unknown, boolean]> = [
    ["10.0.0.0/16", true],
    ["0.0.0.0/0", true],
    ["192.168.1.0/24", true],
    ["192.168.1.1/24", false],
    ["10.0.0.0/33", false],
    ["10.0.0.0", false],
    ["10.0.0/8", false],
    ["10.0.0.0/8/1", false],
    [42, false],
  ];
  for (const [value, expected] of cidrCases) {
    it(`isIpv4Cidr(${JSON.stringify(value)}) = ${expected}`, () => expect(isIpv4Cidr(value)).to.equal(expected));
  }

  it("tells addresses, interface addresses and families apart", () => {
    expect(isIpv4Address("1.2.3.4")).to.equal(true);
    expect(isIpv4Address("1.2.3.256")).to.equal(false);
    expect(isIpv6Address("2001:db8::1")).to.equal(true);
    expect(isIpv6Address("1.2.3.4")).to.equal(false);
    expect(isIpv4InterfaceAddress("169.254.10.1/30")).to.equal(true);
    expect(isIpv4InterfaceAddress("169.254.10.1")).to.equal(false);
    expect(isIpv4InterfaceAddress("169.254.10.1/40")).to.equal(false);
    expect(isIpv6Cidr("2001:db8::/56")).to.equal(true);
    expect(isIpv6Cidr("2001:db8::/129")).to.equal(false);
    expect(isIpv6Cidr("10.0.0.0/8")).to.equal(false);
  });
});
