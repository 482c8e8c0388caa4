import { CONTROLS } from "../frameworks";
import { readArray, readProperty } from "../inspection/known-value";
import { referencedResources } from "../inspection/linked-resources";
import { AcgrType } from "../resource-types";
import { defineStackRule } from "../rule-definition";

/**
 * A traffic distribution group governs only what is in it: UpdateTrafficDistribution moves the
 * telephony of the numbers claimed to (or moved into) the group, so a group without a number moves no
 * call and a failover "succeeds" while every call still lands in the dark Region. A group carries a
 * number when its `phoneNumberIds` is non-empty or a PhoneNumber resource is claimed into it
 * (`targetArn` from the group's `arn`, CONTRACTS A).
 */
export const trafficDistributionGroupPhoneNumber = defineStackRule({
    name: "traffic-distribution-group-phone-number",
    family: "resilience",
    description: "Every ACGR traffic distribution group carries at least one phone number, so a failover moves calls.",
    enforcementLevel: "mandatory",
    remediation:
        "Claim a number into the group (a PhoneNumber resource whose targetArn is the group's arn) or move an existing " +
        "number into it with the group's phoneNumberIds.",
    controls: [CONTROLS.gdpr.resilience],
    validate: (args, report) => {
        const numbers = args.resources.filter(r => r.type === AcgrType.phoneNumber);
        for (const group of args.resources.filter(r => r.type === AcgrType.trafficDistributionGroup)) {
            const moved = readArray(group.props, "phoneNumberIds");
            if (!moved.known || moved.value.length > 0) {
                continue;
            }
            const claimed = numbers.some(n => {
                const target = readProperty(n.props, "targetArn");
                return (
                    referencedResources(n, "targetArn", target, [group], ["arn"]).length > 0 ||
                    (!target.known && n.dependencies.some(d => d.urn === group.urn))
                );
            });
            // A number whose target is unknown and leads to no resource of the stack might still be this group's.
            const undecided = numbers.some(n => !readProperty(n.props, "targetArn").known && n.dependencies.length === 0);
            if (!claimed && !undecided) {
                report(
                    `Traffic distribution group '${group.name}' carries no phone number (phoneNumberIds is empty and no PhoneNumber ` +
                        "is claimed into it): a failover would move no call.",
                    group.urn,
                );
            }
        }
    },
});
