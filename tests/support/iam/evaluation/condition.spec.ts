import { expect } from "chai";
import { conditionBlockHolds, type ConditionBlock, type RequestContext } from "./condition";
import { CONDITION_OPERATORS } from "./condition-operators";
import { UnsupportedPolicyError } from "./unsupported-policy-error";

// Expected values come from AWS's IAM User Guide, each case citing the page and its example:
// OPS = "IAM JSON policy elements: Condition operators"
//       https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// COND = "IAM JSON policy elements: Condition"
//       https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
// MULTI = "Creating a condition with multiple keys or values"
//       https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
// NOTACTION = "IAM JSON policy elements: NotAction"
//       https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html

/** [operator, condition key, policy value(s), request context, holds?] */
type Case = [string, string, unknown, RequestContext, boolean];

const TAG = "aws:PrincipalTag/job-category";
const FINANCE = "arn:aws:someservice:*:111122223333:finance/*";
const TOPIC = "arn:aws:sns:us-east-2:123456789012:TOPIC-ID";

const CASES: Record<string, Case[]> = {
  // OPS, String: the principal must be tagged job-category = iamuser-admin.
  StringEquals: [
    ["StringEquals", TAG, "iamuser-admin", { [TAG]: "iamuser-admin" }, true],
    ["StringEquals", TAG, "iamuser-admin", { [TAG]: "developer" }, false],
    // COND: StringEquals on aws:username "johndoe" is case-sensitive: "Users named JohnDoe are denied access".
    ["StringEquals", "aws:username", "johndoe", { "aws:username": "JohnDoe" }, false],
  ],
  // MULTI, note on negated operators: several aws:PrincipalAccount values; the value must match none of them.
  StringNotEquals: [
    ["StringNotEquals", "aws:PrincipalAccount", ["111122223333", "444455556666"], { "aws:PrincipalAccount": "123456789012" }, true],
    ["StringNotEquals", "aws:PrincipalAccount", ["111122223333", "444455556666"], { "aws:PrincipalAccount": "444455556666" }, false],
  ],
  // COND: StringEqualsIgnoreCase on aws:username "johndoe" matches johndoe and JohnDoe.
  StringEqualsIgnoreCase: [
    ["StringEqualsIgnoreCase", "aws:username", "johndoe", { "aws:username": "JohnDoe" }, true],
    ["StringEqualsIgnoreCase", "aws:username", "johndoe", { "aws:username": "janedoe" }, false],
  ],
  StringNotEqualsIgnoreCase: [
    ["StringNotEqualsIgnoreCase", "aws:username", "johndoe", { "aws:username": "janedoe" }, true],
    ["StringNotEqualsIgnoreCase", "aws:username", "johndoe", { "aws:username": "JohnDoe" }, false],
  ],
  // COND, "The condition block": StringLike s3:prefix "janedoe/*".
  StringLike: [
    ["StringLike", "s3:prefix", ["janedoe/*"], { "s3:prefix": "janedoe/photos/" }, true],
    ["StringLike", "s3:prefix", ["janedoe/*"], { "s3:prefix": "johndoe/photos/" }, false],
    // OPS, ARN: "With a StringLike condition, the match succeeds. The first asterisk matches us-east-2:999999999999:store/abc:".
    ["StringLike", "aws:SourceArn", FINANCE, { "aws:SourceArn": "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt" }, true],
    // `?` is exactly one character (OPS, String).
    ["StringLike", "s3:prefix", "home/?/", { "s3:prefix": "home/a/" }, true],
    ["StringLike", "s3:prefix", "home/?/", { "s3:prefix": "home/ab/" }, false],
  ],
  StringNotLike: [
    ["StringNotLike", "s3:prefix", ["janedoe/*"], { "s3:prefix": "johndoe/photos/" }, true],
    ["StringNotLike", "s3:prefix", ["janedoe/*"], { "s3:prefix": "janedoe/photos/" }, false],
  ],
  // OPS, Numeric: NumericLessThanEquals s3:max-keys "10": list up to 10 objects. The other numeric
  // operators compare the same key by OPS's table ("Matching", "Less than", "Greater than or equals"...).
  NumericEquals: [
    ["NumericEquals", "s3:max-keys", "10", { "s3:max-keys": "10" }, true],
    ["NumericEquals", "s3:max-keys", "10", { "s3:max-keys": "9" }, false],
  ],
  NumericNotEquals: [
    ["NumericNotEquals", "s3:max-keys", "10", { "s3:max-keys": "9" }, true],
    ["NumericNotEquals", "s3:max-keys", "10", { "s3:max-keys": "10" }, false],
  ],
  NumericLessThan: [
    ["NumericLessThan", "s3:max-keys", "10", { "s3:max-keys": "9" }, true],
    ["NumericLessThan", "s3:max-keys", "10", { "s3:max-keys": "10" }, false],
  ],
  NumericLessThanEquals: [
    ["NumericLessThanEquals", "s3:max-keys", "10", { "s3:max-keys": "10" }, true],
    ["NumericLessThanEquals", "s3:max-keys", "10", { "s3:max-keys": "11" }, false],
    // COND, "The request context": MFA in the last hour (aws:MultiFactorAuthAge <= 3600) is true; more than an hour ago, false.
    ["NumericLessThanEquals", "aws:MultiFactorAuthAge", "3600", { "aws:MultiFactorAuthAge": "300" }, true],
    ["NumericLessThanEquals", "aws:MultiFactorAuthAge", "3600", { "aws:MultiFactorAuthAge": "7200" }, false],
    // A decimal value compares as a number, not as text ("a key to an integer or decimal value").
    ["NumericLessThanEquals", "s3:max-keys", "10", { "s3:max-keys": 9.5 }, true],
  ],
  NumericGreaterThan: [
    ["NumericGreaterThan", "s3:max-keys", "10", { "s3:max-keys": "11" }, true],
    ["NumericGreaterThan", "s3:max-keys", "10", { "s3:max-keys": "10" }, false],
  ],
  NumericGreaterThanEquals: [
    ["NumericGreaterThanEquals", "s3:max-keys", "10", { "s3:max-keys": "10" }, true],
    ["NumericGreaterThanEquals", "s3:max-keys", "10", { "s3:max-keys": "9" }, false],
  ],
  // OPS, Boolean: "BooleanExample" denies S3 when aws:SecureTransport is false.
  Bool: [
    ["Bool", "aws:SecureTransport", "false", { "aws:SecureTransport": "false" }, true],
    ["Bool", "aws:SecureTransport", "false", { "aws:SecureTransport": "true" }, false],
    ["Bool", "aws:SecureTransport", false, { "aws:SecureTransport": false }, true],
  ],
  // OPS, ARN: the SQS queue policy lets SNS send only for TOPIC-ID (aws:SourceArn).
  ArnEquals: [
    ["ArnEquals", "aws:SourceArn", TOPIC, { "aws:SourceArn": TOPIC }, true],
    ["ArnEquals", "aws:SourceArn", TOPIC, { "aws:SourceArn": TOPIC.replace("TOPIC-ID", "OTHER") }, false],
  ],
  // OPS, ARN: "With an ArnLike condition, which matches elements between colons, the match fails".
  ArnLike: [
    ["ArnLike", "aws:SourceArn", FINANCE, { "aws:SourceArn": "arn:aws:someservice:us-east-2:111122223333:finance/document.txt" }, true],
    ["ArnLike", "aws:SourceArn", FINANCE, { "aws:SourceArn": "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt" }, false],
  ],
  ArnNotEquals: [
    ["ArnNotEquals", "aws:SourceArn", TOPIC, { "aws:SourceArn": TOPIC.replace("TOPIC-ID", "OTHER") }, true],
    ["ArnNotEquals", "aws:SourceArn", TOPIC, { "aws:SourceArn": TOPIC }, false],
  ],
  ArnNotLike: [
    ["ArnNotLike", "aws:PrincipalArn", "arn:aws:iam::*:role/BreakGlass", { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/Operator" }, true],
    ["ArnNotLike", "aws:PrincipalArn", "arn:aws:iam::*:role/BreakGlass", { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/BreakGlass" }, false],
  ],
};

const holds = (operator: string, key: string, value: unknown, context: RequestContext) => conditionBlockHolds({ [operator]: { [key]: value } }, context);

describe("IAM evaluation: condition operators (AWS's documented examples)", () => {
  it("has a compliant and a failing documented case for every operator it implements", () => {
    expect(Object.keys(CASES).sort()).to.deep.equal(Object.keys(CONDITION_OPERATORS).sort());
    for (const [operator, cases] of Object.entries(CASES)) expect(cases.map((c) => c[4]), operator).to.include.members([true, false]);
  });

  for (const [name, cases] of Object.entries(CASES)) {
    it(name, () => {
      for (const [operator, key, value, context, expected] of cases) expect(holds(operator, key, value, context), `${operator} ${key} ${JSON.stringify(value)} on ${JSON.stringify(context)}`).to.equal(expected);
    });
  }

  it("a key missing from the request: false, and true for negated operators (OPS, Important)", () => {
    // "If the key that you specify in a policy condition is not present in the request context, the values
    // do not match and the condition is false. If the policy condition requires that the key is not matched,
    // such as StringNotLike or ArnNotLike, and the right key is not present, the condition is true."
    for (const [operator, cases] of Object.entries(CASES)) {
      const [, key, value] = cases[0];
      expect(holds(operator, key, value, {}), operator).to.equal(CONDITION_OPERATORS[operator].negated);
    }
    // OPS, String: "If a user without the tag attempts to view or edit an access key, the condition returns false".
    expect(holds("StringEquals", TAG, "iamuser-admin", { "aws:username": "bob" })).to.equal(false);
  });

  it("...IfExists: true when the key is missing, otherwise the operator (OPS, the ec2:InstanceType example)", () => {
    const types = ["t1.*", "t2.*", "m3.*"];
    expect(holds("StringLikeIfExists", "ec2:InstanceType", types, { "ec2:InstanceType": "t2.micro" })).to.equal(true);
    expect(holds("StringLikeIfExists", "ec2:InstanceType", types, { "ec2:InstanceType": "m5.large" })).to.equal(false);
    // Images, key pairs and security groups carry no ec2:InstanceType: StringLike fails them ("THISPOLICYDOESNOTWORK"), StringLikeIfExists passes.
    expect(holds("StringLike", "ec2:InstanceType", types, {})).to.equal(false);
    expect(holds("StringLikeIfExists", "ec2:InstanceType", types, {})).to.equal(true);
    // NOTACTION, DenyAllUsersNotUsingMFA: BoolIfExists aws:MultiFactorAuthPresent "false" holds without MFA and for long-term keys (key absent).
    for (const [context, expected] of [[{ "aws:MultiFactorAuthPresent": "false" }, true], [{}, true], [{ "aws:MultiFactorAuthPresent": "true" }, false]] as const) {
      expect(holds("BoolIfExists", "aws:MultiFactorAuthPresent", "false", context), JSON.stringify(context)).to.equal(expected);
    }
    // "a negated condition operator like StringNotEqualsIfExists": still true when the key is missing.
    expect(holds("StringNotEqualsIfExists", "aws:ResourceTag/team", "ops", {})).to.equal(true);
    expect(holds("StringNotEqualsIfExists", "aws:ResourceTag/team", "ops", { "aws:ResourceTag/team": "ops" })).to.equal(false);
  });

  it("Null: \"true\" holds when the key is absent, \"false\" when present (OPS, the aws:TokenIssueTime example)", () => {
    const temporary = { "aws:TokenIssueTime": "2026-01-01T00:00:01Z" };
    expect(holds("Null", "aws:TokenIssueTime", "true", {})).to.equal(true);
    expect(holds("Null", "aws:TokenIssueTime", "true", temporary)).to.equal(false);
    expect(holds("Null", "aws:TokenIssueTime", "false", temporary)).to.equal(true);
    expect(holds("Null", "aws:TokenIssueTime", false, {})).to.equal(false);
  });

  it("operators and keys are ANDed, values ORed (MULTI, the department/role/account example)", () => {
    const block: ConditionBlock = {
      StringEqualsIgnoreCase: { "aws:PrincipalTag/department": ["finance", "hr", "legal"], "aws:PrincipalTag/role": ["audit", "security"] },
      StringEquals: { "aws:PrincipalAccount": "123456789012" },
    };
    const user = { "aws:PrincipalTag/department": "HR", "aws:PrincipalTag/role": "audit", "aws:PrincipalAccount": "123456789012" };
    expect(conditionBlockHolds(block, user)).to.equal(true);
    expect(conditionBlockHolds(block, { ...user, "aws:PrincipalTag/role": "developer" })).to.equal(false);
    expect(conditionBlockHolds(block, { ...user, "aws:PrincipalAccount": "111122223333" })).to.equal(false);
    const { ["aws:PrincipalTag/department"]: _department, ...untagged } = user;
    expect(conditionBlockHolds(block, untagged)).to.equal(false);
  });

  it("condition key names are case-insensitive, values as the operator says (COND)", () => {
    expect(holds("StringEquals", "AWS:UserName", "johndoe", { "aws:username": "johndoe" })).to.equal(true);
    expect(holds("ArnNotLike", "aws:PrincipalARN", "arn:aws:iam::*:role/BreakGlass", { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/BreakGlass" })).to.equal(false);
  });

  it("throws, naming it, for an operator it does not implement, even where it would not decide the outcome", () => {
    const unsupported: [ConditionBlock, string][] = [
      [{ DateGreaterThan: { "aws:TokenIssueTime": "2020-01-01T00:00:01Z" } }, "condition operator DateGreaterThan is not supported"],
      [{ IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, "condition operator IpAddress is not supported"],
      [{ BinaryEquals: { key: "QmluYXJ5VmFsdWVJbkJhc2U2NA==" } }, "condition operator BinaryEquals is not supported"],
      [{ "ForAllValues:StringEquals": { "dynamodb:Attributes": ["ID", "Message", "Tags"] } }, "condition operator ForAllValues:StringEquals: the set qualifiers"],
      [{ "ForAnyValue:StringEquals": { "dynamodb:Attributes": ["ID", "PostDateTime"] } }, "condition operator ForAnyValue:StringEquals: the set qualifiers"],
      [{ NullIfExists: { "aws:TokenIssueTime": "true" } }, "condition operator NullIfExists is not supported"],
      [{ StringLike: { "s3:prefix": ["home/${aws:username}/"] } }, "policy variable in \"home/${aws:username}/\""],
    ];
    for (const [block, message] of unsupported) {
      // A false condition first: AND would stop there, yet the unsupported one still throws.
      expect(() => conditionBlockHolds({ StringEquals: { "aws:username": "nobody" }, ...block }, { "aws:username": "bob" }), message).to.throw(UnsupportedPolicyError, message);
    }
  });

  it("rejects malformed values: a Numeric bound that is no number, a Null value other than true/false", () => {
    expect(() => holds("NumericLessThan", "s3:max-keys", "ten", { "s3:max-keys": "9" })).to.throw('condition NumericLessThan on s3:max-keys: "ten" is no number');
    expect(() => holds("Null", "aws:TokenIssueTime", "yes", {})).to.throw('condition Null on aws:TokenIssueTime: "true" or "false" is allowed, not "yes"');
  });
});
