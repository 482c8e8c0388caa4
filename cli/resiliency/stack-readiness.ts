import type { StackConfig } from "../../program/config";
import type { ReadinessInputs } from "./readiness";

/** What the stack configuration does not say and the readiness report must assume. */
export interface ReadinessAssumptions {
  /** Time budget of the failover handler (or command) to move traffic. @default 30 */
  readonly failoverHandlerBudgetSeconds?: number;
  /** Time an operator needs to decide on a manual failover. @default 300 */
  readonly manualDecisionSeconds?: number;
  /** How often `connect-dr backup` runs. @default 900 */
  readonly configurationBackupIntervalSeconds?: number;
}

/**
 * The Route 53 HealthCheckStatus alarm FailoverDns declares (one 60 s period): the fastest signal in
 * each Region's health composite alarm, so it bounds detection on the automated path.
 */
const HEALTH_CHECK_ALARM = { periodSeconds: 60, evaluationPeriods: 1 } as const;

/**
 * Readiness inputs from a stack's configuration. Recordings replicate with RTC and contacts live in a
 * global table in every stack this program builds, so those paths are bounded by construction.
 */
export function readinessInputsFromStack(config: StackConfig, assumptions: ReadinessAssumptions = {}): ReadinessInputs {
  return {
    targets: { rpoSeconds: config.rpoSeconds, rtoSeconds: config.rtoSeconds },
    recordings: { replicationTimeControl: true },
    contactTable: { globalTable: true },
    configurationBackup: { intervalSeconds: assumptions.configurationBackupIntervalSeconds ?? 900 },
    healthCheck: {
      intervalSeconds: config.dns.healthCheck.requestIntervalSeconds,
      failureThreshold: config.dns.healthCheck.failureThreshold,
      dnsTtlSeconds: config.dns.ttlSeconds,
    },
    alarm: HEALTH_CHECK_ALARM,
    peerProbe: { datapointsToAlarm: config.peerProbe.datapointsToAlarm },
    failoverHandler: { budgetSeconds: assumptions.failoverHandlerBudgetSeconds ?? 30 },
    manualDecisionSeconds: assumptions.manualDecisionSeconds ?? 300,
  };
}
