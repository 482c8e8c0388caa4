import { expect } from "chai";
import { allTrafficSeries, analyzeCapacity, regionHistory, type AnalyzeSettings } from "../../../cli/capacity/analyze";
import { HOUR_MS } from "../../../cli/capacity/forecast";
import type { HistoryRow } from "../../../cli/capacity/metrics";
import { generate, truePeak, type GeneratorParams } from "./generator";

const start = Date.UTC(2026, 8, 7);

function row(t: number, over: Partial<HistoryRow> = {}): HistoryRow {
  return { t, voiceCreated: 0, voiceHandled: 0, voiceAhtSeconds: 0, voiceQueueAnswerSeconds: 0, chatCreated: 0, chatHandled: 0, chatAhtSeconds: 0, queueSeconds: 0, agentsOnline: 0, ...over };
}

const settings: AnalyzeSettings = {
  stepMs: HOUR_MS,
  horizonSteps: 168,
  confidence: 0.9,
  headroom: 0.2,
  concurrencyPercentile: 0.99,
  ivrSeconds: 0,
  lambdaInvocationsPerContact: 3,
  lambdaDurationSeconds: 0.5,
  targetUtilization: 0.7,
};

describe("capacity analysis: all traffic in one Region", () => {
  it("sums Regions and derives concurrency by Little's law and a Poisson percentile", () => {
    const east = regionHistory("us-east-1", [row(start, { voiceCreated: 300, voiceHandled: 300, voiceAhtSeconds: 280, voiceQueueAnswerSeconds: 20, chatCreated: 36, chatHandled: 36, chatAhtSeconds: 500, queueSeconds: 300 * 20, agentsOnline: 20 })]);
    const west = regionHistory("us-west-2", [row(start, { voiceCreated: 60, voiceHandled: 60, voiceAhtSeconds: 280, voiceQueueAnswerSeconds: 20, queueSeconds: 60 * 20, agentsOnline: 4 })]);
    const { series, sources } = allTrafficSeries([east, west], settings);
    expect(series.callArrivalsPerSecond).to.deep.equal([{ t: start, v: 0.1 }]);
    // 0.1 calls/s x 300 s = 30 calls in progress on average; Poisson(30) 99th percentile = 43.
    expect(series.concurrentCalls).to.deep.equal([{ t: start, v: 43 }]);
    // 0.01 chats/s x 500 s = 5; Poisson(5) 99th percentile = 11.
    expect(series.concurrentChats).to.deep.equal([{ t: start, v: 11 }]);
    expect(series.agentsOnline).to.deep.equal([{ t: start, v: 24 }]);
    // 7,200 contact-seconds in queue over 3,600 s = 2 waiting on average; Poisson(2) 99th percentile = 6.
    expect(series.queueSize).to.deep.equal([{ t: start, v: 6 }]);
    expect(sources.queueSize).to.equal("Little's law: GetMetricDataV2 CONTACTS_QUEUED x AVG_QUEUE_ANSWER_TIME per channel / interval seconds, Poisson p99");
    expect(sources.concurrentCalls).to.equal("Little's law: GetMetricDataV2 CONTACTS_CREATED (VOICE)/s x (IVR 0 s + AVG_QUEUE_ANSWER_TIME + AVG_HANDLE_TIME), Poisson p99");
  });

  it("uses CloudWatch maxima when every interval of every Region has them", () => {
    const east = regionHistory("us-east-1", [row(start, { voiceCreated: 300, concurrentCallsMax: 37, concurrentChatsMax: 9, queueSizeMax: 5 })]);
    const west = regionHistory("us-west-2", [row(start, { voiceCreated: 60, concurrentCallsMax: 8, concurrentChatsMax: 1, queueSizeMax: 2 })]);
    const { series, sources } = allTrafficSeries([east, west], settings);
    expect(series.concurrentCalls).to.deep.equal([{ t: start, v: 45 }]);
    expect(series.concurrentChats).to.deep.equal([{ t: start, v: 10 }]);
    expect(series.queueSize).to.deep.equal([{ t: start, v: 7 }]);
    expect(sources.queueSize).to.equal("CloudWatch AWS/Connect QueueSize, Maximum per interval, summed over queues and Regions");
    expect(sources.concurrentCalls).to.equal("CloudWatch AWS/Connect ConcurrentCalls, Maximum per interval, summed over Regions");
  });

  it("on a known seeded pattern: recovers the peak within the band and flags the Region whose quota is below it", () => {
    // CloudWatch concurrency split 80/20 between the Regions: the all-traffic series is the generator's.
    const params: GeneratorParams = { startMs: start, days: 28, base: 10, slopePerDay: 0.3, dailyAmplitude: 60, peakHourUtc: 14, weekendFactor: 0.4, noiseSd: 3, seed: 11 };
    const calls = generate(params);
    const arrivals = generate({ ...params, base: 0.2, slopePerDay: 0.002, dailyAmplitude: 1.5, noiseSd: 0.05, seed: 12 });
    const mk = (share: number): HistoryRow[] =>
      calls.map((c, i) => row(c.t, { voiceCreated: arrivals[i]!.v * 3600 * share, concurrentCallsMax: c.v * share, concurrentChatsMax: 2 * share, agentsOnline: 10 * share }));
    const east = regionHistory("us-east-1", mk(0.8), 12, ["+15550100", "+15550101"]);
    const west = regionHistory("us-west-2", mk(0.2), 12, ["+15550100", "+15550101", "+15550102"]);
    const truth = truePeak(params, 168);
    const a = analyzeCapacity([east, west], {
      "us-east-1": { concurrentCalls: 200, concurrentChats: 50, phoneNumbers: 10, queues: 50, lambdaConcurrency: 1000 },
      "us-west-2": { concurrentCalls: 60, concurrentChats: 50, phoneNumbers: 2, queues: 50, lambdaConcurrency: 1000 },
    }, settings);
    const peak = a.series.concurrentCalls.forecast.peak;
    expect(peak.low).to.be.at.most(truth.v);
    expect(peak.high).to.be.at.least(truth.v);
    expect(a.series.concurrentCalls.pattern.peakHourUtc).to.equal(14);
    expect(a.series.concurrentCalls.backtest?.holdoutSteps).to.equal(168);
    const insufficient = a.checks.filter((c) => c.status === "insufficient").map((c) => `${c.region}:${c.key}`);
    expect(insufficient).to.deep.equal(["us-west-2:concurrentCalls", "us-west-2:phoneNumbers"]);
    expect(a.eachRegionCanCarryAllTraffic).to.equal(false);
    expect(a.quotaIncreases.map((q) => [q.region, q.key, q.current])).to.deep.equal([["us-west-2", "concurrentCalls", 60], ["us-west-2", "phoneNumbers", 2]]);
    const phone = a.requirements.find((r) => r.key === "phoneNumbers")!;
    expect(phone.required).to.equal(3);
    const lambdaReq = a.requirements.find((r) => r.key === "lambdaConcurrency")!;
    const arrivalsPeak = a.series.callArrivalsPerSecond.forecast.peak;
    expect(lambdaReq.expected).to.be.closeTo(arrivalsPeak.mean * 3 * 0.5, 1e-9);
    expect(a.provisionedConcurrency.minCapacity).to.equal(Math.ceil(arrivalsPeak.mean * 1.5 - 1e-9));
  });
});
