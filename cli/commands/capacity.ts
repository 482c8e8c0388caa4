import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { Command } from "commander";
import { analyzeCapacity, type AnalyzeSettings } from "../capacity/analyze";
import { isTimeZone } from "../../components/runtime";
import { CapacityEventError, checkEvents, parseEvent, type CapacityEvent } from "../capacity/events";
import { HOUR_MS } from "../capacity/forecast";
import { INTERVAL_PERIODS, pullRegionHistory, type IntervalPeriod, type RegionHistory } from "../capacity/metrics";
import { CapacityInputError, mergeQuotas, parseQuotaFlag, parseQuotasFile, type RegionQuotas } from "../capacity/quotas";
import { capacityJson, renderSvg, reportHtml, summaryText, svgToPng, type ReportContext } from "../capacity/report";
import { collectRepeated, parseInstance, parsePositive, parseRegion, parseUrl, readJsonFile } from "../arguments";
import { awsClient } from "../service-endpoints";
import type { CliCommand, CliContext } from "../command-module";
import { addCommonOptions, emit, progressFromFlags, sessionFromFlags, sessionStats, type CommonFlags } from "../connect-options";
import { UsageError } from "../errors";
import { EXIT } from "../exit-codes";

interface CapacityFlags extends CommonFlags {
  instance?: string;
  regions?: string;
  days?: string;
  end?: string;
  interval?: string;
  timeZone?: string;
  horizonHours?: string;
  confidence?: string;
  headroom?: string;
  percentile?: string;
  ivrSeconds?: string;
  lambdaInvocationsPerContact?: string;
  lambdaDurationMs?: string;
  targetUtilization?: string;
  phoneNumbers?: string;
  queues?: string;
  quota: string[];
  event: string[];
  serviceQuotas?: string;
  cloudwatch?: boolean;
  cloudwatchEndpointUrl?: string;
  report?: string;
  svg?: string;
  png?: string;
}

function fraction(flag: string, value: string | undefined, fallback: number, lo = 0, hi = 1, inclusiveLo = false): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || (inclusiveLo ? n < lo : n <= lo) || n >= hi) {
    throw UsageError.invalid(flag, value, `expected a number ${inclusiveLo ? ">=" : ">"} ${lo} and < ${hi}`);
  }
  return n;
}

function nonNegative(flag: string, value: string | undefined, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) throw UsageError.invalid(flag, value, integer ? "expected a whole number >= 0" : "expected a number >= 0");
  return n;
}

/** Validated settings from the flags (pure; throws UsageError naming the flag). */
export function capacitySettings(flags: CapacityFlags, now: number): {
  instanceId: string;
  regions: string[];
  period: IntervalPeriod;
  startMs: number;
  endMs: number;
  horizonHours: number;
  analyze: AnalyzeSettings;
} {
  const { instanceId, region: arnRegion } = parseInstance("--instance", flags.instance);
  const regions = (flags.regions ?? flags.region ?? arnRegion ?? "")
    .split(",")
    .map((r) => r.trim())
    .filter(Boolean);
  if (regions.length === 0) throw new UsageError("--regions is required (e.g. us-east-1,us-west-2: the instance's Region and its ACGR replica's), unless --instance is an ARN");
  for (const r of regions) parseRegion("--regions", r);
  if (new Set(regions).size !== regions.length) throw UsageError.invalid("--regions", flags.regions, "expected distinct Regions");
  if (flags.timeZone !== undefined && !isTimeZone(flags.timeZone)) throw UsageError.invalid("--time-zone", flags.timeZone, "expected an IANA time zone such as America/New_York or UTC");
  const period = (flags.interval ?? "HOUR") as IntervalPeriod;
  if (!(period in INTERVAL_PERIODS)) throw UsageError.invalid("--interval", flags.interval, `expected one of ${Object.keys(INTERVAL_PERIODS).join(", ")}`);
  const stepMs = INTERVAL_PERIODS[period];
  const days = parsePositive("--days", flags.days) ?? 28;
  if (days < 2 || days > 90) throw UsageError.invalid("--days", flags.days, "expected 2 to 90 days (GetMetricDataV2 keeps 3 months; the daily pattern needs 2 days, the weekly 14)");
  let endMs = now;
  if (flags.end !== undefined) {
    endMs = Date.parse(flags.end);
    if (!Number.isFinite(endMs)) throw UsageError.invalid("--end", flags.end, "expected an ISO 8601 time such as 2026-10-19T00:00:00Z");
    if (endMs > now) throw UsageError.invalid("--end", flags.end, "expected a time not in the future");
  }
  endMs = Math.floor(endMs / stepMs) * stepMs;
  const horizonHours = parsePositive("--horizon-hours", flags.horizonHours, true) ?? 168;
  if (horizonHours > 24 * 90) throw UsageError.invalid("--horizon-hours", flags.horizonHours, "expected at most 2160 hours (90 days)");
  const lambdaDurationMs = parsePositive("--lambda-duration-ms", flags.lambdaDurationMs) ?? 1000;
  let events: CapacityEvent[];
  try {
    events = (flags.event ?? []).map((v) => parseEvent("--event", v));
    checkEvents("--event", events, endMs, endMs + horizonHours * HOUR_MS);
  } catch (err) {
    if (err instanceof CapacityEventError) throw new UsageError(err.message);
    throw err;
  }
  return {
    instanceId,
    regions,
    period,
    startMs: endMs - days * 24 * HOUR_MS,
    endMs,
    horizonHours,
    analyze: {
      stepMs,
      horizonSteps: Math.round((horizonHours * HOUR_MS) / stepMs),
      confidence: fraction("--confidence", flags.confidence, 0.9),
      headroom: nonNegative("--headroom", flags.headroom, 0.2),
      concurrencyPercentile: fraction("--percentile", flags.percentile, 0.99),
      ivrSeconds: nonNegative("--ivr-seconds", flags.ivrSeconds, 0),
      lambdaInvocationsPerContact: nonNegative("--lambda-invocations-per-contact", flags.lambdaInvocationsPerContact, 1),
      lambdaDurationSeconds: lambdaDurationMs / 1000,
      targetUtilization: fraction("--target-utilization", flags.targetUtilization, 0.7),
      phoneNumbers: flags.phoneNumbers === undefined ? null : nonNegative("--phone-numbers", flags.phoneNumbers, 0, true),
      queues: flags.queues === undefined ? null : nonNegative("--queues", flags.queues, 0, true),
      events,
    },
  };
}

