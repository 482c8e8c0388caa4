import { ArgumentError } from "../argument-error";

/** How Route 53 chooses between the per-Region records of one name. */
export type DnsRoutingPolicy = "failover" | "weighted";
/** Role of a record under failover routing. */
export type FailoverRole = "PRIMARY" | "SECONDARY";

/** What the caller asked for one Region's record. */
export interface RoutingIntent {
  readonly failover?: FailoverRole;
  readonly weight?: number;
}

/** One record of the plan: its Region key, set identifier and routing policy block. */
export interface PlannedRecord {
  readonly region: string;
  readonly setIdentifier: string;
  readonly failover?: FailoverRole;
  readonly weight?: number;
}

const COMPONENT = "FailoverDns";
/** Commercial, GovCloud and ISO partitions: `us-east-1`, `us-gov-west-1`, `us-isob-east-1`. */
const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;
const MAX_WEIGHT = 255;

/** True for an AWS Region code such as `eu-central-1`. */
export function isRegionCode(value: unknown): value is string {
  return typeof value === "string" && REGION_PATTERN.test(value);
}

/**
 * Plans one record per Region for `policy`, validating the intents: failover needs exactly two
 * Regions, one PRIMARY and one SECONDARY; weighted needs at least two Regions, each with an integer
 * weight 0-255. The set identifier is the Region code, so it stays stable when endpoints are added.
 * Throws `ArgumentError` naming the offending `endpoints` entry.
 */
export function planRoutingRecords(policy: DnsRoutingPolicy, endpoints: Readonly<Record<string, RoutingIntent>>): PlannedRecord[] {
  if (policy !== "failover" && policy !== "weighted") {
    throw new ArgumentError(COMPONENT, "routingPolicy", policy, "allowed: 'failover' or 'weighted'");
  }
  const regions = Object.keys(endpoints);
  for (const region of regions) {
    if (!isRegionCode(region)) {
      throw new ArgumentError(COMPONENT, "endpoints", region, "keys must be AWS Region codes such as 'us-east-1'");
    }
  }
  return policy === "failover" ? planFailover(endpoints, regions) : planWeighted(endpoints, regions);
}

function planFailover(endpoints: Readonly<Record<string, RoutingIntent>>, regions: string[]): PlannedRecord[] {
  if (regions.length !== 2) {
    throw new ArgumentError(COMPONENT, "endpoints", regions, "failover routing needs exactly two Regions, one PRIMARY and one SECONDARY");
  }
  for (const region of regions) {
    const { failover, weight } = endpoints[region];
    if (failover !== "PRIMARY" && failover !== "SECONDARY") {
      throw new ArgumentError(COMPONENT, `endpoints.${region}.failover`, failover, "allowed: 'PRIMARY' or 'SECONDARY' under failover routing");
    }
    if (weight !== undefined) {
      throw new ArgumentError(COMPONENT, `endpoints.${region}.weight`, weight, "allowed only under weighted routing; leave unset for failover");
    }
  }
  if (endpoints[regions[0]].failover === endpoints[regions[1]].failover) {
    const roles = Object.fromEntries(regions.map((r) => [r, endpoints[r].failover]));
    throw new ArgumentError(COMPONENT, "endpoints.*.failover", roles, "exactly one PRIMARY and one SECONDARY are required");
  }
  return regions.map((region) => ({ region, setIdentifier: region, failover: endpoints[region].failover }));
}

function planWeighted(endpoints: Readonly<Record<string, RoutingIntent>>, regions: string[]): PlannedRecord[] {
  if (regions.length < 2) {
    throw new ArgumentError(COMPONENT, "endpoints", regions, "weighted routing needs at least two Regions");
  }
  for (const region of regions) {
    const { failover, weight } = endpoints[region];
    if (failover !== undefined) {
      throw new ArgumentError(COMPONENT, `endpoints.${region}.failover`, failover, "allowed only under failover routing; leave unset for weighted");
    }
    if (weight === undefined || !Number.isInteger(weight) || weight < 0 || weight > MAX_WEIGHT) {
      throw new ArgumentError(COMPONENT, `endpoints.${region}.weight`, weight ?? null, `allowed: an integer from 0 to ${MAX_WEIGHT}`);
    }
  }
  return regions.map((region) => ({ region, setIdentifier: region, weight: endpoints[region].weight }));
}
