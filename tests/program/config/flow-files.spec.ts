import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { flowLanguageProblem, formatProblem, readFlowFiles, unaliasedLambdaCalls } from "../../../program/config";

const REFERENCE = path.resolve(__dirname, "../../../../shared/reference/connect-flows");

describe("config: flow files", () => {
  const valid = { Version: "2019-10-30", StartAction: "a", Actions: [{ Identifier: "a", Type: "DisconnectParticipant", Parameters: {}, Transitions: {} }] };
  const cases: [string, string, string | undefined][] = [
    ["a bare Flow-language flow", JSON.stringify(valid), undefined],
    ["a {Name, Type, Content} export wrapper", JSON.stringify({ Name: "Main", Type: "CONTACT_FLOW", Content: JSON.stringify(valid) }), undefined],
    ["not JSON", "{", "is not valid flow JSON at $: not valid JSON ("],
    ["a list", "[]", "is not valid flow JSON at $: expected a JSON object, found an array"],
    ["a legacy export", JSON.stringify({ modules: [{ id: "x", type: "Disconnect" }], version: "1", start: "x" }), "is a legacy console export (modules/start); re-export it in Flow language"],
    ["another Version", JSON.stringify({ ...valid, Version: "2020-01-01" }), `has Version "2020-01-01", not "2019-10-30"`],
    ["no start", JSON.stringify({ Version: "2019-10-30", Actions: valid.Actions }), "is not valid flow JSON at $.StartAction: expected a non-empty string, found nothing"],
    ["a wrapper declaring another type", JSON.stringify({ Name: "Q", Type: "CUSTOMER_QUEUE", Content: JSON.stringify(valid) }), `declares Type "CUSTOMER_QUEUE", not "CONTACT_FLOW"`],
    ["a dangling start", JSON.stringify({ ...valid, StartAction: "b" }), `is not valid flow JSON at $.StartAction: names "b", which is not the Identifier of any action`],
  ];
  for (const [title, text, problem] of cases) {
    it(`judges ${title}`, () => {
      const found = flowLanguageProblem(text, "CONTACT_FLOW");
      if (problem === undefined) expect(found).to.equal(undefined);
      else expect(found).to.be.a("string").and.satisfy((s: string) => s.startsWith(problem));
    });
  }

  it("reads the committed sample flows unchanged", () => {
    const flows = [
      { name: "Main inbound", path: "program/flows/inbound-main.json" },
      { name: "Queue wait", path: "program/flows/customer-queue.json" },
    ];
    const { contents, problems } = readFlowFiles(flows, path.resolve(__dirname, "../../.."));
    expect(problems).to.deep.equal([]);
    expect(contents["Main inbound"]).to.equal(fs.readFileSync(path.resolve(__dirname, "../../../program/flows/inbound-main.json"), "utf8"));
    expect(Object.keys(contents)).to.deep.equal(["Main inbound", "Queue wait"]);
  });

  it("keeps Lambda ARNs in the samples Region-neutral with $.AwsRegion", () => {
    for (const file of ["inbound-main.json", "customer-queue.json"]) {
      const flow = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../../program/flows", file), "utf8"));
      const arns = flow.Actions.map((a: any) => a.Parameters?.LambdaFunctionARN).filter(Boolean);
      expect(arns.length, file).to.be.greaterThan(0);
      // Qualified by the alias whose provisioned concurrency the stacks' Lambda auto scaling manages.
      for (const arn of arns) expect(arn).to.match(/^arn:aws:lambda:\$\.AwsRegion:\d{12}:function:[\w-]+:live$/);
    }
  });

  it("reports a missing file and a non-flow file with their key paths", () => {
    const files: Record<string, string> = { "/p/flows/bad.json": "{}" };
    const read = (p: string): string => {
      if (p in files) return files[p];
      throw Object.assign(new Error("missing"), { code: "ENOENT" });
    };
    const { problems } = readFlowFiles(
      [
        { name: "Gone", path: "flows/gone.json" },
        { name: "Bad", path: "flows/bad.json" },
      ],
      "/p",
      read,
    );
    expect(problems.map(formatProblem)).to.deep.equal([
      `connect-dr:connect.flows[0].path: found "flows/gone.json"; allowed: a readable file relative to /p (ENOENT)`,
      `connect-dr:connect.flows[1].path: found "flows/bad.json"; allowed: a file holding an Amazon Connect flow export; this one is not valid flow JSON at $: expected a flow ('Version', 'StartAction', 'Actions'), a legacy export ('modules'), or an export wrapper with 'Content' or 'ContactFlow.Content'`,
    ]);
  });

  it("accepts the real Flow-language exports in the reference data, refusing legacy and Region-pinned ones", function () {
    if (!fs.existsSync(REFERENCE)) {
      console.log(`    skipped: reference flows not found at ${REFERENCE}`);
      this.skip();
    }
    const files = fs.readdirSync(REFERENCE).filter((f) => f.endsWith(".json"));
    const legacy = files.filter((f) => f.startsWith("legacy-"));
    const lexV1 = "workshops-lexv1-qa-flow.json";
    const modern = files.filter((f) => !legacy.includes(f) && f !== lexV1);
    expect(modern.length).to.be.greaterThan(5);
    // Bare flows and both export envelopes (gitlab wrapper, describe-contact-flow) are accepted.
    for (const f of modern) expect(flowLanguageProblem(fs.readFileSync(path.join(REFERENCE, f), "utf8")), f).to.equal(undefined);
    // A Lex V1 bot addressed by name and Region cannot follow a failover.
    expect(flowLanguageProblem(fs.readFileSync(path.join(REFERENCE, lexV1), "utf8"))).to.match(/^cannot run in both Regions: \$\.Actions\[\d+\]\.Parameters\.LexBot\.Region = "us-east-1": Lex V1 bot/);
    expect(legacy.length).to.equal(2);
    for (const f of legacy) expect(flowLanguageProblem(fs.readFileSync(path.join(REFERENCE, f), "utf8")), f).to.match(/^is a legacy console export/);
  });
});

