/**
 * The capacity report: Vega-Lite charts (history, forecast with its band, quota lines per Region)
 * rendered to SVG in Node by Vega's headless view, PNG by resvg, and an HTML page that embeds the
 * SVG with the tables. Plus the terminal summary and the JSON document.
 */
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import * as vegaLite from "vega-lite";
import type { CapacityAnalysis, SeriesAnalysis, SeriesName } from "./analyze";
import type { CapacityEvent } from "./events";
import { SERVICE_QUOTAS, type QuotaKey } from "./quotas";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const QUOTA_COLOURS = ["#d62728", "#9467bd", "#8c564b", "#e377c2"];

interface Panel {
  readonly title: string;
  readonly unit: string;
  readonly series: SeriesAnalysis;
  /** Multiplies the series (Lambda concurrency is derived from the arrival rate). */
  readonly scale: number;
  readonly quota?: QuotaKey;
}

export interface ReportContext {
  readonly instanceId: string;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly lambdaInvocationsPerContact: number;
  readonly lambdaDurationSeconds: number;
}

function panels(a: CapacityAnalysis, ctx: ReportContext): Panel[] {
  const s = a.series;
  return [
    { title: s.concurrentCalls.title, unit: "calls", series: s.concurrentCalls, scale: 1, quota: "concurrentCalls" },
    { title: s.concurrentChats.title, unit: "chats", series: s.concurrentChats, scale: 1, quota: "concurrentChats" },
    {
      title: `Lambda concurrency the flows need (arrivals x ${ctx.lambdaInvocationsPerContact} x ${ctx.lambdaDurationSeconds} s)`,
      unit: "executions",
      series: s.callArrivalsPerSecond,
      scale: ctx.lambdaInvocationsPerContact * ctx.lambdaDurationSeconds,
      quota: "lambdaConcurrency",
    },
    { title: s.queueSize.title, unit: "contacts", series: s.queueSize, scale: 1 },
    ...(s.agentsOnline ? [{ title: s.agentsOnline.title, unit: "agents", series: s.agentsOnline, scale: 1 }] : []),
  ];
}

/** One layered Vega-Lite panel: band, history, forecast mean, peak marker, quota rules per Region. */
function panelSpec(p: Panel, a: CapacityAnalysis): Record<string, unknown> {
  const k = p.scale;
  const band = `${Math.round(p.series.forecast.confidence * 100)}% band`;
  const history = p.series.history.map((h) => ({ t: new Date(h.t).toISOString(), v: h.v * k, series: "history" }));
  const fc = p.series.forecast.points.map((f) => ({ t: new Date(f.t).toISOString(), v: f.mean * k, low: f.low * k, high: f.high * k, series: "forecast" }));
  const bandRows = fc.map((f) => ({ ...f, series: band }));
  const allQuotas = p.quota
    ? a.checks.filter((c) => c.key === p.quota && c.quota !== null).map((c) => ({ v: c.quota!, series: `${c.region} quota ${c.quota}` }))
    : [];
  // A quota far above the data would flatten the chart: such quotas are named in the title instead.
  const top = Math.max(...history.map((h) => h.v), ...fc.map((f) => f.high), 1e-9);
  const quotas = allQuotas.filter((q) => q.v <= 3 * top);
  const offScale = allQuotas.filter((q) => q.v > 3 * top).map((q) => q.series);
  const peak = p.series.forecast.peak;
  const peakRow = [{ t: new Date(peak.t).toISOString(), v: peak.mean * k, label: `peak ${fmt(peak.mean * k)} (${fmt(peak.low * k)}-${fmt(peak.high * k)})` }];
  const domain = ["history", "forecast", band, ...quotas.map((q) => q.series)];
  const range = ["#4c78a8", "#f58518", "#fdd0a2", ...quotas.map((_, i) => QUOTA_COLOURS[i % QUOTA_COLOURS.length]!)];
  const color = { field: "series", type: "nominal", scale: { domain, range }, legend: { title: null, orient: "top", labelFontSize: 12, labelLimit: 400 } };
  const x = { field: "t", type: "temporal", title: null, axis: { format: "%b %d", labelFontSize: 11, tickCount: 12 } };
  return {
    title: { text: p.title, anchor: "start", fontSize: 14, ...(offScale.length ? { subtitle: `off scale (more than 3x the peak): ${offScale.join(", ")}`, subtitleFontSize: 12 } : {}) },
    width: 860,
    height: 190,
    layer: [
      { data: { values: bandRows }, mark: { type: "area", opacity: 0.7 }, encoding: { x, y: { field: "low", type: "quantitative" }, y2: { field: "high" }, color } },
      { data: { values: history }, mark: { type: "line", strokeWidth: 1 }, encoding: { x, y: { field: "v", type: "quantitative", title: p.unit, axis: { labelFontSize: 11, titleFontSize: 12 } }, color } },
      { data: { values: fc }, mark: { type: "line", strokeWidth: 1.5 }, encoding: { x, y: { field: "v", type: "quantitative" }, color } },
      ...(quotas.length
        ? [{ data: { values: quotas }, mark: { type: "rule", strokeWidth: 2, strokeDash: [6, 3] }, encoding: { y: { field: "v", type: "quantitative" }, color } }]
        : []),
      { data: { values: peakRow }, mark: { type: "point", filled: true, size: 60, color: "#000" }, encoding: { x, y: { field: "v", type: "quantitative" } } },
      {
        data: { values: peakRow },
        mark: { type: "text", align: "right", dx: -8, dy: -8, fontSize: 12, fontWeight: "bold" },
        encoding: { x, y: { field: "v", type: "quantitative" }, text: { field: "label" } },
      },
    ],
  };
}

