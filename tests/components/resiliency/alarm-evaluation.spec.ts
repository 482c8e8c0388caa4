import { expect } from "chai";
import { alarmStates, evaluateAlarm, type AlarmState, type DataPoint, type TreatMissingData } from "../../../components/resiliency/alarm-evaluation";

/**
 * The expected states are CloudWatch's own published examples ("Using Amazon CloudWatch alarms",
 * Configuring how CloudWatch alarms treat missing data, and Avoiding premature transitions to alarm
 * state): data points oldest first, 0 not breaching, X breaching, - missing; evaluation range 5.
 */
const points = (text: string): DataPoint[] => text.split(" ").map((c) => (c === "X" ? "breaching" : c === "0" ? "ok" : "missing"));
const RETAIN = "retain";
type Row = [string, Record<TreatMissingData, AlarmState | typeof RETAIN>];

function table(name: string, m: number, n: number, rows: Row[]) {
  describe(name, () => {
    for (const [data, byTreatment] of rows) {
      for (const [treatMissingData, expected] of Object.entries(byTreatment) as [TreatMissingData, AlarmState | typeof RETAIN][]) {
        it(`${data} with ${treatMissingData}: ${expected}`, () => {
          const settings = { evaluationPeriods: n, datapointsToAlarm: m, treatMissingData };
          if (expected === RETAIN) {
            // "Retain current state": whatever the alarm was, it stays.
            for (const current of ["OK", "ALARM", "INSUFFICIENT_DATA"] as const) expect(evaluateAlarm(points(data), settings, current)).to.equal(current);
          } else {
            expect(evaluateAlarm(points(data), settings, "OK")).to.equal(expected);
          }
        });
      }
    }
  });
}

describe("CloudWatch alarm evaluation against CloudWatch's documented examples", () => {
  table("3 out of 3", 3, 3, [
    ["0 - X - X", { missing: "OK", ignore: "OK", breaching: "OK", notBreaching: "OK" }],
    ["0 - - - -", { missing: "OK", ignore: "OK", breaching: "OK", notBreaching: "OK" }],
    ["- - - - -", { missing: "INSUFFICIENT_DATA", ignore: RETAIN, breaching: "ALARM", notBreaching: "OK" }],
    ["0 X X - X", { missing: "ALARM", ignore: "ALARM", breaching: "ALARM", notBreaching: "ALARM" }],
    ["- - X - -", { missing: "ALARM", ignore: RETAIN, breaching: "ALARM", notBreaching: "OK" }],
  ]);
  table("2 out of 3", 2, 3, [
    ["0 - X - X", { missing: "ALARM", ignore: "ALARM", breaching: "ALARM", notBreaching: "ALARM" }],
    ["0 0 X 0 X", { missing: "ALARM", ignore: "ALARM", breaching: "ALARM", notBreaching: "ALARM" }],
    ["0 - X - -", { missing: "OK", ignore: "OK", breaching: "ALARM", notBreaching: "OK" }],
    ["- - - - 0", { missing: "OK", ignore: "OK", breaching: "ALARM", notBreaching: "OK" }],
    ["- - - X -", { missing: "ALARM", ignore: RETAIN, breaching: "ALARM", notBreaching: "OK" }],
  ]);

  it("does not alarm early on a lone recent breaching point treated as missing (- - - - X and - - - X -, 3 of 3)", () => {
    const settings = { evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData: "missing" as const };
    expect(evaluateAlarm(points("- - - - X"), settings, "OK")).to.not.equal("ALARM");
    expect(evaluateAlarm(points("- - - X -"), settings, "OK")).to.not.equal("ALARM");
  });

  it("refuses M greater than N", () => {
    expect(() => evaluateAlarm([], { evaluationPeriods: 3, datapointsToAlarm: 4, treatMissingData: "breaching" })).to.throw(RangeError, "1 <= datapointsToAlarm <= evaluationPeriods");
  });
});

describe("CloudWatch alarm evaluation over time: the peer-liveness alarm, 3 of 5, missing data breaching", () => {
  const settings = { evaluationPeriods: 5, datapointsToAlarm: 3, treatMissingData: "breaching" as const };
  // Five healthy minutes of history, then what the test is about; states after the history.
  const after = (tail: string) => alarmStates(points(`0 0 0 0 0 ${tail}`), settings, 7, "OK").slice(5);

  it("a dark peer (the probe publishes failures) goes to ALARM at the third failed probe", () => {
    expect(after("X X X")).to.deep.equal(["OK", "OK", "ALARM"]);
  });

  it("two failed probes and a recovery do not alarm; a third failure within five minutes does", () => {
    expect(after("X X 0 0 X")).to.deep.equal(["OK", "OK", "OK", "OK", "ALARM"]);
  });

  it("returns to OK once fewer than three of the last five probes failed", () => {
    expect(after("X X X 0 0 0")).to.deep.equal(["OK", "OK", "ALARM", "ALARM", "ALARM", "OK"]);
  });

  it("a probe that stops publishing alarms later: real points count until they leave the evaluation range", () => {
    expect(after("- - - - -")).to.deep.equal(["OK", "OK", "OK", "OK", "ALARM"]);
  });
});
