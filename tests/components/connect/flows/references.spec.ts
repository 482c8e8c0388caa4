import { expect } from "chai";
import { FlowReference, listFlowReferences, parseFlowArn } from "../../../../components/connect/flows";
import { readReferenceFlows, referenceFlowsPresent, REFERENCE_FLOWS_DIR } from "./reference-flows";

function tally(references: readonly FlowReference[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of references) counts[`${r.kind}/${r.form}`] = (counts[`${r.kind}/${r.form}`] ?? 0) + 1;
  return counts;
}

describe("listFlowReferences on every reference flow export", function () {
  // From SOURCES.md's "Reference kinds" column, counting every occurrence (metadata copies too).
  const expected: Record<string, Record<string, number>> = {
    "callback-interruptible-queue-prompt.json": { "prompt/arn": 2 },
    "callbackmgmt-set-callback.json": { "lambda/arn": 7, "queue/arn": 1, "flow/arn": 2 },
    "gitlab-acme-main-templated-awsregion.json": {
      "lambda/arn": 1, "lex/arn": 1, "queue/arn": 2, "flow/arn": 3,
      "lambda/dynamic": 1, "lex/dynamic": 1, "queue/dynamic": 2, "flow/dynamic": 3,
    },
    "legacy-ewt-queue-prompt-lambda.json": { "lambda/arn": 2, "prompt/arn": 3 },
    "legacy-scv-vmx-sample-inbound.json": { "queue/arn": 5, "lambda/arn": 1, "flow/arn": 8, "hours/implicit": 1 },
    "lex-genai-lexv2-queue.json": { "lex/arn": 2, "queue/arn": 1 },
    "sbs-agentworkspace-guide-task-lambda.json": { "lambda/arn": 1, "flow/arn": 1 },
    "scv-queue-transfer-describe-wrapper-hours.json": { "lambda/literal": 1, "hours/implicit": 1 },
    "workshops-lexv1-qa-flow.json": { "lex/lex-v1-name": 1 },
  };
  let flows = new Map<string, string>();

  before(function () {
    if (!referenceFlowsPresent()) {
      console.warn(`    (skipped: reference flow exports not found at ${REFERENCE_FLOWS_DIR})`);
      this.skip();
    }
    flows = readReferenceFlows();
  });

  for (const [file, want] of Object.entries(expected)) {
    it(`${file}: ${Object.entries(want).map(([k, n]) => `${n} ${k}`).join(", ")}`, () => {
      const references = listFlowReferences(flows.get(file)!, file);
      expect(tally(references)).to.deep.equal(want);
      expect(new Set(references.map((r) => r.path)).size).to.equal(references.length);
    });
  }

  it("keeps different accounts apart in the callback sample (Lambda vs instance account)", () => {
    const references = listFlowReferences(flows.get("callbackmgmt-set-callback.json")!, "callback");
    expect(new Set(references.filter((r) => r.kind === "lambda").map((r) => r.accountId))).to.deep.equal(new Set(["055037574009"]));
    expect(new Set(references.filter((r) => r.kind !== "lambda").map((r) => r.accountId))).to.deep.equal(new Set(["953784105530"]));
  });

  it("parses the 9-digit sanitised account and the Lex V2 alias of the GenAI sample", () => {
    const lex = listFlowReferences(flows.get("lex-genai-lexv2-queue.json")!, "genai").find((r) => r.kind === "lex")!;
    expect(lex).to.deep.include({ region: "us-west-2", accountId: "123456789", resourceId: "YY9557EM03/LQ1YCOYG6U", path: "$.Actions[10].Parameters.LexV2Bot.AliasArn" });
  });

  it("lists the legacy SCV queue with its instance, id and exported resourceName", () => {
    const queue = listFlowReferences(flows.get("legacy-scv-vmx-sample-inbound.json")!, "vmx").find((r) => r.kind === "queue" && r.label)!;
    expect(queue).to.deep.include({
      instanceId: "70ee8936-d46e-40ff-96aa-5bf8a6c7f47e",
      resourceId: "55e20933-92d0-47dc-bfb1-dd5761a1be63",
      label: "sff_fallback_queue",
      region: "us-west-2",
    });
  });

  it("reports dynamic references by the parameter they sit in, and never parses them as ARNs", () => {
    const references = listFlowReferences(flows.get("gitlab-acme-main-templated-awsregion.json")!, "acme");
    const dynamic = references.filter((r) => r.form === "dynamic").map((r) => [r.kind, r.value]);
    expect(dynamic).to.deep.include.members([
      ["lambda", "$.FlowAttributes.acme-exampleFunction"],
      ["flow", "$.FlowAttributes.acme_queue_transfer_AUTO"],
      ["flow", "$.FlowAttributes.acme_contact_flow_module_AUTO"],
      ["flow", "$.FlowAttributes.acme_customer_queue_AUTO"],
      ["queue", "$.FlowAttributes.finance"],
      ["queue", "$.FlowAttributes.sales"],
      ["lex", "$.FlowAttributes.acme-lexbot"],
    ]);
    const lambdaArn = references.find((r) => r.kind === "lambda" && r.form === "arn")!;
    expect(lambdaArn).to.deep.include({ region: "$.AwsRegion", accountId: "${ACCT_ID}", resourceId: "acme-exampleFunction-use1" });
    expect(lambdaArn.path).to.match(/^\$\.Content\.Actions\[\d+\]\.Parameters\.FlowAttributes\['acme-exampleFunction'\]\.Value$/);
  });

  it("reports CheckHoursOfOperation without an hours ARN as an implicit reference at the block", () => {
    const hours = listFlowReferences(flows.get("scv-queue-transfer-describe-wrapper-hours.json")!, "scv").filter((r) => r.kind === "hours");
    expect(hours).to.deep.equal([{ kind: "hours", form: "implicit", value: null, path: "$.ContactFlow.Content.Actions[4]" }]);
  });
});

