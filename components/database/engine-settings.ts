/** The database engines `RegionalDatabase` runs, by deployment mode. */
export const AURORA_ENGINES = ["aurora-postgresql", "aurora-mysql"] as const;
export const RDS_ENGINES = ["postgres", "mysql"] as const;
export type AuroraEngine = (typeof AURORA_ENGINES)[number];
export type RdsEngine = (typeof RDS_ENGINES)[number];
export type DatabaseEngine = AuroraEngine | RdsEngine;

/** One parameter of an RDS (cluster) parameter group. */
export interface DbParameter {
  readonly name: string;
  readonly value: string;
  /** Both parameters below are dynamic, but "pending-reboot" is accepted for every parameter. */
  readonly applyMethod: "pending-reboot" | "immediate";
}

/**
 * The parameter that makes the server refuse connections without TLS: `rds.force_ssl` on PostgreSQL
 * (Aurora and RDS), `require_secure_transport` on MySQL (Aurora and RDS).
 */
export function tlsEnforcementParameters(engine: DatabaseEngine): DbParameter[] {
  switch (engine) {
    case "aurora-postgresql":
    case "postgres":
      return [{ name: "rds.force_ssl", value: "1", applyMethod: "pending-reboot" }];
    case "aurora-mysql":
    case "mysql":
      return [{ name: "require_secure_transport", value: "ON", applyMethod: "pending-reboot" }];
  }
}

/** The port the engine listens on by default. */
export function defaultPort(engine: DatabaseEngine): number {
  return engine === "aurora-mysql" || engine === "mysql" ? 3306 : 5432;
}

/** Log types the engine can export to CloudWatch Logs that matter for audit and incident review. */
export function cloudwatchLogExports(engine: DatabaseEngine): string[] {
  switch (engine) {
    case "aurora-postgresql":
    case "postgres":
      return ["postgresql"];
    case "aurora-mysql":
      return ["audit", "error", "slowquery"];
    case "mysql":
      return ["error", "slowquery"];
  }
}
