import { expect } from "chai";
import { scpPreviewDenials } from "../../../policies/rules/scp-preview-denials";
import { type HarnessResource, runStackPolicy, urnOf } from "../support/policy-harness";
import { provider, queueIn, regionDenyContent, scp } from "../support/region-fixtures";

const key = (props: Record<string, unknown>, region = "eu-central-1"): HarnessResource => ({ type: "aws:kms/key:Key", name: "data-key", props, provider: provider(region) });
const EU = { config: { allowedRegions: ["eu-central-1", "eu-west-2"] } };
const messagesOf = async (resources: HarnessResource[], options: Parameters<typeof runStackPolicy>[2] = EU) =>
    (await runStackPolicy(scpPreviewDenials, resources, options)).violations.map(v => v.message);

describe("policy scp-preview-denials", () => {
    it("passes a key in a DR Region with a 30-day window and rotation on", async () => {
        expect(await messagesOf([key({ deletionWindowInDays: 30, enableKeyRotation: true })])).to.deep.equal([]);
    });

    it("does not flag an unset rotation: creating a key never calls DisableKeyRotation", async () => {
        expect(await messagesOf([key({})])).to.deep.equal([]);
    });

    it("flags a regional resource the Region-deny SCP would reject, attributed to it", async () => {
        const result = await runStackPolicy(scpPreviewDenials, [queueIn("eu-west-1", "events")], EU);
        expect(result.violations).to.deep.equal([
            {
                message:
                    "The Region-deny SCP will deny creating Queue 'events' in eu-west-1: only eu-central-1, eu-west-2 are allowed " +
                    "for regional services (allowedRegions in pack config).",
                urn: urnOf("aws:sqs/queue:Queue", "events"),
                enforcementLevel: "mandatory",
            },
        ]);
    });

    it("takes the Regions from the Region-deny SCP the stack declares", async () => {
        const stack = [scp(regionDenyContent(["us-east-1", "us-west-2"])), queueIn("us-east-1"), queueIn("eu-west-1", "events")];
        expect(await messagesOf(stack, {})).to.deep.equal([
            "The Region-deny SCP will deny creating Queue 'events' in eu-west-1: only us-east-1, us-west-2 are allowed " +
                "for regional services (the Region-deny SCP 'guardrails-scp-1' of this stack).",
        ]);
    });

    it("presumes no Region without a Region choice, and still previews the KMS denials", async () => {
        expect(await messagesOf([queueIn("ap-southeast-2"), key({ enableKeyRotation: false }, "ap-southeast-2")], {})).to.deep.equal([
            "The SCP DenyKmsRotationDisable will deny kms:DisableKeyRotation, so turning rotation off on Key 'data-key' will fail.",
        ]);
    });

    it("exempts global services from the Region deny", async () => {
        expect(await messagesOf([{ type: "aws:iam/policy:Policy", name: "p", props: {}, provider: provider("eu-west-1") }])).to.deep.equal([]);
    });

    it("flags a deletion window the SCP would refuse to schedule", async () => {
        expect(await messagesOf([key({ deletionWindowInDays: 14, enableKeyRotation: true })])).to.deep.equal([
            "The SCP DenyShortKmsDeletionWindow will deny kms:ScheduleKeyDeletion with a 14-day window, so deleting or replacing Key 'data-key' will fail.",
        ]);
    });

    it("flags turning rotation off", async () => {
        expect(await messagesOf([key({ enableKeyRotation: false })])).to.deep.equal([
            "The SCP DenyKmsRotationDisable will deny kms:DisableKeyRotation, so turning rotation off on Key 'data-key' will fail.",
        ]);
    });

    it("stays in force when no framework is selected", async () => {
        const result = await runStackPolicy(scpPreviewDenials, [key({ enableKeyRotation: false })], { config: { frameworks: [] } });
        expect(result.violations).to.have.length(1);
    });
});
