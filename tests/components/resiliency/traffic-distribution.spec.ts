import { expect } from "chai";
import {
  DistributionError,
  activeRegion,
  assertValidDistribution,
  describeDistribution,
  fromGetTrafficDistributionOutput,
  isSplit,
  planShift,
  sameDistribution,
  shareProblems,
  toUpdateTrafficDistributionInput,
  type TrafficDistribution,
} from "../../../components/resiliency/traffic-distribution";

const pair = ["us-east-1", "us-west-2"] as const;
const allEast: TrafficDistribution = {
  telephony: [{ region: "us-east-1", percentage: 100 }, { region: "us-west-2", percentage: 0 }],
  agents: [{ region: "us-east-1", percentage: 100 }, { region: "us-west-2", percentage: 0 }],
  signIn: [{ region: "us-east-1", enabled: true }, { region: "us-west-2", enabled: true }],
};

describe("traffic distribution rules", () => {
  const cases: { name: string; shares: { region: string; percentage: number }[]; problems: string[] }[] = [
    { name: "valid 70/30", shares: [{ region: "us-east-1", percentage: 70 }, { region: "us-west-2", percentage: 30 }], problems: [] },
    {
      name: "not a 10% step",
      shares: [{ region: "us-east-1", percentage: 75 }, { region: "us-west-2", percentage: 25 }],
      problems: ["telephony: us-east-1 = 75%; allowed: 0 to 100 in steps of 10", "telephony: us-west-2 = 25%; allowed: 0 to 100 in steps of 10"],
    },
    {
      name: "sum not 100",
      shares: [{ region: "us-east-1", percentage: 70 }, { region: "us-west-2", percentage: 20 }],
      problems: ["telephony: percentages sum to 90; they must sum to 100"],
    },
    {
      name: "one Region missing",
      shares: [{ region: "us-east-1", percentage: 100 }],
      problems: ["telephony: Region us-west-2 is not named; both Regions of the pair us-east-1/us-west-2 must be"],
    },
    {
      name: "Region outside the pair",
      shares: [{ region: "us-east-1", percentage: 50 }, { region: "us-west-2", percentage: 0 }, { region: "eu-west-2", percentage: 50 }],
      problems: ["telephony: Region eu-west-2 is not in the pair us-east-1/us-west-2"],
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(shareProblems("telephony", c.shares, pair)).to.deep.equal(c.problems));
  }

  it("assertValidDistribution lists every problem of telephony and agents at once", () => {
    const bad = { telephony: [{ region: "us-east-1", percentage: 55 }, { region: "us-west-2", percentage: 45 }], agents: [{ region: "us-east-1", percentage: 100 }] };
    expect(() => assertValidDistribution(bad, pair)).to.throw(DistributionError, /telephony: us-east-1 = 55%.*agents: Region us-west-2 is not named/);
  });
});

describe("planShift", () => {
  it("moves telephony, agents and sign-in together on the default group", () => {
    const planned = planShift(allEast, { toRegion: "us-west-2" }, pair);
    expect(planned).to.deep.equal({
      telephony: [{ region: "us-west-2", percentage: 100 }, { region: "us-east-1", percentage: 0 }],
      agents: [{ region: "us-west-2", percentage: 100 }, { region: "us-east-1", percentage: 0 }],
      signIn: [{ region: "us-east-1", enabled: true }, { region: "us-west-2", enabled: true }],
    });
    expect(isSplit(planned)).to.equal(false);
    expect(activeRegion(planned)).to.equal("us-west-2");
  });

  it("plans a partial shift in 10% steps", () => {
    const planned = planShift(allEast, { toRegion: "us-west-2", percent: 30 }, pair);
    expect(planned.telephony).to.deep.equal([{ region: "us-west-2", percentage: 30 }, { region: "us-east-1", percentage: 70 }]);
  });

  it("plans telephony only on a non-default group", () => {
    const planned = planShift({ telephony: allEast.telephony }, { toRegion: "us-west-2" }, pair);
    expect(planned).to.deep.equal({ telephony: [{ region: "us-west-2", percentage: 100 }, { region: "us-east-1", percentage: 0 }] });
  });

  const refused: [string, { toRegion: string; percent?: number }, string][] = [
    ["a Region outside the pair", { toRegion: "eu-west-2" }, "toRegion: eu-west-2 is not in the pair us-east-1/us-west-2"],
    ["a percentage off the 10% grid", { toRegion: "us-west-2", percent: 35 }, "percent: 35; allowed: 0 to 100 in steps of 10"],
    ["a percentage above 100", { toRegion: "us-west-2", percent: 110 }, "percent: 110; allowed: 0 to 100 in steps of 10"],
  ];
  for (const [name, request, message] of refused) {
    it(`refuses ${name}`, () => expect(() => planShift(allEast, request, pair)).to.throw(DistributionError, message));
  }
});

describe("distribution comparison and wire format", () => {
  it("sees a repeat request as no change, whatever the order of Regions", () => {
    const planned = planShift(allEast, { toRegion: "us-east-1" }, pair);
    expect(sameDistribution(allEast, planned)).to.equal(true);
    expect(sameDistribution(allEast, planShift(allEast, { toRegion: "us-west-2" }, pair))).to.equal(false);
  });

  it("detects telephony and agents split across Regions", () => {
    expect(isSplit({ ...allEast, agents: [{ region: "us-east-1", percentage: 0 }, { region: "us-west-2", percentage: 100 }] })).to.equal(true);
    expect(isSplit({ telephony: allEast.telephony })).to.equal(false);
  });

  it("builds the UpdateTrafficDistribution request and refuses a bare id", () => {
    const arn = "arn:aws:connect:us-west-2:111122223333:traffic-distribution-group/abc";
    expect(toUpdateTrafficDistributionInput(arn, allEast)).to.deep.equal({
      Id: arn,
      TelephonyConfig: { Distributions: [{ Region: "us-east-1", Percentage: 100 }, { Region: "us-west-2", Percentage: 0 }] },
      AgentConfig: { Distributions: [{ Region: "us-east-1", Percentage: 100 }, { Region: "us-west-2", Percentage: 0 }] },
      SignInConfig: { Distributions: [{ Region: "us-east-1", Enabled: true }, { Region: "us-west-2", Enabled: true }] },
    });
    expect(() => toUpdateTrafficDistributionInput("abc", allEast)).to.throw(DistributionError, "group: abc is an id");
  });

  it("round-trips through the GetTrafficDistribution shape", () => {
    const wire = toUpdateTrafficDistributionInput("arn:aws:connect:us-east-1:111122223333:traffic-distribution-group/x", allEast);
    expect(fromGetTrafficDistributionOutput(wire)).to.deep.equal(allEast);
    expect(describeDistribution(allEast)).to.equal("telephony us-east-1 100% / us-west-2 0%; agents us-east-1 100% / us-west-2 0%; sign-in us-east-1 on / us-west-2 on");
  });
});
