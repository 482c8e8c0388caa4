/**
 * From pulled history to the capacity answer: all-traffic series, decomposition and forecast per
 * series, requirements with all traffic in one Region, quota checks per Region and
 * recommendations. Pure: no I/O.
 */
import { applyEvents, type CapacityEvent } from "./events";
import { backtest, decompose, forecast, pattern, WEEK_MS, type Backtest, type Forecast, type Pattern, type SeriesPoint } from "./forecast";
import type { HistoryRow, RegionHistory } from "./metrics";
import {
  checkQuotas,
  lambdaConcurrency,
  provisionedConcurrency,
  quotaIncreases,
  requirement,
  type ProvisionedConcurrency,
  type QuotaCheck,
  type QuotaIncrease,
  type RegionQuotas,
  type Requirement,
} from "./quotas";
import { poissonQuantile, quantile } from "./stats";

export const SERIES = ["concurrentCalls", "concurrentChats", "callArrivalsPerSecond", "queueSize", "agentsOnline"] as const;
export type SeriesName = (typeof SERIES)[number];

export const SERIES_LABELS: Readonly<Record<SeriesName, { title: string; unit: string }>> = {
  concurrentCalls: { title: "Concurrent calls (all Regions)", unit: "calls" },
  concurrentChats: { title: "Concurrent active chats (all Regions)", unit: "chats" },
  callArrivalsPerSecond: { title: "Call arrival rate (all Regions)", unit: "calls/s" },
  queueSize: { title: "Contacts in queue (all Regions)", unit: "contacts" },
  agentsOnline: { title: "Agents online (all Regions)", unit: "agents" },
};

export interface AnalyzeSettings {
  readonly stepMs: number;
  readonly horizonSteps: number;
  /** Share of residuals inside the error band. */
  readonly confidence: number;
  /** Margin over the upper band that a quota must cover, e.g. 0.2. */
  readonly headroom: number;
  /** Percentile of simultaneous contacts when concurrency is derived by Little's law. */
  readonly concurrencyPercentile: number;
  /** Seconds a call spends in flows before queueing (IVR), added to queue and handle time. */
  readonly ivrSeconds: number;
  readonly lambdaInvocationsPerContact: number;
  readonly lambdaDurationSeconds: number;
  /** Application Auto Scaling target for provisioned concurrency. */
  readonly targetUtilization: number;
  /** Counts that override the API (null: counted from the API). */
  readonly phoneNumbers?: number | null;
  readonly queues?: number | null;
  /** Known busy or quiet days in the horizon, applied to every series' forecast. @default none */
  readonly events?: readonly CapacityEvent[];
}

export interface SeriesAnalysis {
  readonly name: SeriesName;
  readonly title: string;
  readonly unit: string;
  /** Where the values come from. */
  readonly source: string;
  readonly history: readonly SeriesPoint[];
  readonly forecast: Omit<Forecast, "decomposition">;
  readonly trend: { readonly interceptAtStart: number; readonly perDay: number };
  readonly season: string;
  readonly pattern: Pattern;
  readonly backtest?: Backtest;
}

export interface CapacityAnalysis {
  readonly method: string;
  readonly regions: readonly string[];
  /** Agents online is absent when no Region had agents' online time. */
  readonly series: Readonly<Record<Exclude<SeriesName, "agentsOnline">, SeriesAnalysis>> & { readonly agentsOnline?: SeriesAnalysis };
  readonly notes: readonly string[];
  readonly requirements: readonly Requirement[];
  readonly checks: readonly QuotaCheck[];
  readonly quotaIncreases: readonly QuotaIncrease[];
  readonly provisionedConcurrency: ProvisionedConcurrency;
  /** The known days applied to the forecasts. */
  readonly events: readonly CapacityEvent[];
  /** True when every Region can carry all the traffic with every known quota. */
  readonly eachRegionCanCarryAllTraffic: boolean;
}

interface Combined {
  voiceCreated: number;
  voiceHandled: number;
  voiceHoldingWeighted: number;
  chatCreated: number;
  chatHandled: number;
  chatAhtWeighted: number;
  queueSeconds: number;
  agentsOnline: number;
  callsMax: number;
  chatsMax: number;
  queueMax: number;
  cwCalls: number;
  cwChats: number;
  cwQueue: number;
  regions: number;
}

/**
 * The all-traffic series: every Region's intervals summed (contacts, agents; CloudWatch maxima are
 * summed too, an upper bound of the maximum of the sum). Concurrency comes from CloudWatch when
 * every interval of every Region has it, otherwise from Little's law: mean concurrency =
 * arrivals/s x (IVR + queue answer + handle time), turned into the `concurrencyPercentile` of a
 * Poisson distribution with that mean (calls in progress in an M/G/infinity system).
 */
