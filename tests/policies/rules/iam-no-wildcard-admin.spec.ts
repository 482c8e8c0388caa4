import { expect } from "chai";
import { iamNoWildcardAdmin } from "../../../policies/rules/iam-no-wildcard-admin";
import { messages, runResourcePolicy, UNKNOWN_STRING } from "../support/policy-harness";

const doc = (...statements: Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const admin = { Sid: "Admin", Effect: "Allow", Action: "*", Resource: "*" };
const scoped = { Effect: "Allow", Action: ["dynamodb:GetItem"], Resource: "arn:aws:dynamodb:eu-central-1:111111111111:table/t" };

describe("policy iam-no-wildcard-admin", () => {
    it("passes scoped policies, including kms:* on * in a key policy", async () => {
        expect(messages(await runResourcePolicy(iamNoWildcardAdmin, { type: "aws:iam/policy:Policy", props: { policy: doc(scoped) } }))).to.deep.equal([]);
        const keyPolicy = doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kms:*", Resource: "*" });
        expect(messages(await runResourcePolicy(iamNoWildcardAdmin, { type: "aws:kms/key:Key", props: { policy: keyPolicy } }))).to.deep.equal([]);
    });

    it("passes a document unknown during preview", async () => {
        expect(messages(await runResourcePolicy(iamNoWildcardAdmin, { type: "aws:iam/rolePolicy:RolePolicy", props: { policy: UNKNOWN_STRING } }))).to.deep.equal([]);
    });

    it("flags * on * in a managed policy", async () => {
        expect(messages(await runResourcePolicy(iamNoWildcardAdmin, { type: "aws:iam/policy:Policy", props: { policy: doc(scoped, admin) } }))).to.deep.equal([
            "The policy statement Admin allows every action on every resource.",
        ]);
    });

    it("flags * on * in a role's inline policy, given as an object", async () => {
        const props = { inlinePolicies: [{ name: "ops", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["*"], Resource: ["*"] }] } }] };
        expect(messages(await runResourcePolicy(iamNoWildcardAdmin, { type: "aws:iam/role:Role", props }))).to.deep.equal([
            "The inline policy 'ops' statement #1 allows every action on every resource.",
        ]);
    });

    it("flags NotAction with Resource * (everything but a list) in a role policy", async () => {
        const policy = doc({ Sid: "AllBut", Effect: "Allow", NotAction: "iam:*", Resource: "*" });
        expect(messages(await runResourcePolicy(iamNoWildcardAdmin, { type: "aws:iam/rolePolicy:RolePolicy", props: { policy } }))).to.deep.equal([
            "The policy statement AllBut allows every action on every resource.",
        ]);
    });

    it("flags * on * in bucket and key policies", async () => {
        for (const type of ["aws:s3/bucketPolicy:BucketPolicy", "aws:kms/keyPolicy:KeyPolicy"]) {
            expect(messages(await runResourcePolicy(iamNoWildcardAdmin, { type, props: { policy: doc(admin) } }))).to.deep.equal([
                "The policy statement Admin allows every action on every resource.",
            ]);
        }
    });

    it("ignores * on * when it is a Deny", async () => {
        const policy = doc({ Effect: "Deny", Action: "*", Resource: "*" });
        expect(messages(await runResourcePolicy(iamNoWildcardAdmin, { type: "aws:iam/policy:Policy", props: { policy } }))).to.deep.equal([]);
    });
});
