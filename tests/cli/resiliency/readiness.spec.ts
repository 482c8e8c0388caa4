import { expect } from "chai";
import { assessReadiness, type ReadinessInputs } from "../../../cli/resiliency/readiness";

const base: ReadinessInputs = {
  targets: { rpoSeconds: 900, rtoSeconds: 600 },
  recordings: { replicationTimeControl: true },
  contactTable: { globalTable: true },
  configurationBackup: { intervalSeconds: 900 },
  healthCheck: { intervalSeconds: 10, failureThreshold: 3, dnsTtlSeconds: 60 },
  alarm: { periodSeconds: 60, evaluationPeriods: 2 },
  peerProbe: { datapointsToAlarm: 3 },
  failoverHandler: { budgetSeconds: 30 },
  manualDecisionSeconds: 300,
};

describe("DR readiness arithmetic", () => {
  it("sums each path from its terms and meets the targets of a well-configured stack", () => {
    const report = assessReadiness(base);
    const byPath = Object.fromEntries(report.paths.map((p) => [p.path, p.seconds]));
    expect(byPath).to.deep.equal({
      "call recordings (S3 replication)": 900,
      "contact records (DynamoDB)": 1,
      "contact-centre configuration (backups)": 900,
      "automated failover (alarm -> EventBridge -> Lambda)": 30 + 120 + 5 + 30 + 60,
      // One probe interval, 3 failed probes a minute apart, EventBridge, the handler; no DNS on the telephony path.
      "automated failover, dark Region (peer probe -> liveness alarm -> Lambda)": 60 + 3 * 60 + 5 + 30,
      "manual failover (operator runs connect-dr failover)": 30 + 120 + 300 + 30 + 60,
    });
    expect(report).to.include({ worstRpoSeconds: 900, worstRtoSeconds: 540, ready: true });
  });

  it("calls out an RPO target RTC cannot meet", () => {
    const report = assessReadiness({ ...base, targets: { rpoSeconds: 300, rtoSeconds: 600 } });
    expect(report.ready).to.equal(false);
    expect(report.paths.filter((p) => p.gap).map((p) => p.gap)).to.deep.equal([
      "call recordings (S3 replication): RPO 900 s exceeds the target of 300 s; raise the RPO target to at least 900 s; RTC cannot go lower",
      "contact-centre configuration (backups): RPO 900 s exceeds the target of 300 s; back up the configuration more often",
    ]);
  });

  it("reports replication without RTC as unbounded", () => {
    const report = assessReadiness({ ...base, recordings: { replicationTimeControl: false } });
    expect(report.worstRpoSeconds).to.equal(undefined);
    expect(report.paths[0].gap).to.equal("call recordings (S3 replication): RPO no bound exceeds the target of 900 s; turn on Replication Time Control");
  });

  it("flags a slow detection chain against a tight RTO", () => {
    const report = assessReadiness({ ...base, healthCheck: { intervalSeconds: 30, failureThreshold: 10, dnsTtlSeconds: 300 }, targets: { rpoSeconds: 900, rtoSeconds: 300 } });
    const automated = report.paths.find((p) => p.path.startsWith("automated"))!;
    expect(automated.seconds).to.equal(300 + 120 + 5 + 30 + 300);
    expect(automated.meetsTarget).to.equal(false);
  });

  it("flags a dark-Region path too slow for the RTO, and says what to change", () => {
    const report = assessReadiness({ ...base, peerProbe: { datapointsToAlarm: 10 }, targets: { rpoSeconds: 900, rtoSeconds: 600 } });
    const dark = report.paths.find((p) => p.path.startsWith("automated failover, dark Region"))!;
    expect(dark.terms.map((t) => [t.label, t.seconds])).to.deep.equal([
      ["peer probe interval (the outage starts just after a good probe)", 60],
      ["failed probes to alarm (10 x 60 s)", 600],
      ["EventBridge delivery", 5],
      ["failover handler", 30],
    ]);
    expect(dark.gap).to.equal("automated failover, dark Region (peer probe -> liveness alarm -> Lambda): RTO 695 s exceeds the target of 600 s; lower peerProbe.datapointsToAlarm (fewer failed probes before the alarm)");
  });
});
