import { expect } from "chai";
import { canReplicate } from "../../../components/resiliency/acgr/region-pairs";
import { parseInstanceArn, replicaInstanceArn, replicationProblems } from "../../../components/resiliency/acgr/preconditions";

const id = "11111111-2222-3333-4444-555555555555";
const arn = `arn:aws:connect:us-east-1:111122223333:instance/${id}`;

describe("ACGR Region pairs", () => {
  const table: [string, string, boolean][] = [
    ["us-east-1", "us-west-2", true],
    ["us-west-2", "us-east-1", true],
    ["eu-central-1", "eu-west-2", true],
    ["eu-west-2", "eu-central-1", true],
    ["ap-northeast-1", "ap-northeast-3", true],
    ["ap-northeast-3", "ap-northeast-1", false],
    ["us-east-1", "eu-west-2", false],
    ["us-east-1", "us-east-1", false],
  ];
  for (const [source, replica, allowed] of table) it(`${source} -> ${replica}: ${allowed}`, () => expect(canReplicate(source, replica)).to.equal(allowed));
});

describe("ReplicateInstance preconditions", () => {
  const good = { instanceId: id, region: "us-east-1", alias: "acme", identityManagementType: "SAML", status: "ACTIVE" };
  it("a SAML, aliased, ACTIVE instance in a pair Region passes", () => expect(replicationProblems(good, "us-west-2")).to.deep.equal([]));
  it("lists every unmet precondition at once", () => {
    expect(replicationProblems({ instanceId: id, region: "ap-northeast-3", identityManagementType: "CONNECT_MANAGED", status: "CREATION_IN_PROGRESS" }, "ap-northeast-1")).to.deep.equal([
      "replicaRegion: ap-northeast-1 cannot replicate an instance in ap-northeast-3; allowed: none: ap-northeast-3 is not an ACGR source Region (sources: us-east-1, us-west-2, eu-central-1, eu-west-2, ap-northeast-1)",
      `instance ${id}: has no instance alias; ACGR needs one`,
      `instance ${id}: identity management is CONNECT_MANAGED; ACGR needs SAML`,
      `instance ${id}: status is CREATION_IN_PROGRESS; ReplicateInstance needs ACTIVE`,
    ]);
  });
  it("parses instance ARNs and derives the replica's (same account and id)", () => {
    expect(parseInstanceArn(arn)).to.deep.equal({ partition: "aws", region: "us-east-1", account: "111122223333", instanceId: id });
    expect(replicaInstanceArn(arn, "us-west-2")).to.equal(`arn:aws:connect:us-west-2:111122223333:instance/${id}`);
    expect(() => parseInstanceArn("instance/abc")).to.throw('sourceInstanceArn: found "instance/abc"; expected arn:aws:connect:<region>:<account>:instance/<uuid>');
  });
});
