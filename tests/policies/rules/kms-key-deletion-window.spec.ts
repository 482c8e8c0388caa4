import { expect } from "chai";
import { kmsKeyDeletionWindow } from "../../../policies/rules/kms-key-deletion-window";
import { messages, runResourcePolicy, UNKNOWN_STRING } from "../support/policy-harness";

const key = (props: Record<string, unknown>) => ({ type: "aws:kms/key:Key", props });

describe("policy kms-key-deletion-window", () => {
    it("passes 30 days and the unset default (30)", async () => {
        expect(messages(await runResourcePolicy(kmsKeyDeletionWindow, key({ deletionWindowInDays: 30 })))).to.deep.equal([]);
        expect(messages(await runResourcePolicy(kmsKeyDeletionWindow, key({})))).to.deep.equal([]);
    });

    it("passes a window unknown during preview", async () => {
        expect(messages(await runResourcePolicy(kmsKeyDeletionWindow, key({ deletionWindowInDays: UNKNOWN_STRING })))).to.deep.equal([]);
    });

    it("flags a short window on a key", async () => {
        expect(messages(await runResourcePolicy(kmsKeyDeletionWindow, key({ deletionWindowInDays: 7 })))).to.deep.equal([
            "deletionWindowInDays is 7; it must be at least 30 so a mistaken deletion can be cancelled before the data becomes unreadable.",
        ]);
    });

    it("flags a short window on a multi-Region replica key", async () => {
        const result = await runResourcePolicy(kmsKeyDeletionWindow, { type: "aws:kms/replicaKey:ReplicaKey", props: { deletionWindowInDays: 29 } });
        expect(messages(result)).to.deep.equal([
            "deletionWindowInDays is 29; it must be at least 30 so a mistaken deletion can be cancelled before the data becomes unreadable.",
        ]);
    });
});
