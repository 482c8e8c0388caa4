/**
 * A seeded hourly series with a KNOWN pattern, for the forecast specs:
 * mean(t) = base + slopePerDay x days + daily(hour) x weekday factor, plus Gaussian noise and
 * holiday spikes on chosen days. `meanAt` is the truth the forecast must recover.
 */
import { DAY_MS, HOUR_MS, type SeriesPoint } from "../../../cli/capacity/forecast";
import { seededRandom } from "../../../tools/simulator/faults";

export interface GeneratorParams {
  readonly startMs: number;
  readonly days: number;
  readonly base: number;
  readonly slopePerDay: number;
  /** Added at the daily peak hour on a weekday (a smooth business-hours bump). */
  readonly dailyAmplitude: number;
  /** Hour (UTC) of the daily peak. */
  readonly peakHourUtc: number;
  /** Multiplier of the daily bump on Saturday and Sunday. */
  readonly weekendFactor: number;
  readonly noiseSd: number;
  /** Day indexes (from start) with a holiday spike, and its size (added over the day's bump). */
  readonly holidayDays?: readonly number[];
  readonly holidayExtra?: number;
  readonly seed: number;
}

export function dailyShape(hourUtc: number, peakHourUtc: number): number {
  // A raised cosine 12 hours wide around the peak, 0 outside.
  const d = Math.min(Math.abs(hourUtc - peakHourUtc), 24 - Math.abs(hourUtc - peakHourUtc));
  return d >= 6 ? 0 : 0.5 * (1 + Math.cos((Math.PI * d) / 6));
}

export function meanAt(p: GeneratorParams, t: number): number {
  const date = new Date(t);
  const dow = date.getUTCDay(); // 0 Sunday
  const weekend = dow === 0 || dow === 6;
  const days = (t - p.startMs) / DAY_MS;
  return p.base + p.slopePerDay * days + p.dailyAmplitude * dailyShape(date.getUTCHours(), p.peakHourUtc) * (weekend ? p.weekendFactor : 1);
}

export function generate(p: GeneratorParams): SeriesPoint[] {
  const rnd = seededRandom(p.seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const out: SeriesPoint[] = [];
  for (let i = 0; i < p.days * 24; i++) {
    const t = p.startMs + i * HOUR_MS;
    const day = Math.floor(i / 24);
    const holiday = p.holidayDays?.includes(day) ? (p.holidayExtra ?? 0) * dailyShape(new Date(t).getUTCHours(), p.peakHourUtc) : 0;
    out.push({ t, v: Math.max(0, meanAt(p, t) + holiday + p.noiseSd * gauss()) });
  }
  return out;
}

/** The true peak of the mean over the `hours` after the history. */
export function truePeak(p: GeneratorParams, hours: number): { t: number; v: number } {
  const end = p.startMs + p.days * DAY_MS;
  let best = { t: end, v: -Infinity };
  for (let i = 0; i < hours; i++) {
    const t = end + i * HOUR_MS;
    const v = meanAt(p, t);
    if (v > best.v) best = { t, v };
  }
  return best;
}
