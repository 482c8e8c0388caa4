import { expect } from "chai";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListQueuesCommand } from "@aws-sdk/client-connect";
import { main } from "../../../cli/index";
import type { CliIo } from "../../../cli/io";
import type { Simulator } from "../../../tools/simulator";
import { MetricsModel } from "../../../tools/simulator/metrics-generator";
import { connectTo, startTestSimulator, useSimulatorCredentials } from "../../support/simulator";
import { auditModelTraffic } from "../../support/model-audit";

function bufferIo(cwd: string): CliIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {}, cwd, out: () => out, err: () => err };
}

const HOUR = 3_600_000;
// The simulator's clock: history ends 2026-10-19 00:00 UTC, a Monday, far from any holiday.
const END = Date.UTC(2026, 9, 19);

describe("connect-dr capacity against the Connect API simulator (GetMetricDataV2 from its seeded generator)", function () {
  // Every request the code under test sends must be one AWS's Connect model accepts (and every answer model-shaped).
  auditModelTraffic();
  this.timeout(20_000);
  let simulator: Simulator;
  let restore: () => void;
  let instanceId: string;
  let voiceQueues: string[];
  const dir = mkdtempSync(join(tmpdir(), "capacity-"));
  before(async () => {
    simulator = await startTestSimulator({ metricsSeed: 7, clock: () => new Date(END + HOUR) });
    restore = useSimulatorCredentials();
    const seeded = simulator.seed({ region: "us-east-1", instance: { alias: "acme" }, queues: [{ name: "Sales" }, { name: "Support" }] });
    instanceId = seeded.instanceId;
    const east = connectTo(simulator, "us-east-1");
    voiceQueues = (await east.send(new ListQueuesCommand({ InstanceId: instanceId, QueueTypes: ["STANDARD"] }))).QueueSummaryList!.map((q) => q.Id!);
    east.destroy();
  });
  after(async () => {
    restore();
    await simulator.close();
  });

  /** The generator's noise-free call arrivals per second over [t, t + 1 h). */
  function trueArrivals(t: number): number {
    const m = new MetricsModel({ seed: 7, noise: 0 });
    return voiceQueues.reduce((sum, q) => sum + m.contacts(`${q}|VOICE`, t, t + HOUR), 0) / 3600;
  }

  it("--json: forecasts the generator's peak within the band and flags the Region below the all-traffic peak", async () => {
    const io = bufferIo(dir);
    const code = await main(
      [
        "capacity", "--instance", instanceId, "--regions", "us-east-1", "--endpoint-url", simulator.endpoint,
        "--end", new Date(END).toISOString(), "--days", "28", "--horizon-hours", "168", "--rate", "1000", "--burst", "1000",
        "--lambda-invocations-per-contact", "3", "--lambda-duration-ms", "500",
        "--quota", "us-east-1:concurrent-calls=5", "--quota", "us-east-1:lambda-concurrency=1000", "--quota", "us-east-1:queues=50",
        "--png", "capacity.png", "--report", "capacity.html", "--json", "--no-progress",
      ],
      io,
    );
    expect(io.err()).to.equal("");
    const result = JSON.parse(io.out());
    expect(code).to.equal(1);
    expect(result.window).to.deep.equal({ start: "2026-09-21T00:00:00.000Z", end: "2026-10-19T00:00:00.000Z", intervalPeriod: "HOUR" });
    const arrivals = result.series.callArrivalsPerSecond;
    expect(arrivals.points).to.equal(28 * 24);
    expect(arrivals.season).to.equal("weekly");
    // The known peak: the generator without noise over the week after the history.
    let truth = 0;
    for (let t = END; t < END + 168 * HOUR; t += HOUR) truth = Math.max(truth, trueArrivals(t));
    expect(arrivals.forecastPeak.low).to.be.at.most(truth);
    expect(arrivals.forecastPeak.high).to.be.at.least(truth);
    // The generator's busiest day is Monday, its daily peak in the late morning (UTC).
    expect(arrivals.peakDayOfWeek).to.equal("Mon");
    expect(arrivals.peakHourUtc).to.be.within(9, 12);
    const calls = result.checks.find((c: { key: string }) => c.key === "concurrentCalls");
    expect(calls).to.include({ region: "us-east-1", quota: 5, status: "insufficient" });
    expect(result.recommendations[0]).to.include({ kind: "quota-increase", region: "us-east-1", key: "concurrentCalls", current: 5 });
    expect(result.checks.find((c: { key: string }) => c.key === "queues")).to.include({ status: "ok", expected: voiceQueues.length });
    expect(result.notes).to.deep.equal(["us-east-1: GetMetricDataV2 does not offer SUM_ONLINE_TIME_AGENT; agents online not forecast"]);
    // Queue size from CONTACTS_QUEUED x AVG_QUEUE_ANSWER_TIME: waits grow with load, so it peaks with the calls.
    const queue = result.series.queueSize;
    expect(queue.source).to.match(/^Little's law: GetMetricDataV2 CONTACTS_QUEUED x AVG_QUEUE_ANSWER_TIME/);
    expect(queue.forecastPeak.mean).to.be.greaterThan(0);
    expect(queue.peakDayOfWeek).to.equal("Mon");
    expect(readFileSync(join(dir, "capacity.html"), "utf8")).to.contain("Contacts in queue (all Regions)");
    expect(result.api["us-east-1"].throttlesSurfaced).to.equal(0);
    expect(readFileSync(join(dir, "capacity.png")).subarray(1, 4).toString()).to.equal("PNG");
    expect(readFileSync(join(dir, "capacity.html"), "utf8")).to.contain("<svg").and.contain("Concurrent active calls per instance");
  });

  it("--event multiplies a known day's forecast: Monday at x1.5 makes the all-traffic peak 1.5 times Monday's", async () => {
    const run = async (extra: string[]) => {
      const io = bufferIo(dir);
      await main(
        ["capacity", "--instance", instanceId, "--regions", "us-east-1", "--endpoint-url", simulator.endpoint, "--end", new Date(END).toISOString(), "--days", "28", "--horizon-hours", "168", "--rate", "1000", "--burst", "1000", "--json", "--no-progress", ...extra],
        io,
      );
      expect(io.err()).to.equal("");
      return JSON.parse(io.out());
    };
    const plain = (await run([])).series.callArrivalsPerSecond.forecastPeak;
    const busy = await run(["--event", "2026-10-19=1.5", "--event", "2026-10-20=0.5"]);
    expect(busy.events).to.deep.equal([{ date: "2026-10-19", factor: 1.5 }, { date: "2026-10-20", factor: 0.5 }]);
    const peak = busy.series.callArrivalsPerSecond.forecastPeak;
    // The plain peak is on Monday 2026-10-19 (the generator's busiest day), so it scales exactly.
    expect(plain.at.slice(0, 10)).to.equal("2026-10-19");
    expect(peak.at).to.equal(plain.at);
    expect(peak.mean).to.be.closeTo(1.5 * plain.mean, 1e-12);
    expect(peak.high).to.be.closeTo(1.5 * plain.high, 1e-12);
  });

  it("prints a terminal summary: method, known days, a line per series, the quota table, requests and what is unknown", async () => {
    const io = bufferIo(dir);
    const code = await main(
      [
        "capacity", "--instance", instanceId, "--regions", "us-east-1", "--endpoint-url", simulator.endpoint, "--end", new Date(END).toISOString(), "--days", "28",
        "--rate", "1000", "--burst", "1000", "--no-progress", "--event", "2026-10-21=1.3", "--quota", "us-east-1:concurrent-calls=5",
      ],
      io,
    );
    expect(code).to.equal(1);
    const lines = io.out().split("\n");
    expect(lines[0]).to.equal(`Capacity of ${instanceId} with ALL traffic in one Region (us-east-1), history 2026-09-21T00:00:00.000Z .. 2026-10-19T00:00:00.000Z, horizon 168 h`);
    expect(lines[1]).to.match(/^Method: additive decomposition: .* scaled to level\^\d\.\d\d \(estimated\)/);
    expect(lines[2]).to.equal("Known days applied to the forecast (UTC): 2026-10-21 x1.3");
    for (const title of ["Concurrent calls (all Regions)", "Concurrent active chats (all Regions)", "Call arrival rate (all Regions)", "Contacts in queue (all Regions)"]) {
      expect(lines.some((l) => l.startsWith(`  ${title}`) && / peak .* \(90% band .*\) at .*; busiest Mon .*; backtest coverage \d+%$/.test(l)), title).to.equal(true);
    }
    expect(lines).to.include("  Region        quota                                  have    need   status");
    expect(lines.find((l) => l.startsWith("  us-east-1     Concurrent active calls per instance"))).to.match(/\s+5\s+\d+\s+INSUFFICIENT$/);
    expect(lines.some((l) => l.startsWith("  REQUEST us-east-1 Concurrent active calls per instance: 5 -> "))).to.equal(true);
    expect(lines).to.include("  Some quotas are unknown: pass --quota <region>:<name>=<value> or --service-quotas <file>.");
  });

  it("bad input names the flag, the value and what is allowed, without a stack", async () => {
    const cases: [string[], string][] = [
      [["--instance", "nope"], 'error: --instance "nope": expected an instance id (UUID'],
      [["--instance", "11111111-2222-3333-4444-555555555555"], "error: --regions is required"],
      [["--instance", "11111111-2222-3333-4444-555555555555", "--regions", "us-east-1", "--interval", "DAY"], 'error: --interval "DAY": expected one of FIFTEEN_MIN, THIRTY_MIN, HOUR'],
      [["--instance", "11111111-2222-3333-4444-555555555555", "--regions", "us-east-1", "--confidence", "1.5"], 'error: --confidence "1.5": expected a number > 0 and < 1'],
      [["--instance", "11111111-2222-3333-4444-555555555555", "--regions", "us-east-1", "--quota", "us-east-1:calls=3"], 'error: --quota: unknown quota "calls"'],
      [["--instance", "11111111-2222-3333-4444-555555555555", "--regions", "us-east-1", "--days", "1"], 'error: --days "1": expected 2 to 90 days'],
      [["--instance", "11111111-2222-3333-4444-555555555555", "--regions", "us-east-1", "--event", "2026-11-27"], 'error: --event "2026-11-27": expected YYYY-MM-DD=FACTOR'],
      [["--instance", "11111111-2222-3333-4444-555555555555", "--regions", "us-east-1", "--time-zone", "Europe/Atlantis"], 'error: --time-zone "Europe/Atlantis": expected an IANA time zone such as America/New_York or UTC'],
      [
        ["--instance", "11111111-2222-3333-4444-555555555555", "--regions", "us-east-1", "--end", "2026-10-19T00:00:00Z", "--event", "2025-11-28=1.8"],
        'error: --event "2025-11-28=1.8": expected a day within the forecast horizon, 2026-10-19 to 2026-10-25 (UTC)',
      ],
    ];
    for (const [args, message] of cases) {
      const io = bufferIo(dir);
      expect(await main(["capacity", ...args], io)).to.equal(2);
      expect(io.err()).to.contain(message);
      expect(io.err()).not.to.contain("    at ");
    }
    expect(existsSync(join(dir, "none"))).to.equal(false);
  });

  it("--help lists the flags", async () => {
    const io = bufferIo(dir);
    expect(await main(["capacity", "--help"], io)).to.equal(0);
    for (const flag of ["--instance", "--regions", "--horizon-hours", "--quota", "--service-quotas", "--report", "--png", "--json"]) expect(io.out()).to.contain(flag);
  });
});