/** The whole chart as a Vega-Lite spec (one panel a series). */
export function chartSpec(a: CapacityAnalysis, ctx: ReportContext): Record<string, unknown> {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: { text: `Capacity forecast, instance ${ctx.instanceId}, all traffic in one Region`, fontSize: 16, anchor: "start", subtitle: `history ${ctx.windowStart} to ${ctx.windowEnd}; ${a.regions.join(" + ")}` },
    background: "white",
    padding: 16,
    config: { font: "DejaVu Sans", view: { stroke: "#ddd" } },
    vconcat: panels(a, ctx).map((p) => panelSpec(p, a)),
    resolve: { scale: { color: "independent" } },
  };
}

/** Renders the chart to SVG with Vega's headless renderer. */
export async function renderSvg(a: CapacityAnalysis, ctx: ReportContext): Promise<string> {
  const compiled = vegaLite.compile(chartSpec(a, ctx) as unknown as vegaLite.TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** SVG to PNG at `scale` x (resvg; fonts from the system). */
export function svgToPng(svg: string, scale = 1.5): Buffer {
  const resvg = new Resvg(svg, { background: "white", fitTo: { mode: "zoom", value: scale }, font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" } });
  return resvg.render().asPng();
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  return abs >= 100 ? x.toFixed(0) : abs >= 10 ? x.toFixed(1) : x.toFixed(2);
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The JSON document `--json` prints (no history arrays; the report file has the charts). */
export function capacityJson(a: CapacityAnalysis, extra: Record<string, unknown>): Record<string, unknown> {
  const series = Object.fromEntries(
    (Object.entries(a.series) as [SeriesName, SeriesAnalysis][]).filter(([, s]) => s !== undefined).map(([name, s]) => [
      name,
      {
        unit: s.unit,
        source: s.source,
        season: s.season,
        points: s.history.length,
        trendPerDay: s.trend.perDay,
        peakHourUtc: s.pattern.peakHourUtc,
        ...(s.pattern.peakDayOfWeek !== undefined ? { peakDayOfWeek: DAYS[s.pattern.peakDayOfWeek] } : {}),
        hourOfDay: s.pattern.hourOfDay,
        dayOfWeek: s.pattern.dayOfWeek,
        forecastPeak: { at: new Date(s.forecast.peak.t).toISOString(), mean: s.forecast.peak.mean, low: s.forecast.peak.low, high: s.forecast.peak.high },
        band: { confidence: s.forecast.confidence, ...s.forecast.band },
        ...(s.backtest ? { backtest: { ...s.backtest, forecastPeak: { at: new Date(s.backtest.forecastPeak.t).toISOString(), mean: s.backtest.forecastPeak.mean, low: s.backtest.forecastPeak.low, high: s.backtest.forecastPeak.high } } } : {}),
      },
    ]),
  );
  return {
    ...extra,
    method: a.method,
    events: a.events,
    regions: a.regions,
    eachRegionCanCarryAllTraffic: a.eachRegionCanCarryAllTraffic,
    series,
    requirements: a.requirements,
    checks: a.checks,
    recommendations: [...a.quotaIncreases, a.provisionedConcurrency],
    notes: a.notes,
  };
}

function eventsText(events: readonly CapacityEvent[]): string {
  return events.map((e) => `${e.date} x${e.factor}`).join(", ");
}

/** The terminal summary (plain text, one screen). */
export function summaryText(a: CapacityAnalysis, ctx: ReportContext, horizonHours: number): string {
  const lines: string[] = [];
  lines.push(`Capacity of ${ctx.instanceId} with ALL traffic in one Region (${a.regions.join(", ")}), history ${ctx.windowStart} .. ${ctx.windowEnd}, horizon ${horizonHours} h`);
  lines.push(`Method: ${a.method}`);
  if (a.events.length) lines.push(`Known days applied to the forecast (UTC): ${eventsText(a.events)}`);
  lines.push("");
  for (const s of Object.values(a.series) as SeriesAnalysis[]) {
    const p = s.forecast.peak;
    const day = s.pattern.peakDayOfWeek !== undefined ? `${DAYS[s.pattern.peakDayOfWeek]} ` : "";
    lines.push(
      `  ${s.title.padEnd(40)} peak ${fmt(p.mean)} ${s.unit} (${Math.round(s.forecast.confidence * 100)}% band ${fmt(p.low)}-${fmt(p.high)}) at ${new Date(p.t).toISOString().slice(0, 16)}Z; ` +
        `busiest ${day}${String(s.pattern.peakHourUtc).padStart(2, "0")}:00 UTC; trend ${s.trend.perDay >= 0 ? "+" : ""}${fmt(s.trend.perDay)}/day` +
        (s.backtest ? `; backtest coverage ${(s.backtest.coverage * 100).toFixed(0)}%` : ""),
    );
  }
  lines.push("");
  lines.push("  Region        quota                                  have    need   status");
  for (const c of a.checks) {
    const name = SERVICE_QUOTAS[c.key].quotaName;
    lines.push(`  ${c.region.padEnd(13)} ${name.padEnd(38)} ${String(c.quota ?? "?").padStart(6)} ${String(c.required).padStart(7)}   ${c.status === "insufficient" ? "INSUFFICIENT" : c.status}`);
  }
  lines.push("");
  if (a.quotaIncreases.length === 0) lines.push("  No quota increase needed for the known quotas.");
  for (const q of a.quotaIncreases) lines.push(`  REQUEST ${q.region} ${q.quotaName}: ${q.current} -> ${q.requested}. ${q.reason}`);
  const pc = a.provisionedConcurrency;
  lines.push(
    `  LAMBDA provisioned concurrency: target tracking ${pc.targetUtilization}, min ${pc.offPeakMinCapacity} (off-peak) / ${pc.minCapacity} (peak, scheduled ${pc.schedule.cron}), max ${pc.maxCapacity}`,
  );
  if (a.checks.some((c) => c.status === "unknown")) lines.push("  Some quotas are unknown: pass --quota <region>:<name>=<value> or --service-quotas <file>.");
  for (const n of a.notes) lines.push(`  note: ${n}`);
  return lines.join("\n");
}

/** The HTML report: summary tables, the chart inline, recommendations and the method. */
export function reportHtml(a: CapacityAnalysis, ctx: ReportContext, svg: string, horizonHours: number): string {
  const rows = a.checks
    .map(
      (c) =>
        `<tr class="${c.status}"><td>${esc(c.region)}</td><td>${esc(SERVICE_QUOTAS[c.key].quotaName)}</td><td>${c.quota ?? "?"}</td><td>${fmt(c.expected)}</td><td>${fmt(c.high)}</td><td>${c.required}</td><td>${c.utilization === null ? "" : `${(c.utilization * 100).toFixed(0)}%`}</td><td>${c.status}</td></tr>`,
    )
    .join("\n");
  const series = (Object.values(a.series) as SeriesAnalysis[])
    .map((s) => {
      const p = s.forecast.peak;
      return `<tr><td>${esc(s.title)}</td><td>${esc(s.source)}</td><td>${fmt(p.mean)} ${esc(s.unit)}</td><td>${fmt(p.low)} - ${fmt(p.high)}</td><td>${new Date(p.t).toISOString().slice(0, 16)}Z</td><td>${fmt(s.trend.perDay)}/day</td><td>${s.backtest ? `${(s.backtest.coverage * 100).toFixed(0)}% inside band, MAPE ${(s.backtest.mape * 100).toFixed(1)}%` : "not enough history"}</td></tr>`;
    })
    .join("\n");
  const recs = [
    ...a.quotaIncreases.map((q) => `<li><b>Request ${esc(q.region)} ${esc(q.quotaName)}: ${q.current} &rarr; ${q.requested}</b>. ${esc(q.reason)}<br><code>${esc(q.command)}</code></li>`),
    `<li><b>Lambda provisioned concurrency</b>: ${esc(a.provisionedConcurrency.reason)}.</li>`,
  ].join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>connect-dr capacity: ${esc(ctx.instanceId)}</title>
<style>body{font-family:DejaVu Sans,Arial,sans-serif;margin:2em;max-width:1000px}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;font-size:13px}
tr.insufficient td{background:#fde0dd}tr.unknown td{color:#777}code{font-size:11px}</style></head><body>
<h1>Capacity with all traffic in one Region</h1>
<p>Instance <b>${esc(ctx.instanceId)}</b>, Regions ${a.regions.map(esc).join(", ")}, history ${esc(ctx.windowStart)} to ${esc(ctx.windowEnd)}, forecast horizon ${horizonHours} h.
Verdict: <b>${a.eachRegionCanCarryAllTraffic ? "every Region can carry all the traffic with the known quotas" : "at least one Region cannot carry all the traffic"}</b>.</p>
<h2>Forecast</h2><table><tr><th>Series</th><th>Source</th><th>Peak</th><th>Band</th><th>At</th><th>Trend</th><th>Backtest</th></tr>
${series}</table>
<h2>Quotas per Region</h2><table><tr><th>Region</th><th>Quota</th><th>Value</th><th>Forecast peak</th><th>Upper band</th><th>Required</th><th>Utilisation</th><th>Status</th></tr>
${rows}</table>
<h2>Recommendations</h2><ul>${recs}</ul>
<h2>Charts</h2>${svg}
<h2>Method</h2><p>${esc(a.method)}.${a.events.length ? ` Known days applied to the forecast (UTC): ${esc(eventsText(a.events))}.` : ""}</p></body></html>
`;
}
