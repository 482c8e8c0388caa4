import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import type { Registration } from "../../tools/synthesis/registrations";
import {
  OUTPUT_TO_STRING_TEXT,
  emptyLambdaEnvironment,
  incompletePolicyStatements,
  missingPassedValues,
  outputToStringLeaks,
  outputsLostAfterConstruction,
  undefinedStackOutputs,
} from "./stack-invariants";
import { synthesize } from "./synthesize";

/**
 * What both committed stacks must hold whatever their components, read from what the program
 * constructed (props as passed, resource objects) and what the engine received (registered inputs).
 */
for (const stack of ["primary", "secondary"] as const) {
  describe(`program: invariants of the ${stack} stack as synthesized`, function () {
    let synthesis: Awaited<ReturnType<typeof synthesize>>;
    before(async () => {
      synthesis = await synthesize(stack);
    });

    it("constructs resources and records what it passed (the checks below read something)", () => {
      expect(synthesis.registrations.length).to.equal(synthesis.cloud.resources.length);
      expect(synthesis.registrations.filter((r) => r.type === "aws:lambda/function:Function").length).to.be.greaterThan(0);
    });

    it("keeps every registered property as an Output on its resource object (no class field resets one)", () => {
      expect(outputsLostAfterConstruction(synthesis.registrations)).to.deep.equal([]);
    });

    it("passes no Output that resolves to undefined or null, and no undefined or null in a list", async () => {
      expect(await missingPassedValues(synthesis.registrations)).to.deep.equal([]);
    });

    it("sends only complete IAM statements: Effect, Action, Resource, and a Principal in trust and resource policies", () => {
      const found = synthesis.cloud.resources.flatMap((r) => incompletePolicyStatements(`${r.type}::${r.name}`, r.type, r.inputs));
      expect(found).to.deep.equal([]);
    });

    it("gives every Lambda environment variable a non-empty string", async () => {
      expect(await emptyLambdaEnvironment(synthesis.registrations)).to.deep.equal([]);
    });

    it("defines every stack output it declares", () => {
      expect(Object.keys(synthesis.outputs).length).to.be.greaterThan(10);
      expect(undefinedStackOutputs(synthesis.outputs)).to.deep.equal([]);
    });

    it("holds no Output interpolated as a plain string, in any input or output", () => {
      const found = [...synthesis.cloud.resources.flatMap((r) => outputToStringLeaks(`${r.type}::${r.name}`, r.inputs)), ...outputToStringLeaks("outputs", synthesis.outputs)];
      expect(found).to.deep.equal([]);
    });
  });
}

describe("program: the stack invariant checks find what they look for", () => {
  const registration = (props: Record<string, unknown>, resource: Record<string, unknown> = {}, type = "test:index:Thing"): Registration => ({
    type,
    name: "thing",
    custom: true,
    resource: resource as unknown as pulumi.Resource,
    props,
  });

  it("an output reset after construction (a class field), but not one that survived", () => {
    expect(outputsLostAfterConstruction([registration({ arn: undefined, name: "x" }, { arn: undefined, name: pulumi.output("x") })])).to.deep.equal([
      "test:index:Thing::thing: output 'arn' is undefined after construction, not an Output",
    ]);
  });

  it("an Output resolving to undefined, a null in a list; not a plain undefined (not passed)", async () => {
    const found = await missingPassedValues([registration({ policy: pulumi.output(undefined), list: ["a", null], nested: { v: pulumi.output(null) }, optional: undefined, fine: pulumi.output("ok") })]);
    expect(found).to.deep.equal([
      "test:index:Thing::thing: 'policy' was given an Output that resolved to undefined",
      "test:index:Thing::thing: 'list[1]' holds null in a list",
      "test:index:Thing::thing: 'nested.v' was given an Output that resolved to null",
    ]);
  });

  it("statements missing Resource, Action, Effect or Principal, by policy kind", () => {
    const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
    expect(incompletePolicyStatements("p", "aws:iam/rolePolicy:RolePolicy", { policy: doc({ Sid: "MoveTraffic", Effect: "Allow", Action: ["connect:UpdateTrafficDistribution"] }) })).to.deep.equal([
      "p: policy Statement[0] (MoveTraffic) has no Resource or NotResource",
    ]);
    expect(incompletePolicyStatements("r", "aws:iam/role:Role", { assumeRolePolicy: doc({ Effect: "Allow", Action: "sts:AssumeRole" }) })).to.deep.equal(["r: assumeRolePolicy Statement[0] names no Principal (a trust policy)"]);
    expect(incompletePolicyStatements("k", "aws:kms/key:Key", { policy: doc({ Effect: "Permit", Resource: "*" }) })).to.deep.equal([
      'k: policy Statement[0] has Effect "Permit"; Allow or Deny',
      "k: policy Statement[0] has no Action or NotAction",
      "k: policy Statement[0] names no Principal (a resource policy)",
    ]);
    expect(incompletePolicyStatements("ok", "aws:iam/role:Role", { assumeRolePolicy: doc({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }) })).to.deep.equal([]);
  });

  it("a Lambda environment variable the program wrote that is missing or empty", async () => {
    const fn = (variables: Record<string, unknown>) => registration({ environment: { variables } }, {}, "aws:lambda/function:Function");
    expect(await emptyLambdaEnvironment([fn({ GROUP_ARN: undefined, PAIR: "", TABLE: pulumi.output("t") })])).to.deep.equal([
      "aws:lambda/function:Function::thing: environment variable GROUP_ARN is undefined; a non-empty string",
      'aws:lambda/function:Function::thing: environment variable PAIR is ""; a non-empty string',
    ]);
  });

  it("an undefined stack output, at the top or inside a map", () => {
    expect(undefinedStackOutputs({ trafficDistributionGroupArn: undefined, arns: { "us-east-1": "a", "us-west-2": null }, ok: "x" })).to.deep.equal([
      "stack output 'trafficDistributionGroupArn' is undefined",
      "stack output 'arns.us-west-2' is null",
    ]);
  });

  it("Pulumi's Output-toString text anywhere in a value", () => {
    expect(outputToStringLeaks("r", { tags: { Name: `x-${OUTPUT_TO_STRING_TEXT} is not supported.` } })).to.deep.equal([`r: 'tags.Name' holds "${OUTPUT_TO_STRING_TEXT}"`]);
  });
});
