import { expect } from "chai";
import { resourceMatchesFormat } from "../support/iam/arn-glob";
import { awsArns, loadArnFormats } from "../support/iam/aws-arns";
import { checkPolicy, emptyTally } from "../support/iam/check-policy";
import { findPolicies, type FoundPolicy, type PolicyDocument, type PolicyKind } from "../support/iam/policy-documents";
import { referenceVersion } from "../support/iam/reference";
import { awsResources, synthesizeComputed } from "./synthesize";

describe("IAM: every policy of both committed stacks against the Service Authorization Reference", function () {
  const policies: { stack: string; found: FoundPolicy }[] = [];

  // One synthesis a hook (each is shared with the call inventory spec through synthesizeComputed).
  before(() => loadArnFormats());
  for (const stack of ["primary", "secondary"] as const) {
    before(async () => {
      const { cloud } = await synthesizeComputed(stack, "aws-arns", awsArns);
      for (const found of findPolicies(awsResources(cloud))) policies.push({ stack, found });
    });
  }

  it("finds every policy document under an input this check knows", () => {
    expect(policies.filter((p) => p.found.kind === undefined).map((p) => `${p.stack} ${p.found.resource.type} ${p.found.input}`)).to.deep.equal([]);
    const kinds = policies.map((p) => p.found.kind);
    // Role trust and inline policies, key and bucket policies, and the organization's SCP, in both stacks.
    for (const kind of ["trust", "identity", "resource", "scp"] as PolicyKind[]) expect(kinds, kind).to.include(kind);
    expect(policies.length).to.be.at.least(30);
  });

  it("names only existing actions, resource types the actions take and existing condition keys", async () => {
    const tally = emptyTally();
    const findings: string[] = [];
    for (const { stack, found } of policies) {
      for (const f of await checkPolicy(found.document, found.kind!, tally)) findings.push(`${stack} ${found.resource.name} (${found.input}) ${f.statement}: ${f.problem}`);
    }
    expect(findings).to.deep.equal([]);
    // What was checked, against which edition of the reference (printed for the report).
    console.log(`      ${policies.length} policies, ${tally.statements} statements, ${tally.actions} action entries, ${tally.arns} ARNs, ${tally.conditionKeys} condition keys; iam-data ${await referenceVersion()}`);
    expect(tally.arns).to.be.greaterThan(50);
  });
});

describe("IAM: the reference check finds what the reference forbids", () => {
  const doc = (statement: Record<string, unknown>): PolicyDocument => ({ Version: "2012-10-17", Statement: [{ Sid: "S", Effect: "Allow", ...statement }] });
  const group = "arn:aws:connect:us-east-1:111122223333:traffic-distribution-group/075f4ab8-54e2-433c-8ac1-1c0758796af4";
  const cases: [string, PolicyKind, PolicyDocument, string[]][] = [
    ["a least-privilege statement", "identity", doc({ Action: ["connect:GetTrafficDistribution", "connect:UpdateTrafficDistribution"], Resource: group }), []],
    ["an action AWS does not have", "identity", doc({ Action: "connect:UpdateTrafficDistributon", Resource: group }), ["action connect:UpdateTrafficDistributon names no action of the reference"]],
    [
      "PutLogEvents on a log group (it takes log streams)",
      "identity",
      doc({ Action: "logs:PutLogEvents", Resource: "arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/f" }),
      ["arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/f is no resource type logs:PutLogEvents takes (log-stream: arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName})"],
    ],
    [
      "GetObject on a bucket",
      "identity",
      doc({ Action: "s3:GetObject", Resource: "arn:aws:s3:::b" }),
      [
        "arn:aws:s3:::b is no resource type s3:GetObject takes (accesspointobject: arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}; object: arn:${Partition}:s3:::${BucketName}/${ObjectName})",
      ],
    ],
    ["an action that takes only * given an ARN", "identity", doc({ Action: "sts:GetCallerIdentity", Resource: "arn:aws:iam::111122223333:role/r" }), ['sts:GetCallerIdentity takes only "*" (no resource type), not arn:aws:iam::111122223333:role/r']],
    ["* where the action takes a group", "identity", doc({ Action: "connect:UpdateTrafficDistribution", Resource: "*" }), ['connect:UpdateTrafficDistribution on "*": the action takes traffic-distribution-group; least privilege names their ARNs']],
    ["* in a key policy (the key itself)", "resource", doc({ Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:Decrypt", Resource: "*" }), []],
    ["a misspelt condition key", "identity", doc({ Action: "kms:Decrypt", Resource: "arn:aws:kms:us-east-1:111122223333:key/k", Condition: { StringEquals: { "kms:ViaServices": "s3.us-east-1.amazonaws.com" } } }), ["condition key kms:ViaServices (StringEquals) is neither a global key nor a key of its service"]],
    ["another service's condition key", "identity", doc({ Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } } }), ["condition key kms:ViaService belongs to kms, but the statement grants no kms action"]],
    ["a statement without Resource", "identity", doc({ Action: "connect:GetTrafficDistribution" }), ["has no Resource: AWS rejects the document (MalformedPolicyDocument)"]],
    ["a trust policy with a Resource", "trust", doc({ Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole", Resource: "*" }), ["a trust policy names no Resource (the role is the resource)"]],
  ];
  for (const [what, kind, document, expected] of cases) {
    it(what, async () => expect((await checkPolicy(document, kind)).map((f) => f.problem)).to.deep.equal(expected));
  }

  const formats: [string, string, string, boolean][] = [
    ["a log group's streams", "arn:aws:logs:us-east-1:1:log-group:/aws/lambda/f:*", "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}", true],
    ["a bucket is no object", "arn:aws:s3:::b", "arn:${Partition}:s3:::${BucketName}/${ObjectName}", false],
    ["objects are no bucket", "arn:aws:s3:::b/*", "arn:${Partition}:s3:::${BucketName}", false],
    ["a role path", "arn:aws:iam::1:role/service/r", "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}", true],
    ["a qualified function", "arn:aws:lambda:us-east-1:1:function:f:live", "arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}", true],
    ["a queue is no instance", "arn:aws:connect:us-east-1:1:instance/i/queue/q", "arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}", false],
  ];
  for (const [what, resource, format, expected] of formats) it(`ARN patterns: ${what}`, () => expect(resourceMatchesFormat(resource, format)).to.equal(expected));
});
