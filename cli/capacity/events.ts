/**
 * Known busy (or quiet) days in the forecast horizon: Black Friday, a product launch, a billing run.
 * The decomposition cannot foresee them (its history holds at most one of each, reported as an
 * outlier), so the planner states them: the forecast of every interval of that UTC day is multiplied
 * by the day's factor, band included, and the peak is taken again.
 */
import { DAY_MS, type Forecast, type ForecastPoint } from "./forecast";

/** A UTC day and the factor its volume is expected to have against an ordinary day of its kind. */
export interface CapacityEvent {
  /** `YYYY-MM-DD`, UTC. */
  readonly date: string;
  /** 1.8 = 80% busier; 0.4 = 60% quieter. */
  readonly factor: number;
}

/** Thrown for an event the caller gave wrongly; the message names it and says what is allowed. */
export class CapacityEventError extends Error {}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Start (epoch ms) of a `YYYY-MM-DD` UTC day, or undefined when it is no calendar date. */
export function dayStart(date: string): number | undefined {
  const m = DATE.exec(date);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === date ? t : undefined;
}

/** Parses `--event YYYY-MM-DD=FACTOR`. */
export function parseEvent(flag: string, value: string): CapacityEvent {
  const [date = "", factorText, ...rest] = value.split("=");
  const factor = Number(factorText);
  if (rest.length > 0 || dayStart(date) === undefined || factorText === undefined || factorText.trim() === "" || !Number.isFinite(factor) || factor <= 0 || factor > 20) {
    throw new CapacityEventError(`${flag} "${value}": expected YYYY-MM-DD=FACTOR, a UTC calendar day and a factor > 0 and <= 20 (e.g. 2026-11-27=1.8 for 80% more contacts)`);
  }
  return { date, factor };
}

/**
 * Checks that events name distinct days inside the forecast's horizon, so a typo (a year off, a day
 * past the horizon) is refused rather than silently ignored.
 */
export function checkEvents(flag: string, events: readonly CapacityEvent[], horizonStartMs: number, horizonEndMs: number): void {
  const seen = new Set<string>();
  const first = new Date(horizonStartMs).toISOString().slice(0, 10);
  const last = new Date(horizonEndMs - 1).toISOString().slice(0, 10);
  for (const e of events) {
    const start = dayStart(e.date)!;
    if (start + DAY_MS <= horizonStartMs || start >= horizonEndMs) {
      throw new CapacityEventError(`${flag} "${e.date}=${e.factor}": expected a day within the forecast horizon, ${first} to ${last} (UTC)`);
    }
    if (seen.has(e.date)) throw new CapacityEventError(`${flag} "${e.date}=${e.factor}": expected each day once`);
    seen.add(e.date);
  }
}

/** The forecast with each event day's intervals multiplied by its factor, and the peak taken again. */
export function applyEvents<F extends Pick<Forecast, "points" | "peak" | "band">>(forecast: F, events: readonly CapacityEvent[]): F {
  if (events.length === 0) return forecast;
  const factorOf = new Map(events.map((e) => [e.date, e.factor]));
  const points: ForecastPoint[] = forecast.points.map((p) => {
    const f = factorOf.get(new Date(p.t).toISOString().slice(0, 10));
    return f === undefined ? p : { t: p.t, mean: p.mean * f, low: p.low * f, high: p.high * f };
  });
  const peak = points.reduce((best, p) => (p.mean > best.mean ? p : best), points[0]!);
  return { ...forecast, points, peak, band: { low: peak.low - peak.mean, high: peak.high - peak.mean } };
}
