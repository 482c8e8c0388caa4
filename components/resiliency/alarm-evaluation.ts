/**
 * CloudWatch's evaluation of a metric alarm ("M out of N", `treatMissingData`), as a pure function.
 *
 * CloudWatch has no local server, so the dark-Region spec and the readiness arithmetic decide what the
 * peer-liveness alarm would do with this function. Its rules are CloudWatch's own, from "Using Amazon
 * CloudWatch alarms" (Alarm evaluation; Configuring how CloudWatch alarms treat missing data; Avoiding
 * premature transitions to alarm state):
 * - CloudWatch retrieves more data points than Evaluation Periods (N): the evaluation range.
 * - At least N real points in the range: the N most recent real points decide; missing-data treatment
 *   is not needed.
 * - Fewer than N real points: the missing ones are filled with the treatment, using missing points as
 *   few times as possible, and every real point in the range is included.
 * - Fewer than Datapoints to Alarm (M) breaching: OK; otherwise ALARM.
 * - `missing` with no real point at all: INSUFFICIENT_DATA; `ignore`: the current state is kept.
 * - Premature-alarm rule: with `missing` the alarm still goes to ALARM when the oldest breaching point
 *   is at least M points old and every more recent point is breaching or missing (`ignore` keeps the
 *   state); a lone recent breaching point does not alarm yet.
 */

/** One data point of the evaluation range: breaching, not breaching, or missing. */
export type DataPoint = "breaching" | "ok" | "missing";

/** CloudWatch's `TreatMissingData`. */
export type TreatMissingData = "breaching" | "notBreaching" | "ignore" | "missing";

/** A metric alarm's state. */
export type AlarmState = "OK" | "ALARM" | "INSUFFICIENT_DATA";

export interface AlarmEvaluationSettings {
  /** Evaluation Periods (N). */
  readonly evaluationPeriods: number;
  /** Datapoints to Alarm (M), at most N. */
  readonly datapointsToAlarm: number;
  readonly treatMissingData: TreatMissingData;
}

/**
 * The state CloudWatch sets after evaluating `range` (the evaluation range, oldest first, newest last).
 * `current` is the state before the evaluation (kept by `ignore` when it cannot decide).
 */
export function evaluateAlarm(range: readonly DataPoint[], settings: AlarmEvaluationSettings, current: AlarmState = "INSUFFICIENT_DATA"): AlarmState {
  const { evaluationPeriods: n, datapointsToAlarm: m, treatMissingData } = settings;
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(m) || m < 1 || m > n) {
    throw new RangeError(`evaluationPeriods ${n} and datapointsToAlarm ${m}: both whole numbers, 1 <= datapointsToAlarm <= evaluationPeriods`);
  }
  const threshold = (breaching: number): AlarmState => (breaching >= m ? "ALARM" : "OK");
  // Real points with their age (0 = the newest slot of the range).
  const real = range.map((point, index) => ({ point, age: range.length - 1 - index })).filter((p) => p.point !== "missing");
  if (real.length >= n) return threshold(real.slice(-n).filter((p) => p.point === "breaching").length);

  const realBreaching = real.filter((p) => p.point === "breaching").length;
  const fill = n - real.length;
  switch (treatMissingData) {
    case "breaching":
      return threshold(realBreaching + fill);
    case "notBreaching":
      return threshold(realBreaching);
    case "missing":
    case "ignore": {
      const undecided: AlarmState = treatMissingData === "missing" ? "INSUFFICIENT_DATA" : current;
      if (real.length === 0) return undecided;
      if (realBreaching >= m) return "ALARM";
      // A non-breaching real point is evidence enough for OK.
      if (realBreaching < real.length) return "OK";
      const oldest = real[0]!;
      if (oldest.age + 1 >= m) return treatMissingData === "missing" ? "ALARM" : current;
      return undecided;
    }
  }
}

/**
 * Runs an alarm over a series of per-period data points, oldest first, as CloudWatch re-evaluates it
 * at the end of each period: returns the state after each period. `rangeLength` is the evaluation
 * range (CloudWatch retrieves more points than N; its examples use 5 for N = 3).
 */
export function alarmStates(series: readonly DataPoint[], settings: AlarmEvaluationSettings, rangeLength: number, initial: AlarmState = "INSUFFICIENT_DATA"): AlarmState[] {
  if (!Number.isInteger(rangeLength) || rangeLength < settings.evaluationPeriods) {
    throw new RangeError(`rangeLength ${rangeLength}: a whole number of at least evaluationPeriods (${settings.evaluationPeriods})`);
  }
  const states: AlarmState[] = [];
  let state = initial;
  series.forEach((_, index) => {
    const range = series.slice(Math.max(0, index + 1 - rangeLength), index + 1);
    const padded: DataPoint[] = [...Array<DataPoint>(rangeLength - range.length).fill("missing"), ...range];
    state = evaluateAlarm(padded, settings, state);
    states.push(state);
  });
  return states;
}
