import { expect } from "chai";
import { fullBucket, refill, reserve, assertQuota, type BucketState } from "../../../operations/rate/token-bucket";
import { parseQuotaFile, quotaFor, uniformQuotas, CONNECT_DEFAULT_QUOTA } from "../../../operations/rate/quotas";
import { RateLimiter } from "../../../operations/rate/rate-limiter";

describe("token bucket (pure)", () => {
  const q = { ratePerSecond: 2, burst: 5 };

  it("grants the burst at once, then one token per 1/rate seconds, FIFO", () => {
    let s: BucketState = fullBucket(q, 0);
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const r = reserve(s, q, 0);
      s = r.state;
      waits.push(r.waitMs);
    }
    expect(waits).to.deep.equal([0, 0, 0, 0, 0, 500, 1000, 1500]);
  });

  const table: { name: string; state: BucketState; now: number; tokens: number }[] = [
    { name: "refills with elapsed time", state: { tokens: 0, atMs: 0 }, now: 1000, tokens: 2 },
    { name: "caps at the burst", state: { tokens: 4, atMs: 0 }, now: 10_000, tokens: 5 },
    { name: "pays back queued reservations first", state: { tokens: -3, atMs: 0 }, now: 1000, tokens: -1 },
    { name: "ignores a clock going backwards", state: { tokens: 1, atMs: 5000 }, now: 4000, tokens: 1 },
  ];
  for (const t of table) {
    it(t.name, () => expect(refill(t.state, q, t.now).tokens).to.equal(t.tokens));
  }

  it("waits exactly until the next token when partially refilled", () => {
    const r = reserve({ tokens: 0.5, atMs: 0 }, q, 0);
    expect(r.waitMs).to.equal(250);
    expect(r.state.tokens).to.equal(-0.5);
  });

  it("rejects unusable quotas naming the field", () => {
    expect(() => assertQuota({ ratePerSecond: 0, burst: 5 }, "CreateQueue")).to.throw("CreateQueue: ratePerSecond must be a number > 0, got 0");
    expect(() => assertQuota({ ratePerSecond: 1, burst: 0.5 }, "x")).to.throw("x: burst must be a number >= 1, got 0.5");
  });
});

describe("quota files", () => {
  it("reads our own format over the Connect default", () => {
    const t = parseQuotaFile({ default: { ratePerSecond: 5, burst: 10 }, apis: { CreateContactFlow: { ratePerSecond: 1 } } });
    expect(quotaFor(t, "ListQueues")).to.deep.equal({ ratePerSecond: 5, burst: 10 });
    expect(quotaFor(t, "CreateContactFlow")).to.deep.equal({ ratePerSecond: 1, burst: 10 });
  });

  it("reads `aws service-quotas list-service-quotas` output", () => {
    const t = parseQuotaFile({
      Quotas: [
        { QuotaName: "Rate of ListQueues API requests", Value: 10, QuotaCode: "L-1" },
        { QuotaName: "Burst of ListQueues API requests", Value: 15 },
        { QuotaName: "Phone numbers per instance", Value: 5 },
      ],
    });
    expect(quotaFor(t, "ListQueues")).to.deep.equal({ ratePerSecond: 10, burst: 15 });
    expect(quotaFor(t, "DescribeQueue")).to.deep.equal(CONNECT_DEFAULT_QUOTA);
  });

  it("explains the formats when the file is neither", () => {
    expect(() => parseQuotaFile({ rate: 3 })).to.throw(/expected either .*list-service-quotas/);
  });

  it("uniformQuotas validates", () => {
    expect(uniformQuotas(50, 5).default).to.deep.equal({ ratePerSecond: 50, burst: 5 });
    expect(() => uniformQuotas(-1, 5)).to.throw("ratePerSecond");
  });
});

describe("RateLimiter", () => {
  it("keeps one bucket per (partition, API) and sleeps for the reserved wait", async () => {
    const sleeps: number[] = [];
    const limiter = new RateLimiter(uniformQuotas(2, 1), () => 0, async (ms) => void sleeps.push(ms));
    await limiter.acquire("111/us-east-1", "ListQueues");
    await limiter.acquire("111/us-east-1", "ListQueues");
    await limiter.acquire("111/us-east-1", "ListHoursOfOperations");
    await limiter.acquire("222/us-east-1", "ListQueues");
    await limiter.acquire("111/us-east-1", "ListQueues");
    expect(sleeps).to.deep.equal([500, 1000]);
    expect(limiter.snapshot()["111/us-east-1|ListQueues"]).to.deep.equal({ calls: 3, waitedMs: 1500 });
  });
});
