import { expect } from "chai";
import { snsTopicCmk } from "../../../policies/rules/sns-topic-cmk";
import { messages, runResourcePolicy, UNKNOWN_STRING } from "../support/policy-harness";

const subject = (props: Record<string, unknown>) => ({ type: "aws:sns/topic:Topic", props });

describe("policy sns-topic-cmk", () => {
    it("passes a customer-managed key ARN or alias", async () => {
        expect(messages(await runResourcePolicy(snsTopicCmk, subject({ kmsMasterKeyId: "arn:aws:kms:eu-central-1:111111111111:key/0b0d7ad5-1111-2222-3333-444455556666" })))).to.deep.equal([]);
        expect(messages(await runResourcePolicy(snsTopicCmk, subject({ kmsMasterKeyId: "alias/connect-dr-data" })))).to.deep.equal([]);
    });

    it("passes a key unknown during preview (created in the same run)", async () => {
        expect(messages(await runResourcePolicy(snsTopicCmk, subject({ kmsMasterKeyId: UNKNOWN_STRING })))).to.deep.equal([]);
    });

    it("flags a missing key", async () => {
        const result = await runResourcePolicy(snsTopicCmk, subject({}));
        expect(result.violations).to.deep.equal([
            { message: "The SNS topic has no customer-managed KMS key: set `kmsMasterKeyId`.", enforcementLevel: "mandatory" },
        ]);
    });

    it("flags the AWS-managed key", async () => {
        expect(messages(await runResourcePolicy(snsTopicCmk, subject({ kmsMasterKeyId: "alias/aws/sns" })))).to.deep.equal([
            "The SNS topic uses the AWS-managed key 'alias/aws/sns' in `kmsMasterKeyId`; use a customer-managed key.",
        ]);
    });
});
