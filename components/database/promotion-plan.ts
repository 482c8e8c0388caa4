/**
 * The exact, ordered RDS API calls that make the secondary Region's database the writer. Pure, so the
 * failover runbook and CLI print or execute the same plan the tests check.
 *
 * Aurora Global Database (AWS, "Using switchover or failover in Amazon Aurora Global Database"):
 * - "switchover": both Regions healthy (a drill or failback); no data loss. SwitchoverGlobalCluster.
 * - "failover": the primary Region is impaired; managed failover accepting the replication lag as data
 *   loss. FailoverGlobalCluster with AllowDataLoss.
 * - "detach": last resort when the global cluster's control plane cannot act: RemoveFromGlobalCluster
 *   turns the secondary into a standalone writer cluster; the global cluster must be rebuilt afterwards.
 * RDS cross-Region read replica: only "failover" exists: PromoteReadReplica (one-way; re-create a
 * replica in the other Region to regain protection).
 */

export type DatabaseMode = "aurora-global" | "rds-read-replica";
export type PromotionKind = "switchover" | "failover" | "detach";

/** The identifiers `RegionalDatabase` exports for promotion (its `promotionTarget` output). */
export interface PromotionTarget {
  readonly mode: DatabaseMode;
  readonly primaryRegion: string;
  readonly secondaryRegion: string;
  /** Aurora: the global cluster identifier. */
  readonly globalClusterIdentifier?: string;
  /** Aurora: ARN of the primary Region's cluster; RDS: ARN of the source instance. */
  readonly primaryArn: string;
  /** Aurora: ARN of the secondary Region's cluster; RDS: ARN of the read replica. */
  readonly secondaryArn: string;
  /** Aurora: secondary cluster identifier; RDS: read replica instance identifier. */
  readonly secondaryIdentifier: string;
  /** RDS: backup retention to set on the promoted instance (days). */
  readonly backupRetentionDays: number;
}

/** One API call: where to send it, the operation and its request, and what to wait for before the next. */
export interface PromotionStep {
  readonly region: string;
  readonly operation: "SwitchoverGlobalCluster" | "FailoverGlobalCluster" | "RemoveFromGlobalCluster" | "PromoteReadReplica" | "DescribeGlobalClusters" | "DescribeDBClusters" | "DescribeDBInstances";
  readonly request: Readonly<Record<string, string | number | boolean>>;
  /** For Describe* steps: poll until this holds. */
  readonly waitUntil?: string;
}

export class PromotionPlanError extends Error {}

/** Ordered steps promoting `target`'s secondary Region by `kind`. */
export function promotionSteps(target: PromotionTarget, kind: PromotionKind): PromotionStep[] {
  if (target.mode === "rds-read-replica") {
    if (kind !== "failover") {
      throw new PromotionPlanError(`promotion '${kind}' is not available for an RDS cross-Region read replica; allowed: 'failover' (PromoteReadReplica)`);
    }
    return [
      {
        region: target.secondaryRegion,
        operation: "PromoteReadReplica",
        request: { DBInstanceIdentifier: target.secondaryIdentifier, BackupRetentionPeriod: target.backupRetentionDays },
      },
      {
        region: target.secondaryRegion,
        operation: "DescribeDBInstances",
        request: { DBInstanceIdentifier: target.secondaryIdentifier },
        waitUntil: "DBInstances[0].DBInstanceStatus == 'available' and DBInstances[0].ReadReplicaSourceDBInstanceIdentifier is absent",
      },
    ];
  }
  const globalId = target.globalClusterIdentifier;
  if (globalId === undefined || globalId === "") throw new PromotionPlanError("an Aurora global database promotion needs globalClusterIdentifier");
  const waitForWriter: PromotionStep = {
    region: target.secondaryRegion,
    operation: "DescribeGlobalClusters",
    request: { GlobalClusterIdentifier: globalId },
    waitUntil: `GlobalClusters[0].Status == 'available' and the member ${target.secondaryArn} has IsWriter == true`,
  };
  switch (kind) {
    case "switchover":
      return [
        { region: target.secondaryRegion, operation: "SwitchoverGlobalCluster", request: { GlobalClusterIdentifier: globalId, TargetDbClusterIdentifier: target.secondaryArn } },
        waitForWriter,
      ];
    case "failover":
      return [
        {
          region: target.secondaryRegion,
          operation: "FailoverGlobalCluster",
          request: { GlobalClusterIdentifier: globalId, TargetDbClusterIdentifier: target.secondaryArn, AllowDataLoss: true },
        },
        waitForWriter,
      ];
    case "detach":
      return [
        { region: target.secondaryRegion, operation: "RemoveFromGlobalCluster", request: { GlobalClusterIdentifier: globalId, DbClusterIdentifier: target.secondaryArn } },
        {
          region: target.secondaryRegion,
          operation: "DescribeDBClusters",
          request: { DBClusterIdentifier: target.secondaryIdentifier },
          waitUntil: "DBClusters[0].Status == 'available' and DBClusters[0] is no longer a global cluster member",
        },
      ];
    default:
      throw new PromotionPlanError(`unknown promotion '${String(kind)}'; allowed: 'switchover', 'failover' or 'detach'`);
  }
}