describe("config: flows call the auto-scaled Lambda alias", () => {
  const flow = (arn: string) =>
    JSON.stringify({
      Version: "2019-10-30",
      StartAction: "invoke",
      Actions: [
        { Identifier: "invoke", Type: "InvokeLambdaFunction", Parameters: { LambdaFunctionARN: arn, InvocationTimeLimitSeconds: "3" }, Transitions: { NextAction: "end", Errors: [] } },
        { Identifier: "end", Type: "DisconnectParticipant", Parameters: {}, Transitions: {} },
      ],
    });
  const autoScaled = { functionNames: ["lookup"], aliasName: "live" };
  const check = (arn: string) => unaliasedLambdaCalls([{ name: "Main", path: "flows/main.json" }], { Main: flow(arn) }, autoScaled);

  it("accepts the alias, and functions that are not auto scaled", () => {
    expect(check("arn:aws:lambda:$.AwsRegion:111122223333:function:lookup:live")).to.deep.equal([]);
    expect(check("arn:aws:lambda:$.AwsRegion:111122223333:function:other")).to.deep.equal([]);
  });

  for (const arn of ["arn:aws:lambda:$.AwsRegion:111122223333:function:lookup", "arn:aws:lambda:$.AwsRegion:111122223333:function:lookup:2"]) {
    it(`names a call that bypasses the provisioned concurrency: ${arn.split(":function:")[1]}`, () => {
      expect(check(arn)).to.deep.equal([
        {
          path: "connect-dr:connect.flows[0].path",
          found: arn,
          allowed: "a call to ...:function:lookup:live (at $.Actions[0].Parameters.LambdaFunctionARN): lambdaAutoScaling keeps the provisioned concurrency on that alias",
        },
      ]);
    });
  }
});
