import { CONTROLS } from "../frameworks";
import { readArray, readProperty } from "../inspection/known-value";
import { resourceLabel } from "../inspection/resource-label";
import { isRegionalAwsType, resourceRegion } from "../inspection/resource-region";
import { allowedRegionsSchema, readAllowedRegions, regionChoice, regionChoiceSource } from "../residency";
import { AwsType } from "../resource-types";
import { defineStackRule } from "../rule-definition";

/**
 * Every regional AWS resource, and every DynamoDB replica, is in an allowed Region: those of
 * `allowedRegions` in pack config, else those the stack's own Region-deny SCP leaves open. Without
 * either the rule does not apply (the advisory `region-choice` says what to configure). The Region is
 * the resource's own `region` argument if set, else its provider's; a resource whose Region cannot be
 * determined is a violation, because it would land wherever the ambient AWS configuration points.
 */
export const gdprDataResidency = defineStackRule({
    name: "gdpr-data-residency",
    description: "Regional AWS resources and DynamoDB replicas are created only in the allowed Regions.",
    enforcementLevel: "mandatory",
    remediation:
        "Create the resource with a provider for an allowed Region (or set its region argument), or add the " +
        "Region to allowedRegions in pack config after a transfer assessment.",
    controls: [CONTROLS.gdpr.transfers],
    configProperties: { allowedRegions: allowedRegionsSchema },
    readConfig: readAllowedRegions,
    validate: (args, report, { config }) => {
        const choice = regionChoice(config, args.resources);
        if (choice.kind === "none" || choice.kind === "unknown") {
            return args.notApplicable(
                choice.kind === "none" ? "no Region choice: allowedRegions is not configured and the stack declares no Region-deny SCP" : "an SCP's content is unknown during preview",
            );
        }
        const allowed = `allowed Regions: ${choice.regions.join(", ")} (${regionChoiceSource(choice)})`;
        for (const resource of args.resources.filter(r => isRegionalAwsType(r.type))) {
            const region = resourceRegion(resource.props, resource.provider);
            if (region.source === "none") {
                report(`${resourceLabel(resource)}: the Region cannot be determined; create it with an explicit provider whose region is set.`, resource.urn);
            } else if (region.source !== "unknown" && !choice.regions.includes(region.region)) {
                report(`${resourceLabel(resource)} is in ${region.region} (from its ${region.source}); ${allowed}.`, resource.urn);
            }
            if (resource.type !== AwsType.dynamodbTable) {
                continue;
            }
            const replicas = readArray(resource.props, "replicas");
            for (const replica of replicas.known ? replicas.value : []) {
                const name = readProperty(replica, "regionName");
                if (name.known && typeof name.value === "string" && !choice.regions.includes(name.value)) {
                    report(`${resourceLabel(resource)} has a replica in ${name.value}; ${allowed}.`, resource.urn);
                }
            }
        }
    },
});
