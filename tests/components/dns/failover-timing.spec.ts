import { expect } from "chai";
import { type DetectionSource, detectionSeconds, failoverTiming } from "../../../components/dns/failover-timing";

describe("dns/failover-timing", () => {
  describe("detectionSeconds", () => {
    const cases: Array<[DetectionSource, number]> = [
      [{ kind: "probe", requestIntervalSeconds: 30, failureThreshold: 3 }, 90],
      [{ kind: "probe", requestIntervalSeconds: 10, failureThreshold: 1 }, 10],
      [{ kind: "probe", requestIntervalSeconds: 10, failureThreshold: 10 }, 100],
      [{ kind: "probe", requestIntervalSeconds: 30, failureThreshold: 10 }, 300],
      [{ kind: "alarm", alarmDetectionSeconds: 180 }, 180],
      [{ kind: "alarm", alarmDetectionSeconds: 10 }, 10],
    ];
    for (const [source, expected] of cases) {
      it(`${JSON.stringify(source)} -> ${expected} s`, () => expect(detectionSeconds(source)).to.equal(expected));
    }

    const invalid: Array<[DetectionSource, string]> = [
      [{ kind: "probe", requestIntervalSeconds: 15, failureThreshold: 3 }, "invalid 'requestIntervalSeconds' = 15; allowed: 10 or 30"],
      [{ kind: "probe", requestIntervalSeconds: 30, failureThreshold: 0 }, "invalid 'failureThreshold' = 0; allowed: an integer from 1 to 10"],
      [{ kind: "probe", requestIntervalSeconds: 30, failureThreshold: 11 }, "invalid 'failureThreshold' = 11; allowed: an integer from 1 to 10"],
      [{ kind: "probe", requestIntervalSeconds: 30, failureThreshold: 2.5 }, "invalid 'failureThreshold' = 2.5; allowed: an integer from 1 to 10"],
      [{ kind: "alarm", alarmDetectionSeconds: 5 }, "invalid 'alarmDetectionSeconds' = 5; allowed: an integer from 10 to"],
    ];
    for (const [source, message] of invalid) {
      it(`rejects ${JSON.stringify(source)}`, () => expect(() => detectionSeconds(source)).to.throw(RangeError, message));
    }
  });

  describe("failoverTiming", () => {
    it("adds the TTL to the slowest endpoint's detection", () => {
      const timing = failoverTiming(
        [
          { kind: "probe", requestIntervalSeconds: 10, failureThreshold: 3 },
          { kind: "alarm", alarmDetectionSeconds: 120 },
        ],
        60,
      );
      expect(timing).to.deep.equal({ detectionSeconds: 120, ttlSeconds: 60, worstCaseSeconds: 180 });
    });

    it("uses the AWS defaults as documented: 30 s x 3 + 60 s TTL = 150 s", () => {
      expect(failoverTiming([{ kind: "probe", requestIntervalSeconds: 30, failureThreshold: 3 }], 60).worstCaseSeconds).to.equal(150);
    });

    it("rejects no sources and a negative TTL", () => {
      expect(() => failoverTiming([], 60)).to.throw(RangeError, "invalid 'sources' = []");
      expect(() => failoverTiming([{ kind: "alarm", alarmDetectionSeconds: 60 }], -1)).to.throw(RangeError, "invalid 'ttlSeconds' = -1");
    });
  });
});
