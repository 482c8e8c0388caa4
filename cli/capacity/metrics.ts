/**
 * Pulling an instance's history: Amazon Connect GetMetricDataV2 (contacts created, queued and
 * handled per channel, handle and queue-answer times, agent online time) and, where the account has
 * them, CloudWatch AWS/Connect metrics (ConcurrentCalls, ConcurrentActiveChats and the queues'
 * QueueSize, maxima per interval).
 *
 * GetMetricDataV2 facts this follows (from the API reference): one request may cover less than
 * 3 days at FIFTEEN_MIN, THIRTY_MIN and HOUR intervals; at least one resource filter (QUEUE,
 * ROUTING_PROFILE, AGENT, ...) is required, with at most 100 values; results page with NextToken
 * (MaxResults <= 100); SUM_ONLINE_TIME_AGENT is filtered by routing profile, not queue.
 * Every call goes through the rate-aware client (token bucket per API + adaptive retry).
 */
import {
  DescribeInstanceCommand,
  GetMetricDataV2Command,
  ListPhoneNumbersV2Command,
  ListQueuesCommand,
  ListRoutingProfilesCommand,
  type ConnectClient,
  type GetMetricDataV2CommandInput,
  type GetMetricDataV2CommandOutput,
} from "@aws-sdk/client-connect";
import { GetMetricDataCommand, type CloudWatchClient, type GetMetricDataCommandInput, type GetMetricDataCommandOutput } from "@aws-sdk/client-cloudwatch";
import { HOUR_MS } from "./forecast";

export const INTERVAL_PERIODS = { FIFTEEN_MIN: 15 * 60_000, THIRTY_MIN: 30 * 60_000, HOUR: HOUR_MS } as const;
export type IntervalPeriod = keyof typeof INTERVAL_PERIODS;

/**
 * Request window per interval: the API reference allows less than 3 days at FIFTEEN_MIN,
 * THIRTY_MIN and HOUR; we ask for 2 days at HOUR and 1 day at the shorter intervals.
 */
export const CHUNK_MS: Readonly<Record<IntervalPeriod, number>> = { FIFTEEN_MIN: 24 * HOUR_MS, THIRTY_MIN: 24 * HOUR_MS, HOUR: 48 * HOUR_MS };
export const FILTER_VALUES_MAX = 100;

/** The GetMetricDataV2 metrics asked for, grouped by CHANNEL and filtered by QUEUE. */
export const CONTACT_METRICS = ["CONTACTS_CREATED", "CONTACTS_QUEUED", "CONTACTS_HANDLED", "AVG_HANDLE_TIME", "AVG_QUEUE_ANSWER_TIME"] as const;
/** Metrics the pull does without (and says so) when the service rejects them. */
export const OPTIONAL_METRICS = ["AVG_QUEUE_ANSWER_TIME", "SUM_ONLINE_TIME_AGENT"] as const;
/** Filtered by ROUTING_PROFILE: seconds agents were online in the interval. */
export const AGENT_METRIC = "SUM_ONLINE_TIME_AGENT";

/** One interval of one Region's history. */
export interface HistoryRow {
  /** Interval start, epoch ms. */
  readonly t: number;
  readonly voiceCreated: number;
  readonly voiceHandled: number;
  /** Mean handle time of voice contacts, s (handled-weighted across queue batches). */
  readonly voiceAhtSeconds: number;
  /** Mean time in queue before an agent answered, s. */
  readonly voiceQueueAnswerSeconds: number;
  readonly chatCreated: number;
  readonly chatHandled: number;
  readonly chatAhtSeconds: number;
  /**
   * Contact-seconds spent waiting in queue in the interval, both channels: CONTACTS_QUEUED x
   * AVG_QUEUE_ANSWER_TIME per channel (abandoned contacts counted as waiting as long as answered ones).
   */
  readonly queueSeconds: number;
  /** Mean agents online over the interval (online seconds / interval seconds). */
  readonly agentsOnline: number;
  /** CloudWatch maxima, when pulled. */
  readonly concurrentCallsMax?: number;
  readonly concurrentChatsMax?: number;
  /** CloudWatch: the queues' QueueSize maxima, summed. */
  readonly queueSizeMax?: number;
}

