import { expect } from "chai";
import type { PolicyDocument, PolicyStatement } from "../policy-documents";
import { defaultKeyPolicy, FULL_AWS_ACCESS } from "./aws-defaults";
import { decide, type ApplicablePolicies, type Decision } from "./decide";
import type { EvaluationRequest } from "./request";
import { UnsupportedPolicyError } from "./unsupported-policy-error";

// Expected decisions come from AWS's documentation; each block cites its page and example.
// EVAL  = IAM User Guide, "Policy evaluation logic" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
//         "Determining whether a request is allowed or denied within an account", "Example identity-based and
//         resource-based policy evaluation", "The difference between explicit and implicit denies".
// CROSS = IAM User Guide, "Cross-account policy evaluation logic" (…/reference_policies_evaluation-logic-cross-account.html).
// ELEMENTS = IAM User Guide, "IAM JSON policy elements": Action, NotAction, Resource, NotResource, Principal
//         (…/reference_policies_elements_action.html, _notaction, _resource, _notresource, _principal).
// SCP   = AWS Organizations User Guide, "SCP evaluation" (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html).
// KMS   = AWS KMS Developer Guide, "Key policies in AWS KMS" and "Default key policy"
//         (https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html, …/key-policy-default.html).

const doc = (...Statement: PolicyStatement[]): PolicyDocument => ({ Version: "2012-10-17", Statement });
const request = (principal: string, action: string, resource: string, resourceAccount: string, context: EvaluationRequest["context"] = {}): EvaluationRequest => ({ principal, action, resource, resourceAccount, context });
const result = (r: EvaluationRequest, p: Partial<ApplicablePolicies>): Decision["result"] => decide(r, { identity: [], scps: [], ...p }).result;