describe("listFlowReferences on small flows", () => {
  it("lists an explicit hours ARN and then no implicit one for that block", () => {
    const hoursArn = "arn:aws:connect:us-east-1:111122223333:instance/i-1/operating-hours/h-1";
    const text = JSON.stringify({ Version: "2019-10-30", StartAction: "a1", Actions: [{ Identifier: "a1", Type: "CheckHoursOfOperation", Parameters: { Hours: hoursArn } }] });
    expect(listFlowReferences(text, "inline")).to.deep.equal([
      { kind: "hours", form: "arn", value: hoursArn, path: "$.Actions[0].Parameters.Hours", region: "us-east-1", accountId: "111122223333", resourceId: "h-1", instanceId: "i-1" },
    ]);
  });

  it("lists event hooks and prompt ids by parameter", () => {
    const text = JSON.stringify({
      Version: "2019-10-30",
      StartAction: "a1",
      Actions: [
        { Identifier: "a1", Type: "UpdateContactEventHooks", Parameters: { EventHooks: { AgentWhisper: "$.Attributes.whisper" } } },
        { Identifier: "a2", Type: "MessageParticipant", Parameters: { PromptId: "$.Attributes.prompt" } },
      ],
    });
    expect(listFlowReferences(text, "inline").map((r) => [r.kind, r.form, r.path])).to.deep.equal([
      ["flow", "dynamic", "$.Actions[0].Parameters.EventHooks.AgentWhisper"],
      ["prompt", "dynamic", "$.Actions[1].Parameters.PromptId"],
    ]);
  });
});

describe("parseFlowArn", () => {
  const cases: [string, ReturnType<typeof parseFlowArn>][] = [
    ["arn:aws:lambda:us-east-1:111122223333:function:f:live", { kind: "lambda", partition: "aws", service: "lambda", region: "us-east-1", accountId: "111122223333", resourceId: "f" }],
    ["arn:aws:lex:us-west-2:111122223333:bot-alias/B/A", { kind: "lex", partition: "aws", service: "lex", region: "us-west-2", accountId: "111122223333", resourceId: "B/A" }],
    ["arn:aws:lex:us-east-1:111122223333:bot:QA:prod", { kind: "lex", partition: "aws", service: "lex", region: "us-east-1", accountId: "111122223333", resourceId: "QA:prod" }],
    ["arn:aws:connect:us-east-1:1:instance/i/flow-module/m", { kind: "flow", partition: "aws", service: "connect", region: "us-east-1", accountId: "1", resourceId: "m", instanceId: "i" }],
    ["arn:aws:connect:us-east-1:1:instance/i/agent/u", undefined],
    ["arn:aws:connect:us-east-1:1:instance/i", undefined],
    ["arn:aws:s3:::bucket", undefined],
    ["arn:aws:lambda:us-east-1:1:layer:l:1", undefined],
    ["not an arn", undefined],
  ];
  for (const [value, want] of cases) {
    it(`${value} -> ${want ? want.kind : "not a flow reference"}`, () => {
      expect(parseFlowArn(value)).to.deep.equal(want);
    });
  }
});
