import { expect } from "chai";
import { assessReadiness, type ReadinessInputs } from "../../resiliency/readiness";

const base: ReadinessInputs = {
  targets: { rpoSeconds: 900, rtoSeconds: 600 },
  recordings: { replicationTimeControl: true },
  contactTable: { globalTable: true },
  configurationBackup: { intervalSeconds: 900 },
  healthCheck: { intervalSeconds: 10, failureThreshold: 3, dnsTtlSeconds: 60 },
  alarm: { periodSeconds: 60, evaluationPeriods: 2 },
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
});