describe("IAM evaluation: AWS's documented policy evaluation logic", () => {
  describe("EVAL: Carlos and his buckets (identity and resource policies in one account)", () => {
    const carlos = "arn:aws:iam::123456789012:user/carlossalazar";
    const identity = doc(
      { Sid: "AllowS3ListRead", Effect: "Allow", Action: ["s3:GetBucketLocation", "s3:GetAccountPublicAccessBlock", "s3:ListAccessPoints", "s3:ListAllMyBuckets"], Resource: "arn:aws:s3:::*" },
      { Sid: "AllowS3Self", Effect: "Allow", Action: "s3:*", Resource: ["arn:aws:s3:::carlossalazar/*", "arn:aws:s3:::carlossalazar"] },
      { Sid: "DenyS3Logs", Effect: "Deny", Action: "s3:*", Resource: "arn:aws:s3:::*log*" },
    );
    const bucketPolicy = doc({ Effect: "Allow", Principal: { AWS: carlos }, Action: "s3:*", Resource: ["arn:aws:s3:::carlossalazar/*", "arn:aws:s3:::carlossalazar"] });
    const save = (bucket: string) => request(carlos, "s3:PutObject", `arn:aws:s3:::${bucket}/file.txt`, "123456789012");

    it("saving to carlossalazar-logs is denied: the identity policy's DenyS3Logs applies", () => {
      const decision = decide(save("carlossalazar-logs"), { identity: [identity], resource: bucketPolicy, scps: [] });
      expect(decision.result).to.equal("ExplicitlyDenied");
      expect(decision.deniedBy).to.deep.equal([{ policy: "identity", sid: "DenyS3Logs" }]);
    });

    it("saving to carlossalazar is allowed: both policies allow it, and either alone would", () => {
      expect(result(save("carlossalazar"), { identity: [identity], resource: bucketPolicy })).to.equal("Allowed");
      expect(result(save("carlossalazar"), { identity: [identity] })).to.equal("Allowed");
      expect(result(save("carlossalazar"), { resource: bucketPolicy })).to.equal("Allowed");
      expect(result(save("carlossalazar"), {})).to.equal("ImplicitlyDenied");
    });
  });

  describe("CROSS: Carlos (account 111111111111) and the Production bucket (account 222222222222)", () => {
    const carlos = "arn:aws:iam::111111111111:user/carlossalazar";
    const identity = doc(
      { Sid: "AllowS3ListRead", Effect: "Allow", Action: "s3:ListAllMyBuckets", Resource: "*" },
      { Sid: "AllowS3ProductionObjectActions", Effect: "Allow", Action: "s3:*Object*", Resource: "arn:aws:s3:::Production/*" },
      { Sid: "DenyS3Logs", Effect: "Deny", Action: "s3:*", Resource: ["arn:aws:s3:::*log*", "arn:aws:s3:::*log*/*"] },
    );
    const bucketPolicy = doc({ Effect: "Allow", Action: ["s3:GetObject*", "s3:PutObject*", "s3:ReplicateObject", "s3:RestoreObject"], Principal: { AWS: carlos }, Resource: "arn:aws:s3:::Production/*" });
    const inProduction = (action: string, key = "file.txt") => request(carlos, action, `arn:aws:s3:::Production/${key}`, "222222222222");

    it("saving to Production-logs is denied in account 111111111111 (DenyS3Logs)", () => {
      const decision = decide(request(carlos, "s3:PutObject", "arn:aws:s3:::Production-logs/file.txt", "222222222222"), { identity: [identity], scps: [] });
      expect(decision.result).to.equal("ExplicitlyDenied");
      expect(decision.deniedBy).to.deep.equal([{ policy: "identity", sid: "DenyS3Logs" }]);
    });

    it("saving to Production is allowed: both accounts allow it", () => {
      expect(result(inProduction("s3:PutObject"), { identity: [identity], resource: bucketPolicy })).to.equal("Allowed");
    });

    it("needs both: without the bucket policy, or without the identity policy, it is denied", () => {
      expect(result(inProduction("s3:PutObject"), { identity: [identity] })).to.equal("ImplicitlyDenied");
      expect(result(inProduction("s3:PutObject"), { resource: bucketPolicy })).to.equal("ImplicitlyDenied");
    });

    it("he can create and edit but not delete objects: the bucket policy grants no s3:DeleteObject", () => {
      expect(result(inProduction("s3:GetObjectTagging"), { identity: [identity], resource: bucketPolicy })).to.equal("Allowed");
      expect(result(inProduction("s3:DeleteObject"), { identity: [identity], resource: bucketPolicy })).to.equal("ImplicitlyDenied");
    });

    it("a bucket policy for the whole account delegates to that account's IAM policies (ELEMENTS, Principal: AWS account principals)", () => {
      for (const principal of ["111111111111", "arn:aws:iam::111111111111:root"]) {
        const forAccount = doc({ Effect: "Allow", Principal: { AWS: [principal, "555555555555"] }, Action: "s3:PutObject*", Resource: "arn:aws:s3:::Production/*" });
        expect(result(inProduction("s3:PutObject"), { identity: [identity], resource: forAccount }), principal).to.equal("Allowed");
        expect(result(inProduction("s3:PutObject"), { resource: forAccount }), principal).to.equal("ImplicitlyDenied");
      }
    });
  });

  describe("EVAL: explicit and implicit denies (AllowGetList and DenyReports)", () => {
    const admin = "arn:aws:iam::123456789012:role/Auditor";
    const policy = doc({ Sid: "AllowGetList", Effect: "Allow", Action: ["iam:Get*", "iam:List*"], Resource: "*" }, { Sid: "DenyReports", Effect: "Deny", Action: "iam:*Report", Resource: "*" });
    const iam = (action: string, more: PolicyDocument[] = []) => decide(request(admin, action, "*", "123456789012"), { identity: [policy, ...more], scps: [] });

    it("allows Get and List, implicitly denies iam:CreatePolicy, explicitly denies the reports", () => {
      expect(iam("iam:GetRole").result).to.equal("Allowed");
      expect(iam("iam:ListRoles").result).to.equal("Allowed");
      expect(iam("iam:CreatePolicy").result).to.equal("ImplicitlyDenied");
      expect(iam("iam:GetOrganizationsAccessReport").result).to.equal("ExplicitlyDenied");
    });

    it("keeps iam:GenerateCredentialReport denied when another policy allows it", () => {
      const decision = iam("iam:GenerateCredentialReport", [doc({ Effect: "Allow", Action: "iam:GenerateCredentialReport", Resource: "*" })]);
      expect(decision.result).to.equal("ExplicitlyDenied");
      expect(decision.deniedBy).to.deep.equal([{ policy: "identity", sid: "DenyReports" }]);
    });
  });

  describe("ELEMENTS: Action, NotAction, Resource and NotResource", () => {
    const user = "arn:aws:iam::123456789012:user/Bob";
    const decideFor = (statement: PolicyStatement, action: string, resource: string, extra: PolicyDocument[] = []) => result(request(user, action, resource, "123456789012"), { identity: [doc(statement), ...extra] });

    it("Action: prefix and name are case-insensitive; iam:*AccessKey* names CreateAccessKey, not GetUser", () => {
      expect(decideFor({ Effect: "Allow", Action: "IAM:listaccesskeys", Resource: "*" }, "iam:ListAccessKeys", "*")).to.equal("Allowed");
      expect(decideFor({ Effect: "Allow", Action: "iam:*AccessKey*", Resource: "*" }, "iam:CreateAccessKey", "*")).to.equal("Allowed");
      expect(decideFor({ Effect: "Allow", Action: "iam:*AccessKey*", Resource: "*" }, "iam:GetUser", "*")).to.equal("ImplicitlyDenied");
      expect(decideFor({ Effect: "Allow", Action: "s3:*", Resource: "*" }, "sqs:SendMessage", "*")).to.equal("ImplicitlyDenied");
    });

    it("NotAction with Allow on arn:aws:s3:::*: every S3 action but DeleteBucket, nothing of other services", () => {
      const statement: PolicyStatement = { Effect: "Allow", NotAction: "s3:DeleteBucket", Resource: "arn:aws:s3:::*" };
      expect(decideFor(statement, "s3:GetObject", "arn:aws:s3:::reports/2026.csv")).to.equal("Allowed");
      expect(decideFor(statement, "s3:DeleteBucket", "arn:aws:s3:::reports")).to.equal("ImplicitlyDenied");
      expect(decideFor(statement, "ec2:TerminateInstances", "arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0")).to.equal("ImplicitlyDenied");
    });

    it("NotAction with Allow on *: every action of every service except IAM", () => {
      const statement: PolicyStatement = { Effect: "Allow", NotAction: "iam:*", Resource: "*" };
      expect(decideFor(statement, "ec2:RunInstances", "arn:aws:ec2:us-east-1:123456789012:instance/*")).to.equal("Allowed");
      expect(decideFor(statement, "iam:CreateUser", "arn:aws:iam::123456789012:user/Eve")).to.equal("ImplicitlyDenied");
    });

    it("NotAction with Deny (DenyAllUsersNotUsingMFA): non-IAM actions are denied without MFA", () => {
      const admin = doc({ Effect: "Allow", Action: "*", Resource: "*" });
      const mfa = doc({ Sid: "DenyAllUsersNotUsingMFA", Effect: "Deny", NotAction: "iam:*", Resource: "*", Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } });
      const s3 = (context: EvaluationRequest["context"]) => result(request(user, "s3:ListBucket", "arn:aws:s3:::reports", "123456789012", context), { identity: [admin, mfa] });
      expect(s3({ "aws:MultiFactorAuthPresent": "false" })).to.equal("ExplicitlyDenied");
      expect(s3({})).to.equal("ExplicitlyDenied");
      expect(s3({ "aws:MultiFactorAuthPresent": "true" })).to.equal("Allowed");
      expect(result(request(user, "iam:ChangePassword", "arn:aws:iam::123456789012:user/Bob", "123456789012"), { identity: [admin, mfa] })).to.equal("Allowed");
    });

    it("NotResource with Deny (HRPayroll): every S3 resource but the Payroll folder is denied, and the Deny grants nothing", () => {
      const deny: PolicyStatement = { Effect: "Deny", Action: "s3:*", NotResource: ["arn:aws:s3:::HRBucket/Payroll", "arn:aws:s3:::HRBucket/Payroll/*"] };
      const allowS3 = doc({ Effect: "Allow", Action: "s3:*", Resource: "*" });
      expect(decideFor(deny, "s3:GetObject", "arn:aws:s3:::HRBucket/Payroll/2026.csv", [allowS3])).to.equal("Allowed");
      expect(decideFor(deny, "s3:GetObject", "arn:aws:s3:::HRBucket/Benefits/2026.csv", [allowS3])).to.equal("ExplicitlyDenied");
      expect(decideFor(deny, "s3:GetObject", "arn:aws:s3:::HRBucket/Payroll/2026.csv")).to.equal("ImplicitlyDenied");
      // "If the action also included Amazon EC2 actions, then the policy would not deny access to any EC2 resources": s3:* names none.
      expect(decideFor(deny, "ec2:DescribeInstances", "*", [doc({ Effect: "Allow", Action: "ec2:*", Resource: "*" })])).to.equal("Allowed");
    });

    it("Resource: wildcards within ARN parts (the parts separated by colons), case-sensitive", () => {
      const accounting: PolicyStatement = { Effect: "Allow", Action: "iam:GetUser", Resource: "arn:aws:iam::123456789012:user/accounting/*" };
      expect(decideFor(accounting, "iam:GetUser", "arn:aws:iam::123456789012:user/accounting/alice")).to.equal("Allowed");
      expect(decideFor(accounting, "iam:GetUser", "arn:aws:iam::123456789012:user/marketing/alice")).to.equal("ImplicitlyDenied");
      const bucket: PolicyStatement = { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::my_corporate_bucket/*" };
      expect(decideFor(bucket, "s3:GetObject", "arn:aws:s3:::my_corporate_bucket/report.pdf")).to.equal("Allowed");
      expect(decideFor(bucket, "s3:GetObject", "arn:aws:s3:::My_Corporate_Bucket/report.pdf")).to.equal("ImplicitlyDenied");
      const tables: PolicyStatement = { Effect: "Allow", Action: "dynamodb:GetItem", Resource: ["arn:aws:dynamodb:us-east-2:123456789012:table/books_table", "arn:aws:dynamodb:us-east-2:123456789012:table/magazines_table"] };
      expect(decideFor(tables, "dynamodb:GetItem", "arn:aws:dynamodb:us-east-2:123456789012:table/magazines_table")).to.equal("Allowed");
      expect(decideFor(tables, "dynamodb:GetItem", "arn:aws:dynamodb:us-east-2:123456789012:table/comics_table")).to.equal("ImplicitlyDenied");
      // `?` is one character; `*` stays within its part: a Region wildcard does not cover another account.
      const queue: PolicyStatement = { Effect: "Allow", Action: "sqs:SendMessage", Resource: "arn:aws:sqs:*:123456789012:queue?" };
      expect(decideFor(queue, "sqs:SendMessage", "arn:aws:sqs:us-east-2:123456789012:queue1")).to.equal("Allowed");
      expect(decideFor(queue, "sqs:SendMessage", "arn:aws:sqs:us-east-2:123456789012:queue10")).to.equal("ImplicitlyDenied");
      expect(decideFor(queue, "sqs:SendMessage", "arn:aws:sqs:us-east-2:111122223333:queue1")).to.equal("ImplicitlyDenied");
    });
  });

  describe("SCP: an Allow at every level from the root to the account; a Deny at any level", () => {
    const role = "arn:aws:iam::222222222222:role/Developer";
    const admin = doc({ Effect: "Allow", Action: "*", Resource: "*" });
    const s3 = request(role, "s3:GetObject", "arn:aws:s3:::reports/2026.csv", "222222222222");
    const onlyEc2 = doc({ Effect: "Allow", Action: "ec2:*", Resource: "*" });
    const denyS3 = doc({ Sid: "DenyS3", Effect: "Deny", Action: "s3:*", Resource: "*" });

    it("Figure 1: FullAWSAccess at Root, Production OU and Account B allows", () => {
      expect(FULL_AWS_ACCESS).to.deep.equal(doc({ Effect: "Allow", Action: "*", Resource: "*" }));
      expect(result(s3, { identity: [admin], scps: [[FULL_AWS_ACCESS], [FULL_AWS_ACCESS], [FULL_AWS_ACCESS]] })).to.equal("Allowed");
    });

    it("Figure 2: no Allow at the Production OU denies, whatever the other levels and IAM allow", () => {
      const decision = decide(s3, { identity: [admin], scps: [[FULL_AWS_ACCESS], [onlyEc2], [FULL_AWS_ACCESS]] });
      expect(decision).to.deep.include({ result: "ImplicitlyDenied", reason: "no SCP at level 2 of 3 allows it" });
      expect(result(request(role, "ec2:DescribeInstances", "*", "222222222222"), { identity: [admin], scps: [[FULL_AWS_ACCESS], [onlyEc2], [FULL_AWS_ACCESS]] })).to.equal("Allowed");
    });

    it("a Deny at the Production OU denies although Root and Account B allow", () => {
      const decision = decide(s3, { identity: [admin], scps: [[FULL_AWS_ACCESS], [FULL_AWS_ACCESS, denyS3], [FULL_AWS_ACCESS]] });
      expect(decision.result).to.equal("ExplicitlyDenied");
      expect(decision.deniedBy).to.deep.equal([{ policy: "scp", sid: "DenyS3" }]);
    });

    it("SCPs grant nothing: FullAWSAccess without an identity or resource policy Allow is an implicit deny (EVAL)", () => {
      expect(result(s3, { scps: [[FULL_AWS_ACCESS]] })).to.equal("ImplicitlyDenied");
    });

    it("the root user has full access in its account (EVAL), but SCPs still apply to it", () => {
      const root = request("arn:aws:iam::222222222222:root", "s3:GetObject", "arn:aws:s3:::reports/2026.csv", "222222222222");
      expect(result(root, {})).to.equal("Allowed");
      expect(result(root, { scps: [[FULL_AWS_ACCESS, denyS3]] })).to.equal("ExplicitlyDenied");
    });
  });

  describe("KMS: the key policy must allow, for the principal or for the account (enabling IAM policies)", () => {
    const account = "111122223333";
    const key = `arn:aws:kms:us-east-1:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const user = `arn:aws:iam::${account}:role/KMSKeyUsers`;
    const other = `arn:aws:iam::${account}:role/ExampleRole`;
    const decrypt = (principal: string) => request(principal, "kms:Decrypt", key, account);
    // "Enable IAM User Permissions": the default key policy of a key created programmatically.
    const keyPolicyByDefault = doc({ Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "kms:*", Resource: "*" });
    // The console default's key users statement ("Allow use of the key").
    const keyUsers = doc({ Sid: "Allow use of the key", Effect: "Allow", Principal: { AWS: user }, Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"], Resource: "*" });
    // KMS's IAM policy example "Allow a user to encrypt and decrypt with specific KMS keys".
    const iamAllow = doc({ Effect: "Allow", Action: ["kms:Encrypt", "kms:Decrypt"], Resource: [key] });

    it("the default key policy enables IAM policies: an IAM Allow is needed and enough", () => {
      expect(defaultKeyPolicy(account)).to.deep.equal(keyPolicyByDefault);
      expect(result(decrypt(other), { identity: [iamAllow], resource: keyPolicyByDefault })).to.equal("Allowed");
      expect(result(decrypt(other), { resource: keyPolicyByDefault })).to.equal("ImplicitlyDenied");
    });

    it("without the key policy's permission, IAM policies that allow have no effect", () => {
      const decision = decide(decrypt(other), { identity: [iamAllow], resource: keyUsers, scps: [] });
      expect(decision).to.deep.include({ result: "ImplicitlyDenied", reason: "the key policy allows neither the principal nor its account (IAM policies are not enabled)" });
    });

    it("a key policy that names the principal allows without an IAM policy", () => {
      expect(result(decrypt(user), { resource: keyUsers })).to.equal("Allowed");
      expect(result(request(user, "kms:ScheduleKeyDeletion", key, account), { resource: keyUsers })).to.equal("ImplicitlyDenied");
    });

    it("an IAM policy can deny without the key policy's permission", () => {
      const deny = doc({ Sid: "DenyDisableDelete", Effect: "Deny", Action: ["kms:Decrypt"], Resource: "*" });
      expect(result(decrypt(user), { identity: [deny], resource: keyUsers })).to.equal("ExplicitlyDenied");
    });

    it("refuses to decide a key request without its key policy", () => {
      expect(() => decide(decrypt(user), { identity: [iamAllow], scps: [] })).to.throw("kms:Decrypt on " + key + ": every KMS key has a key policy; pass it");
    });
  });

  describe("ELEMENTS, Principal: who a resource policy statement is about", () => {
    const account = "123456789012";
    const role = `arn:aws:iam::${account}:role/Reader`;
    const get = (principal = role) => request(principal, "s3:GetObject", "arn:aws:s3:::reports/2026.csv", account);
    const bucket = (Principal: unknown) => doc({ Effect: "Allow", Principal, Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/*" });

    it("\"*\" and the principal's own ARN grant; the account delegates; a service principal or another role is not the requester", () => {
      expect(result(get(), { resource: bucket("*") })).to.equal("Allowed");
      expect(result(get(), { resource: bucket({ AWS: "*" }) })).to.equal("Allowed");
      expect(result(get(), { resource: bucket({ AWS: [role] }) })).to.equal("Allowed");
      expect(result(get(), { resource: bucket({ AWS: account }) })).to.equal("ImplicitlyDenied");
      expect(result(get(), { resource: bucket({ AWS: account }), identity: [doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/*" })] })).to.equal("Allowed");
      expect(result(get(), { resource: bucket({ Service: "s3.amazonaws.com" }) })).to.equal("ImplicitlyDenied");
      expect(result(get(), { resource: bucket({ AWS: `arn:aws:iam::${account}:role/Writer` }) })).to.equal("ImplicitlyDenied");
    });

    it("a resource policy Deny for the account denies every entity of it (ELEMENTS, NotPrincipal)", () => {
      const denyAccount = doc({ Sid: "DenyAccount", Effect: "Deny", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "s3:*", Resource: "arn:aws:s3:::reports/*" });
      const identity = [doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/*" })];
      expect(decide(get(), { identity, resource: denyAccount, scps: [] }).deniedBy).to.deep.equal([{ policy: "resource", sid: "DenyAccount" }]);
      expect(result(get("arn:aws:iam::999999999999:role/Reader"), { identity, resource: denyAccount })).to.equal("ImplicitlyDenied");
    });

    it("a resource policy Deny for \"*\" applies to every principal (the TLS-only bucket policy)", () => {
      const tlsOnly = doc(
        { Sid: "AllowReader", Effect: "Allow", Principal: { AWS: role }, Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/*" },
        { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } },
      );
      expect(decide({ ...get(), context: { "aws:SecureTransport": "false" } }, { identity: [], resource: tlsOnly, scps: [] }).deniedBy).to.deep.equal([{ policy: "resource", sid: "DenyInsecureTransport" }]);
      expect(result({ ...get(), context: { "aws:SecureTransport": "true" } }, { resource: tlsOnly })).to.equal("Allowed");
    });
  });

  describe("what it does not implement, it refuses by name", () => {
    const role = "arn:aws:iam::123456789012:role/Reader";
    const get = request(role, "s3:GetObject", "arn:aws:s3:::reports/2026.csv", "123456789012");
    const cases: [string, Partial<ApplicablePolicies>, string][] = [
      ["NotPrincipal", { resource: doc({ Effect: "Deny", NotPrincipal: { AWS: role }, Action: "s3:*", Resource: "*" }) }, "statement 1: NotPrincipal is not supported"],
      ["a federated principal", { resource: doc({ Effect: "Allow", Principal: { Federated: "cognito-identity.amazonaws.com" }, Action: "s3:*", Resource: "*" }) }, "Principal type Federated is not supported (AWS, Service)"],
      ["a policy variable in Resource", { identity: [doc({ Effect: "Allow", Action: "dynamodb:*", Resource: "arn:aws:dynamodb:us-east-2:123456789012:table/${aws:username}" })] }, "policy variable in Resource arn:aws:dynamodb:us-east-2:123456789012:table/${aws:username}"],
      ["a set qualifier in a statement the request never reaches", { identity: [doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }, { Effect: "Deny", Action: "dynamodb:PutItem", Resource: "*", Condition: { "ForAnyValue:StringEquals": { "dynamodb:Attributes": ["ID", "PostDateTime"] } } })] }, "ForAnyValue:StringEquals"],
      ["a role-session principal", {}, "principal arn:aws:sts::123456789012:assumed-role/Reader/session: an IAM role, user or root ARN is expected"],
    ];
    for (const [what, policies, message] of cases) {
      it(what, () => {
        const r = what === "a role-session principal" ? { ...get, principal: "arn:aws:sts::123456789012:assumed-role/Reader/session" } : get;
        expect(() => decide(r, { identity: [], scps: [], ...policies })).to.throw(UnsupportedPolicyError, message);
      });
    }

    it("malformed statements: AWS's Effect spelling, exactly one Action/NotAction and Resource/NotResource, an ARN or *", () => {
      const malformed: [PolicyStatement, string][] = [
        [{ Effect: "allow", Action: "s3:*", Resource: "*" }, 'statement 1: Effect "allow"; Allow or Deny is allowed'],
        [{ Effect: "Allow", Action: "s3:*", NotAction: "s3:DeleteBucket", Resource: "*" }, "statement 1: exactly one of Action and NotAction is required"],
        [{ Sid: "NoResource", Effect: "Allow", Action: "s3:*" }, "statement NoResource: exactly one of Resource and NotResource is required"],
        [{ Effect: "Allow", Action: "s3:*", Resource: "reports/*" }, 'statement 1: Resource reports/* is neither "*" nor an ARN'],
        [{ Effect: "Allow", Principal: "*", Action: "s3:*", Resource: "*" }, "statement 1: an identity policy takes no Principal"],
      ];
      for (const [statement, message] of malformed) expect(() => decide(get, { identity: [doc(statement)], scps: [] }), message).to.throw(message);
    });
  });
});
