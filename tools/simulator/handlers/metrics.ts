/**
 * GetMetricDataV2 (historical) and GetCurrentMetricData (real-time basics), answered from the
 * seeded {@link MetricsModel}. Series are (queue, channel); results group by QUEUE and/or CHANNEL.
 * Time-range rules are the documented ones: EndTime after StartTime, data kept for 3 months, and
 * a maximum range per IntervalPeriod (15/30 min: 1 day; hour: 3 days; day/week/total: 35 days).
 */
import {
  Channel,
  IntervalPeriod,
  type CurrentMetricResult,
  type GetCurrentMetricDataRequest,
  type GetCurrentMetricDataResponse,
  type GetMetricDataV2Request,
  type GetMetricDataV2Response,
  type MetricResultV2,
} from "@aws-sdk/client-connect";
import { instanceResourceArn, parseConnectArn } from "../arns";
import { invalidParameter, notFound } from "../errors";
import { MetricsModel } from "../metrics-generator";
import { paginate } from "../pagination";
import { requireEnum } from "../validation";
import { op, type HandlerTable, type RequestContext } from "./context";
import { bareId, requireInstance } from "./lookup";

const DAY_MS = 24 * 3600 * 1000;
const RETENTION_MS = 93 * DAY_MS;
const MAX_RANGE_MS: Readonly<Record<IntervalPeriod, number>> = {
  FIFTEEN_MIN: DAY_MS, THIRTY_MIN: DAY_MS, HOUR: 3 * DAY_MS, DAY: 35 * DAY_MS, WEEK: 35 * DAY_MS, TOTAL: 35 * DAY_MS,
};
const PERIOD_MS: Readonly<Record<Exclude<IntervalPeriod, "TOTAL">, number>> = {
  FIFTEEN_MIN: 15 * 60_000, THIRTY_MIN: 30 * 60_000, HOUR: 3_600_000, DAY: DAY_MS, WEEK: 7 * DAY_MS,
};
/** Historical metrics the simulator computes. */
export const HISTORICAL_METRICS = ["CONTACTS_CREATED", "CONTACTS_HANDLED", "CONTACTS_QUEUED", "CONTACTS_ABANDONED", "AVG_HANDLE_TIME", "AVG_QUEUE_ANSWER_TIME", "ABANDONMENT_RATE", "SERVICE_LEVEL"] as const;
/** Real-time metrics the simulator computes, with their units. */
export const CURRENT_METRICS: Readonly<Record<string, "COUNT" | "SECONDS">> = {
  AGENTS_ONLINE: "COUNT", AGENTS_AVAILABLE: "COUNT", AGENTS_ON_CONTACT: "COUNT", AGENTS_STAFFED: "COUNT", CONTACTS_IN_QUEUE: "COUNT", OLDEST_CONTACT_AGE: "SECONDS",
};
const DEFAULT_CHANNELS: Channel[] = ["VOICE", "CHAT"];

function model(ctx: RequestContext): MetricsModel {
  return new MetricsModel({ seed: ctx.settings.metricsSeed });
}

function seriesKey(queueId: string, channel: string): string {
  return `${queueId}|${channel}`;
}

/** Value of one historical metric over a set of series and a window. */
function historicalValue(m: MetricsModel, name: string, series: string[], start: number, end: number, threshold: number | undefined): number {
  const counts = series.map((s) => m.contacts(s, start, end));
  const total = counts.reduce((a, b) => a + b, 0);
  const weighted = (f: (s: string) => number) => (total === 0 ? 0 : series.reduce((sum, s, i) => sum + f(s) * counts[i]!, 0) / total);
  const abandoned = series.reduce((sum, s, i) => sum + Math.round(counts[i]! * m.abandonRate(s, start, end)), 0);
  switch (name) {
    case "CONTACTS_CREATED": case "CONTACTS_QUEUED": return total;
    case "CONTACTS_ABANDONED": return abandoned;
    case "CONTACTS_HANDLED": return total - abandoned;
    case "AVG_HANDLE_TIME": return Math.round(weighted((s) => m.averageHandleTime(s, start, end)));
    case "AVG_QUEUE_ANSWER_TIME": return Math.round(weighted((s) => m.averageQueueAnswerTime(s, start, end)));
    case "ABANDONMENT_RATE": return total === 0 ? 0 : Math.round((10_000 * abandoned) / total) / 100;
    case "SERVICE_LEVEL": {
      // Share answered within the threshold: falls as handle time (load) rises and as the threshold tightens.
      const aht = weighted((s) => m.averageHandleTime(s, start, end));
      const t = threshold ?? 60;
      return total === 0 ? 100 : Math.round(100 * Math.min(1, Math.max(0, 1 - Math.exp(-t / Math.max(1, aht / 6))))) ;
    }
    default: throw invalidParameter(`Metric ${name} is not supported; supported: ${HISTORICAL_METRICS.join(", ")}`);
  }
}

