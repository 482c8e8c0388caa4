import { expect } from "chai";
import { acgrPairProblem } from "../../../program/config/region-pairs";
import { canReplicate } from "../../../components/resiliency/acgr/region-pairs";

describe("config: ACGR Region pairs (data from components/resiliency/acgr/region-pairs.ts)", () => {
  const ALL = "us-east-1 -> us-west-2, us-west-2 -> us-east-1, eu-central-1 -> eu-west-2, eu-west-2 -> eu-central-1, ap-northeast-1 -> ap-northeast-3";
  const table: [string, string, string | undefined][] = [
    ["us-east-1", "us-west-2", undefined],
    ["us-west-2", "us-east-1", undefined],
    ["eu-central-1", "eu-west-2", undefined],
    ["eu-west-2", "eu-central-1", undefined],
    ["ap-northeast-1", "ap-northeast-3", undefined],
    ["ap-northeast-3", "ap-northeast-1", `an ACGR pair (primary -> secondary): ${ALL}`],
    ["us-east-1", "us-east-1", `a Region different from the primary Region (us-east-1); ACGR pairs: ${ALL}`],
    ["us-east-1", "eu-west-2", "the ACGR partner of us-east-1: us-west-2"],
    ["eu-central-1", "us-west-2", "the ACGR partner of eu-central-1: eu-west-2"],
    ["eu-west-1", "eu-central-1", `an ACGR pair (primary -> secondary): ${ALL}`],
  ];
  for (const [primary, secondary, problem] of table) {
    it(`${primary} -> ${secondary} is ${problem === undefined ? "" : "not "}a pair`, () => {
      expect(acgrPairProblem(primary, secondary)).to.equal(problem);
      expect(canReplicate(primary, secondary)).to.equal(problem === undefined);
    });
  }
});
