/**
 * The gate end to end: the real program (and a non-compliant fixture program) under MockCloud in
 * worker processes, the real policy pack over gRPC, every output format.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { main, render } from "../../../tools/gate/main";
import type { GateReport } from "../../../tools/gate/gate-report";
import { declaredAlarmArns, packConfigForStack, runGate } from "../../../tools/gate/run-gate";
import { previewDigest, type PreviewDigest, type PreviewStep } from "../../../tools/gate/preview-json";

const REPOSITORY = path.resolve(__dirname, "../../..");
const FIXTURE = path.join(__dirname, "fixtures", "noncompliant");
const SARIF_SCHEMA = path.resolve(REPOSITORY, "../shared/reference/sarif/sarif-schema-2.1.0.json");

function validateSarif(log: unknown): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv04 = require("ajv-draft-04");
  const ajv = new (Ajv04.default ?? Ajv04)({ allErrors: true, strict: false });
  require("ajv-formats")(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, "utf8")));
  return validate(log) ? [] : (validate.errors as { instancePath: string; message: string }[]).map((e) => `${e.instancePath} ${e.message}`);
}

describe("gate: the committed stacks", function () {
  // The pack type-checks itself on start and each stack runs in its own process: slow on a busy CI box.
  this.timeout(600_000);
  let report: GateReport;
  const previews: Record<string, PreviewDigest> = {};
  before(async () => {
    report = await runGate({ projectDir: REPOSITORY, stacks: ["primary", "secondary"], onSynthesized: (synthesis) => (previews[synthesis.stack] = previewDigest(synthesis)) });
  });

  it("pass, with every resource analyzed and the secondary's StackReference served from the primary", () => {
    expect(report.summary).to.include({ stacks: 2, violations: 0, mandatory: 0, passed: true });
    expect(report.stacks.map((s) => s.stack)).to.deep.equal(["primary", "secondary"]);
    const reference = report.stacks[1].resources.filter((r) => r.type === "pulumi:pulumi:StackReference");
    expect(reference).to.deep.equal([]); // a read, not a registration: its outputs flowed into the program instead
    expect(Object.keys(report.stacks[0].outputs)).to.not.be.empty;
    expect(report.summary.resources).to.equal(report.stacks[0].resources.length + report.stacks[1].resources.length);
  });

  it("puts each resource in the account and Region of its provider", () => {
    const accounts = new Set(report.stacks.flatMap((s) => s.resources.filter((r) => r.custom).map((r) => r.account)));
    expect([...accounts].sort()).to.include.members(["111122223333", "444455556666", "777788889999"]);
    for (const s of report.stacks) {
      for (const r of s.resources.filter((x) => x.type === "pulumi:providers:aws")) {
        expect(r.name, r.urn).to.match(new RegExp(`-${r.region}$`));
      }
    }
  });

  it("reports each stack's DR readiness from its configuration, in the report and in every text format", () => {
    for (const s of report.stacks) {
      expect(s.readiness, s.stack).to.include({ ready: true, worstRpoSeconds: 900 });
      expect(s.readiness!.paths.map((p) => p.path)).to.include("automated failover (alarm -> EventBridge -> Lambda)");
    }
    expect(render(report, "human")).to.contain("DR readiness (RPO and RTO computed from each stack's configuration):\n  primary: READY (worst RPO 900 s");
    expect(render(report, "markdown")).to.contain("#### DR readiness of `secondary`: ready");
  });

  it("renders every format; SARIF validates against the 2.1.0 schema", function () {
    const human = render(report, "human");
    expect(human).to.contain("checks what the program declares, offline");
    expect(human).to.contain("no substitute for a credentialed `pulumi preview --policy-pack policies`");
    expect(human.split("\n").pop()).to.equal(`Summary: 2 stack(s), ${report.summary.resources} resources and components, 0 violation(s) (0 mandatory, 0 advisory): PASSED`);
    expect(render(report, "markdown").split("\n")[0]).to.equal("## ✅ connect-dr policy gate: passed");
    const mermaid = render(report, "mermaid");
    expect(mermaid.split("\n").slice(0, 2)).to.deep.equal(["flowchart LR", '  subgraph s1["stack primary"]']);
    expect(mermaid).to.contain('["stack secondary"]');
    // Resources outside any component are named, never an anonymous "top level" box.
    expect(mermaid).to.not.contain("top level");
    expect(mermaid).to.match(/\["InstanceReplica [^"<]+<br\/>no component"\]/);
    expect(mermaid).to.match(/\["TrafficDistributionGroup [^"<]+<br\/>no component"\]/);
    expect(JSON.parse(render(report, "json")).summary.passed).to.equal(true);
    if (!fs.existsSync(SARIF_SCHEMA)) {
      console.log(`    (SARIF schema validation skipped: ${SARIF_SCHEMA} is absent)`);
      return;
    }
    const sarif = JSON.parse(render(report, "sarif"));
    expect(validateSarif(sarif)).to.deep.equal([]);
    expect(sarif.runs[0].results).to.deep.equal([]);
  });

  // Field names of pulumi/pulumi's display.PreviewDigest, display.PreviewStep and apitype.ResourceV3 JSON tags.
  const DIGEST_FIELDS = ["config", "steps", "diagnostics", "duration", "changeSummary", "maybeCorrupt"];
  const STEP_FIELDS = ["op", "urn", "provider", "oldState", "newState", "diffReasons", "replaceReasons", "detailedDiff"];
  const RESOURCE_V3_FIELDS = ["urn", "custom", "delete", "id", "type", "inputs", "outputs", "parent", "protect", "taint", "external", "dependencies", "initErrors", "provider", "propertyDependencies", "pendingReplacement", "additionalSecretOutputs", "aliases", "customTimeouts", "importID", "retainOnDelete", "deletedWith"];

  it("preview-json: per stack, a create step for every resource in the engine's shape, the root stack first, and the change summary", () => {
    expect(Object.keys(previews)).to.deep.equal(["primary", "secondary"]);
    for (const [stack, digest] of Object.entries(previews)) {
      expect(DIGEST_FIELDS, stack).to.include.members(Object.keys(digest));
      expect(digest.config!["connect-dr:role"]).to.equal(stack);
      const root = `urn:pulumi:${stack}::connect-dr::pulumi:pulumi:Stack::connect-dr-${stack}`;
      expect(digest.steps[0]).to.deep.equal({ op: "create", urn: root, newState: { urn: root, custom: false, type: "pulumi:pulumi:Stack" }, detailedDiff: null });
      const urns = new Set(digest.steps.map((st) => st.urn));
      expect(urns.size, "URNs are unique").to.equal(digest.steps.length);
      // Every resource and component the gate analyzed, and nothing else but the root stack and reads.
      const analyzed = report.stacks.find((r) => r.stack === stack)!.resources.length;
      expect(digest.steps.filter((st) => st.op === "create").length).to.equal(analyzed + 1);
      expect(digest.changeSummary).to.deep.equal({ create: analyzed + 1 });
      for (const st of digest.steps.slice(1)) {
        expect(STEP_FIELDS, st.urn).to.include.members(Object.keys(st));
        expect(RESOURCE_V3_FIELDS, st.urn).to.include.members(Object.keys(st.newState));
        // A child's type is qualified by its parent's (resource/urn.New), the root stack not counted.
        const parent = st.newState.parent!;
        expect(urns.has(parent), `${st.urn}: parent ${parent}`).to.equal(true);
        const qualified = st.urn.split("::")[2]!;
        expect(qualified).to.equal(parent === root ? st.newState.type : `${parent.split("::")[2]}$${st.newState.type}`);
        // Custom resources name their provider as <provider URN>::<id>, unknown during a preview.
        if (st.newState.custom && !st.newState.type.startsWith("pulumi:providers:")) {
          expect(st.provider, st.urn).to.match(/::04da6b54-80e4-46f7-96ec-b56ff0331ba9$/);
          const providerUrn = st.provider!.slice(0, -"::04da6b54-80e4-46f7-96ec-b56ff0331ba9".length);
          expect(urns.has(providerUrn) || /::pulumi:providers:[\w-]+::default$/.test(providerUrn), st.provider).to.equal(true);
        } else {
          expect(st.provider, st.urn).to.equal(undefined);
        }
        for (const dep of [...(st.newState.dependencies ?? []), ...Object.values(st.newState.propertyDependencies ?? {}).flat()]) expect(urns.has(dep), `${st.urn} depends on ${dep}`).to.equal(true);
      }
      expect(JSON.stringify(digest)).to.not.contain("1b47061264138c4ac30d75fd1eb44270");
    }
    const read = previews.secondary!.steps.filter((st) => st.op === "read");
    expect(read.map((st) => [st.urn, st.newState.id, st.newState.inputs])).to.deep.equal([
      ["urn:pulumi:secondary::connect-dr::pulumi:pulumi:StackReference::primary", "organization/connect-dr/primary", { name: "organization/connect-dr/primary" }],
    ]);
  });

  it("preview-json: the secondary sends the group's ARN to the failover and operator policies and to the failover functions, from the group itself", () => {
    const steps = previews.secondary!.steps;
    const group = steps.find((st) => st.newState.type === "pulumi-nodejs:dynamic/acgr:TrafficDistributionGroup")!;
    expect(group.urn).to.equal("urn:pulumi:secondary::connect-dr::pulumi-nodejs:dynamic/acgr:TrafficDistributionGroup::traffic");
    const byName = (name: string): PreviewStep => steps.find((st) => st.urn.endsWith(`::${name}`))!;
    const statement = (name: string, sid: string) => JSON.parse(byName(name).newState.inputs!.policy as string).Statement.find((x: { Sid: string }) => x.Sid === sid);
    // The group lives in the source (primary) Region of the workload account; the Connect API reference's ARN pattern.
    const arn = statement("failover-us-east-1-policy", "MoveTraffic").Resource;
    expect(arn).to.match(/^arn:aws:connect:us-east-1:111122223333:traffic-distribution-group\/[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/);
    for (const region of ["us-east-1", "us-west-2"]) {
      expect(statement(`failover-${region}-policy`, "MoveTraffic").Resource, region).to.equal(arn);
      expect(statement(`failover-${region}-operator-policy`, "FailoverAndFailback").Resource, region).to.equal(arn);
      const fn = byName(`failover-${region}-function`).newState;
      expect((fn.inputs!.environment as { variables: Record<string, string> }).variables.GROUP_ARN, region).to.equal(arn);
      // What the engine records the values came from: the group's URN.
      expect(byName(`failover-${region}-policy`).newState.propertyDependencies!.policy, region).to.include(group.urn);
      expect(fn.propertyDependencies!.environment, region).to.include(group.urn);
    }
  });
});

describe("gate: a stack that turns off a key's rotation and a table's CMK", function () {
  this.timeout(600_000);
  let report: GateReport;
  before(async () => {
    report = await runGate({ projectDir: FIXTURE, stacks: ["bad"] });
  });

  it("fails with each violation attributed to its resource, with controls and remediation", () => {
    expect(report.summary).to.deep.equal({ stacks: 1, resources: 4, violations: 3, mandatory: 3, advisory: 0, passed: false });
    expect(report.stacks[0].violations.map((v) => [v.rule, v.level, v.resourceName, v.phase])).to.deep.equal([
      ["kms-key-rotation", "mandatory", "contacts-key", "resource"],
      ["dynamodb-table-cmk", "mandatory", "contacts-table", "resource"],
      // The SCP preview reads the whole stack (a Region-deny SCP it declares is a Region choice).
      ["scp-preview-denials", "mandatory", "contacts-key", "stack"],
    ]);
    const rotation = report.stacks[0].violations[0];
    expect(rotation.controls.map((c) => `${c.framework} ${c.id}`)).to.deep.equal(["pci-dss 3.7.4", "gdpr Art. 32(1)(a)", "hipaa §164.312(a)(2)(iv)"]);
    expect(rotation.remediation).to.equal("Set enableKeyRotation: true on the key (optionally rotationPeriodInDays, 90-2560).");
  });

  it("builds the tree by account, Region and component", () => {
    expect(report.stacks[0].resources.map((r) => [r.type, r.name, r.account, r.region, r.component])).to.deep.equal([
      ["pulumi:providers:aws", "workload-us-east-1", "111122223333", "us-east-1", "(stack)"],
      ["fixture:data:Data", "contacts", "-", "-", "(stack)"],
      ["aws:kms/key:Key", "contacts-key", "111122223333", "us-east-1", "fixture:data:Data::contacts"],
      ["aws:dynamodb/table:Table", "contacts-table", "111122223333", "us-east-1", "fixture:data:Data::contacts"],
    ]);
  });

  it("reads as a human report with the violation, its controls and remediation", () => {
    const human = render(report, "human");
    expect(human).to.contain(
      [
        "  [MANDATORY] kms-key-rotation  stack bad  aws:kms/key:Key contacts-key",
        "      Symmetric customer-managed KMS keys have automatic key rotation enabled.",
        "      Automatic rotation is off (it defaults to off): set enableKeyRotation to true.",
        "      controls: pci-dss 3.7.4 (Keys are changed at the end of their cryptoperiod); gdpr Art. 32(1)(a) (Encryption of personal data); hipaa §164.312(a)(2)(iv) (Encryption and decryption)",
        "      remediation: Set enableKeyRotation: true on the key (optionally rotationPeriodInDays, 90-2560).",
      ].join("\n"),
    );
    expect(human.split("\n").pop()).to.equal("Summary: 1 stack(s), 4 resources and components, 3 violation(s) (3 mandatory, 0 advisory): FAILED");
    expect(render(report, "markdown").split("\n")[0]).to.equal("## ❌ connect-dr policy gate: failed");
  });

  it("emits SARIF 2.1.0 results code scanning accepts", function () {
    const sarif = JSON.parse(render(report, "sarif"));
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).to.deep.equal(["dynamodb-table-cmk", "kms-key-rotation", "scp-preview-denials"]);
    expect(sarif.runs[0].results[0]).to.deep.include({ ruleId: "kms-key-rotation", ruleIndex: 1, level: "error" });
    expect(sarif.runs[0].results[0].locations[0].logicalLocations[0].fullyQualifiedName).to.equal(report.stacks[0].violations[0].urn);
    if (!fs.existsSync(SARIF_SCHEMA)) return this.skip();
    expect(validateSarif(sarif)).to.deep.equal([]);
  });
});

describe("gate: command line", function () {
  this.timeout(600_000);

  it("exits 1 on a mandatory violation and writes the chosen format", async () => {
    let out = "";
    let err = "";
    // No npm environment: under `npm test` the notice about npm's banner would be added to stderr.
    const code = await main(["--project-dir", FIXTURE, "--stack", "bad", "--format", "markdown"], (t) => (out += t), (t) => (err += t), {});
    expect(code).to.equal(1);
    expect(out.split("\n")[0]).to.equal("## ❌ connect-dr policy gate: failed");
    expect(err).to.equal("connect-dr gate: FAILED (3 mandatory, 0 advisory violations)\n");
  });

  const usage: Array<[string[], string]> = [
    [["--format", "xml"], "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are human, json, sarif, markdown, mermaid, preview-json.\n"],
    [["--stack", "nope"], `connect-dr gate: stack 'nope': no Pulumi.nope.yaml in ${REPOSITORY}; stacks there are primary, secondary\n`],
    [["--project-dir", "/nonexistent"], "connect-dr gate: --project-dir /nonexistent does not exist\n"],
  ];
  for (const [argv, message] of usage) {
    it(`exits 2 with a one-line error for ${argv.join(" ")}`, async () => {
      let err = "";
      expect(await main(argv, () => {}, (t) => (err += t))).to.equal(2);
      expect(err).to.equal(message);
    });
  }

  it("has --help", async () => {
    let out = "";
    expect(await main(["--help"], (t) => (out += t))).to.equal(0);
    expect(out).to.contain("--format <format>").and.to.contain("Exit status: 0 passed, 1 a mandatory violation, 2 a usage or input error.");
  });
});

describe("gate: pack config from stack config", () => {
  it("selects the stack's frameworks and Regions", () => {
    const config = packConfigForStack("connect-dr", {
      "connect-dr:complianceFrameworks": '["pci"]',
      "connect-dr:primaryRegion": "us-east-1",
      "connect-dr:secondaryRegion": "us-west-2",
    });
    expect(config["kms-key-rotation"]).to.deep.equal({ frameworks: ["pci-dss"] });
    expect(config["gdpr-data-residency"]).to.deep.equal({ enforcementLevel: "disabled" });
    expect(config["scp-preview-denials"]).to.deep.include({ allowedRegions: ["us-east-1", "us-west-2"] });
    // DR controls stay in force under a PCI-only selection.
    expect(config["dynamodb-table-pitr"]).to.deep.equal({ frameworks: ["pci-dss"] });
    expect(config["composite-alarm-references"]).to.deep.equal({ frameworks: ["pci-dss"] });
  });

  it("passes the alarms of the stacks a stack reads to composite-alarm-references, as ARNs from each alarm's name, Region and account", () => {
    const alarm = (type: string, name: string, outputs: Record<string, unknown>, region?: string, account?: string) =>
      ({ urn: `urn:pulumi:primary::connect-dr::${type}::${name}`, type, name, properties: {}, outputs, custom: true, region, account }) as const;
    const arns = declaredAlarmArns([
      alarm("aws:cloudwatch/metricAlarm:MetricAlarm", "connect-alarm", { name: "example-connect-throttled-calls" }, "us-east-1", "111122223333"),
      alarm("aws:cloudwatch/compositeAlarm:CompositeAlarm", "health", { alarmName: "connect-dr-us-east-1-health" }, "us-east-1", "111122223333"),
      alarm("aws:cloudwatch/metricAlarm:MetricAlarm", "no-provider", { name: "ambient" }),
      alarm("aws:sns/topic:Topic", "topic", { name: "not-an-alarm" }, "us-east-1", "111122223333"),
    ]);
    expect(arns).to.deep.equal([
      "arn:aws:cloudwatch:us-east-1:111122223333:alarm:example-connect-throttled-calls",
      "arn:aws:cloudwatch:us-east-1:111122223333:alarm:connect-dr-us-east-1-health",
    ]);
    const config = packConfigForStack("connect-dr", { "connect-dr:complianceFrameworks": '["pci"]' }, arns);
    expect(config["composite-alarm-references"]).to.deep.equal({ frameworks: ["pci-dss"], peerAlarmArns: arns });
  });
});
