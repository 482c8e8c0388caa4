import { readProperty } from "../inspection/known-value";
import { isRegionalAwsType, resourceRegion } from "../inspection/resource-region";
import { allowedRegionsSchema, readAllowedRegions } from "../residency";
import { AwsType } from "../resource-types";
import { defineResourceRule } from "../rule-definition";
import { MINIMUM_KEY_DELETION_WINDOW_DAYS } from "./kms-key-deletion-window";

/**
 * Shift-left for the organization's guardrail SCPs (see governance/): reports at preview what those
 * SCPs would deny at deploy time, so a pull request fails in seconds instead of an `up` failing
 * half-way. It mirrors three statements: the Region deny (`aws:RequestedRegion` not in the DR
 * Regions, global services exempt), `DenyShortKmsDeletionWindow` and `DenyKmsRotationDisable`.
 * It has no framework controls because SCPs apply whatever frameworks are selected.
 */
export const scpPreviewDenials = defineResourceRule({
    name: "scp-preview-denials",
    description: "Resources do nothing the organization's guardrail SCPs would deny at deploy time.",
    enforcementLevel: "mandatory",
    remediation:
        "Keep regional resources in the DR Regions, leave KMS deletion windows at 30 days and key rotation on; " +
        "set allowedRegions in pack config to the drRegions of the org guardrails.",
    controls: [],
    configProperties: { allowedRegions: allowedRegionsSchema },
    readConfig: readAllowedRegions,
    resourceTypes: isRegionalAwsType,
    validate: (args, report, { config }) => {
        const region = resourceRegion(args.props, args.provider);
        if ((region.source === "resource" || region.source === "provider") && !config.allowedRegions.includes(region.region)) {
            report(
                `The Region-deny SCP will deny creating this resource in ${region.region}: only ` +
                    `${config.allowedRegions.join(", ")} are allowed for regional services.`,
            );
        }
        if (args.type !== AwsType.kmsKey && args.type !== AwsType.kmsReplicaKey) {
            return;
        }
        const window = readProperty(args.props, "deletionWindowInDays");
        if (window.known && typeof window.value === "number" && window.value < MINIMUM_KEY_DELETION_WINDOW_DAYS) {
            report(
                `The SCP DenyShortKmsDeletionWindow will deny kms:ScheduleKeyDeletion with a ${window.value}-day window, ` +
                    "so deleting or replacing this key will fail.",
            );
        }
        const rotation = readProperty(args.props, "enableKeyRotation");
        if (args.type === AwsType.kmsKey && rotation.known && rotation.value === false) {
            report("The SCP DenyKmsRotationDisable will deny kms:DisableKeyRotation, so turning rotation off on this key will fail.");
        }
    },
});
