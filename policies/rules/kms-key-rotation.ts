import { CONTROLS } from "../frameworks";
import { readProperty } from "../inspection/known-value";
import { AwsType } from "../resource-types";
import { defineResourceRule } from "../rule-definition";

/** Symmetric customer-managed keys rotate their key material automatically. */
export const kmsKeyRotation = defineResourceRule({
    name: "kms-key-rotation",
    description: "Symmetric customer-managed KMS keys have automatic key rotation enabled.",
    enforcementLevel: "mandatory",
    remediation: "Set enableKeyRotation: true on the key (optionally rotationPeriodInDays, 90-2560).",
    controls: [CONTROLS.pciDss.keyRotation, CONTROLS.gdpr.encryption, CONTROLS.hipaa.encryptionAtRest],
    resourceTypes: [AwsType.kmsKey],
    validate: (args, report) => {
        const spec = readProperty(args.props, "customerMasterKeySpec");
        const usage = readProperty(args.props, "keyUsage");
        // KMS rotates only symmetric encryption keys; asymmetric and HMAC keys cannot rotate.
        if ((spec.known && spec.value !== undefined && spec.value !== "SYMMETRIC_DEFAULT") ||
            (usage.known && usage.value !== undefined && usage.value !== "ENCRYPT_DECRYPT")) {
            args.notApplicable("KMS rotates only symmetric encryption keys");
        }
        const rotation = readProperty(args.props, "enableKeyRotation");
        if (rotation.known && rotation.value !== true) {
            report("Automatic rotation is off (it defaults to off): set enableKeyRotation to true.");
        }
    },
});
