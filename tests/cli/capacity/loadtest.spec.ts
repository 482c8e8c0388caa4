import { expect } from "chai";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../cli/index";
import type { CliIo } from "../../../cli/io";
import { judgeStep, maxSustainable } from "../../../cli/capacity/loadtest";
import { stepRates } from "../../../cli/commands/loadtest";
import { percentiles } from "../../../cli/capacity/stats";
import { auditModelTraffic } from "../../support/model-audit";

function bufferIo(cwd: string): CliIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {}, cwd, out: () => out, err: () => err };
}

const good = {
  rate: 50,
  toRegion: "us-west-2",
  contactEvents: { sent: 100, stored: 100, lost: 0, duplicates: 0, errors: 0, achievedRate: 49.5 },
  contactLatencyMs: percentiles([5, 10, 20]),
  alarmEvents: { sent: 10, shifted: 1, locked: 8, alreadyInPlace: 1, errors: 0 },
  alarmLatencyMs: percentiles([100, 200]),
  auditedShifts: 1,
  distributionInTarget: true,
  split: false,
  throttlesSurfaced: 0,
  throttlesRetried: 3,
};

describe("connect-dr loadtest", () => {
  // Every request the code under test sends must be one AWS's Connect model accepts (and every answer model-shaped).
  auditModelTraffic();
  const cases: [string, Partial<typeof good>, string[]][] = [
    ["a clean step", {}, []],
    ["a lost shift", { alarmEvents: { ...good.alarmEvents, shifted: 0 }, auditedShifts: 0 }, ["lost shift: no alarm event shifted the traffic"]],
    ["a duplicated shift", { alarmEvents: { ...good.alarmEvents, shifted: 2 }, auditedShifts: 2 }, ["duplicated shift: 2 alarm events shifted the traffic"]],
    ["a surfaced throttle", { throttlesSurfaced: 1 }, ["1 throttling errors reached the caller"]],
    ["a lost contact event", { contactEvents: { ...good.contactEvents, stored: 99, lost: 1 } }, ["1 contact events lost"]],
    ["a split group", { split: true, distributionInTarget: false }, ["traffic is not in us-west-2 after the step", "telephony and agents are split between Regions"]],
    ["latency past the bound", { contactLatencyMs: percentiles([1, 2, 300]) }, ["contact event p99 294.0 ms > 250 ms"]],
    ["a rate not reached", { contactEvents: { ...good.contactEvents, achievedRate: 40 } }, ["achieved 40.0 events/s of 50"]],
  ];
  for (const [name, change, problems] of cases) {
    it(`judges ${name}`, () => {
      expect(judgeStep({ ...good, ...change }, { latencyBoundMs: 250 })).to.deep.equal({ passed: problems.length === 0, problems });
    });
  }

  it("the maximum sustainable rate is the last passing step before the first failure", () => {
    expect(maxSustainable([{ rate: 10, passed: true }, { rate: 20, passed: true }, { rate: 40, passed: false }, { rate: 80, passed: true }])).to.equal(20);
    expect(maxSustainable([{ rate: 10, passed: false }])).to.equal(0);
  });

  it("step rates come from --rates, --peak-rate or a capacity --json document", () => {
    const dir = mkdtempSync(join(tmpdir(), "lt-"));
    expect(stepRates({ rates: "80, 20,40" }, dir)).to.deep.equal({ rates: [20, 40, 80], peakEventRate: null });
    expect(stepRates({ peakRate: "2.5", eventsPerContact: "4" }, dir)).to.deep.equal({ rates: [5, 10, 20, 40, 80], peakEventRate: 10 });
    writeFileSync(join(dir, "cap.json"), JSON.stringify({ series: { callArrivalsPerSecond: { forecastPeak: { high: 1.5 } } } }));
    expect(stepRates({ capacityJson: "cap.json" }, dir)).to.deep.equal({ rates: [2.25, 4.5, 9, 18, 36], peakEventRate: 4.5 });
    expect(() => stepRates({ rates: "10,x" }, dir)).to.throw('--rates "10,x": expected comma-separated events per second > 0');
    writeFileSync(join(dir, "bad.json"), "{}");
    expect(() => stepRates({ capacityJson: "bad.json" }, dir)).to.throw('--capacity-json "bad.json": expected the JSON printed by `connect-dr capacity --json`');
  });

  it("end to end against a simulator and dynalite it starts: one shift per step, every contact stored once, JSON last", async function () {
    this.timeout(20_000);
    const io = bufferIo(tmpdir());
    const code = await main(["loadtest", "--rates", "10,20", "--step-seconds", "1", "--alarm-burst", "8", "--rate", "10", "--burst", "10", "--sim-rate", "10", "--sim-burst", "10", "--latency-bound-ms", "5000", "--no-progress"], io);
    const lines = io.out().trim().split("\n");
    const doc = JSON.parse(lines[lines.length - 1]!);
    expect(lines[0]).to.equal("Failover path under load:");
    expect(code).to.equal(0);
    expect(doc).to.include({ ok: true, maxSustainableEventRate: 20, lostShifts: 0, duplicatedShifts: 0, throttlesSurfaced: 0 });
    expect(doc.steps.map((s: { toRegion: string }) => s.toRegion)).to.deep.equal(["us-west-2", "us-east-1"]);
    for (const s of doc.steps) {
      expect(s.alarmEvents.shifted).to.equal(1);
      expect(s.auditedShifts).to.equal(1);
      expect(s.alarmEvents.shifted + s.alarmEvents.locked + s.alarmEvents.alreadyInPlace).to.equal(8);
      expect(s.contactEvents).to.include({ lost: 0, duplicates: 0, errors: 0 });
      expect(s.contactEvents.stored).to.equal(s.contactEvents.sent);
      expect(s.split).to.equal(false);
    }
    expect(doc.alarmLatencyMs.count).to.equal(16);
    expect(doc.contactLatencyMs.count).to.equal(30);
  });

  it("bad input names the flag", async () => {
    const cases: [string[], string][] = [
      [["--pair", "us-east-1"], 'error: --pair "us-east-1": expected two distinct Regions'],
      [["--endpoint-url", "http://127.0.0.1:1"], "error: --group-arn is required with --endpoint-url"],
      [["--step-seconds", "0"], 'error: --step-seconds "0": expected a number greater than 0'],
    ];
    for (const [args, message] of cases) {
      const io = bufferIo(tmpdir());
      expect(await main(["loadtest", ...args], io)).to.equal(2);
      expect(io.err()).to.contain(message);
      expect(io.err()).not.to.contain("    at ");
    }
  });
});
