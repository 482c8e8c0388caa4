/**
 * Additive decomposition and peak forecast of an evenly spaced metric series.
 *
 * Method (stated in every result's `method`):
 *   y(t) = trend(t) + seasonal(slot(t)) + residual(t)
 * - trend: a straight line fitted by ordinary least squares;
 * - seasonal: the mean of the detrended series per hour-of-week slot (168 slots at HOUR; weekly
 *   pattern) when the history spans at least two full weeks, otherwise per hour-of-day slot
 *   (daily pattern), centred to sum to zero;
 * - trend and seasonal are refitted alternately (backfitting) so that an uneven number of
 *   weekdays does not leak the weekly pattern into the slope;
 * - error band: contact volumes are noisier when busy (Poisson counts: variance ~ level; noise
 *   proportional to volume: sd ~ level), so residuals are scaled to level^a, with the exponent a
 *   in [0, 1] estimated from how the residual spread grows with level across the hours of the
 *   day; the empirical quantiles of the pooled scaled residuals at (1 - c) / 2 and (1 + c) / 2 for
 *   confidence c, inflated for the fitted parameters, are scaled back to each forecast's level, and
 *   the band reaches at least half the data's resolution either side (one contact, for counts).
 * The forecast peak is the largest trend + seasonal value over the horizon, with that band.
 */
import { leastSquares, mean, quantile, type Line } from "./stats";

