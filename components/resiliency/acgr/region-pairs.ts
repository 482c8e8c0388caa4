/**
 * The Region pairs Amazon Connect Global Resiliency supports (source -> replica). Two pairs work both
 * ways; Tokyo to Osaka is one way only.
 */
export const ACGR_REPLICATION: Readonly<Record<string, readonly string[]>> = {
  "us-east-1": ["us-west-2"],
  "us-west-2": ["us-east-1"],
  "eu-central-1": ["eu-west-2"],
  "eu-west-2": ["eu-central-1"],
  "ap-northeast-1": ["ap-northeast-3"],
};

/** True when an instance in `source` may be replicated to `replica`. */
export function canReplicate(source: string, replica: string): boolean {
  return ACGR_REPLICATION[source]?.includes(replica) ?? false;
}

/** The allowed replica Regions for a source Region, for error messages. */
export function allowedReplicaRegions(source: string): string {
  const allowed = ACGR_REPLICATION[source];
  return allowed ? allowed.join(", ") : `none: ${source} is not an ACGR source Region (sources: ${Object.keys(ACGR_REPLICATION).join(", ")})`;
}

/** Every Region that takes part in ACGR, as a source or a replica. */
export const GLOBAL_RESILIENCY_REGIONS: readonly string[] = [...new Set(Object.entries(ACGR_REPLICATION).flatMap(([source, replicas]) => [source, ...replicas]))];
