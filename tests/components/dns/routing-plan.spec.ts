import { expect } from "chai";
import { ArgumentError } from "../../../components/argument-error";
import { isRegionCode, planRoutingRecords, type RoutingIntent } from "../../../components/dns/routing-plan";

describe("dns/routing-plan", () => {
  it("plans one failover record per Region with the Region as set identifier", () => {
    expect(planRoutingRecords("failover", { "us-east-1": { failover: "PRIMARY" }, "us-west-2": { failover: "SECONDARY" } })).to.deep.equal([
      { region: "us-east-1", setIdentifier: "us-east-1", failover: "PRIMARY" },
      { region: "us-west-2", setIdentifier: "us-west-2", failover: "SECONDARY" },
    ]);
  });

  it("plans weighted records, zero weights included", () => {
    expect(planRoutingRecords("weighted", { "eu-central-1": { weight: 255 }, "eu-west-2": { weight: 0 } })).to.deep.equal([
      { region: "eu-central-1", setIdentifier: "eu-central-1", weight: 255 },
      { region: "eu-west-2", setIdentifier: "eu-west-2", weight: 0 },
    ]);
  });

  const invalid: Array<[string, "failover" | "weighted", Record<string, RoutingIntent>, string]> = [
    ["an unknown policy", "latency" as "failover", { "us-east-1": {} }, `FailoverDns: invalid 'routingPolicy' = "latency"; allowed: 'failover' or 'weighted'`],
    ["a key that is not a Region", "failover", { primary: { failover: "PRIMARY" }, "us-west-2": { failover: "SECONDARY" } }, `FailoverDns: invalid 'endpoints' = "primary"; keys must be AWS Region codes`],
    ["one failover Region", "failover", { "us-east-1": { failover: "PRIMARY" } }, `FailoverDns: invalid 'endpoints' = ["us-east-1"]; failover routing needs exactly two Regions`],
    ["three failover Regions", "failover", { "us-east-1": { failover: "PRIMARY" }, "us-west-2": { failover: "SECONDARY" }, "eu-west-2": { failover: "SECONDARY" } }, "failover routing needs exactly two Regions"],
    ["two PRIMARY records", "failover", { "us-east-1": { failover: "PRIMARY" }, "us-west-2": { failover: "PRIMARY" } }, `FailoverDns: invalid 'endpoints.*.failover' = {"us-east-1":"PRIMARY","us-west-2":"PRIMARY"}; exactly one PRIMARY and one SECONDARY are required`],
    ["a missing role", "failover", { "us-east-1": { failover: "PRIMARY" }, "us-west-2": {} }, `FailoverDns: invalid 'endpoints.us-west-2.failover' = undefined; allowed: 'PRIMARY' or 'SECONDARY'`],
    ["a weight under failover", "failover", { "us-east-1": { failover: "PRIMARY", weight: 1 }, "us-west-2": { failover: "SECONDARY" } }, `FailoverDns: invalid 'endpoints.us-east-1.weight' = 1; allowed only under weighted routing`],
    ["one weighted Region", "weighted", { "us-east-1": { weight: 1 } }, "weighted routing needs at least two Regions"],
    ["a weight above 255", "weighted", { "us-east-1": { weight: 256 }, "us-west-2": { weight: 1 } }, `FailoverDns: invalid 'endpoints.us-east-1.weight' = 256; allowed: an integer from 0 to 255`],
    ["a negative weight", "weighted", { "us-east-1": { weight: -1 }, "us-west-2": { weight: 1 } }, `invalid 'endpoints.us-east-1.weight' = -1`],
    ["a fractional weight", "weighted", { "us-east-1": { weight: 1.5 }, "us-west-2": { weight: 1 } }, `invalid 'endpoints.us-east-1.weight' = 1.5`],
    ["a missing weight", "weighted", { "us-east-1": { weight: 1 }, "us-west-2": {} }, `FailoverDns: invalid 'endpoints.us-west-2.weight' = null; allowed: an integer from 0 to 255`],
    ["a failover role under weighted", "weighted", { "us-east-1": { weight: 1, failover: "PRIMARY" }, "us-west-2": { weight: 1 } }, `FailoverDns: invalid 'endpoints.us-east-1.failover' = "PRIMARY"; allowed only under failover routing`],
  ];
  for (const [title, policy, endpoints, message] of invalid) {
    it(`rejects ${title}`, () => {
      const err = (() => {
        try {
          planRoutingRecords(policy, endpoints);
        } catch (e) {
          return e;
        }
      })();
      expect(err).to.be.instanceOf(ArgumentError);
      expect((err as Error).message).to.contain(message);
    });
  }

  it("recognises Region codes across partitions", () => {
    expect(["us-east-1", "ap-northeast-3", "us-gov-west-1", "us-isob-east-1"].every(isRegionCode)).to.equal(true);
    expect(["us-east", "US-EAST-1", "useast1", "", 1].some(isRegionCode)).to.equal(false);
  });
});