/** One observation: interval start (epoch ms) and value. */
export interface SeriesPoint {
  readonly t: number;
  readonly v: number;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;
/** A Monday 00:00 UTC: slot 0 of the hour-of-week index. */
const MONDAY_UTC = Date.UTC(1970, 0, 5);

export type SeasonKind = "weekly" | "daily";

export interface Decomposition {
  readonly method: string;
  readonly stepMs: number;
  readonly season: SeasonKind;
  /** Slots in one season (168 for weekly at HOUR, 24 for daily at HOUR). */
  readonly period: number;
  /** Trend in value units per step, x counted in steps from `originMs`. */
  readonly trend: Line;
  readonly originMs: number;
  /** Seasonal offsets by slot (slot 0 = Monday 00:00 UTC for weekly, 00:00 UTC for daily). */
  readonly seasonal: readonly number[];
  /** y - trend - seasonal of the points used in the fit, in time order. */
  readonly residuals: readonly number[];
  /** How residual spread grows with level: sd ~ level^noiseExponent, in [0, 1]. */
  readonly noiseExponent: number;
  /** Levels below this are treated as this when scaling (night hours near zero). */
  readonly levelFloor: number;
  /** The smallest step between distinct values (1 for counts). */
  readonly resolution: number;
  /** The residuals divided by levelFloored^noiseExponent, pooled over all hours. */
  readonly scaledResiduals: readonly number[];
  /** Points left out of the fit and the band (holiday spikes, outages), with their residual. */
  readonly outliers: readonly { readonly t: number; readonly v: number; readonly residual: number }[];
  readonly firstMs: number;
  readonly lastMs: number;
  readonly points: number;
}

export interface DecomposeOptions {
  /** Interval length. @default HOUR_MS */
  readonly stepMs?: number;
  /** Backfitting passes. @default 4 */
  readonly iterations?: number;
  /** Force the season; by default weekly when >= 2 weeks of history, else daily. */
  readonly season?: SeasonKind;
  /** Residuals farther than this many robust standard deviations are outliers. @default 5 */
  readonly outlierMads?: number;
}

export function slotOf(t: number, stepMs: number, season: SeasonKind): number {
  const period = (season === "weekly" ? WEEK_MS : DAY_MS) / stepMs;
  const k = Math.floor((t - MONDAY_UTC) / stepMs);
  return ((k % period) + period) % period;
}

/** Decomposes `points` (any order, on a `stepMs` grid; gaps allowed). Throws on too little history. */
export function decompose(points: readonly SeriesPoint[], options: DecomposeOptions = {}): Decomposition {
  const stepMs = options.stepMs ?? HOUR_MS;
  const sorted = [...points].filter((p) => Number.isFinite(p.v)).sort((a, b) => a.t - b.t);
  if (sorted.length === 0) throw new RangeError("decompose: the series has no values");
  const firstMs = sorted[0]!.t;
  const lastMs = sorted[sorted.length - 1]!.t;
  const spanMs = lastMs - firstMs + stepMs;
  const season: SeasonKind = options.season ?? (spanMs >= 2 * WEEK_MS ? "weekly" : "daily");
  const minSpan = season === "weekly" ? 2 * WEEK_MS : 2 * DAY_MS;
  if (spanMs < minSpan) {
    throw new RangeError(
      `decompose: a ${season} pattern needs at least ${minSpan / DAY_MS} days of history, got ${(spanMs / DAY_MS).toFixed(2)} days (${sorted.length} points)`,
    );
  }
  const period = (season === "weekly" ? WEEK_MS : DAY_MS) / stepMs;
  if (!Number.isInteger(period)) throw new RangeError(`decompose: step ${stepMs} ms does not divide a ${season} season`);
  const xs = sorted.map((p) => (p.t - firstMs) / stepMs);
  const ys = sorted.map((p) => p.v);
  const slots = sorted.map((p) => slotOf(p.t, stepMs, season));
  const iterations = options.iterations ?? 4;
  const outlierMads = options.outlierMads ?? 5;

  const fit = (use: readonly boolean[], robust: boolean) => {
    let seasonal = new Array<number>(period).fill(0);
    let trend: Line = { intercept: 0, slope: 0 };
    const idx = ys.map((_, i) => i).filter((i) => use[i]);
    for (let pass = 0; pass < iterations; pass++) {
      trend = leastSquares(idx.map((i) => xs[i]!), idx.map((i) => ys[i]! - seasonal[slots[i]!]!));
      const bySlot: number[][] = Array.from({ length: period }, () => []);
      for (const i of idx) bySlot[slots[i]!]!.push(ys[i]! - (trend.intercept + trend.slope * xs[i]!));
      const seen = bySlot.filter((v) => v.length > 0).length;
      const raw = bySlot.map((v) => (v.length === 0 ? Number.NaN : robust ? quantile(v, 0.5) : mean(v)));
      const centre = raw.reduce((a, v) => (Number.isNaN(v) ? a : a + v), 0) / seen;
      // A slot never observed borrows the nearest observed slot's offset (gaps in the history).
      seasonal = raw.map((v, k) => (Number.isNaN(v) ? nearestObserved(raw, k) : v) - centre);
    }
    const residuals = ys.map((y, i) => y - (trend.intercept + trend.slope * xs[i]!) - seasonal[slots[i]!]!);
    return { trend, seasonal, residuals };
  };

  // Pass 1 on everything with slot medians (robust to a spike in a slot); then points whose
  // residual lies more than `outlierMads` robust standard deviations (1.4826 x MAD) from the
  // median residual OF THE SAME HOUR OF DAY (noise grows with volume, so busy hours are judged
  // against busy hours) are left out of the fit and of the band, and reported: holiday spikes,
  // outages.
  const first = fit(ys.map(() => true), true);
  // Leave-one-out residuals: each point against the median of the OTHER points of its slot (an
  // in-sample median makes one residual in each odd-sized slot exactly 0 and shrinks the MAD).
  const detrended = ys.map((y, i) => y - (first.trend.intercept + first.trend.slope * xs[i]!));
  const bySlot = new Map<number, number[]>();
  slots.forEach((k, i) => bySlot.set(k, [...(bySlot.get(k) ?? []), i]));
  const looResiduals = ys.map((_, i) => {
    const others = bySlot.get(slots[i]!)!.filter((j) => j !== i).map((j) => detrended[j]!);
    return others.length ? detrended[i]! - quantile(others, 0.5) : 0;
  });
  const hours = sorted.map((p) => new Date(p.t).getUTCHours());
  const resolution = resolutionOf(ys);
  const inlier = ys.map(() => true);
  for (let h = 0; h < 24; h++) {
    const idx = hours.map((hh, i) => (hh === h ? i : -1)).filter((i) => i >= 0);
    if (idx.length < 3) continue;
    const r = idx.map((i) => looResiduals[i]!);
    const med = quantile(r, 0.5);
    // Counts move in whole units: a quiet hour that is 5 contacts almost every week has a MAD near
    // 0, and without this floor every 4 or 6 would be called an outlier and dropped from the band.
    const mad = Math.max(1.4826 * quantile(r.map((x) => Math.abs(x - med)), 0.5), resolution);
    if (mad === 0) continue;
    idx.forEach((i, j) => {
      if (Math.abs(r[j]! - med) > outlierMads * mad) inlier[i] = false;
    });
  }
  const { trend, seasonal, residuals: all } = fit(inlier, false);
  const residuals = all.filter((_, i) => inlier[i]);
  // Fitted level (trend + seasonal) of each inlier, floored so near-empty night hours stay finite.
  const fitted = ys.map((y, i) => y - all[i]!);
  const levelFloor = Math.max(resolution, 0.01 * Math.abs(quantile(fitted, 0.5)), Number.MIN_VALUE);
  const levels = fitted.filter((_, i) => inlier[i]).map((l) => Math.max(l, levelFloor));
  const noiseExponent = estimateNoiseExponent(hours.filter((_, i) => inlier[i]), levels, residuals);
  const scaledResiduals = residuals.map((r, j) => r / levels[j]! ** noiseExponent);
  const outliers = sorted.map((p, i) => ({ t: p.t, v: p.v, residual: all[i]! })).filter((_, i) => !inlier[i]);
  return {
    method:
      `additive decomposition: linear trend by least squares + ${season === "weekly" ? "hour-of-week" : "hour-of-day"} seasonal means of the detrended series ` +
      `(${iterations} backfitting passes; points beyond ${outlierMads} robust sd of their hour of day left out as outliers); error band from the empirical quantiles of the residuals scaled to level^${noiseExponent.toFixed(2)} (estimated), inflated by sqrt((n+p)/(n-p)) for the p fitted parameters`,
    stepMs,
    season,
    period,
    trend,
    originMs: firstMs,
    seasonal,
    residuals,
    noiseExponent,
    levelFloor,
    resolution,
    scaledResiduals,
    outliers,
    firstMs,
    lastMs,
    points: sorted.length,
  };
}

/**
 * The exponent a of sd ~ level^a: the least-squares slope of log(robust spread) on log(mean level)
 * over the hours of the day, at most 1; 0 when it is within two standard errors of 0 or fewer than
 * 3 hours differ in level.
 */
export function estimateNoiseExponent(hours: readonly number[], levels: readonly number[], residuals: readonly number[]): number {
  const logLevel: number[] = [];
  const logSpread: number[] = [];
  for (let h = 0; h < 24; h++) {
    const idx = hours.map((hh, i) => (hh === h ? i : -1)).filter((i) => i >= 0);
    if (idx.length < 3) continue;
    const r = idx.map((i) => residuals[i]!);
    const med = quantile(r, 0.5);
    const spread = quantile(r.map((x) => Math.abs(x - med)), 0.5);
    const level = mean(idx.map((i) => levels[i]!));
    if (spread > 0 && level > 0) {
      logLevel.push(Math.log(level));
      logSpread.push(Math.log(spread));
    }
  }
  if (logLevel.length < 3 || Math.max(...logLevel) - Math.min(...logLevel) < 1e-9) return 0;
  const line = leastSquares(logLevel, logSpread);
  // Constant noise unless the data show otherwise: a slope within two standard errors of 0 is 0.
  const mx = mean(logLevel);
  const sxx = logLevel.reduce((a, x) => a + (x - mx) ** 2, 0);
  const sse = logLevel.reduce((a, x, i) => a + (logSpread[i]! - line.intercept - line.slope * x) ** 2, 0);
  const standardError = logLevel.length > 2 ? Math.sqrt(sse / (logLevel.length - 2) / sxx) : Number.POSITIVE_INFINITY;
  if (line.slope < 2 * standardError) return 0;
  return Math.min(1, line.slope);
}

/** The smallest step between distinct values: 1 for counts, 1/3600 for counts per second, ~0 for measurements. */
export function resolutionOf(values: readonly number[]): number {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  let step = Number.POSITIVE_INFINITY;
  for (let i = 1; i < distinct.length; i++) step = Math.min(step, distinct[i]! - distinct[i - 1]!);
  return Number.isFinite(step) ? step : 0;
}

function nearestObserved(raw: readonly number[], k: number): number {
  for (let d = 1; d < raw.length; d++) {
    const a = raw[(k + d) % raw.length]!;
    if (!Number.isNaN(a)) return a;
    const b = raw[(k - d + raw.length) % raw.length]!;
    if (!Number.isNaN(b)) return b;
  }
  return 0;
}

/** trend + seasonal at `t`. */
export function expectedAt(d: Decomposition, t: number): number {
  const x = (t - d.originMs) / d.stepMs;
  return d.trend.intercept + d.trend.slope * x + d.seasonal[slotOf(t, d.stepMs, d.season)]!;
}

export interface ForecastPoint {
  readonly t: number;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

export interface Forecast {
  readonly method: string;
  readonly confidence: number;
  /** Residual quantiles (inflated, scaled to the peak's level) added to the peak's mean. */
  readonly band: { readonly low: number; readonly high: number };
  readonly points: readonly ForecastPoint[];
  readonly peak: ForecastPoint;
  readonly decomposition: Decomposition;
}

export interface ForecastOptions {
  /** Steps after the last observation. */
  readonly horizonSteps: number;
  /** Share of residuals inside the band. @default 0.9 */
  readonly confidence?: number;
}

/**
 * In-sample residuals understate the error of a new observation: the fit used p = period + 1
 * parameters (2 for the line, period - 1 free seasonal offsets), which shrinks residuals by about
 * sqrt((n - p) / n), and the forecast carries the estimation error of its slot mean, about
 * sqrt(1 + p / n). The band's residual quantiles are scaled by sqrt((n + p) / (n - p)).
 */
export function bandInflation(d: Decomposition): number {
  const n = d.residuals.length;
  const p = d.period + 1;
  return n > p ? Math.sqrt((n + p) / (n - p)) : 1;
}

/** Forecasts the `horizonSteps` steps after the history and its peak, with the residual band. */
export function forecast(d: Decomposition, options: ForecastOptions): Forecast {
  const confidence = options.confidence ?? 0.9;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`forecast: confidence must be within (0, 1), got ${confidence}`);
  if (!(Number.isInteger(options.horizonSteps) && options.horizonSteps >= 1)) {
    throw new RangeError(`forecast: horizonSteps must be an integer >= 1, got ${options.horizonSteps}`);
  }
  const inflation = bandInflation(d);
  const lo = (1 - confidence) / 2;
  const hi = (1 + confidence) / 2;
  const qLow = quantile(d.scaledResiduals, lo) * inflation;
  const qHigh = quantile(d.scaledResiduals, hi) * inflation;
  const offsetsAt = (level: number) => {
    const scale = Math.max(level, d.levelFloor) ** d.noiseExponent;
    // Whole counts cannot land inside a band narrower than one step: it reaches half a step either side.
    return { low: Math.min(qLow * scale, -d.resolution / 2), high: Math.max(qHigh * scale, d.resolution / 2) };
  };
  const points: ForecastPoint[] = [];
  for (let i = 1; i <= options.horizonSteps; i++) {
    const t = d.lastMs + i * d.stepMs;
    const m = Math.max(0, expectedAt(d, t));
    const o = offsetsAt(m);
    points.push({ t, mean: m, low: Math.max(0, m + o.low), high: Math.max(0, m + o.high) });
  }
  const peak = points.reduce((best, p) => (p.mean > best.mean ? p : best), points[0]!);
  return { method: d.method, confidence, band: offsetsAt(peak.mean), points, peak, decomposition: d };
}

/** The daily and weekly shape of a decomposition, for people. */
export interface Pattern {
  /** Mean seasonal offset per hour of day (UTC), 24 values. */
  readonly hourOfDay: readonly number[];
  /** Mean seasonal offset per day of week, Monday first; empty for a daily season. */
  readonly dayOfWeek: readonly number[];
  readonly peakHourUtc: number;
  /** 0 = Monday; undefined for a daily season. */
  readonly peakDayOfWeek?: number;
  /** Trend per day in value units. */
  readonly trendPerDay: number;
}

export function pattern(d: Decomposition): Pattern {
  const stepsPerHour = HOUR_MS / d.stepMs;
  const stepsPerDay = DAY_MS / d.stepMs;
  const hourOfDay = Array.from({ length: 24 }, (_, h) => {
    const vals = d.seasonal.filter((_, k) => Math.floor((k % stepsPerDay) / stepsPerHour) === h);
    return mean(vals);
  });
  const dayOfWeek = d.season === "weekly" ? Array.from({ length: 7 }, (_, day) => mean(d.seasonal.slice(day * stepsPerDay, (day + 1) * stepsPerDay))) : [];
  const argmax = (xs: readonly number[]) => xs.reduce((best, v, i) => (v > xs[best]! ? i : best), 0);
  return {
    hourOfDay,
    dayOfWeek,
    peakHourUtc: argmax(hourOfDay),
    ...(dayOfWeek.length ? { peakDayOfWeek: argmax(dayOfWeek) } : {}),
    trendPerDay: d.trend.slope * stepsPerDay,
  };
}

/** How the method would have done: fit on all but the last `holdoutSteps`, forecast those. */
export interface Backtest {
  readonly holdoutSteps: number;
  /** Share of held-out observations inside the band. */
  readonly coverage: number;
  /** Mean absolute percentage error of the forecast mean (observations > 0 only). */
  readonly mape: number;
  readonly actualPeak: number;
  readonly forecastPeak: ForecastPoint;
  /** True when the held-out maximum lies within the forecast peak's band. */
  readonly peakWithinBand: boolean;
}

export function backtest(points: readonly SeriesPoint[], options: DecomposeOptions & { holdoutSteps: number; confidence?: number }): Backtest {
  const sorted = [...points].sort((a, b) => a.t - b.t);
  const stepMs = options.stepMs ?? HOUR_MS;
  const cut = sorted[sorted.length - 1]!.t - options.holdoutSteps * stepMs;
  const train = sorted.filter((p) => p.t <= cut);
  const test = sorted.filter((p) => p.t > cut);
  const d = decompose(train, { ...options, ...(options.season ? {} : { season: (train[train.length - 1]!.t - train[0]!.t + stepMs) >= 2 * WEEK_MS ? "weekly" : "daily" }) });
  const f = forecast(d, { horizonSteps: Math.round((sorted[sorted.length - 1]!.t - d.lastMs) / stepMs), ...(options.confidence !== undefined ? { confidence: options.confidence } : {}) });
  const byT = new Map(f.points.map((p) => [p.t, p]));
  let inside = 0;
  let apeSum = 0;
  let apeN = 0;
  for (const o of test) {
    const p = byT.get(o.t);
    if (!p) continue;
    const eps = 1e-9 * Math.max(1, Math.abs(o.v));
    if (o.v >= p.low - eps && o.v <= p.high + eps) inside++;
    if (o.v > 0) {
      apeSum += Math.abs(o.v - p.mean) / o.v;
      apeN++;
    }
  }
  const actualPeak = Math.max(...test.map((p) => p.v));
  return {
    holdoutSteps: test.length,
    coverage: test.length ? inside / test.length : 0,
    mape: apeN ? apeSum / apeN : 0,
    actualPeak,
    forecastPeak: f.peak,
    peakWithinBand: actualPeak >= f.peak.low && actualPeak <= f.peak.high,
  };
}
