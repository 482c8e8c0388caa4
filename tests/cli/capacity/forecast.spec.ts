import { expect } from "chai";
import { backtest, decompose, forecast, HOUR_MS, pattern, resolutionOf, slotOf } from "../../../cli/capacity/forecast";
import { MetricsModel } from "../../../tools/simulator/metrics-generator";
import { seededRandom } from "../../../tools/simulator/faults";
import { generate, meanAt, truePeak, type GeneratorParams } from "./generator";

// Monday 2026-09-07 00:00 UTC: 5 full weeks of history, a week's horizon.
const start = Date.UTC(2026, 8, 7);
const known: GeneratorParams = {
  startMs: start,
  days: 35,
  base: 40,
  slopePerDay: 0.5,
  dailyAmplitude: 120,
  peakHourUtc: 15,
  weekendFactor: 0.3,
  noiseSd: 6,
  holidayDays: [11, 23],
  holidayExtra: 80,
  seed: 7,
};

describe("capacity forecast: additive decomposition on a seeded series with a known pattern", () => {
  const history = generate(known);
  const d = decompose(history);
  const f = forecast(d, { horizonSteps: 7 * 24, confidence: 0.9 });
  const truth = truePeak(known, 7 * 24);

  it("uses an hour-of-week season with 5 weeks of history and says how", () => {
    expect(d.season).to.equal("weekly");
    expect(d.period).to.equal(168);
    expect(d.points).to.equal(35 * 24);
    expect(d.method).to.equal(
      `additive decomposition: linear trend by least squares + hour-of-week seasonal means of the detrended series (4 backfitting passes; points beyond 5 robust sd of their hour of day left out as outliers); error band from the empirical quantiles of the residuals scaled to level^${d.noiseExponent.toFixed(2)} (estimated), inflated by sqrt((n+p)/(n-p)) for the p fitted parameters`,
    );
  });

  it("leaves the two holiday spikes (a Friday and a Wednesday) out of the fit and reports them", () => {
    const day = (t: number) => Math.floor((t - start) / 86_400_000);
    const spikes = d.outliers.filter((o) => o.residual > 0);
    expect([...new Set(spikes.map((o) => day(o.t)))]).to.deep.equal([11, 23]);
    // The spike hours around the 15:00 peak (shape > 1/4 of 80 = 20 above the 5-sd cut of ~30).
    expect(spikes.map((o) => new Date(o.t).getUTCHours())).to.include.members([13, 14, 15, 16, 17]);
    // At most one ordinary noise draw lies beyond 5 robust sd.
    expect(d.outliers.filter((o) => ![11, 23].includes(day(o.t)))).to.have.length.at.most(1);
  });

  it("recovers the trend (0.5 per day) within 0.05", () => {
    expect(pattern(d).trendPerDay).to.be.closeTo(0.5, 0.05);
  });

  it("finds the daily peak at 15:00 UTC and the weekly low at the weekend", () => {
    const p = pattern(d);
    expect(p.peakHourUtc).to.equal(15);
    expect(p.dayOfWeek).to.have.length(7);
    const weekday = Math.min(...p.dayOfWeek.slice(0, 5));
    expect(Math.max(p.dayOfWeek[5]!, p.dayOfWeek[6]!)).to.be.below(weekday);
    expect(p.peakDayOfWeek).to.be.within(0, 4);
  });

  it("forecasts the known peak within its stated 90% error band", () => {
    expect(f.confidence).to.equal(0.9);
    expect(f.peak.low).to.be.at.most(truth.v);
    expect(f.peak.high).to.be.at.least(truth.v);
    // ... and the mean itself is close: within one noise standard deviation.
    expect(f.peak.mean).to.be.closeTo(truth.v, known.noiseSd);
    expect(new Date(f.peak.t).getUTCHours()).to.equal(15);
    expect(f.points).to.have.length(168);
    expect(f.points[0]!.t).to.equal(start + 35 * 24 * HOUR_MS);
  });

  it("for constant Gaussian noise the band is the residuals' 5% and 95% quantiles, about +-1.645 sd at every level", () => {
    const g = decompose(generate({ ...known, holidayDays: [] }));
    expect(g.noiseExponent).to.equal(0);
    const gf = forecast(g, { horizonSteps: 168, confidence: 0.9 });
    expect(gf.band.low).to.be.closeTo(-1.645 * known.noiseSd, 2);
    expect(gf.band.high).to.be.closeTo(1.645 * known.noiseSd, 2);
    for (const p of gf.points.filter((x) => x.low > 0)) expect(p.high - p.low).to.be.closeTo(gf.band.high - gf.band.low, 1e-9);
    expect(f.peak.high - f.peak.mean).to.be.closeTo(f.band.high, 1e-9);
  });

  it("for noise that grows with volume the band grows with the level: sd ~ level (a = 1), Poisson counts (a = 0.5)", () => {
    const rnd = seededRandom(11);
    const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    // Knuth's method: exact for the levels here (below 200, where exp(-lambda) is still a double).
    const poisson = (lambda: number) => {
      const limit = Math.exp(-lambda);
      let k = 0;
      for (let p = rnd(); p > limit; p *= rnd()) k++;
      return k;
    };
    const series = (noise: (m: number) => number) =>
      Array.from({ length: 35 * 24 }, (_, i) => {
        const t = start + i * HOUR_MS;
        return { t, v: Math.max(0, noise(meanAt({ ...known, slopePerDay: 0 }, t))) };
      });
    const proportional = decompose(series((m) => m * (1 + 0.1 * gauss())));
    expect(proportional.noiseExponent).to.be.closeTo(1, 0.15);
    const counts = decompose(series(poisson));
    expect(counts.noiseExponent).to.be.closeTo(0.5, 0.15);
    const pf = forecast(proportional, { horizonSteps: 168 });
    const quiet = pf.points.reduce((a, p) => (p.mean < a.mean ? p : a));
    // Constant noise would give the same width at every level; here it follows the level.
    const levelRatio = pf.peak.mean / quiet.mean;
    expect(levelRatio).to.be.above(3);
    expect((pf.peak.high - pf.peak.low) / (quiet.high - quiet.low)).to.be.within(0.8 * levelRatio, 1.2 * levelRatio);
  });

  it("forecast means follow the true mean hour by hour (mean abs error < 3)", () => {
    const errors = f.points.map((p) => Math.abs(p.mean - meanAt(known, p.t)));
    expect(errors.reduce((a, b) => a + b, 0) / errors.length).to.be.below(3);
  });

  it("backtest on the last week: ~90% coverage and the held-out peak inside the peak band", () => {
    const b = backtest(history, { holdoutSteps: 168, confidence: 0.9 });
    expect(b.holdoutSteps).to.equal(168);
    expect(b.coverage).to.be.within(0.8, 1);
    expect(b.peakWithinBand).to.equal(true);
  });

  it("on the simulator's contact model (noise proportional to volume, whole contacts) the 90% band covers ~90% of held-out weeks", () => {
    // 4 weeks of hourly contacts per seed and end, the last week held out: 3 weeks to fit.
    const ends = [Date.UTC(2026, 5, 1), Date.UTC(2026, 8, 14), Date.UTC(2026, 9, 5), Date.UTC(2026, 10, 24)];
    const coverage: number[] = [];
    for (const seed of [1, 2, 3, 4, 5]) {
      const model = new MetricsModel({ seed });
      for (const end of ends) {
        const history = Array.from({ length: 4 * 168 }, (_, i) => {
          const t = end - (4 * 168 - i) * HOUR_MS;
          return { t, v: model.contacts("q|VOICE", t, t + HOUR_MS) };
        });
        coverage.push(backtest(history, { holdoutSteps: 168, confidence: 0.9 }).coverage);
      }
    }
    const average = coverage.reduce((a, b) => a + b, 0) / coverage.length;
    expect(average, coverage.map((c) => c.toFixed(2)).join(" ")).to.be.within(0.86, 0.95);
    expect(Math.min(...coverage)).to.be.at.least(0.8);
  });

  it("never makes the band of whole counts narrower than half a contact either side", () => {
    // A quiet queue: 5 contacts an hour almost always, 4 or 6 now and then.
    const quiet = Array.from({ length: 21 * 24 }, (_, i) => ({ t: start + i * HOUR_MS, v: i % 37 === 0 ? 6 : i % 41 === 0 ? 4 : 5 }));
    const qf = forecast(decompose(quiet), { horizonSteps: 24 });
    for (const p of qf.points) {
      expect(p.mean - p.low).to.be.at.least(0.5 - 1e-9);
      expect(p.high - p.mean).to.be.at.least(0.5 - 1e-9);
    }
  });

  it("a flat series with no noise is forecast exactly", () => {
    const flat = Array.from({ length: 72 }, (_, i) => ({ t: start + i * HOUR_MS, v: 12 }));
    const ff = forecast(decompose(flat), { horizonSteps: 5 });
    expect(ff.peak).to.deep.equal({ t: start + 72 * HOUR_MS, mean: 12, low: 12, high: 12 });
  });

  it("uses a daily season below two weeks, and refuses under two days", () => {
    const short = generate({ ...known, days: 6 });
    expect(decompose(short).season).to.equal("daily");
    expect(() => decompose(short.slice(0, 30))).to.throw(RangeError, "a daily pattern needs at least 2 days of history, got 1.25 days (30 points)");
    expect(() => forecast(decompose(short), { horizonSteps: 0 })).to.throw(RangeError, "horizonSteps must be an integer >= 1, got 0");
    expect(() => forecast(decompose(short), { horizonSteps: 3, confidence: 1 })).to.throw(RangeError, "confidence must be within (0, 1), got 1");
  });

  it("slot 0 is Monday 00:00 UTC", () => {
    expect(slotOf(start, HOUR_MS, "weekly")).to.equal(0);
    expect(slotOf(start + 167 * HOUR_MS, HOUR_MS, "weekly")).to.equal(167);
    expect(slotOf(start + 168 * HOUR_MS, HOUR_MS, "weekly")).to.equal(0);
    expect(slotOf(start + 25 * HOUR_MS, HOUR_MS, "daily")).to.equal(1);
  });

  for (const [values, step] of [
    [[5, 4, 6, 5, 5], 1],
    [[4 / 3600, 5 / 3600, 7 / 3600], 1 / 3600],
    [[0.5, 0.25, 2], 0.25],
    [[3, 3, 3], 0],
    [[], 0],
  ] as const) {
    it(`resolutionOf([${values.join(", ")}]) = ${step}`, () => expect(resolutionOf(values)).to.be.closeTo(step, 1e-12));
  }
});
