/** Formats and tree building as pure functions on a hand-built report: exact output. */
import { expect } from "chai";
import { formatHuman } from "../../../tools/gate/format-human";
import { formatMarkdown } from "../../../tools/gate/format-markdown";
import { formatMermaid } from "../../../tools/gate/format-mermaid";
import { toSarif } from "../../../tools/gate/format-sarif";
import { GATE_SCOPE, summarize, type GateReport, type StackReport } from "../../../tools/gate/gate-report";
import { treeOf } from "../../../tools/gate/run-gate";
import { referencedStack } from "../../../tools/gate/synthesize-stacks";
import type { SynthesizedResource } from "../../../tools/gate/synthesis-messages";

const URN = "urn:pulumi:primary::connect-dr::";
const synthesized = (type: string, name: string, extra: Partial<SynthesizedResource> = {}): SynthesizedResource => ({
  urn: `${URN}${type}::${name}`,
  type,
  name,
  properties: {},
  outputs: {},
  custom: true,
  ...extra,
});

const component = synthesized("connect-dr:data:Recordings", "rec", { custom: false });
const bucket = synthesized("aws:s3/bucket:Bucket", "rec-bucket", { parent: component.urn, account: "111122223333", region: "us-east-1" });
const policy = synthesized("aws:s3/bucketPolicy:BucketPolicy", "rec-policy", { parent: bucket.urn, account: "111122223333", region: "us-east-1", dependencies: [bucket.urn] });
const dns = synthesized("aws:route53/record:Record", "www", { account: "444455556666", region: "us-east-1", dependencies: [bucket.urn] });

const stack: StackReport = {
  stack: "primary",
  resources: treeOf([component, bucket, policy, dns]),
  violations: [
    {
      stack: "primary",
      rule: "s3-bucket-versioning",
      level: "mandatory",
      urn: bucket.urn,
      resourceName: "rec-bucket",
      resourceType: "aws:s3/bucket:Bucket",
      message: "S3 buckets keep versions.\nVersioning is off.",
      remediation: "Enable versioning.",
      controls: [{ framework: "pci-dss", id: "10.5.1", title: "Audit log history is retained" }],
      phase: "stack",
    },
  ],
  outputs: {},
  synthesisMilliseconds: 1,
};
const report: GateReport = { scope: GATE_SCOPE, pack: { name: "connect-dr", version: "0.1.0", policies: 25 }, stacks: [stack], summary: summarize([stack]), milliseconds: 2 };

describe("gate formats", () => {
  it("builds the tree: nearest enclosing component, skipping custom parents", () => {
    expect(stack.resources.map((r) => [r.name, r.account, r.region, r.component])).to.deep.equal([
      ["rec", "-", "-", "(stack)"],
      ["rec-bucket", "111122223333", "us-east-1", "connect-dr:data:Recordings::rec"],
      ["rec-policy", "111122223333", "us-east-1", "connect-dr:data:Recordings::rec"],
      ["www", "444455556666", "us-east-1", "(stack)"],
    ]);
  });

  it("summarizes: one mandatory violation fails", () => {
    expect(report.summary).to.deep.equal({ stacks: 1, resources: 4, violations: 1, mandatory: 1, advisory: 0, passed: false });
  });

  it("renders the human report exactly", () => {
    expect(formatHuman(report)).to.equal(
      [
        "connect-dr policy gate: pack connect-dr 0.1.0 (25 policies)",
        GATE_SCOPE,
        "",
        "Stack primary: 3 resources, 1 components",
        "  account 111122223333",
        "    us-east-1",
        "      connect-dr:data:Recordings::rec",
        "        aws:s3/bucket:Bucket  rec-bucket",
        "        aws:s3/bucketPolicy:BucketPolicy  rec-policy",
        "  account 444455556666",
        "    us-east-1",
        "      (stack)",
        "        aws:route53/record:Record  www",
        "",
        "Violations (1):",
        "  [MANDATORY] s3-bucket-versioning  stack primary  aws:s3/bucket:Bucket rec-bucket",
        "      S3 buckets keep versions.",
        "      Versioning is off.",
        "      controls: pci-dss 10.5.1 (Audit log history is retained)",
        "      remediation: Enable versioning.",
        "",
        "Summary: 1 stack(s), 4 resources and components, 1 violation(s) (1 mandatory, 0 advisory): FAILED",
      ].join("\n"),
    );
  });

  it("renders the PR comment exactly", () => {
    expect(formatMarkdown(report).split("\n").slice(0, 11)).to.deep.equal([
      "## ❌ connect-dr policy gate: failed",
      "",
      "1 violation(s): 1 mandatory, 0 advisory, across 1 stack(s) and 4 resources and components. Pack `connect-dr` 0.1.0.",
      "",
      "| Stack | Resources | Mandatory | Advisory |",
      "|---|---:|---:|---:|",
      "| primary | 3 | 1 | 0 |",
      "",
      "### Violations",
      "",
      "| Level | Rule | Stack | Resource | Finding | Controls | Remediation |",
    ]);
    expect(formatMarkdown(report)).to.contain("| mandatory | `s3-bucket-versioning` | primary | `rec-bucket` (aws:s3/bucket:Bucket) | Versioning is off. | pci-dss 10.5.1 | Enable versioning. |");
  });

  it("draws the declared architecture with dependencies between components", () => {
    expect(formatMermaid(report)).to.equal(
      [
        "flowchart LR",
        '  subgraph s1["stack primary"]',
        '    subgraph s2["account 111122223333"]',
        '      subgraph s3["us-east-1"]',
        '        c4["Recordings rec<br/>2 resource(s)"]',
        "      end",
        "    end",
        '    subgraph s5["account 444455556666"]',
        '      subgraph s6["us-east-1"]',
        '        c7["Record www<br/>no component"]',
        "      end",
        "    end",
        "  end",
        "  c7 --> c4",
      ].join("\n"),
    );
  });

  it("maps levels to SARIF levels", () => {
    const sarif = toSarif(report) as any;
    expect(sarif.runs[0].results[0]).to.deep.include({ ruleId: "s3-bucket-versioning", ruleIndex: 0, level: "error", message: { text: "Versioning is off. Remediation: Enable versioning." } });
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).to.deep.equal({ artifactLocation: { uri: "Pulumi.primary.yaml" }, region: { startLine: 1 } });
  });

  it("resolves a fully qualified stack reference to its stack", () => {
    expect(["organization/connect-dr/primary", "primary"].map(referencedStack)).to.deep.equal(["primary", "primary"]);
  });
});
