import { expect } from "chai";
import { GetCurrentMetricDataCommand, GetMetricDataV2Command, InvalidParameterException, type GetMetricDataV2CommandInput } from "@aws-sdk/client-connect";
import { dailyShape, holidayFactor, MetricsModel } from "../../../tools/simulator/metrics-generator";
import type { Simulator } from "../../../tools/simulator";
import { ACCOUNT_A, clientFor, rejectionOf, startTestSimulator } from "./support";
import { auditModelTraffic } from "../../support/model-audit";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("metrics generator (pure)", () => {
  const model = new MetricsModel({ seed: 7 });
  // Wednesday 2026-11-18, UTC.
  const wednesday = Date.UTC(2026, 10, 18);

  it("is deterministic by seed and differs across seeds", () => {
    expect(model.contacts("q|VOICE", wednesday, wednesday + DAY)).to.equal(new MetricsModel({ seed: 7 }).contacts("q|VOICE", wednesday, wednesday + DAY));
    expect(model.contacts("q|VOICE", wednesday, wednesday + DAY)).to.not.equal(new MetricsModel({ seed: 8 }).contacts("q|VOICE", wednesday, wednesday + DAY));
  });

  it("has daily seasonality: mid-morning far above the night", () => {
    expect(dailyShape(10.5)).to.be.closeTo(1, 0.01);
    expect(dailyShape(3)).to.be.lessThan(0.1);
    expect(model.contacts("q|VOICE", wednesday + 10 * HOUR, wednesday + 11 * HOUR)).to.be.greaterThan(5 * model.contacts("q|VOICE", wednesday + 2 * HOUR, wednesday + 3 * HOUR));
  });

  it("has weekly seasonality: a Monday beats a Sunday", () => {
    const monday = Date.UTC(2026, 10, 16);
    const sunday = Date.UTC(2026, 10, 15);
    expect(model.contacts("q|VOICE", monday, monday + DAY)).to.be.greaterThan(2 * model.contacts("q|VOICE", sunday, sunday + DAY));
  });

  it("has a trend: the same week a year later is busier", () => {
    const week = (start: number) => model.contacts("q|VOICE", start, start + 7 * DAY);
    const earlier = Date.UTC(2025, 2, 3);
    const later = Date.UTC(2026, 2, 2);
    expect(week(later) / week(earlier)).to.be.within(1.05, 1.2);
  });

  it("spikes on holidays: the day after Thanksgiving and 2 January", () => {
    expect(holidayFactor(new Date(Date.UTC(2026, 10, 27)))).to.equal(1.8);
    expect(holidayFactor(new Date(Date.UTC(2026, 10, 26)))).to.equal(0.5);
    expect(holidayFactor(new Date(Date.UTC(2027, 0, 2)))).to.equal(1.7);
    expect(holidayFactor(new Date(Date.UTC(2026, 11, 25)))).to.equal(0.3);
    expect(holidayFactor(new Date(Date.UTC(2026, 5, 10)))).to.equal(1);
  });
});

