import { expect } from "chai";
import { kinesisStreamCmk } from "../../../policies/rules/kinesis-stream-cmk";
import { messages, runResourcePolicy } from "../support/policy-harness";

const stream = (props: Record<string, unknown>) => ({ type: "aws:kinesis/stream:Stream", props });

describe("policy kinesis-stream-cmk", () => {
    it("passes KMS with a customer-managed key", async () => {
        expect(messages(await runResourcePolicy(kinesisStreamCmk, stream({ encryptionType: "KMS", kmsKeyId: "alias/connect-dr-ctr" })))).to.deep.equal([]);
    });

    it("flags an unencrypted stream", async () => {
        expect(messages(await runResourcePolicy(kinesisStreamCmk, stream({})))).to.deep.equal(['encryptionType is "NONE": set it to "KMS".']);
        expect(messages(await runResourcePolicy(kinesisStreamCmk, stream({ encryptionType: "NONE" })))).to.deep.equal(['encryptionType is "NONE": set it to "KMS".']);
    });

    it("flags KMS without a key", async () => {
        expect(messages(await runResourcePolicy(kinesisStreamCmk, stream({ encryptionType: "KMS" })))).to.deep.equal([
            "The stream has no customer-managed KMS key: set `kmsKeyId`.",
        ]);
    });

    it("flags alias/aws/kinesis", async () => {
        expect(messages(await runResourcePolicy(kinesisStreamCmk, stream({ encryptionType: "KMS", kmsKeyId: "alias/aws/kinesis" })))).to.deep.equal([
            "The stream uses the AWS-managed key 'alias/aws/kinesis' in `kmsKeyId`; use a customer-managed key.",
        ]);
    });
});