/** Quotas from --service-quotas and --quota flags (flags win). */
export function quotasFromCapacityFlags(flags: Pick<CapacityFlags, "quota" | "serviceQuotas">, cwd: string): Record<string, RegionQuotas> {
  try {
    const file = flags.serviceQuotas ? parseQuotasFile(readJsonFile("--service-quotas", flags.serviceQuotas, cwd), `--service-quotas ${flags.serviceQuotas}`) : {};
    const fromFlags: Record<string, RegionQuotas> = {};
    for (const q of flags.quota ?? []) {
      const { region, key, value } = parseQuotaFlag(q);
      fromFlags[region] = { ...(fromFlags[region] ?? {}), [key]: value };
    }
    return mergeQuotas(file, fromFlags);
  } catch (err) {
    if (err instanceof CapacityInputError) throw new UsageError(err.message);
    throw err;
  }
}

async function run(flags: CapacityFlags, ctx: CliContext): Promise<void> {
  const s = capacitySettings(flags, Date.now());
  const quotas = quotasFromCapacityFlags(flags, ctx.io.cwd);
  const endpoint = parseUrl("--endpoint-url", flags.endpointUrl);
  const cwEndpoint = parseUrl("--cloudwatch-endpoint-url", flags.cloudwatchEndpointUrl);
  // CloudWatch by default against AWS; against a Connect stand-in only with its own CloudWatch endpoint.
  const useCloudWatch = flags.cloudwatch !== false && (!endpoint || !!cwEndpoint);
  const progress = progressFromFlags(flags, ctx.io).start("capacity");
  const histories: RegionHistory[] = [];
  const stats: Record<string, Record<string, number>> = {};
  const { region: _ignored, ...regionless } = flags;
  void _ignored;
  let base = 0;
  for (const region of s.regions) {
    const session = await sessionFromFlags(regionless, ctx.io, { region });
    const cloudWatch = useCloudWatch
      ? awsClient(CloudWatchClient, { region, ...(cwEndpoint ? { endpoint: cwEndpoint } : {}), ...(flags.profile ? { profile: flags.profile } : {}) }, { name: "Amazon CloudWatch", endpointFlag: "--cloudwatch-endpoint-url" })
      : undefined;
    try {
      const h = await pullRegionHistory(
        { region, connect: session.client, ...(cloudWatch ? { cloudWatch } : {}) },
        {
          instanceId: s.instanceId,
          startMs: s.startMs,
          endMs: s.endMs,
          period: s.period,
          ...(flags.timeZone ? { timeZone: flags.timeZone } : {}),
          onProgress: (done, total, what) => progress.update(base + done, base + total * (s.regions.length - s.regions.indexOf(region)), what),
        },
      );
      base += h.requests;
      histories.push(h);
      stats[region] = sessionStats(session);
    } finally {
      session.client.destroy();
      cloudWatch?.destroy();
    }
  }
  progress.stop(`${base} metric requests`);
  const analysis = analyzeCapacity(histories, quotas, s.analyze);
  const rctx: ReportContext = {
    instanceId: s.instanceId,
    windowStart: new Date(s.startMs).toISOString(),
    windowEnd: new Date(s.endMs).toISOString(),
    lambdaInvocationsPerContact: s.analyze.lambdaInvocationsPerContact,
    lambdaDurationSeconds: s.analyze.lambdaDurationSeconds,
  };
  const files: Record<string, string> = {};
  if (flags.report || flags.svg || flags.png) {
    const svg = await renderSvg(analysis, rctx);
    if (flags.svg) writeFileSync((files["svg"] = resolve(ctx.io.cwd, flags.svg)), svg);
    if (flags.png) writeFileSync((files["png"] = resolve(ctx.io.cwd, flags.png)), svgToPng(svg));
    if (flags.report) writeFileSync((files["report"] = resolve(ctx.io.cwd, flags.report)), reportHtml(analysis, rctx, svg, s.horizonHours));
  }
  const result = capacityJson(analysis, {
    instanceId: s.instanceId,
    window: { start: rctx.windowStart, end: rctx.windowEnd, intervalPeriod: s.period },
    horizonHours: s.horizonHours,
    settings: s.analyze,
    quotas,
    api: stats,
    files,
  });
  emit(ctx.io, flags, result, () => `${summaryText(analysis, rctx, s.horizonHours)}\n${Object.entries(files).map(([k, v]) => `  ${k}: ${v}\n`).join("")}`);
  ctx.setExit(analysis.eachRegionCanCarryAllTraffic ? EXIT.OK : EXIT.FAILURE);
}

