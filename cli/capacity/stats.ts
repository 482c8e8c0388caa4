/**
 * Small, exact statistics used by the capacity forecast and the load test. Plain functions, no state.
 */

/**
 * The `p`-quantile (0 <= p <= 1) of `values` by linear interpolation between closest ranks
 * (Hyndman & Fan type 7, the default of R, NumPy and Excel's PERCENTILE.INC).
 * Throws a RangeError on an empty list or a `p` outside [0, 1].
 */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError("quantile: no values");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be within [0, 1], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Latency percentiles as reported by the load test. */
export interface Percentiles {
  readonly count: number;
  readonly min: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** p50, p90, p99 (type 7), min, max and mean; all zero with count 0 for an empty list. */
export function percentiles(values: readonly number[]): Percentiles {
  if (values.length === 0) return { count: 0, min: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
  return {
    count: values.length,
    min: Math.min(...values),
    p50: quantile(values, 0.5),
    p90: quantile(values, 0.9),
    p99: quantile(values, 0.99),
    max: Math.max(...values),
    mean: mean(values),
  };
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("mean: no values");
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** An ordinary least-squares line y = intercept + slope * x. */
export interface Line {
  readonly intercept: number;
  readonly slope: number;
}

/** Least-squares fit of y on x. With one distinct x the slope is 0 and the intercept the mean. */
export function leastSquares(xs: readonly number[], ys: readonly number[]): Line {
  if (xs.length !== ys.length) throw new RangeError(`leastSquares: ${xs.length} x values but ${ys.length} y values`);
  if (xs.length === 0) throw new RangeError("leastSquares: no points");
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { intercept: my - slope * mx, slope };
}

/**
 * The smallest k with P(X <= k) >= p for X ~ Poisson(lambda): the number of simultaneous calls
 * that an average concurrency of `lambda` exceeds only with probability 1 - p. In an M/G/infinity
 * system (Poisson arrivals, any holding-time distribution) the number of calls in progress is
 * Poisson with mean arrival rate x mean holding time (Little's law), so this turns a mean
 * concurrency into a peak one. Summed in log space; exact for any lambda this tool meets.
 */
export function poissonQuantile(lambda: number, p: number): number {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`poissonQuantile: lambda must be a finite number >= 0, got ${lambda}`);
  if (!(p > 0 && p < 1)) throw new RangeError(`poissonQuantile: p must be within (0, 1), got ${p}`);
  if (lambda === 0) return 0;
  const limit = Math.ceil(lambda + 12 * Math.sqrt(lambda) + 20);
  // log P(X = k) = log P(X = k - 1) + log(lambda) - log(k), from log P(X = 0) = -lambda.
  const logPmf = new Float64Array(limit + 1);
  logPmf[0] = -lambda;
  let maxLog = logPmf[0];
  for (let k = 1; k <= limit; k++) {
    logPmf[k] = logPmf[k - 1]! + Math.log(lambda) - Math.log(k);
    if (logPmf[k]! > maxLog) maxLog = logPmf[k]!;
  }
  let total = 0;
  for (let k = 0; k <= limit; k++) total += Math.exp(logPmf[k]! - maxLog);
  let cdf = 0;
  for (let k = 0; k <= limit; k++) {
    cdf += Math.exp(logPmf[k]! - maxLog);
    if (cdf / total >= p) return k;
  }
  return limit;
}

/** A value rounded up to a "nice" quota request: 1, 2, 2.5, 5 x 10^k steps above `value`. */
export function niceCeil(value: number): number {
  if (value <= 0) return 0;
  const exp = Math.floor(Math.log10(value));
  for (const e of [exp - 1, exp, exp + 1]) {
    for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
      const candidate = Math.round(m * 10 ** e * 1e6) / 1e6;
      if (candidate >= value) return Math.max(1, Math.ceil(candidate));
    }
  }
  return Math.ceil(value);
}