/** Operation handlers of this family. */
export const metricsHandlers: HandlerTable = {
  GetMetricDataV2: op<GetMetricDataV2Request, GetMetricDataV2Response>((ctx, input) => {
    const arn = parseConnectArn(input.ResourceArn!);
    if (!arn || arn.topType !== "instance" || arn.resourceType || arn.region !== ctx.region || arn.account !== ctx.account) throw notFound("Resource", input.ResourceArn!);
    const instance = requireInstance(ctx, arn.topId);
    const start = input.StartTime!.getTime();
    const end = input.EndTime!.getTime();
    const period = input.Interval?.IntervalPeriod ?? "TOTAL";
    if (!(end > start)) throw invalidParameter("EndTime must be after StartTime");
    if (start < ctx.now().getTime() - RETENTION_MS) throw invalidParameter("StartTime must be within the last 3 months");
    if (end - start > MAX_RANGE_MS[period]) throw invalidParameter(`The time range for IntervalPeriod ${period} must be at most ${MAX_RANGE_MS[period] / DAY_MS} days`);
    const filters = input.Filters!;
    const filterValues = (key: string): string[] | undefined => filters.find((f) => f.FilterKey === key)?.FilterValues?.map(bareId);
    const queues = filterValues("QUEUE") ?? [...instance.config.queues.keys()];
    const channels = (filterValues("CHANNEL") ?? DEFAULT_CHANNELS).map((c, i) => requireEnum(`CHANNEL filter value ${i}`, c, Object.values(Channel)));
    const groupings = input.Groupings ?? [];
    for (const g of groupings) if (g !== "QUEUE" && g !== "CHANNEL") throw invalidParameter(`Grouping ${g} is not supported by the simulator; use QUEUE and/or CHANNEL`);
    const metrics = input.Metrics ?? [];
    if (metrics.length < 1 || metrics.length > 10) throw invalidParameter("Metrics must list 1 to 10 metrics");
    for (const metric of metrics) if (!(HISTORICAL_METRICS as readonly string[]).includes(String(metric.Name))) historicalValue(model(ctx), String(metric.Name), [], 0, 1, undefined);

    // Result groups: one per combination of the grouped dimensions; each sums its series.
    const groups = new Map<string, { dims: Record<string, string>; series: string[] }>();
    for (const q of queues) {
      for (const c of channels) {
        const dims: Record<string, string> = {};
        if (groupings.includes("QUEUE")) { dims["QUEUE"] = q; dims["QUEUE_ARN"] = instanceResourceArn(ctx.region, ctx.account, instance.id, "queue", q); }
        if (groupings.includes("CHANNEL")) dims["CHANNEL"] = c;
        const key = JSON.stringify(dims);
        const group = groups.get(key) ?? { dims, series: [] };
        group.series.push(seriesKey(q, c));
        groups.set(key, group);
      }
    }
    const windows: [number, number][] = [];
    if (period === "TOTAL") windows.push([start, end]);
    else for (let t = start; t < end; t += PERIOD_MS[period]) windows.push([t, Math.min(end, t + PERIOD_MS[period])]);
    const m = model(ctx);
    const results: MetricResultV2[] = [];
    for (const group of groups.values()) {
      for (const [ws, we] of windows) {
        results.push({
          Dimensions: group.dims,
          MetricInterval: { Interval: period, StartTime: new Date(ws), EndTime: new Date(we) },
          Collections: metrics.map((metric) => ({
            Metric: metric,
            Value: historicalValue(m, metric.Name!, group.series, ws, we, metric.Threshold?.[0]?.ThresholdValue),
          })),
        });
      }
    }
    const page = paginate(results, input, "GetMetricDataV2", JSON.stringify([input.ResourceArn, start, end, period, filters, groupings, metrics]));
    return { MetricResults: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }),

  GetCurrentMetricData: op<GetCurrentMetricDataRequest, GetCurrentMetricDataResponse>((ctx, input) => {
    const instance = requireInstance(ctx, input.InstanceId!);
    const queues = (input.Filters?.Queues ?? []).map(bareId);
    if (queues.length < 1 || queues.length > 100) throw invalidParameter("Filters.Queues must list 1 to 100 queues");
    for (const q of queues) if (!instance.config.queues.has(q)) throw notFound("Queue", q);
    const channels = input.Filters?.Channels ?? DEFAULT_CHANNELS;
    const groupings = input.Groupings ?? [];
    for (const g of groupings) if (g !== "QUEUE" && g !== "CHANNEL") throw invalidParameter(`Grouping ${g} is not supported by the simulator; use QUEUE and/or CHANNEL`);
    const metrics = input.CurrentMetrics ?? [];
    for (const metric of metrics) if (!CURRENT_METRICS[String(metric.Name)]) throw invalidParameter(`Metric ${String(metric.Name)} is not supported; supported: ${Object.keys(CURRENT_METRICS).join(", ")}`);
    const now = ctx.now().getTime();
    const m = model(ctx);
    const groups = new Map<string, { queue?: string; channel?: string; series: string[] }>();
    for (const q of queues) for (const c of channels) {
      const key = `${groupings.includes("QUEUE") ? q : ""}|${groupings.includes("CHANNEL") ? c : ""}`;
      const group = groups.get(key) ?? { ...(groupings.includes("QUEUE") ? { queue: q } : {}), ...(groupings.includes("CHANNEL") ? { channel: c } : {}), series: [] };
      group.series.push(seriesKey(q, c));
      groups.set(key, group);
    }
    const results: CurrentMetricResult[] = [...groups.values()].map((group) => {
      // Erlang-style staffing from the arrival rate of the last hour: offered load / 85% occupancy.
      const perHour = group.series.reduce((sum, s) => sum + m.contacts(s, now - 3_600_000, now), 0);
      const aht = group.series.length ? group.series.reduce((sum, s) => sum + m.averageHandleTime(s, now - 3_600_000, now), 0) / group.series.length : 300;
      const busy = Math.round((perHour * aht) / 3600);
      const staffed = Math.ceil(busy / 0.85);
      const values: Record<string, number> = {
        AGENTS_ON_CONTACT: busy, AGENTS_STAFFED: staffed, AGENTS_AVAILABLE: Math.max(0, staffed - busy), AGENTS_ONLINE: staffed + Math.ceil(staffed * 0.1),
        CONTACTS_IN_QUEUE: Math.round(perHour / 60), OLDEST_CONTACT_AGE: perHour > 0 ? Math.round(aht / 5) : 0,
      };
      return {
        Dimensions: {
          ...(group.queue ? { Queue: { Id: group.queue, Arn: instanceResourceArn(ctx.region, ctx.account, instance.id, "queue", group.queue) } } : {}),
          ...(group.channel ? { Channel: group.channel as Channel } : {}),
        },
        Collections: metrics.map((metric) => ({ Metric: { Name: metric.Name!, Unit: CURRENT_METRICS[metric.Name!]! }, Value: values[metric.Name!]! })),
      };
    });
    const page = paginate(results, input, "GetCurrentMetricData", JSON.stringify([instance.id, queues, channels, groupings, metrics]));
    return { MetricResults: page.items, DataSnapshotTime: ctx.now(), ApproximateTotalCount: results.length, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }),
};