/** Splits [start, end) into request windows of at most `chunkMs`, aligned to the interval. */
export function requestWindows(startMs: number, endMs: number, stepMs: number, chunkMs: number): { start: number; end: number }[] {
  const alignedStart = Math.floor(startMs / stepMs) * stepMs;
  const alignedEnd = Math.floor(endMs / stepMs) * stepMs;
  const out: { start: number; end: number }[] = [];
  for (let s = alignedStart; s < alignedEnd; s += chunkMs) out.push({ start: s, end: Math.min(s + chunkMs, alignedEnd) });
  return out;
}

export function batches<T>(items: readonly T[], size = FILTER_VALUES_MAX): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The GetMetricDataV2 request for one window and one batch of queues. */
export function contactMetricsRequest(
  instanceArn: string,
  window: { start: number; end: number },
  period: IntervalPeriod,
  queueIds: readonly string[],
  timeZone?: string,
  metrics: readonly string[] = CONTACT_METRICS,
): GetMetricDataV2CommandInput {
  return {
    ResourceArn: instanceArn,
    StartTime: new Date(window.start),
    EndTime: new Date(window.end),
    Interval: { IntervalPeriod: period, ...(timeZone ? { TimeZone: timeZone } : {}) },
    Filters: [
      { FilterKey: "QUEUE", FilterValues: [...queueIds] },
      { FilterKey: "CHANNEL", FilterValues: ["VOICE", "CHAT"] },
    ],
    Groupings: ["CHANNEL"],
    Metrics: metrics.map((Name) => ({ Name })),
    MaxResults: 100,
  };
}

/** The GetMetricDataV2 request for agents' online time for one window and one batch of routing profiles. */
export function agentMetricsRequest(instanceArn: string, window: { start: number; end: number }, period: IntervalPeriod, routingProfileIds: readonly string[], timeZone?: string): GetMetricDataV2CommandInput {
  return {
    ResourceArn: instanceArn,
    StartTime: new Date(window.start),
    EndTime: new Date(window.end),
    Interval: { IntervalPeriod: period, ...(timeZone ? { TimeZone: timeZone } : {}) },
    Filters: [{ FilterKey: "ROUTING_PROFILE", FilterValues: [...routingProfileIds] }],
    Metrics: [{ Name: AGENT_METRIC }],
    MaxResults: 100,
  };
}

interface Acc {
  voiceCreated: number;
  voiceHandled: number;
  voiceAhtWeighted: number;
  voiceQaWeighted: number;
  chatCreated: number;
  chatHandled: number;
  chatAhtWeighted: number;
  queueSeconds: number;
  agentSeconds: number;
  concurrentCallsMax?: number;
  concurrentChatsMax?: number;
  queueSizeMax?: number;
}

/**
 * Accumulates GetMetricDataV2 pages (contact and agent requests, any number of queue batches)
 * into per-interval totals. Averages are weighted by contacts handled, so batches combine exactly.
 */
export class HistoryAccumulator {
  private readonly byT = new Map<number, Acc>();
  constructor(private readonly stepMs: number) {}

  private at(t: number): Acc {
    let a = this.byT.get(t);
    if (!a) this.byT.set(t, (a = { voiceCreated: 0, voiceHandled: 0, voiceAhtWeighted: 0, voiceQaWeighted: 0, chatCreated: 0, chatHandled: 0, chatAhtWeighted: 0, queueSeconds: 0, agentSeconds: 0 }));
    return a;
  }

