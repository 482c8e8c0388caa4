import { CONTROLS } from "../frameworks";
import { readProperty } from "../inspection/known-value";
import { AwsType } from "../resource-types";
import { defineResourceRule } from "../rule-definition";

/** The longest KMS allows, and what the organization's SCP requires. */
export const MINIMUM_KEY_DELETION_WINDOW_DAYS = 30;

/** Scheduling a key for deletion leaves the longest window to notice and cancel. */
export const kmsKeyDeletionWindow = defineResourceRule({
    name: "kms-key-deletion-window",
    description: "KMS keys have a deletion window of at least 30 days.",
    enforcementLevel: "mandatory",
    remediation: "Leave deletionWindowInDays unset (KMS defaults to 30) or set it to 30.",
    controls: [CONTROLS.pciDss.keyDestruction, CONTROLS.gdpr.resilience, CONTROLS.hipaa.integrity],
    resourceTypes: [AwsType.kmsKey, AwsType.kmsReplicaKey],
    validate: (args, report) => {
        const window = readProperty(args.props, "deletionWindowInDays");
        if (window.known && typeof window.value === "number" && window.value < MINIMUM_KEY_DELETION_WINDOW_DAYS) {
            report(
                `deletionWindowInDays is ${window.value}; it must be at least ${MINIMUM_KEY_DELETION_WINDOW_DAYS} ` +
                    "so a mistaken deletion can be cancelled before the data becomes unreadable.",
            );
        }
    },
});
