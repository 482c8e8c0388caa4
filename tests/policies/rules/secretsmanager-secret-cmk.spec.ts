import { expect } from "chai";
import { secretsmanagerSecretCmk } from "../../../policies/rules/secretsmanager-secret-cmk";
import { messages, runResourcePolicy, UNKNOWN_STRING } from "../support/policy-harness";

const subject = (props: Record<string, unknown>) => ({ type: "aws:secretsmanager/secret:Secret", props });

describe("policy secretsmanager-secret-cmk", () => {
    it("passes a customer-managed key ARN or alias", async () => {
        expect(messages(await runResourcePolicy(secretsmanagerSecretCmk, subject({ kmsKeyId: "arn:aws:kms:eu-central-1:111111111111:key/0b0d7ad5-1111-2222-3333-444455556666" })))).to.deep.equal([]);
        expect(messages(await runResourcePolicy(secretsmanagerSecretCmk, subject({ kmsKeyId: "alias/connect-dr-data" })))).to.deep.equal([]);
    });

    it("passes a key unknown during preview (created in the same run)", async () => {
        expect(messages(await runResourcePolicy(secretsmanagerSecretCmk, subject({ kmsKeyId: UNKNOWN_STRING })))).to.deep.equal([]);
    });

    it("flags a missing key", async () => {
        const result = await runResourcePolicy(secretsmanagerSecretCmk, subject({}));
        expect(result.violations).to.deep.equal([
            { message: "The secret has no customer-managed KMS key: set `kmsKeyId`.", enforcementLevel: "mandatory" },
        ]);
    });

    it("flags the AWS-managed key", async () => {
        expect(messages(await runResourcePolicy(secretsmanagerSecretCmk, subject({ kmsKeyId: "alias/aws/secretsmanager" })))).to.deep.equal([
            "The secret uses the AWS-managed key 'alias/aws/secretsmanager' in `kmsKeyId`; use a customer-managed key.",
        ]);
    });
});
