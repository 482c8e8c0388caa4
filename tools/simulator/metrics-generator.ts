/**
 * A deterministic contact-volume model for historical and real-time metrics, used for capacity
 * planning against the simulator. Volume per 15-minute slot is
 *
 *     base × seriesScale × daily(hour) × weekly(weekday) × trend(t) × holiday(date) × noise(slot)
 *
 * - daily: a business-day curve (night trough, morning and early-afternoon peaks), UTC;
 * - weekly: Monday busiest, weekends quiet;
 * - trend: linear growth per year from 2024-01-01;
 * - holiday: spikes on the days contact centres see them (day after Thanksgiving, 26 December,
 *   2 January) and lulls on 25 December and 1 January;
 * - noise: multiplicative, uniform in ±noise, drawn from a hash of (seed, series, slot), so the
 *   same query always returns the same numbers and different seeds give different histories.
 */

/** Tuning of the model. */
export interface MetricsModelOptions {
  /** Seed of the noise and per-series scale. */
  readonly seed: number;
  /** Mean contacts per hour per series at the daily peak on a Wednesday. @default 120 */
  readonly peakContactsPerHour?: number;
  /** Growth per year as a fraction (0.1 = +10%/year). @default 0.12 */
  readonly trendPerYear?: number;
  /** Noise amplitude as a fraction. @default 0.15 */
  readonly noise?: number;
}

/** Slot length of the model. */
export const SLOT_MS = 15 * 60 * 1000;
const TREND_EPOCH = Date.UTC(2024, 0, 1);
const YEAR_MS = 365.25 * 24 * 3600 * 1000;
/** Sunday..Saturday multipliers. */
const WEEKLY = [0.35, 1.15, 1.05, 1.0, 1.0, 0.95, 0.45];

/** 32-bit FNV-1a of a string, for seeding per-series and per-slot draws. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A uniform draw in [0, 1) determined by its inputs. */
export function uniform(seed: number, key: string, index: number): number {
  let t = (hash32(`${seed}|${key}|${index}`) + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** The intraday shape at a fractional UTC hour, 0..1 with peaks near 1. */
export function dailyShape(hour: number): number {
  const morning = Math.exp(-((hour - 10.5) ** 2) / (2 * 2.2 ** 2));
  const afternoon = 0.8 * Math.exp(-((hour - 14.5) ** 2) / (2 * 2 ** 2));
  return Math.min(1, 0.05 + Math.max(morning, afternoon));
}

/** The holiday multiplier of a UTC date. */
export function holidayFactor(date: Date): number {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  if (m === 11 && d === 25) return 0.3;
  if (m === 0 && d === 1) return 0.4;
  if (m === 11 && d === 26) return 1.6;
  if (m === 0 && d === 2) return 1.7;
  // Day after US Thanksgiving (fourth Thursday of November).
  if (m === 10) {
    const firstWeekday = new Date(Date.UTC(y, 10, 1)).getUTCDay();
    const thanksgiving = 1 + ((4 - firstWeekday + 7) % 7) + 21;
    if (d === thanksgiving) return 0.5;
    if (d === thanksgiving + 1) return 1.8;
  }
  return 1;
}

/** The contact-volume model. */
export class MetricsModel {
  private readonly peak: number;
  private readonly trend: number;
  private readonly noise: number;

  constructor(private readonly options: MetricsModelOptions) {
    this.peak = options.peakContactsPerHour ?? 120;
    this.trend = options.trendPerYear ?? 0.12;
    this.noise = options.noise ?? 0.15;
  }

  /** Series scale in [0.5, 1.5): some queues are busier than others, stably per seed. */
  seriesScale(series: string): number {
    return 0.5 + uniform(this.options.seed, `scale|${series}`, 0);
  }

  /** Expected (noisy) contacts arriving in the 15-minute slot starting at `slotStart` (ms). */
  slotContacts(series: string, slotStart: number): number {
    const date = new Date(slotStart);
    const hour = date.getUTCHours() + date.getUTCMinutes() / 60 + 0.125;
    const trend = 1 + (this.trend * (slotStart - TREND_EPOCH)) / YEAR_MS;
    const noise = 1 + this.noise * (2 * uniform(this.options.seed, series, Math.floor(slotStart / SLOT_MS)) - 1);
    return (this.peak / 4) * this.seriesScale(series) * dailyShape(hour) * WEEKLY[date.getUTCDay()]! * Math.max(0, trend) * holidayFactor(date) * noise;
  }

  /** Contacts arriving in [start, end), whole contacts (slots partly inside count pro rata). */
  contacts(series: string, start: number, end: number): number {
    let total = 0;
    for (let slot = Math.floor(start / SLOT_MS) * SLOT_MS; slot < end; slot += SLOT_MS) {
      const overlap = Math.min(end, slot + SLOT_MS) - Math.max(start, slot);
      if (overlap > 0) total += this.slotContacts(series, slot) * (overlap / SLOT_MS);
    }
    return Math.round(total);
  }

  /** Average handle time in seconds for a window: ~300 s, longer when busy. */
  averageHandleTime(series: string, start: number, end: number): number {
    const load = this.contacts(series, start, end) / Math.max(1, ((end - start) / 3_600_000) * this.peak);
    return Math.round(280 + 60 * Math.min(1.5, load) + 20 * (uniform(this.options.seed, `aht|${series}`, Math.floor(start / SLOT_MS)) - 0.5));
  }

  /** Average seconds in queue before an agent answers: ~15 s when quiet, ~95 s at a Wednesday peak, growing with load squared. */
  averageQueueAnswerTime(series: string, start: number, end: number): number {
    const load = this.contacts(series, start, end) / Math.max(1, ((end - start) / 3_600_000) * this.peak);
    return Math.round(15 + 80 * Math.min(1.5, load) ** 2 + 10 * (uniform(this.options.seed, `qa|${series}`, Math.floor(start / SLOT_MS)) - 0.5));
  }

  /** Fraction of contacts abandoned: 3-10%, rising with load. */
  abandonRate(series: string, start: number, end: number): number {
    const load = this.contacts(series, start, end) / Math.max(1, ((end - start) / 3_600_000) * this.peak);
    return 0.03 + 0.05 * Math.min(1, load) + 0.02 * uniform(this.options.seed, `abandon|${series}`, Math.floor(start / SLOT_MS));
  }
}
