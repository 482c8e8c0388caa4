import { expect } from "chai";
import { regionChoiceRule } from "../../../policies/rules/region-choice";
import { runStackPolicy, UNKNOWN_STRING } from "../support/policy-harness";
import { provider, queueIn, regionDenyContent, scp } from "../support/region-fixtures";

describe("policy region-choice", () => {
    it("says once, as an advisory, what to configure when no Region choice is made", async () => {
        const result = await runStackPolicy(regionChoiceRule, [queueIn("us-east-1"), queueIn("us-west-2"), queueIn("us-east-1", "second")]);
        expect(result.violations).to.deep.equal([
            {
                message:
                    "No Region choice: allowedRegions is not configured and this stack declares no Region-deny SCP, so gdpr-data-residency " +
                    "and the Region check of scp-preview-denials did not run. This stack's regional resources are in us-east-1, us-west-2.",
                enforcementLevel: "advisory",
            },
        ]);
    });

    it("is quiet with allowedRegions in pack config", async () => {
        expect((await runStackPolicy(regionChoiceRule, [queueIn("us-east-1")], { config: { allowedRegions: ["us-east-1", "us-west-2"] } })).violations).to.deep.equal([]);
    });

    it("is quiet when the stack declares its Region-deny SCP, or its content is unknown during preview", async () => {
        expect((await runStackPolicy(regionChoiceRule, [scp(regionDenyContent(["us-east-1", "us-west-2"])), queueIn("us-east-1")])).violations).to.deep.equal([]);
        expect((await runStackPolicy(regionChoiceRule, [scp(UNKNOWN_STRING), queueIn("us-east-1")])).violations).to.deep.equal([]);
    });

    it("is quiet for a stack of global resources only", async () => {
        expect((await runStackPolicy(regionChoiceRule, [{ type: "aws:iam/role:Role", name: "r", props: {}, provider: provider("us-east-1") }])).violations).to.deep.equal([]);
    });
});