  addPage(page: Pick<GetMetricDataV2CommandOutput, "MetricResults">): void {
    for (const result of page.MetricResults ?? []) {
      const start = result.MetricInterval?.StartTime;
      if (!start) continue;
      const a = this.at(new Date(start).getTime());
      const values = new Map((result.Collections ?? []).map((c) => [c.Metric?.Name ?? "", c.Value]));
      if (values.has(AGENT_METRIC)) {
        a.agentSeconds += values.get(AGENT_METRIC) ?? 0;
        continue;
      }
      const channel = result.Dimensions?.["CHANNEL"];
      const created = values.get("CONTACTS_CREATED") ?? 0;
      const handled = values.get("CONTACTS_HANDLED") ?? 0;
      const aht = values.get("AVG_HANDLE_TIME") ?? 0;
      const qa = values.get("AVG_QUEUE_ANSWER_TIME") ?? 0;
      a.queueSeconds += (values.get("CONTACTS_QUEUED") ?? 0) * qa;
      if (channel === "CHAT") {
        a.chatCreated += created;
        a.chatHandled += handled;
        a.chatAhtWeighted += aht * handled;
      } else if (channel === "VOICE" || channel === undefined) {
        a.voiceCreated += created;
        a.voiceHandled += handled;
        a.voiceAhtWeighted += aht * handled;
        a.voiceQaWeighted += qa * handled;
      }
    }
  }

  addCloudWatch(t: number, maxima: CloudWatchMaxima): void {
    const a = this.at(t);
    if (maxima.calls !== undefined) a.concurrentCallsMax = maxima.calls;
    if (maxima.chats !== undefined) a.concurrentChatsMax = maxima.chats;
    if (maxima.queue !== undefined) a.queueSizeMax = maxima.queue;
  }

  rows(): HistoryRow[] {
    const seconds = this.stepMs / 1000;
    return [...this.byT.entries()]
      .sort(([a], [b]) => a - b)
      .map(([t, a]) => ({
        t,
        voiceCreated: a.voiceCreated,
        voiceHandled: a.voiceHandled,
        voiceAhtSeconds: a.voiceHandled > 0 ? a.voiceAhtWeighted / a.voiceHandled : 0,
        voiceQueueAnswerSeconds: a.voiceHandled > 0 ? a.voiceQaWeighted / a.voiceHandled : 0,
        chatCreated: a.chatCreated,
        chatHandled: a.chatHandled,
        chatAhtSeconds: a.chatHandled > 0 ? a.chatAhtWeighted / a.chatHandled : 0,
        queueSeconds: a.queueSeconds,
        agentsOnline: a.agentSeconds / seconds,
        ...(a.concurrentCallsMax !== undefined ? { concurrentCallsMax: a.concurrentCallsMax } : {}),
        ...(a.concurrentChatsMax !== undefined ? { concurrentChatsMax: a.concurrentChatsMax } : {}),
        ...(a.queueSizeMax !== undefined ? { queueSizeMax: a.queueSizeMax } : {}),
      }));
  }
}

/** CloudWatch maxima of one interval. */
export interface CloudWatchMaxima {
  calls?: number;
  chats?: number;
  /** Sum over the instance's queues of each queue's QueueSize maximum. */
  queue?: number;
}

const CLOUDWATCH_IDS = ["calls", "chats", "queue"] as const;

/**
 * The CloudWatch GetMetricData request for an instance's concurrency maxima per interval, and the sum
 * of its queues' QueueSize maxima (a SEARCH over the per-queue series, so no queue list is needed).
 */
export function cloudWatchRequest(instanceId: string, startMs: number, endMs: number, periodSeconds: number): GetMetricDataCommandInput {
  const metric = (MetricName: string, group: string) => ({
    Metric: { Namespace: "AWS/Connect", MetricName, Dimensions: [{ Name: "InstanceId", Value: instanceId }, { Name: "MetricGroup", Value: group }] },
    Period: periodSeconds,
    Stat: "Maximum",
  });
  return {
    StartTime: new Date(startMs),
    EndTime: new Date(endMs),
    ScanBy: "TimestampAscending",
    MetricDataQueries: [
      { Id: "calls", MetricStat: metric("ConcurrentCalls", "VoiceCalls"), ReturnData: true },
      { Id: "chats", MetricStat: metric("ConcurrentActiveChats", "Chats"), ReturnData: true },
      {
        Id: "queue",
        Expression: `SUM(SEARCH('{AWS/Connect,InstanceId,MetricGroup,QueueName} MetricName="QueueSize" InstanceId="${instanceId}"', 'Maximum', ${periodSeconds}))`,
        Period: periodSeconds,
        ReturnData: true,
      },
    ],
  };
}

