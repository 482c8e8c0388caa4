import { isRegionalAwsType } from "../inspection/resource-region";
import { allowedRegionsSchema, readAllowedRegions, regionChoice, regionsInUse } from "../residency";
import { defineStackRule } from "../rule-definition";

/**
 * The pack chooses no geography for the user: without `allowedRegions` in pack config or a Region-deny
 * SCP in the stack, the residency rule and the SCP Region preview do not run, and this advisory says
 * so once per stack, with the Regions the stack uses, instead of flagging every resource.
 */
export const regionChoiceRule = defineStackRule({
    name: "region-choice",
    family: "guardrail",
    description: "A Region choice is made, so residency and the SCP Region preview can check where resources go.",
    enforcementLevel: "advisory",
    remediation:
        "Set allowedRegions for gdpr-data-residency, scp-preview-denials and region-choice in the pack config " +
        "(packConfigFor({ allowedRegions: [...] }) writes all three; `npm start -- --write-pack-config` does it from each stack's " +
        "Regions), or declare the organization's Region-deny SCP (OrgGuardrails) in this stack.",
    controls: [],
    configProperties: { allowedRegions: allowedRegionsSchema },
    readConfig: readAllowedRegions,
    validate: (args, report, { config }) => {
        if (regionChoice(config, args.resources).kind !== "none" || !args.resources.some(r => isRegionalAwsType(r.type))) {
            return;
        }
        const regions = regionsInUse(args.resources);
        report(
            "No Region choice: allowedRegions is not configured and this stack declares no Region-deny SCP, so " +
                "gdpr-data-residency and the Region check of scp-preview-denials did not run." +
                (regions.length > 0 ? ` This stack's regional resources are in ${regions.join(", ")}.` : ""),
        );
    },
});
