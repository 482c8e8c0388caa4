import { ACGR_REPLICATION, canReplicate } from "../../components/runtime";

/**
 * The config's wording of the Amazon Connect Global Resiliency Region rule. The pairs themselves are
 * `ACGR_REPLICATION` in `components/resiliency/acgr/region-pairs.ts` (source -> replica, also used by
 * `InstanceReplica` and the CLI); `primary` is the source, `secondary` the replica.
 */

/** Every (primary -> secondary) direction ACGR accepts, as `a -> b`, in the resiliency module's order. */
function allDirections(): string {
  return Object.entries(ACGR_REPLICATION)
    .flatMap(([source, replicas]) => replicas.map((replica) => `${source} -> ${replica}`))
    .join(", ");
}

/**
 * Why `primary` -> `secondary` is not an ACGR pair, as the `allowed` text of a config problem, or
 * `undefined` when it is one.
 */
export function acgrPairProblem(primary: string, secondary: string): string | undefined {
  if (canReplicate(primary, secondary)) return undefined;
  if (primary === secondary) return `a Region different from the primary Region (${primary}); ACGR pairs: ${allDirections()}`;
  const targets = ACGR_REPLICATION[primary] ?? [];
  if (targets.length > 0) return `the ACGR partner of ${primary}: ${targets.join(" or ")}`;
  return `an ACGR pair (primary -> secondary): ${allDirections()}`;
}