export function allTrafficSeries(histories: readonly RegionHistory[], settings: Pick<AnalyzeSettings, "stepMs" | "concurrencyPercentile" | "ivrSeconds">): {
  series: Record<SeriesName, SeriesPoint[]>;
  sources: Record<SeriesName, string>;
} {
  const byT = new Map<number, Combined>();
  for (const h of histories) {
    for (const r of h.rows) {
      const c = byT.get(r.t) ?? { voiceCreated: 0, voiceHandled: 0, voiceHoldingWeighted: 0, chatCreated: 0, chatHandled: 0, chatAhtWeighted: 0, queueSeconds: 0, agentsOnline: 0, callsMax: 0, chatsMax: 0, queueMax: 0, cwCalls: 0, cwChats: 0, cwQueue: 0, regions: 0 };
      c.voiceCreated += r.voiceCreated;
      c.voiceHandled += r.voiceHandled;
      c.voiceHoldingWeighted += (r.voiceAhtSeconds + r.voiceQueueAnswerSeconds) * r.voiceHandled;
      c.chatCreated += r.chatCreated;
      c.chatHandled += r.chatHandled;
      c.chatAhtWeighted += r.chatAhtSeconds * r.chatHandled;
      c.queueSeconds += r.queueSeconds;
      c.agentsOnline += r.agentsOnline;
      if (r.concurrentCallsMax !== undefined) {
        c.callsMax += r.concurrentCallsMax;
        c.cwCalls++;
      }
      if (r.concurrentChatsMax !== undefined) {
        c.chatsMax += r.concurrentChatsMax;
        c.cwChats++;
      }
      if (r.queueSizeMax !== undefined) {
        c.queueMax += r.queueSizeMax;
        c.cwQueue++;
      }
      c.regions++;
      byT.set(r.t, c);
    }
  }
  const ts = [...byT.keys()].sort((a, b) => a - b);
  const rows = ts.map((t) => ({ t, c: byT.get(t)! }));
  const seconds = settings.stepMs / 1000;
  const useCwCalls = rows.length > 0 && rows.every(({ c }) => c.cwCalls === c.regions);
  const useCwChats = rows.length > 0 && rows.every(({ c }) => c.cwChats === c.regions);
  const useCwQueue = rows.length > 0 && rows.every(({ c }) => c.cwQueue === c.regions);
  const p = settings.concurrencyPercentile;
  const littles = (rate: number, holdingSeconds: number) => poissonQuantile(rate * holdingSeconds, p);
  return {
    series: {
      callArrivalsPerSecond: rows.map(({ t, c }) => ({ t, v: c.voiceCreated / seconds })),
      concurrentCalls: rows.map(({ t, c }) =>
        useCwCalls ? { t, v: c.callsMax } : { t, v: littles(c.voiceCreated / seconds, settings.ivrSeconds + (c.voiceHandled > 0 ? c.voiceHoldingWeighted / c.voiceHandled : 0)) },
      ),
      concurrentChats: rows.map(({ t, c }) => (useCwChats ? { t, v: c.chatsMax } : { t, v: littles(c.chatCreated / seconds, c.chatHandled > 0 ? c.chatAhtWeighted / c.chatHandled : 0) })),
      // Little's law again: contacts waiting on average = contact-seconds in queue / interval seconds.
      queueSize: rows.map(({ t, c }) => (useCwQueue ? { t, v: c.queueMax } : { t, v: poissonQuantile(c.queueSeconds / seconds, p) })),
      agentsOnline: rows.map(({ t, c }) => ({ t, v: c.agentsOnline })),
    },
    sources: {
      callArrivalsPerSecond: "GetMetricDataV2 CONTACTS_CREATED (VOICE) / interval seconds",
      concurrentCalls: useCwCalls
        ? "CloudWatch AWS/Connect ConcurrentCalls, Maximum per interval, summed over Regions"
        : `Little's law: GetMetricDataV2 CONTACTS_CREATED (VOICE)/s x (IVR ${settings.ivrSeconds} s + AVG_QUEUE_ANSWER_TIME + AVG_HANDLE_TIME), Poisson p${Math.round(p * 1000) / 10}`,
      concurrentChats: useCwChats
        ? "CloudWatch AWS/Connect ConcurrentActiveChats, Maximum per interval, summed over Regions"
        : `Little's law: GetMetricDataV2 CONTACTS_CREATED (CHAT)/s x AVG_HANDLE_TIME (CHAT), Poisson p${Math.round(p * 1000) / 10}`,
      queueSize: useCwQueue
        ? "CloudWatch AWS/Connect QueueSize, Maximum per interval, summed over queues and Regions"
        : `Little's law: GetMetricDataV2 CONTACTS_QUEUED x AVG_QUEUE_ANSWER_TIME per channel / interval seconds, Poisson p${Math.round(p * 1000) / 10}`,
      agentsOnline: "GetMetricDataV2 SUM_ONLINE_TIME_AGENT / interval seconds",
    },
  };
}

