import { expect } from "chai";
import { ArgumentError } from "../../../components/argument-error";
import { InstanceReplica } from "../../../components/resiliency/instance-replica";
import { TrafficDistributionGroup, declaredDistribution } from "../../../components/resiliency/traffic-distribution-group";
import { MockCloud, resolve, settle } from "../../../tools/synthesis/mock-cloud";
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
    expect(replica.type).to.equal("pulumi-nodejs:dynamic/acgr:InstanceReplica");
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

  it("carry their own type tokens (contract A), aliased from the types they had, so stacks keep them", async () => {
    const cloud = new MockCloud().install();
    const replica = new InstanceReplica("replica", { sourceInstanceArn: sourceArn, sourceRegion: "us-east-1", replicaRegion: "us-west-2", replicaAlias: "acme-west" });
    const tdg = new TrafficDistributionGroup("tdg", { instanceArn: sourceArn, pair: ["us-east-1", "us-west-2"] });
    await settle();
    expect([cloud.named("replica").type, cloud.named("tdg").type]).to.deep.equal(["pulumi-nodejs:dynamic/acgr:InstanceReplica", "pulumi-nodejs:dynamic/acgr:TrafficDistributionGroup"]);
    // The SDK keeps a resource's aliases as URNs; the engine matches old state by them.
    const aliases = async (r: object) => Promise.all((r as { __aliases: unknown[] }).__aliases.map((a) => resolve(a as string)));
    expect(await aliases(tdg)).to.deep.equal([
      "urn:pulumi:test::connect-dr::pulumi-nodejs:dynamic:Resource::tdg",
      "urn:pulumi:test::connect-dr::pulumi-nodejs:dynamic/connect-dr:TrafficDistributionGroup::tdg",
    ]);
    expect(await aliases(replica)).to.deep.equal([
      "urn:pulumi:test::connect-dr::pulumi-nodejs:dynamic:Resource::replica",
      "urn:pulumi:test::connect-dr::pulumi-nodejs:dynamic/connect-dr:InstanceReplica::replica",
    ]);
  });

  it("expose their outputs after construction (declared, not class fields reset after super())", async () => {
    new MockCloud().install();
    const replica = new InstanceReplica("replica", { sourceInstanceArn: sourceArn, sourceRegion: "us-east-1", replicaRegion: "us-west-2", replicaAlias: "acme-west" });
    const tdg = new TrafficDistributionGroup("tdg", { instanceArn: sourceArn, pair: ["us-east-1", "us-west-2"] });
    // Same account and instance id, the replica Region (ReplicateInstance's documented result).
    expect(await resolve(replica.replicaArn)).to.equal("arn:aws:connect:us-west-2:111122223333:instance/11111111-2222-3333-4444-555555555555");
    expect(await resolve(replica.instanceId)).to.equal("11111111-2222-3333-4444-555555555555");
    expect(await resolve(tdg.arn)).to.match(/^arn:aws:connect:us-east-1:111122223333:traffic-distribution-group\/[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/);
  });

  const invalid: [string, () => unknown, string][] = [
    [
      "a replica Region outside the pair",
      () => new InstanceReplica("r", { sourceInstanceArn: sourceArn, sourceRegion: "us-east-1", replicaRegion: "eu-west-2", replicaAlias: "a" }),
      `InstanceReplica: invalid 'replicaRegion' = "eu-west-2"; a replica Region for us-east-1: us-west-2`,
    ],
    [
      "a replica alias starting with d- (reserved for directory ids)",
      () => new InstanceReplica("r", { sourceInstanceArn: sourceArn, sourceRegion: "us-east-1", replicaRegion: "us-west-2", replicaAlias: "d-1234567890" }),
      `InstanceReplica: invalid 'replicaAlias' = "d-1234567890"; 1-45 letters and digits, hyphens only between them, not starting with 'd-' (Amazon Connect's instance alias rules)`,
    ],
    [
      "a replica alias of 46 characters",
      () => new InstanceReplica("r", { sourceInstanceArn: sourceArn, sourceRegion: "us-east-1", replicaRegion: "us-west-2", replicaAlias: "a".repeat(46) }),
      `InstanceReplica: invalid 'replicaAlias' = "${"a".repeat(46)}"; 1-45 letters and digits, hyphens only between them, not starting with 'd-' (Amazon Connect's instance alias rules)`,
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