/** The `connect-dr capacity` command (also usable on its own). */
export function capacityCommand(ctx: CliContext): Command {
  const cmd = new Command("capacity")
    .summary("forecast the all-traffic peak and check each Region's quotas")
    .description(
      "Pull an instance's history from every Region of the pair (GetMetricDataV2: contacts created/handled per channel, handle and " +
        "queue-answer time, agents' online time; CloudWatch AWS/Connect ConcurrentCalls and ConcurrentActiveChats maxima where available), " +
        "find the daily and weekly pattern and the trend (additive decomposition: least-squares line + hour-of-week means), forecast the " +
        "peak over the horizon with an error band from the residuals' quantiles, and compare the peak WITH ALL TRAFFIC IN ONE REGION against " +
        "each Region's quotas (concurrent calls, concurrent chats, phone numbers, queues, Lambda concurrency = peak calls/s x invocations per " +
        "contact x duration). Recommends quota increase requests and Lambda provisioned concurrency. Exit 1 when a Region cannot carry all traffic.",
    )
    .option("--instance <id|arn>", "Amazon Connect instance id or ARN (ACGR keeps the same id in both Regions)")
    .option("--regions <list>", "comma-separated Regions to pull and check, e.g. us-east-1,us-west-2 (default: --region or the ARN's Region)")
    .option("--days <n>", "history window in days, 2 to 90 (default 28; weekly pattern needs 14)")
    .option("--end <iso>", "end of the history window (default now, floored to the interval)")
    .option("--interval <period>", "HOUR, THIRTY_MIN or FIFTEEN_MIN (default HOUR)")
    .option("--time-zone <tz>", "GetMetricDataV2 Interval TimeZone (default the service's, UTC)")
    .option("--horizon-hours <n>", "forecast horizon in hours (default 168)")
    .option("--confidence <c>", "share of residuals inside the error band, 0..1 (default 0.9)")
    .option("--headroom <h>", "margin over the upper band a quota must cover (default 0.2 = 20%)")
    .option("--percentile <p>", "percentile of simultaneous contacts when concurrency is derived by Little's law (default 0.99)")
    .option("--ivr-seconds <s>", "seconds a call spends in flows before queueing, added to queue and handle time (default 0)")
    .option("--lambda-invocations-per-contact <n>", "Lambda invocations the flows make per call (default 1)")
    .option("--lambda-duration-ms <ms>", "mean Lambda invocation duration (default 1000)")
    .option("--target-utilization <u>", "provisioned concurrency target tracking value (default 0.7)")
    .option("--phone-numbers <n>", "phone numbers the instance needs (default: counted with ListPhoneNumbersV2)")
    .option("--queues <n>", "queues the instance needs (default: counted with ListQueues)")
    .option("--quota <region:name=value>", "a Region's quota, repeatable; names: concurrent-calls, concurrent-chats, phone-numbers, queues, lambda-concurrency", collectRepeated, [] as string[])
    .option(
      "--event <YYYY-MM-DD=factor>",
      "a known busy or quiet UTC day in the horizon and its volume against an ordinary day, repeatable (e.g. 2026-11-27=1.8 for Black Friday)",
      collectRepeated,
      [] as string[],
    )
    .option("--service-quotas <file>", 'quotas per Region: {"us-east-1": {"concurrentCalls": 100, ...}} or per Region the output of `aws service-quotas list-service-quotas`')
    .option("--no-cloudwatch", "do not read CloudWatch; derive concurrency by Little's law")
    .option("--cloudwatch-endpoint-url <url>", "CloudWatch endpoint override")
    .option("--report <file.html>", "write an HTML report with tables and charts")
    .option("--svg <file>", "write the charts as SVG")
    .option("--png <file>", "write the charts as PNG");
  addCommonOptions(cmd);
  cmd.action(async (flags: CapacityFlags) => run(flags, ctx));
  return cmd;
}

export const command: CliCommand = {
  name: "capacity",
  register(program, ctx) {
    program.addCommand(capacityCommand(ctx));
  },
};
