import { expect } from "chai";
import { ACGR_REGION_PAIRS, acgrPairProblem, acgrSecondariesOf, isAcgrRegionPair } from "../../config/region-pairs";

describe("config: ACGR Region pairs", () => {
  const table: [string, string, boolean][] = [
    ["us-east-1", "us-west-2", true],
    ["us-west-2", "us-east-1", true],
    ["eu-central-1", "eu-west-2", true],
    ["eu-west-2", "eu-central-1", true],
    ["ap-northeast-1", "ap-northeast-3", true],
    ["ap-northeast-3", "ap-northeast-1", false],
    ["us-east-1", "us-east-1", false],
    ["us-east-1", "eu-west-2", false],
    ["eu-west-1", "eu-central-1", false],
  ];
  for (const [primary, secondary, ok] of table) {
    it(`${primary} -> ${secondary} is ${ok ? "" : "not "}a pair`, () => {
      expect(isAcgrRegionPair(primary, secondary)).to.equal(ok);
      expect(acgrPairProblem(primary, secondary) === undefined).to.equal(ok);
    });
  }

  it("holds exactly the five directions AWS documents", () => {
    expect(ACGR_REGION_PAIRS.map((p) => `${p.primary}>${p.secondary}`)).to.deep.equal([
      "us-east-1>us-west-2",
      "us-west-2>us-east-1",
      "eu-central-1>eu-west-2",
      "eu-west-2>eu-central-1",
      "ap-northeast-1>ap-northeast-3",
    ]);
  });

  it("names the partner when the primary is a source Region", () => {
    expect(acgrSecondariesOf("eu-central-1")).to.deep.equal(["eu-west-2"]);
    expect(acgrSecondariesOf("ap-northeast-3")).to.deep.equal([]);
    expect(acgrPairProblem("eu-central-1", "us-west-2")).to.equal("the ACGR partner of eu-central-1: eu-west-2");
  });
});