describe("simulator: GetMetricDataV2 and GetCurrentMetricData", () => {
  // Simulator specs send invalid requests on purpose; every answer must still keep to the model.
  auditModelTraffic({ requests: false });
  let sim: Simulator;
  let instanceId: string;
  let queues: Record<string, string>;
  // The simulator clock is fixed so "the last 3 months" is stable.
  const now = new Date(Date.UTC(2026, 10, 25, 12));

  before(async () => {
    sim = await startTestSimulator({ clock: () => now, metricsSeed: 11 });
    const seeded = sim.seed({ region: "us-east-1", instance: { alias: "metrics" }, queues: [{ name: "Sales" }, { name: "Support" }] });
    instanceId = seeded.instanceId;
    queues = seeded.ids.queues;
  });
  after(() => sim.close());

  const request = (overrides: Partial<GetMetricDataV2CommandInput>): GetMetricDataV2CommandInput => ({
    ResourceArn: `arn:aws:connect:us-east-1:${ACCOUNT_A}:instance/${instanceId}`,
    StartTime: new Date(Date.UTC(2026, 10, 23)),
    EndTime: new Date(Date.UTC(2026, 10, 24)),
    Filters: [{ FilterKey: "QUEUE", FilterValues: [queues["Sales"]!, queues["Support"]!] }, { FilterKey: "CHANNEL", FilterValues: ["VOICE"] }],
    Metrics: [{ Name: "CONTACTS_HANDLED" }, { Name: "CONTACTS_ABANDONED" }, { Name: "AVG_HANDLE_TIME" }, { Name: "SERVICE_LEVEL", Threshold: [{ Comparison: "LT", ThresholdValue: 60 }] }],
    ...overrides,
  });

  it("returns hourly values per queue, consistent with the daily total and repeatable", async () => {
    const client = clientFor(sim);
    const hourly = await client.send(new GetMetricDataV2Command(request({ Interval: { IntervalPeriod: "HOUR" }, Groupings: ["QUEUE"] })));
    expect(hourly.MetricResults).to.have.length(48);
    expect(hourly.NextToken).to.equal(undefined);
    const first = hourly.MetricResults![0]!;
    expect(first.Dimensions).to.deep.equal({ QUEUE: queues["Sales"], QUEUE_ARN: `arn:aws:connect:us-east-1:${ACCOUNT_A}:instance/${instanceId}/queue/${queues["Sales"]}` });
    expect(first.MetricInterval).to.deep.equal({ Interval: "HOUR", StartTime: new Date(Date.UTC(2026, 10, 23)), EndTime: new Date(Date.UTC(2026, 10, 23, 1)) });
    expect(first.Collections!.map((c) => c.Metric!.Name)).to.deep.equal(["CONTACTS_HANDLED", "CONTACTS_ABANDONED", "AVG_HANDLE_TIME", "SERVICE_LEVEL"]);
    const total = await client.send(new GetMetricDataV2Command(request({ Groupings: ["QUEUE"], Metrics: [{ Name: "CONTACTS_CREATED" }] })));
    expect(total.MetricResults).to.have.length(2);
    const hourlyCreated = await client.send(new GetMetricDataV2Command(request({ Interval: { IntervalPeriod: "HOUR" }, Groupings: ["QUEUE"], Metrics: [{ Name: "CONTACTS_CREATED" }] })));
    const salesHours = hourlyCreated.MetricResults!.filter((r) => r.Dimensions!["QUEUE"] === queues["Sales"]).reduce((sum, r) => sum + r.Collections![0]!.Value!, 0);
    expect(Math.abs(salesHours - total.MetricResults![0]!.Collections![0]!.Value!)).to.be.lessThanOrEqual(24);
    const again = await client.send(new GetMetricDataV2Command(request({ Interval: { IntervalPeriod: "HOUR" }, Groupings: ["QUEUE"] })));
    expect(again.MetricResults).to.deep.equal(hourly.MetricResults);
  });

  it("pages results with MaxResults", async () => {
    const client = clientFor(sim);
    const page = await client.send(new GetMetricDataV2Command(request({ Interval: { IntervalPeriod: "FIFTEEN_MIN" }, Groupings: ["QUEUE"], MaxResults: 100 })));
    expect(page.MetricResults).to.have.length(100);
    const rest = await client.send(new GetMetricDataV2Command(request({ Interval: { IntervalPeriod: "FIFTEEN_MIN" }, Groupings: ["QUEUE"], MaxResults: 100, NextToken: page.NextToken })));
    expect(rest.MetricResults!.length).to.equal(92);
  });

  it("enforces the documented time-range rules", async () => {
    const client = clientFor(sim);
    const tooLongForHour = await rejectionOf(client.send(new GetMetricDataV2Command(request({ EndTime: new Date(Date.UTC(2026, 10, 23) + 4 * DAY), Interval: { IntervalPeriod: "HOUR" } }))));
    expect(tooLongForHour).to.be.instanceOf(InvalidParameterException);
    expect(tooLongForHour.message).to.equal("The time range for IntervalPeriod HOUR must be at most 3 days");
    const old = await rejectionOf(client.send(new GetMetricDataV2Command(request({ StartTime: new Date(Date.UTC(2026, 6, 1)), EndTime: new Date(Date.UTC(2026, 6, 2)) }))));
    expect(old.message).to.equal("StartTime must be within the last 3 months");
    const backwards = await rejectionOf(client.send(new GetMetricDataV2Command(request({ StartTime: new Date(Date.UTC(2026, 10, 24)), EndTime: new Date(Date.UTC(2026, 10, 23)) }))));
    expect(backwards.message).to.equal("EndTime must be after StartTime");
    const metric = await rejectionOf(client.send(new GetMetricDataV2Command(request({ Metrics: [{ Name: "NOT_A_METRIC" }] }))));
    expect(metric).to.be.instanceOf(InvalidParameterException);
  });

  it("answers GetCurrentMetricData per queue with staffing derived from the last hour", async () => {
    const out = await clientFor(sim).send(new GetCurrentMetricDataCommand({
      InstanceId: instanceId,
      Filters: { Queues: [queues["Sales"]!, queues["Support"]!], Channels: ["VOICE"] },
      Groupings: ["QUEUE"],
      CurrentMetrics: [{ Name: "AGENTS_STAFFED", Unit: "COUNT" }, { Name: "AGENTS_ON_CONTACT", Unit: "COUNT" }, { Name: "OLDEST_CONTACT_AGE", Unit: "SECONDS" }],
    }));
    expect(out.DataSnapshotTime).to.deep.equal(now);
    expect(out.MetricResults!.map((r) => r.Dimensions!.Queue!.Id)).to.deep.equal([queues["Sales"], queues["Support"]]);
    for (const result of out.MetricResults!) {
      const [staffed, busy] = result.Collections!.map((c) => c.Value!);
      expect(staffed).to.be.greaterThanOrEqual(busy!);
      expect(busy).to.be.greaterThan(0);
    }
  });
});
