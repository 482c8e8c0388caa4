import { expect } from "chai";
import { applyEvents, CapacityEventError, checkEvents, dayStart, parseEvent } from "../../../cli/capacity/events";
import { HOUR_MS, type ForecastPoint } from "../../../cli/capacity/forecast";

describe("capacity events: known busy or quiet days in the horizon (pure)", () => {
  for (const [value, event] of [
    ["2026-11-27=1.8", { date: "2026-11-27", factor: 1.8 }],
    ["2026-12-25=0.3", { date: "2026-12-25", factor: 0.3 }],
    ["2028-02-29=2", { date: "2028-02-29", factor: 2 }],
  ] as const) {
    it(`parses ${value}`, () => expect(parseEvent("--event", value)).to.deep.equal(event));
  }

  for (const value of ["2026-11-27", "2026-11-27=", "2026-11-27=abc", "2026-11-27=0", "2026-11-27=-1", "2026-11-27=21", "2026-02-30=1.5", "27/11/2026=1.8", "2026-11-27=1.8=2"]) {
    it(`refuses ${JSON.stringify(value)}, naming the flag and what is allowed`, () => {
      expect(() => parseEvent("--event", value)).to.throw(
        CapacityEventError,
        `--event "${value}": expected YYYY-MM-DD=FACTOR, a UTC calendar day and a factor > 0 and <= 20 (e.g. 2026-11-27=1.8 for 80% more contacts)`,
      );
    });
  }

  it("dayStart is the UTC midnight of a real calendar day only", () => {
    expect(dayStart("2026-11-27")).to.equal(Date.UTC(2026, 10, 27));
    expect(dayStart("2026-13-01")).to.equal(undefined);
    expect(dayStart("2026-1-01")).to.equal(undefined);
  });

  const horizonStart = Date.UTC(2026, 10, 23, 0);
  const horizonEnd = horizonStart + 7 * 24 * HOUR_MS;

  it("accepts distinct days inside the horizon and refuses one outside or twice", () => {
    expect(() => checkEvents("--event", [{ date: "2026-11-23", factor: 1.2 }, { date: "2026-11-29", factor: 0.8 }], horizonStart, horizonEnd)).not.to.throw();
    expect(() => checkEvents("--event", [{ date: "2026-11-30", factor: 1.2 }], horizonStart, horizonEnd)).to.throw(
      CapacityEventError,
      '--event "2026-11-30=1.2": expected a day within the forecast horizon, 2026-11-23 to 2026-11-29 (UTC)',
    );
    expect(() => checkEvents("--event", [{ date: "2025-11-28", factor: 1.8 }], horizonStart, horizonEnd)).to.throw(CapacityEventError, "within the forecast horizon");
    expect(() => checkEvents("--event", [{ date: "2026-11-27", factor: 1.8 }, { date: "2026-11-27", factor: 2 }], horizonStart, horizonEnd)).to.throw(
      CapacityEventError,
      '--event "2026-11-27=2": expected each day once',
    );
  });

  // Three days of a flat forecast, 10 +- 2, with the ordinary peak on the first day's noon.
  const points: ForecastPoint[] = Array.from({ length: 72 }, (_, i) => {
    const mean = i === 12 ? 12 : 10;
    return { t: horizonStart + i * HOUR_MS, mean, low: mean - 2, high: mean + 2 };
  });
  const plain = { points, peak: points[12]!, band: { low: -2, high: 2 } };

  it("multiplies every interval of an event day, band included, and takes the peak again", () => {
    const f = applyEvents(plain, [{ date: "2026-11-24", factor: 1.5 }, { date: "2026-11-25", factor: 0.5 }]);
    expect(f.points.slice(0, 24)).to.deep.equal(points.slice(0, 24));
    expect(f.points.slice(24, 48).every((p, i) => p.mean === 15 && p.low === 12 && p.high === 18 && p.t === points[24 + i]!.t)).to.equal(true);
    expect(f.points.slice(48).every((p) => p.mean === 5 && p.low === 4 && p.high === 6)).to.equal(true);
    expect(f.peak).to.deep.equal({ t: horizonStart + 24 * HOUR_MS, mean: 15, low: 12, high: 18 });
    expect(f.band).to.deep.equal({ low: -3, high: 3 });
  });

  it("a quiet day never moves the peak, and no events leave the forecast as it was", () => {
    expect(applyEvents(plain, [{ date: "2026-11-23", factor: 0.5 }]).peak).to.deep.equal(points[24]);
    expect(applyEvents(plain, [])).to.equal(plain);
  });
});
