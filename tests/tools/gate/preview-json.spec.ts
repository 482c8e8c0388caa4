import { expect } from "chai";
import { maskSecrets, previewDigest, type StackSynthesis } from "../../../tools/gate/preview-json";
import type { SynthesizedResource } from "../../../tools/gate/synthesis-messages";

/**
 * The preview digest from a hand-made synthesis, against the engine's rules (pulumi/pulumi):
 * resource/urn.New for URNs, providers.Reference (`<urn>::<id>`, UnknownID during a preview) for
 * provider references, display.massagePropertyValue for secrets.
 */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SECRET = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "hunter2" };

const mock = (type: string, name: string) => `urn:pulumi:dev::demo::${type}::${name}`;
const provider: SynthesizedResource = { urn: mock("pulumi:providers:aws", "east"), type: "pulumi:providers:aws", name: "east", properties: { region: "us-east-1" }, outputs: {}, custom: true };
const component: SynthesizedResource = { urn: mock("demo:index:Box", "box"), type: "demo:index:Box", name: "box", properties: {}, outputs: {}, custom: false };
const key: SynthesizedResource = {
  urn: mock("demo:index:Box$aws:kms/key:Key", "box-key"),
  type: "aws:kms/key:Key",
  name: "box-key",
  properties: { description: "d", tags: { Token: SECRET } },
  outputs: {},
  custom: true,
  parent: component.urn,
  provider: { type: provider.type, urn: provider.urn, name: provider.name, properties: provider.properties },
  dependencies: [provider.urn],
  propertyDependencies: { description: [], tags: [provider.urn] },
};
const dynamic: SynthesizedResource = { urn: mock("pulumi-nodejs:dynamic/acgr:Thing", "thing"), type: "pulumi-nodejs:dynamic/acgr:Thing", name: "thing", properties: { a: 1 }, outputs: {}, custom: true, parent: key.urn };

const synthesis: StackSynthesis = {
  project: "demo",
  stack: "dev",
  config: { "demo:role": "primary" },
  resources: [provider, component, key, dynamic],
  reads: [{ urn: mock("pulumi:pulumi:StackReference", "other"), type: "pulumi:pulumi:StackReference", name: "other", id: "org/demo/other", properties: { name: "org/demo/other" }, outputs: {}, custom: true, position: 1 }],
  milliseconds: 12,
};

describe("gate: preview-json from a synthesis", () => {
  const digest = previewDigest(synthesis);
  const root = "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev";

  it("lists the root stack, then each registration in order with a read where it happened", () => {
    expect(digest.steps.map((s) => [s.op, s.urn])).to.deep.equal([
      ["create", root],
      ["create", "urn:pulumi:dev::demo::pulumi:providers:aws::east"],
      ["read", "urn:pulumi:dev::demo::pulumi:pulumi:StackReference::other"],
      ["create", "urn:pulumi:dev::demo::demo:index:Box::box"],
      ["create", "urn:pulumi:dev::demo::demo:index:Box$aws:kms/key:Key::box-key"],
      // The whole parent chain qualifies the type, not only the parent's own type.
      ["create", "urn:pulumi:dev::demo::demo:index:Box$aws:kms/key:Key$pulumi-nodejs:dynamic/acgr:Thing::thing"],
    ]);
    expect(digest.changeSummary).to.deep.equal({ create: 5 });
    expect(digest.duration).to.equal(12_000_000);
    expect(digest.config).to.deep.equal({ "demo:role": "primary" });
  });

  it("writes the new state as the engine does: parent, provider reference, dependencies, secrets masked", () => {
    const keyStep = digest.steps[4]!;
    const providerRef = `urn:pulumi:dev::demo::pulumi:providers:aws::east::${UNKNOWN}`;
    expect(keyStep).to.deep.equal({
      op: "create",
      urn: "urn:pulumi:dev::demo::demo:index:Box$aws:kms/key:Key::box-key",
      provider: providerRef,
      newState: {
        urn: "urn:pulumi:dev::demo::demo:index:Box$aws:kms/key:Key::box-key",
        custom: true,
        type: "aws:kms/key:Key",
        inputs: { description: "d", tags: { Token: "[secret]" } },
        parent: "urn:pulumi:dev::demo::demo:index:Box::box",
        provider: providerRef,
        dependencies: ["urn:pulumi:dev::demo::pulumi:providers:aws::east"],
        propertyDependencies: { tags: ["urn:pulumi:dev::demo::pulumi:providers:aws::east"] },
      },
      detailedDiff: null,
    });
    // No explicit provider: the package's default provider; providers and components name none.
    expect(digest.steps[5]!.provider).to.equal(`urn:pulumi:dev::demo::pulumi:providers:pulumi-nodejs::default::${UNKNOWN}`);
    expect(digest.steps[1]!.newState).to.deep.equal({ urn: "urn:pulumi:dev::demo::pulumi:providers:aws::east", custom: true, type: "pulumi:providers:aws", inputs: { region: "us-east-1" }, parent: root });
    expect(digest.steps[3]!).to.not.have.property("provider");
    expect(digest.steps[2]!.newState).to.include({ id: "org/demo/other", parent: root });
  });

  it("masks secrets anywhere in a value, and nothing else", () => {
    expect(maskSecrets({ a: [SECRET, { b: SECRET }], c: "plain", d: { "4dabf18193072939515e22adb298388d": "0def7320c3a5731c473e5ecbe6d01bc7", assets: {} } })).to.deep.equal({
      a: ["[secret]", { b: "[secret]" }],
      c: "plain",
      d: { "4dabf18193072939515e22adb298388d": "0def7320c3a5731c473e5ecbe6d01bc7", assets: {} },
    });
  });
});
