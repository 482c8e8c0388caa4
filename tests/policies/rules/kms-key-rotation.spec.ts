import { expect } from "chai";
import { kmsKeyRotation } from "../../../policies/rules/kms-key-rotation";
import { messages, runResourcePolicy } from "../support/policy-harness";

const key = (props: Record<string, unknown>) => ({ type: "aws:kms/key:Key", props });

describe("policy kms-key-rotation", () => {
    it("passes a symmetric key with rotation on", async () => {
        expect(messages(await runResourcePolicy(kmsKeyRotation, key({ enableKeyRotation: true })))).to.deep.equal([]);
    });

    it("flags a key that leaves rotation at its default (off)", async () => {
        expect(messages(await runResourcePolicy(kmsKeyRotation, key({})))).to.deep.equal([
            "Automatic rotation is off (it defaults to off): set enableKeyRotation to true.",
        ]);
    });

    it("flags rotation turned off explicitly", async () => {
        expect(messages(await runResourcePolicy(kmsKeyRotation, key({ enableKeyRotation: false })))).to.deep.equal([
            "Automatic rotation is off (it defaults to off): set enableKeyRotation to true.",
        ]);
    });

    it("does not apply to asymmetric keys, which KMS cannot rotate", async () => {
        const result = await runResourcePolicy(kmsKeyRotation, key({ customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" }));
        expect(result.violations).to.deep.equal([]);
        expect(result.notApplicable).to.equal("KMS rotates only symmetric encryption keys");
    });
});
