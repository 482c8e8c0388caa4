import { expect } from "chai";
import { fullBucket, refill, reserve, tryTake, assertQuota, type BucketState } from "../../../../cli/operations/rate/token-bucket";
import { clientBucket, parseQuotaFile, quotaFor, uniformQuotas, CONNECT_DEFAULT_QUOTA } from "../../../../cli/operations/rate/quotas";
import { RateLimiter } from "../../../../cli/operations/rate/rate-limiter";

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

describe("client bucket headroom", () => {
  const table: { server: { ratePerSecond: number; burst: number }; client: { ratePerSecond: number; burst: number } }[] = [
    { server: { ratePerSecond: 2, burst: 5 }, client: { ratePerSecond: 2, burst: 3 } },
    { server: { ratePerSecond: 50, burst: 2 }, client: { ratePerSecond: 50, burst: 1 } },
    { server: { ratePerSecond: 1, burst: 1 }, client: { ratePerSecond: 1, burst: 1 } },
    { server: { ratePerSecond: 50, burst: 5 }, client: { ratePerSecond: 50, burst: 3 } },
    { server: { ratePerSecond: 50, burst: 20 }, client: { ratePerSecond: 50, burst: 18 } },
  ];
  for (const t of table) {
    it(`server ${t.server.ratePerSecond}/s burst ${t.server.burst} -> client burst ${t.client.burst}`, () => expect(clientBucket(t.server)).to.deep.equal(t.client));
  }

  it("the limiter applies it: with the Connect default the 4th immediate call waits", async () => {
    let now = 0;
    const sleeps: number[] = [];
    const limiter = new RateLimiter(uniformQuotas(2, 5), () => now, async (ms) => void (sleeps.push(ms), (now += ms)));
    await Promise.all([0, 1, 2, 3].map(() => limiter.acquire("p", "ListQueues")));
    expect(sleeps).to.deep.equal([500]);
  });
});

describe("RateLimiter", () => {
  it("keeps one strict bucket per (partition, API), serves FIFO and never banks stalled time", async () => {
    let now = 0;
    const sleeps: number[] = [];
    const order: string[] = [];
    const limiter = new RateLimiter(uniformQuotas(2, 1), () => now, async (ms) => void (sleeps.push(ms), (now += ms)), 0);
    await Promise.all([
      limiter.acquire("111/us-east-1", "ListQueues").then(() => order.push("a")),
      limiter.acquire("111/us-east-1", "ListQueues").then(() => order.push("b")),
      limiter.acquire("111/us-east-1", "ListHoursOfOperations").then(() => order.push("h")),
      limiter.acquire("222/us-east-1", "ListQueues").then(() => order.push("other-account")),
      limiter.acquire("111/us-east-1", "ListQueues").then(() => order.push("c")),
    ]);
    expect(sleeps).to.deep.equal([500, 500]);
    expect(order.filter((x) => "abc".includes(x))).to.deep.equal(["a", "b", "c"]);
    // A long stall: the bucket holds at most its burst (1), so only one call goes at once.
    now += 60_000;
    sleeps.length = 0;
    await Promise.all([1, 2, 3].map(() => limiter.acquire("111/us-east-1", "ListQueues")));
    expect(sleeps).to.deep.equal([500, 500]);
    expect(limiter.snapshot()["111/us-east-1|ListQueues"]!.calls).to.equal(6);
  });

  it("tryTake: strict bucket, never negative", () => {
    const q = { ratePerSecond: 2, burst: 2 };
    const a = tryTake(fullBucket(q, 0), q, 0);
    const b = tryTake(a.state, q, 0);
    const c = tryTake(b.state, q, 0);
    expect([a.taken, b.taken, c.taken]).to.deep.equal([true, true, false]);
    expect(c.waitMs).to.equal(500);
    expect(c.state.tokens).to.equal(0);
    expect(tryTake(c.state, q, 500).taken).to.equal(true);
  });
});
