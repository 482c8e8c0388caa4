/**
 * BGP autonomous system numbers as AWS's APIs take them. The providers split one ASN across two fields
 * by size (2-byte/early 4-byte values in one, the rest of the 4-byte space in another), and AWS-side
 * ASNs must come from the private ranges.
 */

/** Largest usable 4-byte ASN (4294967295 is reserved by RFC 7300). */
export const MAX_ASN = 4294967294;

/** True for an integer ASN from 1 to 4294967294. */
export function isAsn(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_ASN;
}

/** True for an ASN AWS accepts on the Amazon side of a Direct Connect gateway: 64512-65534 or 4200000000-4294967294. */
export function isPrivateAsn(value: unknown): value is number {
  return isAsn(value) && ((value >= 64512 && value <= 65534) || value >= 4200000000);
}

/** Direct Connect virtual interface fields: `bgpAsn` up to 2147483646, `bgpAsnLong` (decimal string) above. */
export function virtualInterfaceAsnFields(asn: number): { bgpAsn: number } | { bgpAsnLong: string } {
  if (!isAsn(asn)) throw new RangeError(`invalid ASN ${JSON.stringify(asn)}; allowed: an integer from 1 to ${MAX_ASN}`);
  return asn <= 2147483646 ? { bgpAsn: asn } : { bgpAsnLong: String(asn) };
}

/** Customer gateway fields: `bgpAsn` up to 2147483647, `bgpAsnExtended` above; both decimal strings. */
export function customerGatewayAsnFields(asn: number): { bgpAsn: string } | { bgpAsnExtended: string } {
  if (!isAsn(asn)) throw new RangeError(`invalid ASN ${JSON.stringify(asn)}; allowed: an integer from 1 to ${MAX_ASN}`);
  return asn <= 2147483647 ? { bgpAsn: String(asn) } : { bgpAsnExtended: String(asn) };
}
