import { expect } from "chai";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArn, connectResource, isDynamic } from "../../../../cli/operations/references/arn";
import { findReferences, findBareIds, classifyArn } from "../../../../cli/operations/references/content-references";
import { remapArn, remapText, type RemapContext } from "../../../../cli/operations/references/remap";
import { valuesAt, idOf } from "../../../../cli/operations/references/links";

const SRC = { accountId: "111111111111", region: "us-east-1", instanceId: "aaaaaaaa-0000-0000-0000-000000000001" };
const DST = { accountId: "222222222222", region: "us-west-2", instanceId: "bbbbbbbb-0000-0000-0000-000000000002" };
const Q1 = "aaaaaaaa-1111-0000-0000-000000000001";
const Q1T = "bbbbbbbb-1111-0000-0000-000000000001";
const F1 = "aaaaaaaa-2222-0000-0000-000000000001";
const F1T = "bbbbbbbb-2222-0000-0000-000000000001";
const ctx: RemapContext = { source: SRC, target: DST, ids: new Map([[Q1, Q1T], [F1, F1T]]) };
const arn = (region: string, account: string, instance: string, rest: string) => `arn:aws:connect:${region}:${account}:instance/${instance}/${rest}`;

describe("ARN parsing", () => {
  it("parses and names instance-scoped resources", () => {
    const a = parseArn(arn("us-east-1", "111111111111", SRC.instanceId, `queue/${Q1}`))!;
    expect(a).to.deep.include({ service: "connect", region: "us-east-1", account: "111111111111" });
    expect(connectResource(a)).to.deep.equal({ instanceId: SRC.instanceId, segment: "queue", id: Q1 });
  });
  it("accepts 9-digit and placeholder accounts", () => {
    expect(parseArn("arn:aws:lex:us-east-1:123456789:bot-alias/B/A")!.account).to.equal("123456789");
    expect(parseArn("not an arn")).to.equal(undefined);
  });
  it("treats $.AwsRegion and templates as dynamic", () => {
    expect(["$.AwsRegion", "${REGION}", "%%X%%", "us-east-1"].map(isDynamic)).to.deep.equal([true, true, true, false]);
  });
});

describe("references in content", () => {
  const table: { text: string; type: string }[] = [
    { text: "arn:aws:lambda:us-east-1:055037574009:function:cb-set", type: "lambda" },
    { text: "arn:aws:lambda:$.AwsRegion:111111111111:function:fn", type: "lambda" },
    { text: "arn:aws:lambda:${REGION}:${ACCT_ID}:function:fn", type: "templated" },
    { text: "arn:aws:lex:us-east-1:123456789:bot-alias/BOT/ALIAS", type: "lex" },
    { text: arn("us-east-1", "111111111111", SRC.instanceId, `queue/${Q1}`), type: "connect" },
    { text: "arn:aws:s3:::bucket/key", type: "other-arn" },
  ];
  for (const t of table) it(`classifies ${t.text}`, () => expect(classifyArn(t.text).type).to.equal(t.type));

  it("finds distinct ARNs inside JSON text and bare ids outside ARNs", () => {
    const q = arn("us-east-1", "111111111111", SRC.instanceId, `queue/${Q1}`);
    const text = JSON.stringify({ a: q, b: q, c: { id: F1 } });
    expect(findReferences(text).map((r) => r.arn)).to.deep.equal([q]);
    expect(findBareIds(text)).to.deep.equal([F1]);
  });
});

