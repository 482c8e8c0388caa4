import { expect } from "chai";
import { sqsQueueCmk } from "../../../policies/rules/sqs-queue-cmk";
import { messages, runResourcePolicy, UNKNOWN_STRING } from "../support/policy-harness";

const subject = (props: Record<string, unknown>) => ({ type: "aws:sqs/queue:Queue", props });

describe("policy sqs-queue-cmk", () => {
    it("passes a customer-managed key ARN or alias", async () => {
        expect(messages(await runResourcePolicy(sqsQueueCmk, subject({ kmsMasterKeyId: "arn:aws:kms:eu-central-1:111111111111:key/0b0d7ad5-1111-2222-3333-444455556666" })))).to.deep.equal([]);
        expect(messages(await runResourcePolicy(sqsQueueCmk, subject({ kmsMasterKeyId: "alias/connect-dr-data" })))).to.deep.equal([]);
    });

    it("passes a key unknown during preview (created in the same run)", async () => {
        expect(messages(await runResourcePolicy(sqsQueueCmk, subject({ kmsMasterKeyId: UNKNOWN_STRING })))).to.deep.equal([]);
    });

    it("flags a missing key", async () => {
        const result = await runResourcePolicy(sqsQueueCmk, subject({}));
        expect(result.violations).to.deep.equal([
            { message: "The SQS queue has no customer-managed KMS key: set `kmsMasterKeyId`.", enforcementLevel: "mandatory" },
        ]);
    });

    it("flags the AWS-managed key", async () => {
        expect(messages(await runResourcePolicy(sqsQueueCmk, subject({ kmsMasterKeyId: "arn:aws:kms:eu-central-1:111111111111:alias/aws/sqs" })))).to.deep.equal([
            "The SQS queue uses the AWS-managed key 'arn:aws:kms:eu-central-1:111111111111:alias/aws/sqs' in `kmsMasterKeyId`; use a customer-managed key.",
        ]);
    });
});
