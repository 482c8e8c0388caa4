import { expect } from "chai";
import { FlowContentError, listFlowReferences, makeRegionNeutral, parseFlowDocument } from "../../../../components/connect/flows";
import { readReferenceFlows, referenceFlowsPresent, REFERENCE_FLOWS_DIR } from "./reference-flows";

/** A minimal valid Flow-language flow around the given actions. */
function flowWith(actions: object[], start = "a1"): string {
  return JSON.stringify({ Version: "2019-10-30", StartAction: start, Actions: actions });
}

function lambdaAction(id: string, arn: string): object {
  return { Identifier: id, Type: "InvokeLambdaFunction", Parameters: { LambdaFunctionARN: arn }, Transitions: {} };
}

describe("makeRegionNeutral on every reference flow export", function () {
  // Expected per file, from SOURCES.md and the ARNs each export holds: Lambda/Lex ARNs with a
  // concrete Region are rewritten, existing $.AwsRegion ARNs kept, Lex V1 Regions reported.
  const expected: Record<string, { rewrites: number; lambda: number; lex: number; alreadyNeutral: number; pinned: number }> = {
    "callback-interruptible-queue-prompt.json": { rewrites: 0, lambda: 0, lex: 0, alreadyNeutral: 0, pinned: 0 },
    "callbackmgmt-set-callback.json": { rewrites: 7, lambda: 7, lex: 0, alreadyNeutral: 0, pinned: 0 },
    "gitlab-acme-main-templated-awsregion.json": { rewrites: 0, lambda: 0, lex: 0, alreadyNeutral: 2, pinned: 0 },
    "legacy-ewt-queue-prompt-lambda.json": { rewrites: 2, lambda: 2, lex: 0, alreadyNeutral: 0, pinned: 0 },
    "legacy-scv-vmx-sample-inbound.json": { rewrites: 1, lambda: 1, lex: 0, alreadyNeutral: 0, pinned: 0 },
    "lex-genai-lexv2-queue.json": { rewrites: 2, lambda: 0, lex: 2, alreadyNeutral: 0, pinned: 0 },
    "sbs-agentworkspace-guide-task-lambda.json": { rewrites: 1, lambda: 1, lex: 0, alreadyNeutral: 0, pinned: 0 },
    "scv-queue-transfer-describe-wrapper-hours.json": { rewrites: 0, lambda: 0, lex: 0, alreadyNeutral: 0, pinned: 0 },
    "workshops-lexv1-qa-flow.json": { rewrites: 0, lambda: 0, lex: 0, alreadyNeutral: 0, pinned: 1 },
  };
  let flows = new Map<string, string>();

  before(function () {
    if (!referenceFlowsPresent()) {
      console.warn(`    (skipped: reference flow exports not found at ${REFERENCE_FLOWS_DIR})`);
      this.skip();
    }
    flows = readReferenceFlows();
  });

  it("covers exactly the exports in the reference folder", () => {
    expect([...flows.keys()]).to.deep.equal(Object.keys(expected).sort());
  });

  for (const [file, want] of Object.entries(expected)) {
    it(`${file}: ${want.rewrites} rewrite(s), no concrete Region left in Lambda/Lex ARNs, idempotent`, () => {
      const text = flows.get(file)!;
      const result = makeRegionNeutral(text, file);
      expect(result.rewrites).to.have.length(want.rewrites);
      expect(result.rewrites.filter((r) => r.kind === "lambda")).to.have.length(want.lambda);
      expect(result.rewrites.filter((r) => r.kind === "lex")).to.have.length(want.lex);
      expect(result.alreadyNeutral).to.have.length(want.alreadyNeutral);
      expect(result.pinned).to.have.length(want.pinned);
      for (const rewrite of result.rewrites) {
        expect(rewrite.to).to.match(/^arn:aws:(lambda|lex):\$\.AwsRegion:/);
        expect(rewrite.to.replace("$.AwsRegion", "")).to.equal(rewrite.from.replace(/:(lambda|lex):[a-z0-9-]+:/, ":$1::"));
      }
      // Nothing that looks like a Lambda/Lex ARN with a concrete Region survives, at any depth.
      expect(result.content).not.to.match(/arn:aws:(lambda|lex):[a-z]{2}-[a-z]+-\d/);
      // The output is still valid flow JSON in the same envelope, and a second pass changes nothing.
      expect(parseFlowDocument(result.content, file).envelope).to.equal(parseFlowDocument(text, file).envelope);
      const again = makeRegionNeutral(result.content, file);
      expect(again.rewrites).to.deep.equal([]);
      expect(again.content).to.equal(result.content);
      expect(again.alreadyNeutral).to.have.length(want.alreadyNeutral + want.rewrites);
      // Every other reference is untouched: same paths and values apart from the rewritten ARNs.
      const rewritten = new Map(result.rewrites.map((r) => [r.path, r.to]));
      const before = listFlowReferences(text, file).map((r) => ({ ...r, value: rewritten.get(r.path) ?? r.value }));
      const after = listFlowReferences(result.content, file);
      expect(after.map((r) => [r.path, r.value])).to.deep.equal(before.map((r) => [r.path, r.value]));
    });
  }

  it("returns the text byte for byte when nothing needs rewriting (CRLF export included)", () => {
    for (const file of ["workshops-lexv1-qa-flow.json", "gitlab-acme-main-templated-awsregion.json"]) {
      const text = flows.get(file)!;
      expect(makeRegionNeutral(text, file).content).to.equal(text);
    }
  });

  it("rewrites the Lex V2 alias ARNs in the GenAI sample at their exact paths", () => {
    const result = makeRegionNeutral(flows.get("lex-genai-lexv2-queue.json")!, "genai");
    expect(result.rewrites).to.deep.equal([10, 11].map((i) => ({
      path: `$.Actions[${i}].Parameters.LexV2Bot.AliasArn`,
      kind: "lex",
      from: "arn:aws:lex:us-west-2:123456789:bot-alias/YY9557EM03/LQ1YCOYG6U",
      to: "arn:aws:lex:$.AwsRegion:123456789:bot-alias/YY9557EM03/LQ1YCOYG6U",
    })));
  });

  it("rewrites legacy exports' FunctionArn parameters and keeps the pretty-printed layout", () => {
    const text = flows.get("legacy-ewt-queue-prompt-lambda.json")!;
    const result = makeRegionNeutral(text, "ewt");
    expect(result.rewrites.map((r) => r.path)).to.deep.equal(["$.modules[1].parameters[0].value", "$.modules[6].parameters[0].value"]);
    expect(result.content.split("\n").length).to.be.greaterThan(100);
  });

  it("rewrites inside a describe-contact-flow wrapper and keeps the wrapper's other fields", () => {
    const wrapper = JSON.parse(flows.get("scv-queue-transfer-describe-wrapper-hours.json")!);
    const flow = JSON.parse(wrapper.ContactFlow.Content);
    flow.Actions[15].Parameters.LambdaFunctionARN = "arn:aws:lambda:us-east-1:111122223333:function:telephony";
    wrapper.ContactFlow.Content = JSON.stringify(flow);
    const result = makeRegionNeutral(JSON.stringify(wrapper, null, 2), "scv");
    expect(result.rewrites.map((r) => r.path)).to.deep.equal(["$.ContactFlow.Content.Actions[15].Parameters.LambdaFunctionARN"]);
    const out = JSON.parse(result.content);
    expect(out.ContactFlow.Name).to.equal("AWS_Sample_SCV_Queue_Transfer");
    expect(out.ContactFlow.Type).to.equal("QUEUE_TRANSFER");
    expect(typeof out.ContactFlow.Content).to.equal("string");
    expect(JSON.parse(out.ContactFlow.Content).Actions[15].Parameters.LambdaFunctionARN).to.equal("arn:aws:lambda:$.AwsRegion:111122223333:function:telephony");
  });

  it("reports the Lex V1 bot's Region as pinned and leaves it as it was", () => {
    const result = makeRegionNeutral(flows.get("workshops-lexv1-qa-flow.json")!, "lexv1");
    expect(result.pinned).to.deep.equal([{
      path: "$.Actions[19].Parameters.LexBot.Region",
      value: "us-east-1",
      reason: "Lex V1 bot addressed by name and Region; move it to Lex V2 (with Lex Global Resiliency) to make it Region-neutral",
    }]);
  });
});

