import { BlockList, isIPv4, isIPv6 } from "node:net";

/**
 * IPv4 ranges that are not reachable across the internet (RFC 6890 special-purpose blocks): Route 53
 * health checkers cannot probe them and a VPN customer gateway cannot use them as its outside address.
 */
const NON_PUBLIC_IPV4 = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  NON_PUBLIC_IPV4.addSubnet(network, prefix, "ipv4");
}

/** True for a dotted-quad IPv4 address. */
export function isIpv4Address(value: unknown): value is string {
  return typeof value === "string" && isIPv4(value);
}

/** True for an IPv6 address. */
export function isIpv6Address(value: unknown): value is string {
  return typeof value === "string" && isIPv6(value);
}

/** True for an IPv4 address outside every private, shared, loopback, link-local, documentation and multicast block. */
export function isPublicIpv4Address(value: unknown): value is string {
  return isIpv4Address(value) && !NON_PUBLIC_IPV4.check(value, "ipv4");
}

/** True for an IPv4 CIDR block such as `10.0.0.0/16` whose address has no bits set past the prefix. */
export function isIpv4Cidr(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const [address, prefixText, ...rest] = value.split("/");
  if (rest.length > 0 || !isIPv4(address) || !/^\d{1,2}$/.test(prefixText ?? "")) return false;
  const prefix = Number(prefixText);
  if (prefix > 32) return false;
  const bits = address.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
  const hostBits = 2 ** (32 - prefix);
  return bits % hostBits === 0;
}

/** True for an IPv4 interface address with prefix, such as `169.254.10.1/30` (host bits may be set). */
export function isIpv4InterfaceAddress(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const [address, prefixText, ...rest] = value.split("/");
  return rest.length === 0 && isIPv4(address) && /^\d{1,2}$/.test(prefixText ?? "") && Number(prefixText) <= 32;
}

/** True for an IPv6 CIDR block such as `2001:db8::/56` (host bits are not checked). */
export function isIpv6Cidr(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const [address, prefixText, ...rest] = value.split("/");
  return rest.length === 0 && isIPv6(address) && /^\d{1,3}$/.test(prefixText ?? "") && Number(prefixText) <= 128;
}