/** Decomposes and forecasts one series, with a one-week (or horizon) backtest when history allows. */
export function analyzeSeries(
  name: SeriesName,
  history: readonly SeriesPoint[],
  source: string,
  settings: Pick<AnalyzeSettings, "stepMs" | "horizonSteps" | "confidence" | "events">,
): SeriesAnalysis {
  const d = decompose(history, { stepMs: settings.stepMs });
  const f = applyEvents(forecast(d, { horizonSteps: settings.horizonSteps, confidence: settings.confidence }), settings.events ?? []);
  const { decomposition: _d, ...rest } = f;
  void _d;
  const span = d.lastMs - d.firstMs + settings.stepMs;
  const holdoutSteps = Math.min(settings.horizonSteps, WEEK_MS / settings.stepMs);
  // A backtest needs the training part to keep the same season: 3 weeks for weekly (2 + holdout).
  const canBacktest = d.season === "weekly" ? span - holdoutSteps * settings.stepMs >= 2 * WEEK_MS : span - holdoutSteps * settings.stepMs >= 2 * 86_400_000;
  return {
    name,
    ...SERIES_LABELS[name],
    source,
    history,
    forecast: rest,
    trend: { interceptAtStart: d.trend.intercept, perDay: (d.trend.slope * 86_400_000) / settings.stepMs },
    season: d.season,
    pattern: pattern(d),
    ...(canBacktest ? { backtest: backtest(history, { stepMs: settings.stepMs, season: d.season, holdoutSteps, confidence: settings.confidence }) } : {}),
  };
}

export function analyzeCapacity(histories: readonly RegionHistory[], quotas: Readonly<Record<string, RegionQuotas>>, settings: AnalyzeSettings): CapacityAnalysis {
  if (histories.length === 0) throw new RangeError("analyzeCapacity: no Region history");
  const { series, sources } = allTrafficSeries(histories, settings);
  const names = SERIES.filter((n) => n !== "agentsOnline" || histories.some((h) => h.agentData));
  const analyses = Object.fromEntries(names.map((name) => [name, analyzeSeries(name, series[name], sources[name], settings)])) as CapacityAnalysis["series"];
  const { headroom } = settings;
  const calls = analyses.concurrentCalls.forecast.peak;
  const chats = analyses.concurrentChats.forecast.peak;
  const arrivals = analyses.callArrivalsPerSecond.forecast.peak;
  const lambda = (rate: number) => lambdaConcurrency(rate, settings.lambdaInvocationsPerContact, settings.lambdaDurationSeconds);
  const phoneCount = settings.phoneNumbers ?? countPhoneNumbers(histories);
  const queueCount = settings.queues ?? Math.max(...histories.map((h) => h.queues));
  const requirements: Requirement[] = [
    requirement("concurrentCalls", calls.mean, calls.high, headroom, analyses.concurrentCalls.source),
    requirement("concurrentChats", chats.mean, chats.high, headroom, analyses.concurrentChats.source),
    requirement(
      "lambdaConcurrency",
      lambda(arrivals.mean),
      lambda(arrivals.high),
      headroom,
      `peak call arrival rate x ${settings.lambdaInvocationsPerContact} invocations per contact x ${settings.lambdaDurationSeconds} s`,
    ),
  ];
  if (phoneCount !== null) requirements.push(requirement("phoneNumbers", phoneCount, phoneCount, 0, settings.phoneNumbers != null ? "--phone-numbers" : "ListPhoneNumbersV2, distinct numbers over Regions"));
  requirements.push(requirement("queues", queueCount, queueCount, 0, settings.queues != null ? "--queues" : "ListQueues (STANDARD), largest Region"));
  const regions = histories.map((h) => h.region);
  const checks = checkQuotas(requirements, regions, quotas);
  const arrivalMeans = analyses.callArrivalsPerSecond.forecast.points.map((p) => p.mean);
  const pc = provisionedConcurrency({
    expectedPeak: lambda(arrivals.mean),
    highPeak: lambda(arrivals.high),
    offPeak: lambda(quantile(arrivalMeans, 0.5)),
    headroom,
    peakHourUtc: analyses.callArrivalsPerSecond.pattern.peakHourUtc,
    targetUtilization: settings.targetUtilization,
  });
  return {
    method: analyses.concurrentCalls.forecast.method,
    regions,
    series: analyses,
    requirements,
    checks,
    quotaIncreases: quotaIncreases(checks),
    provisionedConcurrency: pc,
    events: settings.events ?? [],
    eachRegionCanCarryAllTraffic: checks.every((c) => c.status !== "insufficient"),
    notes: histories.flatMap((h) => h.notes),
  };
}

function countPhoneNumbers(histories: readonly RegionHistory[]): number | null {
  if (histories.some((h) => h.phoneNumbers === null)) return null;
  return new Set(histories.flatMap((h) => h.phoneNumbers ?? [])).size;
}

/** For tests and callers that build histories by hand. */
export function regionHistory(region: string, rows: HistoryRow[], queues = 0, phoneNumbers: string[] | null = []): RegionHistory {
  return { region, instanceArn: `arn:aws:connect:${region}:111122223333:instance/test`, rows, queues, phoneNumbers, requests: 0, agentData: true, notes: [] };
}
