import { expect } from "chai";
import { leastSquares, niceCeil, percentiles, poissonQuantile, quantile } from "../../../cli/capacity/stats";

describe("capacity stats", () => {
  const q: [number[], number, number][] = [
    [[1, 2, 3, 4, 10], 0.5, 3],
    [[1, 2, 3, 4, 10], 0.9, 7.6],
    [[1, 2, 3, 4, 10], 0.99, 9.76],
    [[10, 4, 1, 3, 2], 0, 1],
    [[10, 4, 1, 3, 2], 1, 10],
    [[5], 0.37, 5],
    [[1, 2], 0.25, 1.25],
  ];
  for (const [values, p, want] of q) {
    it(`quantile(${JSON.stringify(values)}, ${p}) = ${want} (type 7, as NumPy)`, () => {
      expect(quantile(values, p)).to.be.closeTo(want, 1e-12);
    });
  }

  it("quantile rejects an empty list and p outside [0, 1]", () => {
    expect(() => quantile([], 0.5)).to.throw(RangeError, "no values");
    expect(() => quantile([1], 1.5)).to.throw(RangeError, "p must be within [0, 1], got 1.5");
  });

  it("percentiles of 1..100 ms", () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    const got = percentiles(v);
    const want = { count: 100, min: 1, p50: 50.5, p90: 90.1, p99: 99.01, max: 100, mean: 50.5 };
    for (const [k, x] of Object.entries(want)) expect(got[k as keyof typeof got], k).to.be.closeTo(x, 1e-9);
    expect(percentiles([])).to.deep.equal({ count: 0, min: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0 });
  });

  it("least squares recovers an exact line and gives slope 0 for one x", () => {
    expect(leastSquares([0, 1, 2, 3], [1, 3, 5, 7])).to.deep.equal({ intercept: 1, slope: 2 });
    expect(leastSquares([2, 2], [1, 3])).to.deep.equal({ intercept: 2, slope: 0 });
    expect(() => leastSquares([1], [1, 2])).to.throw(RangeError, "1 x values but 2 y values");
  });

  // Exact values (CDF summed term by term in double precision).
  const pq: [number, number, number][] = [
    [10, 0.99, 18],
    [1, 0.5, 1],
    [100, 0.99, 124],
    [0.5, 0.9, 1],
    [2500, 0.99, 2617],
    [40, 0.95, 51],
    [0, 0.99, 0],
  ];
  for (const [lambda, p, k] of pq) {
    it(`Poisson(${lambda}) ${p}-quantile is ${k}`, () => expect(poissonQuantile(lambda, p)).to.equal(k));
  }

  const nice: [number, number][] = [[0, 0], [7, 8], [10, 10], [11, 12], [13, 15], [41, 50], [101, 120], [1234, 1500], [0.3, 1]];
  for (const [x, want] of nice) it(`niceCeil(${x}) = ${want}`, () => expect(niceCeil(x)).to.equal(want));
});
