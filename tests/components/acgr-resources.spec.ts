import { expect } from "chai";
import { ArgumentError } from "../../components/argument-error";
import { InstanceReplica } from "../../components/instance-replica";
import { TrafficDistributionGroup, declaredDistribution } from "../../components/traffic-distribution-group";
import { MockCloud, settle } from "../../synthesis/mock-cloud";
// The engine's dynamic provider host loads providers this way; so does this test.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requireFromString: (code: string) => { handler: () => Record<string, unknown> } = require("require-from-string");

const sourceArn = "arn:aws:connect:us-east-1:111122223333:instance/11111111-2222-3333-4444-555555555555";

describe("ACGR dynamic resources under the mock runtime", () => {
  it("declare a replica whose serialized provider the engine can load", async () => {
    const cloud = new MockCloud().install();
    new InstanceReplica("replica", { sourceInstanceArn: sourceArn, sourceRegion: "us-east-1", replicaRegion: "us-west-2", replicaAlias: "acme-west" });
    await settle();
    const replica = cloud.named("replica");
    expect(replica.type).to.equal("pulumi-nodejs:dynamic/connect-dr:InstanceReplica");
    expect(replica.inputs).to.deep.include({ sourceInstanceArn: sourceArn, replicaRegion: "us-west-2", replicaAlias: "acme-west", timeoutSeconds: 3600, pollSeconds: 15 });
    const provider = requireFromString(replica.inputs.__provider).handler();
    expect(Object.keys(provider).sort()).to.deep.equal(["check", "create", "delete", "diff", "read", "update"]);
  });

  it("declare the default group with telephony, agents and sign-in on the source Region", async () => {
    const cloud = new MockCloud().install();
    new TrafficDistributionGroup("tdg", { instanceArn: sourceArn, pair: ["us-east-1", "us-west-2"], phoneNumberIds: ["pn-1"] });
    await settle();
    const tdg = cloud.named("tdg").inputs;
    expect(tdg).to.deep.include({ useDefaultGroup: true, replicaRegion: "us-west-2", phoneNumberIds: ["pn-1"], name: "tdg" });
    expect(tdg.distribution).to.deep.equal(declaredDistribution({ pair: ["us-east-1", "us-west-2"] }));
    expect(tdg.distribution.telephony).to.deep.equal([{ region: "us-east-1", percentage: 100 }, { region: "us-west-2", percentage: 0 }]);
    expect(typeof requireFromString(tdg.__provider).handler().update).to.equal("function");
  });

  const invalid: [string, () => unknown, string][] = [
    [
      "a replica Region outside the pair",
      () => new InstanceReplica("r", { sourceInstanceArn: sourceArn, sourceRegion: "us-east-1", replicaRegion: "eu-west-2", replicaAlias: "a" }),
      `InstanceReplica: invalid 'replicaRegion' = "eu-west-2"; a replica Region for us-east-1: us-west-2`,
    ],
    [
      "an active Region outside the pair",
      () => new TrafficDistributionGroup("t", { instanceArn: sourceArn, pair: ["us-east-1", "us-west-2"], activeRegion: "eu-west-2" }),
      `TrafficDistributionGroup: invalid 'activeRegion' = "eu-west-2"; one of the pair us-east-1, us-west-2`,
    ],
    [
      "a percentage off the 10% grid",
      () => new TrafficDistributionGroup("t", { instanceArn: sourceArn, pair: ["us-east-1", "us-west-2"], activePercent: 55 }),
      `TrafficDistributionGroup: invalid 'activePercent' = 55; 0 to 100 in steps of 10`,
    ],
  ];
  for (const [name, make, message] of invalid) {
    it(`reject ${name}`, () => {
      new MockCloud().install();
      expect(make).to.throw(ArgumentError, message);
    });
  }
});
