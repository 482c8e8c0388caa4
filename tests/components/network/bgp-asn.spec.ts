import { expect } from "chai";
import { customerGatewayAsnFields, isAsn, isPrivateAsn, virtualInterfaceAsnFields } from "../../../components/network/bgp-asn";

describe("network/bgp-asn", () => {
  const vif: Array<[number, object]> = [
    [65000, { bgpAsn: 65000 }],
    [2147483646, { bgpAsn: 2147483646 }],
    [2147483647, { bgpAsnLong: "2147483647" }],
    [4200000001, { bgpAsnLong: "4200000001" }],
  ];
  for (const [asn, fields] of vif) {
    it(`virtual interface ASN ${asn} -> ${JSON.stringify(fields)}`, () => expect(virtualInterfaceAsnFields(asn)).to.deep.equal(fields));
  }

  const cgw: Array<[number, object]> = [
    [65000, { bgpAsn: "65000" }],
    [2147483647, { bgpAsn: "2147483647" }],
    [2147483648, { bgpAsnExtended: "2147483648" }],
    [4294967294, { bgpAsnExtended: "4294967294" }],
  ];
  for (const [asn, fields] of cgw) {
    it(`customer gateway ASN ${asn} -> ${JSON.stringify(fields)}`, () => expect(customerGatewayAsnFields(asn)).to.deep.equal(fields));
  }

  it("rejects ASNs outside 1-4294967294", () => {
    for (const asn of [0, -1, 4294967295, 1.5]) {
      expect(isAsn(asn)).to.equal(false);
      expect(() => virtualInterfaceAsnFields(asn)).to.throw(RangeError, `invalid ASN ${asn}; allowed: an integer from 1 to 4294967294`);
      expect(() => customerGatewayAsnFields(asn)).to.throw(RangeError, `invalid ASN ${asn}`);
    }
  });

  const privateCases: Array<[number, boolean]> = [
    [64511, false],
    [64512, true],
    [65534, true],
    [65535, false],
    [4199999999, false],
    [4200000000, true],
    [4294967294, true],
    [7224, false],
  ];
  for (const [asn, expected] of privateCases) {
    it(`isPrivateAsn(${asn}) = ${expected}`, () => expect(isPrivateAsn(asn)).to.equal(expected));
  }
});