/** Folds CloudWatch pages into maxima per interval start. */
export function cloudWatchMaxima(pages: readonly Pick<GetMetricDataCommandOutput, "MetricDataResults">[]): Map<number, CloudWatchMaxima> {
  const out = new Map<number, CloudWatchMaxima>();
  for (const page of pages) {
    for (const r of page.MetricDataResults ?? []) {
      const key = CLOUDWATCH_IDS.find((id) => id === r.Id);
      if (!key) continue;
      (r.Timestamps ?? []).forEach((ts, i) => {
        const t = new Date(ts).getTime();
        const v = r.Values?.[i];
        if (v === undefined) return;
        const e = out.get(t) ?? {};
        e[key] = Math.max(e[key] ?? 0, v);
        out.set(t, e);
      });
    }
  }
  return out;
}

export interface PullProgress {
  (done: number, total: number, what: string): void;
}

export interface RegionSource {
  readonly region: string;
  readonly connect: ConnectClient;
  readonly cloudWatch?: CloudWatchClient;
}

export interface PullOptions {
  readonly instanceId: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly period: IntervalPeriod;
  readonly timeZone?: string;
  readonly onProgress?: PullProgress;
}

export interface RegionHistory {
  readonly region: string;
  readonly instanceArn: string;
  readonly rows: HistoryRow[];
  readonly queues: number;
  readonly phoneNumbers: readonly string[] | null;
  readonly requests: number;
  /** False when agents' online time could not be pulled. */
  readonly agentData: boolean;
  /** What the pull had to do without, for the report. */
  readonly notes: readonly string[];
}

/** True when the service refused a request because it does not offer `metric`. */
export function rejectsMetric(err: unknown, metric: string): boolean {
  const e = err as { name?: string; message?: string };
  return ["InvalidParameterException", "InvalidRequestException", "ValidationException"].includes(e?.name ?? "") && (e?.message ?? "").includes(metric);
}

async function listAll<T>(fetch: (token?: string) => Promise<{ items: T[]; next?: string | undefined }>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    out.push(...page.items);
    token = page.next;
  } while (token);
  return out;
}