describe("remapping", () => {
  const table: { name: string; from: string; to: string | undefined }[] = [
    { name: "queue ARN: Region, account, instance and id", from: arn("us-east-1", "111111111111", SRC.instanceId, `queue/${Q1}`), to: arn("us-west-2", "222222222222", DST.instanceId, `queue/${Q1T}`) },
    { name: "keeps $.AwsRegion in a Connect ARN", from: arn("$.AwsRegion", "111111111111", SRC.instanceId, `contact-flow/${F1}`), to: arn("$.AwsRegion", "222222222222", DST.instanceId, `contact-flow/${F1T}`) },
    { name: "an unmapped source resource is unresolved", from: arn("us-east-1", "111111111111", SRC.instanceId, "queue/aaaaaaaa-9999-0000-0000-000000000000"), to: undefined },
    { name: "another instance's ARN is left alone", from: arn("us-east-1", "333333333333", "cccccccc-0000-0000-0000-000000000000", `queue/${Q1}`), to: arn("us-east-1", "333333333333", "cccccccc-0000-0000-0000-000000000000", `queue/${Q1}`) },
    { name: "Lambda: same name, target Region and account", from: "arn:aws:lambda:us-east-1:111111111111:function:fn:live", to: "arn:aws:lambda:us-west-2:222222222222:function:fn:live" },
    { name: "Lambda: $.AwsRegion kept", from: "arn:aws:lambda:$.AwsRegion:111111111111:function:fn", to: "arn:aws:lambda:$.AwsRegion:222222222222:function:fn" },
    { name: "Lambda in another account keeps its account", from: "arn:aws:lambda:us-east-1:055037574009:function:fn", to: "arn:aws:lambda:us-west-2:055037574009:function:fn" },
    { name: "templated Lambda untouched", from: "arn:aws:lambda:${REGION}:${ACCT_ID}:function:fn", to: "arn:aws:lambda:${REGION}:${ACCT_ID}:function:fn" },
  ];
  for (const t of table) it(t.name, () => expect(remapArn(t.from, ctx)).to.equal(t.to));

  it("uses the mapping file for Lambda and Lex, by ARN or function name", () => {
    const c: RemapContext = { ...ctx, lambda: new Map([["fn", "arn:aws:lambda:us-west-2:999999999999:function:fn-dr"]]), lex: new Map([["arn:aws:lex:us-east-1:111111111111:bot-alias/B/A", "arn:aws:lex:us-west-2:222222222222:bot-alias/B2/A2"]]) };
    expect(remapArn("arn:aws:lambda:us-east-1:111111111111:function:fn", c)).to.equal("arn:aws:lambda:us-west-2:999999999999:function:fn-dr");
    expect(remapArn("arn:aws:lex:us-east-1:111111111111:bot-alias/B/A", c)).to.equal("arn:aws:lex:us-west-2:222222222222:bot-alias/B2/A2");
  });

  it("rewrites bare ids and the instance id, and reports unresolved ARNs", () => {
    const missing = arn("us-east-1", "111111111111", SRC.instanceId, "prompt/aaaaaaaa-7777-0000-0000-000000000000");
    const out = remapText(JSON.stringify({ id: Q1, inst: SRC.instanceId, p: missing, r: "$.AwsRegion" }), ctx);
    expect(JSON.parse(out.text)).to.deep.equal({ id: Q1T, inst: DST.instanceId, p: missing, r: "$.AwsRegion" });
    expect(out.unresolved).to.deep.equal([missing]);
  });

  it("links: values at dotted/array paths; ids from ARNs", () => {
    expect(valuesAt({ A: [{ B: "x" }, { B: "y" }, {}] }, "A[].B")).to.deep.equal(["x", "y"]);
    expect(valuesAt({ A: { B: "z" } }, "A.B")).to.deep.equal(["z"]);
    expect(valuesAt({ S: ["p", "q"] }, "S[]")).to.deep.equal(["p", "q"]);
    expect(idOf(`arn:aws:connect:us-east-1:1:instance/i/queue/${Q1}`)).to.equal(Q1);
  });
});

describe("remapping real flow exports", function () {
  const dir = join(__dirname, "../../../../../shared/reference/connect-flows");
  before(function () {
    if (!existsSync(dir)) {
      console.log(`    (skipped: ${dir} is absent)`);
      this.skip();
    }
  });

  it("keeps $.AwsRegion and FlowAttributes references in the templated GitLab export", () => {
    const wrapper = JSON.parse(readFileSync(join(dir, "gitlab-acme-main-templated-awsregion.json"), "utf8")) as { Content: string };
    const out = remapText(wrapper.Content, ctx);
    expect(out.text).to.equal(wrapper.Content);
    expect(out.text).to.include("$.AwsRegion");
  });

  it("moves every source-account Lambda in callbackmgmt but keeps the other account's", () => {
    const text = readFileSync(join(dir, "callbackmgmt-set-callback.json"), "utf8");
    const refs = findReferences(text);
    const instanceRef = refs.find((r) => r.type === "connect");
    expect(instanceRef, "a Connect ARN").to.not.equal(undefined);
    const src = parseArn(instanceRef!.arn)!;
    const c: RemapContext = { source: { accountId: src.account, region: src.region, instanceId: connectResource(src)!.instanceId }, target: DST, ids: new Map() };
    const lambdas = refs.filter((r) => r.type === "lambda").map((r) => r.arn);
    expect(lambdas.length).to.be.greaterThan(0);
    for (const l of lambdas) {
      const a = parseArn(l)!;
      const out = parseArn(remapArn(l, c)!)!;
      expect(out.account).to.equal(a.account === src.account ? DST.accountId : a.account);
    }
  });

  it("reports the Connect references of the legacy VMX flow as unresolved when nothing is mapped", () => {
    const text = readFileSync(join(dir, "legacy-scv-vmx-sample-inbound.json"), "utf8");
    const refs = findReferences(text).filter((r) => r.type === "connect");
    expect(refs.length).to.be.greaterThan(0);
    const first = refs[0]!;
    if (first.type !== "connect") throw new Error("unreachable");
    const a = parseArn(first.arn)!;
    const out = remapText(text, { source: { accountId: a.account, region: a.region, instanceId: first.instanceId }, target: DST, ids: new Map() });
    expect(out.unresolved.length).to.be.greaterThan(0);
    expect(out.unresolved.every((u) => u.includes(first.instanceId))).to.equal(true);
  });
});
