/**
 * The Region pairs Amazon Connect Global Resiliency (ACGR) supports, as data. `primary` is where the
 * source instance lives (where `ReplicateInstance` is called from) and `secondary` where the replica
 * is created. Most pairs work both ways; ap-northeast-1 -> ap-northeast-3 works one way only.
 */
export interface AcgrRegionPair {
  readonly primary: string;
  readonly secondary: string;
}

/** Every (primary, secondary) combination ACGR accepts, both directions listed where both work. */
export const ACGR_REGION_PAIRS: readonly AcgrRegionPair[] = [
  { primary: "us-east-1", secondary: "us-west-2" },
  { primary: "us-west-2", secondary: "us-east-1" },
  { primary: "eu-central-1", secondary: "eu-west-2" },
  { primary: "eu-west-2", secondary: "eu-central-1" },
  { primary: "ap-northeast-1", secondary: "ap-northeast-3" },
];

/** Whether ACGR can replicate an instance from `primary` to `secondary`. */
export function isAcgrRegionPair(primary: string, secondary: string): boolean {
  return ACGR_REGION_PAIRS.some((pair) => pair.primary === primary && pair.secondary === secondary);
}

/** The Regions ACGR can replicate to from `primary` (empty when `primary` is no ACGR source). */
export function acgrSecondariesOf(primary: string): string[] {
  return ACGR_REGION_PAIRS.filter((pair) => pair.primary === primary).map((pair) => pair.secondary);
}

/**
 * Why `primary` -> `secondary` is not an ACGR pair, as the `allowed` text of a config problem, or
 * `undefined` when it is one.
 */
export function acgrPairProblem(primary: string, secondary: string): string | undefined {
  if (isAcgrRegionPair(primary, secondary)) return undefined;
  const all = ACGR_REGION_PAIRS.map((pair) => `${pair.primary} -> ${pair.secondary}`).join(", ");
  if (primary === secondary) return `a Region different from the primary Region (${primary}); ACGR pairs: ${all}`;
  const targets = acgrSecondariesOf(primary);
  if (targets.length > 0) return `the ACGR partner of ${primary}: ${targets.join(" or ")}`;
  return `an ACGR pair (primary -> secondary): ${all}`;
}
