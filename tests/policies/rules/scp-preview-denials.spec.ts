import { expect } from "chai";
import { scpPreviewDenials } from "../../../policies/rules/scp-preview-denials";
import { messages, runResourcePolicy } from "../support/policy-harness";

const frankfurt = { name: "eu", props: { region: "eu-central-1" } };
const ireland = { name: "ie", props: { region: "eu-west-1" } };
const key = (props: Record<string, unknown>, provider = frankfurt) => ({ type: "aws:kms/key:Key", props, provider });

describe("policy scp-preview-denials", () => {
    it("passes a key in a DR Region with a 30-day window and rotation on", async () => {
        expect(messages(await runResourcePolicy(scpPreviewDenials, key({ deletionWindowInDays: 30, enableKeyRotation: true })))).to.deep.equal([]);
    });

    it("does not flag an unset rotation: creating a key never calls DisableKeyRotation", async () => {
        expect(messages(await runResourcePolicy(scpPreviewDenials, key({})))).to.deep.equal([]);
    });

    it("flags a regional resource the Region-deny SCP would reject", async () => {
        expect(messages(await runResourcePolicy(scpPreviewDenials, { type: "aws:sns/topic:Topic", props: {}, provider: ireland }))).to.deep.equal([
            "The Region-deny SCP will deny creating this resource in eu-west-1: only eu-central-1, eu-west-2 are allowed for regional services.",
        ]);
    });

    it("exempts global services from the Region deny", async () => {
        expect(messages(await runResourcePolicy(scpPreviewDenials, { type: "aws:iam/policy:Policy", props: {}, provider: ireland }))).to.deep.equal([]);
    });

    it("flags a deletion window the SCP would refuse to schedule", async () => {
        expect(messages(await runResourcePolicy(scpPreviewDenials, key({ deletionWindowInDays: 14, enableKeyRotation: true })))).to.deep.equal([
            "The SCP DenyShortKmsDeletionWindow will deny kms:ScheduleKeyDeletion with a 14-day window, so deleting or replacing this key will fail.",
        ]);
    });

    it("flags turning rotation off", async () => {
        expect(messages(await runResourcePolicy(scpPreviewDenials, key({ enableKeyRotation: false })))).to.deep.equal([
            "The SCP DenyKmsRotationDisable will deny kms:DisableKeyRotation, so turning rotation off on this key will fail.",
        ]);
    });

    it("stays in force when no framework is selected", async () => {
        const result = await runResourcePolicy(scpPreviewDenials, key({ enableKeyRotation: false }), { config: { frameworks: [] } });
        expect(result.violations).to.have.length(1);
    });
});
