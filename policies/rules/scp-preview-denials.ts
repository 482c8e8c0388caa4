import { readProperty } from "../inspection/known-value";
import { resourceLabel } from "../inspection/resource-label";
import { isRegionalAwsType, resourceRegion } from "../inspection/resource-region";
import { allowedRegionsSchema, readAllowedRegions, regionChoice, regionChoiceSource } from "../residency";
import { AwsType } from "../resource-types";
import { defineStackRule } from "../rule-definition";
import { MINIMUM_KEY_DELETION_WINDOW_DAYS } from "./kms-key-deletion-window";

/**
 * Shift-left for the organization's guardrail SCPs (see governance/): reports at preview what those
 * SCPs would deny at deploy time, so a pull request fails in seconds instead of an `up` failing
 * half-way. It mirrors three statements: `DenyShortKmsDeletionWindow`, `DenyKmsRotationDisable`, and
 * the Region deny (`aws:RequestedRegion` outside the DR Regions, global services exempt), the last
 * only with a Region choice: `allowedRegions` in pack config, or the Region-deny SCP the stack
 * declares (read from its content). A guardrail: in force whatever frameworks are selected.
 */
export const scpPreviewDenials = defineStackRule({
    name: "scp-preview-denials",
    family: "guardrail",
    description: "Resources do nothing the organization's guardrail SCPs would deny at deploy time.",
    enforcementLevel: "mandatory",
    remediation:
        "Keep regional resources in the DR Regions, leave KMS deletion windows at 30 days and key rotation on; " +
        "set allowedRegions in pack config to the drRegions of the org guardrails.",
    controls: [],
    configProperties: { allowedRegions: allowedRegionsSchema },
    readConfig: readAllowedRegions,
    validate: (args, report, { config }) => {
        const choice = regionChoice(config, args.resources);
        for (const resource of args.resources.filter(r => isRegionalAwsType(r.type))) {
            const region = resourceRegion(resource.props, resource.provider);
            if ("regions" in choice && "region" in region && !choice.regions.includes(region.region)) {
                report(
                    `The Region-deny SCP will deny creating ${resourceLabel(resource)} in ${region.region}: only ` +
                        `${choice.regions.join(", ")} are allowed for regional services (${regionChoiceSource(choice)}).`,
                    resource.urn,
                );
            }
            if (resource.type !== AwsType.kmsKey && resource.type !== AwsType.kmsReplicaKey) {
                continue;
            }
            const window = readProperty(resource.props, "deletionWindowInDays");
            if (window.known && typeof window.value === "number" && window.value < MINIMUM_KEY_DELETION_WINDOW_DAYS) {
                report(
                    `The SCP DenyShortKmsDeletionWindow will deny kms:ScheduleKeyDeletion with a ${window.value}-day window, ` +
                        `so deleting or replacing ${resourceLabel(resource)} will fail.`,
                    resource.urn,
                );
            }
            const rotation = readProperty(resource.props, "enableKeyRotation");
            if (resource.type === AwsType.kmsKey && rotation.known && rotation.value === false) {
                report(
                    `The SCP DenyKmsRotationDisable will deny kms:DisableKeyRotation, so turning rotation off on ${resourceLabel(resource)} will fail.`,
                    resource.urn,
                );
            }
        }
    },
});
