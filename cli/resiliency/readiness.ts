/**
 * DR readiness: the RPO of each data path and the RTO of each failover path, computed from what the
 * stack declares, and compared with the stack's targets.
 *
 * The bounds are AWS's published figures: S3 Replication Time Control replicates 99.99% of objects
 * within 15 minutes; DynamoDB global tables replicate typically within a second; a Route 53 health
 * check declares a failure after `interval x failureThreshold` seconds, and resolvers may keep the old
 * answer for the record's TTL; a CloudWatch alarm needs `period x evaluationPeriods` to go to ALARM.
 * A dark Region is detected by its peer's probe (one a minute): the liveness alarm goes to ALARM after
 * `datapointsToAlarm` failed probes; telephony then moves with UpdateTrafficDistribution, which needs no
 * DNS change (DNS for the agents' web entry fails over on its own Route 53 path, in parallel).
 */

import { detectionSeconds, darkRegionDetectionTerms } from "../../components/runtime";

/** S3 RTC's SLA: 99.99% of objects within 15 minutes. */
export const S3_RTC_SECONDS = 15 * 60;
/** DynamoDB global tables: typically under one second; budget one. */
export const DYNAMODB_GLOBAL_TABLE_SECONDS = 1;
/** EventBridge delivery of an alarm state change to a target; budget a few seconds. */
export const EVENTBRIDGE_DELIVERY_SECONDS = 5;

export interface ReadinessInputs {
  readonly targets: { readonly rpoSeconds: number; readonly rtoSeconds: number };
  readonly recordings: { readonly replicationTimeControl: boolean };
  readonly contactTable: { readonly globalTable: boolean };
  /** How often the contact-centre configuration is backed up. */
  readonly configurationBackup: { readonly intervalSeconds: number };
  readonly healthCheck: { readonly intervalSeconds: number; readonly failureThreshold: number; readonly dnsTtlSeconds: number };
  readonly alarm: { readonly periodSeconds: number; readonly evaluationPeriods: number };
  /** The surviving Region's probe of its peer: its liveness alarm fires on this many failed probes, one a minute. */
  readonly peerProbe: { readonly datapointsToAlarm: number };
  readonly failoverHandler: { readonly budgetSeconds: number };
  /** Time an operator needs to decide and run `connect-dr failover` on the manual path. */
  readonly manualDecisionSeconds: number;
}

/** One term of a sum, so the report can show where the time goes. */
export interface Term {
  readonly label: string;
  readonly seconds: number;
}

export interface PathAssessment {
  readonly path: string;
  readonly kind: "rpo" | "rto";
  /** Undefined when the path has no bound at all (e.g. replication without RTC). */
  readonly seconds: number | undefined;
  readonly terms: readonly Term[];
  readonly targetSeconds: number;
  readonly meetsTarget: boolean;
  /** What is wrong and what to change, when the target is missed. */
  readonly gap?: string;
}

export interface ReadinessReport {
  readonly paths: readonly PathAssessment[];
  readonly worstRpoSeconds: number | undefined;
  readonly worstRtoSeconds: number | undefined;
  readonly ready: boolean;
}

function assess(path: string, kind: "rpo" | "rto", terms: readonly Term[] | undefined, targetSeconds: number, advice: string): PathAssessment {
  const seconds = terms?.reduce((sum, t) => sum + t.seconds, 0);
  const meetsTarget = seconds !== undefined && seconds <= targetSeconds;
  const found = seconds === undefined ? "no bound" : `${seconds} s`;
  return {
    path,
    kind,
    seconds,
    terms: terms ?? [],
    targetSeconds,
    meetsTarget,
    ...(meetsTarget ? {} : { gap: `${path}: ${kind.toUpperCase()} ${found} exceeds the target of ${targetSeconds} s; ${advice}` }),
  };
}

/** Assesses every data path (RPO) and failover path (RTO) against the stack's targets. */
export function assessReadiness(inputs: ReadinessInputs): ReadinessReport {
  const { targets } = inputs;
  const detection: Term[] = [
    { label: "Route 53 health check detection (interval x threshold)", seconds: detectionSeconds({ kind: "probe", requestIntervalSeconds: inputs.healthCheck.intervalSeconds, failureThreshold: inputs.healthCheck.failureThreshold }) },
    { label: "alarm evaluation (period x evaluation periods)", seconds: inputs.alarm.periodSeconds * inputs.alarm.evaluationPeriods },
  ];
  const dnsTtl: Term = { label: "DNS record TTL", seconds: inputs.healthCheck.dnsTtlSeconds };
  const paths: PathAssessment[] = [
    assess(
      "call recordings (S3 replication)",
      "rpo",
      inputs.recordings.replicationTimeControl ? [{ label: "S3 Replication Time Control SLA", seconds: S3_RTC_SECONDS }] : undefined,
      targets.rpoSeconds,
      inputs.recordings.replicationTimeControl ? "raise the RPO target to at least 900 s; RTC cannot go lower" : "turn on Replication Time Control",
    ),
    assess(
      "contact records (DynamoDB)",
      "rpo",
      inputs.contactTable.globalTable ? [{ label: "DynamoDB global table replication", seconds: DYNAMODB_GLOBAL_TABLE_SECONDS }] : undefined,
      targets.rpoSeconds,
      "make the contact table a global table",
    ),
    assess(
      "contact-centre configuration (backups)",
      "rpo",
      [{ label: "configuration backup interval", seconds: inputs.configurationBackup.intervalSeconds }],
      targets.rpoSeconds,
      "back up the configuration more often",
    ),
    assess(
      "automated failover (alarm -> EventBridge -> Lambda)",
      "rto",
      [
        ...detection,
        { label: "EventBridge delivery", seconds: EVENTBRIDGE_DELIVERY_SECONDS },
        { label: "failover handler", seconds: inputs.failoverHandler.budgetSeconds },
        dnsTtl,
      ],
      targets.rtoSeconds,
      "shorten the health check interval or threshold, the alarm periods or the TTL",
    ),
    assess(
      "automated failover, dark Region (peer probe -> liveness alarm -> Lambda)",
      "rto",
      [...darkRegionDetectionTerms(inputs.peerProbe), { label: "EventBridge delivery", seconds: EVENTBRIDGE_DELIVERY_SECONDS }, { label: "failover handler", seconds: inputs.failoverHandler.budgetSeconds }],
      targets.rtoSeconds,
      "lower peerProbe.datapointsToAlarm (fewer failed probes before the alarm)",
    ),
    assess(
      "manual failover (operator runs connect-dr failover)",
      "rto",
      [...detection, { label: "operator decision", seconds: inputs.manualDecisionSeconds }, { label: "failover command", seconds: inputs.failoverHandler.budgetSeconds }, dnsTtl],
      targets.rtoSeconds,
      "automate the failover or shorten the decision time in the runbook",
    ),
  ];
  const worst = (kind: "rpo" | "rto") => {
    const values = paths.filter((p) => p.kind === kind).map((p) => p.seconds);
    return values.includes(undefined) ? undefined : Math.max(...(values as number[]));
  };
  return { paths, worstRpoSeconds: worst("rpo"), worstRtoSeconds: worst("rto"), ready: paths.every((p) => p.meetsTarget) };
}