/** Pulls one Region's history. Progress counts GetMetricDataV2/CloudWatch requests, pages included. */
export async function pullRegionHistory(source: RegionSource, options: PullOptions): Promise<RegionHistory> {
  const { connect } = source;
  const stepMs = INTERVAL_PERIODS[options.period];
  const described = await connect.send(new DescribeInstanceCommand({ InstanceId: options.instanceId }));
  const instanceArn = described.Instance?.Arn;
  const instanceId = described.Instance?.Id ?? options.instanceId;
  if (!instanceArn) throw new Error(`DescribeInstance ${options.instanceId} in ${source.region} returned no ARN`);
  const queueIds = await listAll(async (NextToken) => {
    const out = await connect.send(new ListQueuesCommand({ InstanceId: instanceId, QueueTypes: ["STANDARD"], MaxResults: 1000, ...(NextToken ? { NextToken } : {}) }));
    return { items: (out.QueueSummaryList ?? []).map((q) => q.Id!).filter(Boolean), next: out.NextToken };
  });
  const profileIds = await listAll(async (NextToken) => {
    const out = await connect.send(new ListRoutingProfilesCommand({ InstanceId: instanceId, MaxResults: 1000, ...(NextToken ? { NextToken } : {}) }));
    return { items: (out.RoutingProfileSummaryList ?? []).map((q) => q.Id!).filter(Boolean), next: out.NextToken };
  });
  let phoneNumbers: string[] | null;
  try {
    phoneNumbers = await listAll(async (NextToken) => {
      const out = await connect.send(new ListPhoneNumbersV2Command({ TargetArn: instanceArn, MaxResults: 1000, ...(NextToken ? { NextToken } : {}) }));
      return { items: (out.ListPhoneNumbersSummaryList ?? []).map((p) => p.PhoneNumber ?? p.PhoneNumberId ?? "").filter(Boolean), next: out.NextToken };
    });
  } catch {
    phoneNumbers = null;
  }

  const windows = requestWindows(options.startMs, options.endMs, stepMs, CHUNK_MS[options.period]);
  const queueBatches = batches(queueIds);
  const profileBatches = batches(profileIds);
  const planned = windows.length * (queueBatches.length + profileBatches.length) + (source.cloudWatch ? 1 : 0);
  let total = planned;
  let done = 0;
  const tick = (what: string) => options.onProgress?.(++done, total, what);
  const acc = new HistoryAccumulator(stepMs);
  const notes: string[] = [];
  let contactMetrics: string[] = [...CONTACT_METRICS];
  let agentData = profileBatches.length > 0;
  const page = async (input: () => GetMetricDataV2CommandInput, what: string) => {
    let token: string | undefined;
    let first = true;
    do {
      if (!first) total += 1;
      first = false;
      const out = await connect.send(new GetMetricDataV2Command({ ...input(), ...(token ? { NextToken: token } : {}) }));
      acc.addPage(out);
      token = out.NextToken;
      tick(what);
    } while (token);
  };
  for (const w of windows) {
    const label = `${source.region} ${new Date(w.start).toISOString().slice(0, 13)}h`;
    for (const b of queueBatches) {
      for (;;) {
        try {
          await page(() => contactMetricsRequest(instanceArn, w, options.period, b, options.timeZone, contactMetrics), label);
          break;
        } catch (err) {
          const dropped = contactMetrics.find((m) => (OPTIONAL_METRICS as readonly string[]).includes(m) && rejectsMetric(err, m));
          if (!dropped) throw err;
          contactMetrics = contactMetrics.filter((m) => m !== dropped);
          notes.push(`${source.region}: GetMetricDataV2 does not offer ${dropped}; taken as 0`);
        }
      }
    }
    for (const b of agentData ? profileBatches : []) {
      try {
        await page(() => agentMetricsRequest(instanceArn, w, options.period, b, options.timeZone), label);
      } catch (err) {
        if (!rejectsMetric(err, AGENT_METRIC)) throw err;
        agentData = false;
        notes.push(`${source.region}: GetMetricDataV2 does not offer ${AGENT_METRIC}; agents online not forecast`);
        total -= (windows.length - windows.indexOf(w)) * profileBatches.length;
        break;
      }
    }
  }
  if (source.cloudWatch) {
    const pages: GetMetricDataCommandOutput[] = [];
    let token: string | undefined;
    let first = true;
    do {
      if (!first) total += 1;
      first = false;
      const out = await source.cloudWatch.send(new GetMetricDataCommand({ ...cloudWatchRequest(instanceId, windows[0]?.start ?? options.startMs, windows[windows.length - 1]?.end ?? options.endMs, stepMs / 1000), ...(token ? { NextToken: token } : {}) }));
      pages.push(out);
      token = out.NextToken;
      tick(`${source.region} CloudWatch`);
    } while (token);
    for (const [t, m] of cloudWatchMaxima(pages)) acc.addCloudWatch(t, m);
  }
  if (phoneNumbers === null) notes.push(`${source.region}: ListPhoneNumbersV2 failed; pass --phone-numbers`);
  return { region: source.region, instanceArn, rows: acc.rows(), queues: queueIds.length, phoneNumbers, requests: done, agentData, notes };
}