describe("makeRegionNeutral on small flows", () => {
  const cases: { name: string; arn: string; expected: string | "unchanged" }[] = [
    { name: "Lambda in us-east-1", arn: "arn:aws:lambda:us-east-1:111122223333:function:lookup", expected: "arn:aws:lambda:$.AwsRegion:111122223333:function:lookup" },
    { name: "Lambda with an alias qualifier", arn: "arn:aws:lambda:eu-west-2:111122223333:function:lookup:live", expected: "arn:aws:lambda:$.AwsRegion:111122223333:function:lookup:live" },
    { name: "Lex V2 alias in eu-central-1", arn: "arn:aws:lex:eu-central-1:111122223333:bot-alias/BOT1/ALIAS1", expected: "arn:aws:lex:$.AwsRegion:111122223333:bot-alias/BOT1/ALIAS1" },
    { name: "already $.AwsRegion", arn: "arn:aws:lambda:$.AwsRegion:111122223333:function:lookup", expected: "unchanged" },
    { name: "already $['AwsRegion']", arn: "arn:aws:lambda:$['AwsRegion']:111122223333:function:lookup", expected: "unchanged" },
    { name: "template placeholder Region", arn: "arn:aws:lambda:${REGION}:${ACCT_ID}:function:lookup", expected: "unchanged" },
    { name: "Connect queue ARN (ACGR maps it)", arn: "arn:aws:connect:us-east-1:111122223333:instance/i-1/queue/q-1", expected: "unchanged" },
    { name: "dynamic reference", arn: "$.FlowAttributes.lookupFn", expected: "unchanged" },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.expected === "unchanged" ? "left as it is" : "rewritten"}`, () => {
      const text = flowWith([lambdaAction("a1", c.arn)]);
      const result = makeRegionNeutral(text, "inline");
      const value = JSON.parse(result.content).Actions[0].Parameters.LambdaFunctionARN;
      expect(value).to.equal(c.expected === "unchanged" ? c.arn : c.expected);
      expect(result.rewrites).to.have.length(c.expected === "unchanged" ? 0 : 1);
      if (c.expected === "unchanged") expect(result.content).to.equal(text);
    });
  }

  it("reads an export saved with a byte-order mark", () => {
    const text = `\uFEFF${flowWith([lambdaAction("a1", "arn:aws:lambda:us-west-2:111122223333:function:f")])}`;
    expect(JSON.parse(makeRegionNeutral(text, "bom").content).Actions[0].Parameters.LambdaFunctionARN).to.equal("arn:aws:lambda:$.AwsRegion:111122223333:function:f");
  });

  it("does not rewrite an ARN quoted inside longer text", () => {
    const text = flowWith([{ Identifier: "a1", Type: "MessageParticipant", Parameters: { Text: "call arn:aws:lambda:us-east-1:1:function:x now" } }]);
    expect(makeRegionNeutral(text, "inline").rewrites).to.deep.equal([]);
  });

  it("does not mutate its input's parsed objects between calls", () => {
    const text = flowWith([lambdaAction("a1", "arn:aws:lambda:us-west-2:111122223333:function:f")]);
    makeRegionNeutral(text, "inline");
    expect(makeRegionNeutral(text, "inline").rewrites).to.have.length(1);
  });
});

describe("flow content errors", () => {
  const cases: { name: string; text: string; path: string; problem: RegExp }[] = [
    { name: "not JSON", text: "{\"Version\": ", path: "$", problem: /^not valid JSON \(/ },
    { name: "a JSON array", text: "[]", path: "$", problem: /^expected a JSON object, found an array$/ },
    { name: "an object that is no flow", text: "{\"Hello\":1}", path: "$", problem: /^expected a flow \('Version', 'StartAction', 'Actions'\), a legacy export/ },
    { name: "Actions not an array", text: "{\"Version\":\"2019-10-30\",\"StartAction\":\"a\",\"Actions\":{}}", path: "$.Actions", problem: /^expected an array of actions, found an object$/ },
    { name: "an action without Type", text: flowWith([{ Identifier: "a1" }]), path: "$.Actions[0].Type", problem: /^expected a non-empty string, found nothing$/ },
    { name: "Parameters not an object", text: flowWith([{ Identifier: "a1", Type: "X", Parameters: "p" }]), path: "$.Actions[0].Parameters", problem: /^expected an object, found "p"$/ },
    { name: "duplicate identifiers", text: flowWith([{ Identifier: "a1", Type: "X" }, { Identifier: "a1", Type: "Y" }]), path: "$.Actions[1].Identifier", problem: /^duplicate action identifier "a1"$/ },
    { name: "StartAction naming no action", text: flowWith([{ Identifier: "a1", Type: "X" }], "zz"), path: "$.StartAction", problem: /^names "zz", which is not the Identifier of any action$/ },
    { name: "Version missing", text: "{\"StartAction\":\"a1\",\"Actions\":[]}", path: "$.Version", problem: /^expected a non-empty string, found nothing$/ },
    { name: "legacy start naming no module", text: "{\"modules\":[{\"id\":\"m1\",\"type\":\"Disconnect\"}],\"version\":\"1\",\"start\":\"m9\"}", path: "$.start", problem: /^names "m9", which is not the id of any module$/ },
    { name: "wrapper Content not a string", text: "{\"Name\":\"x\",\"Content\":{}}", path: "$.Content", problem: /^expected a non-empty string, found an object$/ },
    { name: "wrapper Content not JSON", text: "{\"Name\":\"x\",\"Content\":\"{oops\"}", path: "$.Content", problem: /^not valid JSON/ },
    { name: "describe response with broken flow", text: JSON.stringify({ ContactFlow: { Content: flowWith([{ Identifier: "a1", Type: 3 }]) } }), path: "$.ContactFlow.Content.Actions[0].Type", problem: /^expected a non-empty string, found a number$/ },
  ];
  for (const c of cases) {
    it(`${c.name}: names the flow and ${c.path}`, () => {
      for (const fn of [makeRegionNeutral, listFlowReferences]) {
        let caught: unknown;
        try {
          fn(c.text, "Main IVR");
        } catch (err) {
          caught = err;
        }
        expect(caught).to.be.instanceOf(FlowContentError);
        const error = caught as FlowContentError;
        expect(error.flowName).to.equal("Main IVR");
        expect(error.path).to.equal(c.path);
        expect(error.problem).to.match(c.problem);
        expect(error.message).to.equal(`flow 'Main IVR': ${c.path}: ${error.problem}`);
      }
    });
  }
});
