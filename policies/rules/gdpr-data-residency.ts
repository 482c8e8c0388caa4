import { CONTROLS } from "../frameworks";
import { readArray, readProperty } from "../inspection/known-value";
import { isRegionalAwsType, resourceRegion } from "../inspection/resource-region";
import { allowedRegionsSchema, readAllowedRegions } from "../residency";
import { AwsType } from "../resource-types";
import { defineResourceRule } from "../rule-definition";

/**
 * Every regional AWS resource, and every DynamoDB replica, is in an allowed Region. The Region is the
 * resource's own `region` argument if set, else its provider's `region` (the program creates one
 * provider per account and Region); a resource whose Region cannot be determined is a violation,
 * because it would land wherever the ambient AWS configuration points.
 */
export const gdprDataResidency = defineResourceRule({
    name: "gdpr-data-residency",
    description: "Regional AWS resources and DynamoDB replicas are created only in the allowed Regions.",
    enforcementLevel: "mandatory",
    remediation:
        "Create the resource with a provider for an allowed Region (or set its region argument), or add the " +
        "Region to allowedRegions in pack config after a transfer assessment.",
    controls: [CONTROLS.gdpr.transfers],
    configProperties: { allowedRegions: allowedRegionsSchema },
    readConfig: readAllowedRegions,
    resourceTypes: isRegionalAwsType,
    validate: (args, report, { config }) => {
        const allowed = config.allowedRegions;
        const region = resourceRegion(args.props, args.provider);
        if (region.source === "none") {
            report("The Region cannot be determined: create the resource with an explicit provider whose region is set.");
        } else if (region.source !== "unknown" && !allowed.includes(region.region)) {
            report(`The resource is in ${region.region} (from its ${region.source}); allowed Regions: ${allowed.join(", ")}.`);
        }
        if (args.type === AwsType.dynamodbTable) {
            const replicas = readArray(args.props, "replicas");
            for (const replica of replicas.known ? replicas.value : []) {
                const name = readProperty(replica, "regionName");
                if (name.known && typeof name.value === "string" && !allowed.includes(name.value)) {
                    report(`The table has a replica in ${name.value}; allowed Regions: ${allowed.join(", ")}.`);
                }
            }
        }
    },
});
