import { expect } from "chai";
import {
  checkQuotas,
  lambdaConcurrency,
  mergeQuotas,
  parseQuotaFlag,
  parseQuotasFile,
  provisionedConcurrency,
  quotaIncreases,
  requirement,
} from "../../../cli/capacity/quotas";

describe("capacity quotas", () => {
  it("parses --quota flags and names the flag, value and what is allowed on bad input", () => {
    expect(parseQuotaFlag("us-west-2:concurrent-calls=40")).to.deep.equal({ region: "us-west-2", key: "concurrentCalls", value: 40 });
    expect(parseQuotaFlag("eu-central-1:lambda-concurrency=1000")).to.deep.equal({ region: "eu-central-1", key: "lambdaConcurrency", value: 1000 });
    expect(() => parseQuotaFlag("us-west-2:calls=40")).to.throw(
      'unknown quota "calls" in "us-west-2:calls=40"; allowed: concurrent-calls, concurrent-chats, phone-numbers, queues, lambda-concurrency',
    );
    expect(() => parseQuotaFlag("uswest2:queues=4")).to.throw('--quota: "uswest2" in "uswest2:queues=4" is not an AWS Region name');
    expect(() => parseQuotaFlag("us-west-2:queues=-1")).to.throw('--quota: value "-1" in "us-west-2:queues=-1" must be a number >= 0');
    expect(() => parseQuotaFlag("40")).to.throw('--quota: "40" is not <region>:<name>=<value>');
  });

  it("reads our own file form and Service Quotas output, connect and lambda together", () => {
    const file = {
      "us-east-1": { concurrentCalls: 100, concurrentChats: 500, phoneNumbers: 10, queues: 50, lambdaConcurrency: 1000 },
      "us-west-2": [
        {
          Quotas: [
            { ServiceCode: "connect", QuotaName: "Concurrent active calls per instance", QuotaCode: "L-X", Value: 40 },
            { ServiceCode: "connect", QuotaName: "Queues per instance", Value: 50 },
            { ServiceCode: "connect", QuotaName: "Rate of GetMetricDataV2 API requests", Value: 5 },
          ],
        },
        { Quotas: [{ ServiceCode: "lambda", QuotaName: "Concurrent executions", Value: 400 }] },
      ],
    };
    expect(parseQuotasFile(file)).to.deep.equal({
      "us-east-1": { concurrentCalls: 100, concurrentChats: 500, phoneNumbers: 10, queues: 50, lambdaConcurrency: 1000 },
      "us-west-2": { concurrentCalls: 40, queues: 50, lambdaConcurrency: 400 },
    });
    expect(() => parseQuotasFile({ "us-east-1": { concurrentCals: 1 } })).to.throw('--service-quotas: "us-east-1" must be {"concurrentCalls": N');
    expect(() => parseQuotasFile([1])).to.throw("--service-quotas: expected an object keyed by Region");
    expect(mergeQuotas({ "us-east-1": { queues: 1, concurrentCalls: 5 } }, { "us-east-1": { queues: 2 } })).to.deep.equal({ "us-east-1": { queues: 2, concurrentCalls: 5 } });
  });

  it("flags the Region whose quota is below the all-traffic forecast peak and asks for an increase", () => {
    const reqs = [requirement("concurrentCalls", 61.2, 70.4, 0.2, "test"), requirement("lambdaConcurrency", 90, 120, 0.2, "test")];
    expect(reqs.map((r) => r.required)).to.deep.equal([85, 144]);
    const checks = checkQuotas(reqs, ["us-east-1", "us-west-2"], {
      "us-east-1": { concurrentCalls: 100, lambdaConcurrency: 1000 },
      "us-west-2": { concurrentCalls: 40 },
    });
    expect(checks.map((c) => [c.region, c.key, c.status])).to.deep.equal([
      ["us-east-1", "concurrentCalls", "ok"],
      ["us-east-1", "lambdaConcurrency", "ok"],
      ["us-west-2", "concurrentCalls", "insufficient"],
      ["us-west-2", "lambdaConcurrency", "unknown"],
    ]);
    expect(checks[2]!.utilization).to.be.closeTo(70.4 / 40, 1e-12);
    const inc = quotaIncreases(checks);
    expect(inc).to.have.length(1);
    expect(inc[0]).to.include({ region: "us-west-2", key: "concurrentCalls", serviceCode: "connect", quotaName: "Concurrent active calls per instance", current: 40, requested: 100 });
    expect(inc[0]!.reason).to.equal(
      "us-west-2 Concurrent active calls per instance is 40, below the 85 needed with all traffic in us-west-2 (forecast peak 61.2, upper band 70.4, plus headroom)",
    );
    expect(inc[0]!.command).to.contain("request-service-quota-increase --region us-west-2 --service-code connect");
  });

  it("a quota exactly at the requirement is enough", () => {
    const checks = checkQuotas([requirement("queues", 50, 50, 0, "count")], ["us-east-1"], { "us-east-1": { queues: 50 } });
    expect(checks[0]!.status).to.equal("ok");
  });

  it("Lambda concurrency = calls/s x invocations per contact x duration", () => {
    expect(lambdaConcurrency(2.5, 3, 0.8)).to.be.closeTo(6, 1e-12);
  });

  it("provisioned concurrency: floor at the expected peak, ceiling at the band with headroom over the target, an hour before the peak", () => {
    expect(provisionedConcurrency({ expectedPeak: 6, highPeak: 7.5, offPeak: 2.2, headroom: 0.2, peakHourUtc: 15, targetUtilization: 0.7 })).to.deep.include({
      minCapacity: 6,
      maxCapacity: 13,
      offPeakMinCapacity: 3,
      targetUtilization: 0.7,
      schedule: { cron: "cron(0 14 * * ? *)", minCapacity: 6 },
    });
    expect(provisionedConcurrency({ expectedPeak: 0.2, highPeak: 0.3, offPeak: 0, headroom: 0, peakHourUtc: 0 }).schedule.cron).to.equal("cron(0 23 * * ? *)");
  });
});
