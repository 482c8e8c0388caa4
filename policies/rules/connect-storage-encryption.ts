import { CONTROLS } from "../frameworks";
import { readPath, readProperty } from "../inspection/known-value";
import { classifyKeyReference, customerManagedKeyProblem } from "../inspection/kms-key-reference";
import { ENCRYPTION_AT_REST_CONTROLS } from "../customer-managed-key-rule";
import { AwsType } from "../resource-types";
import { defineResourceRule } from "../rule-definition";

/**
 * Amazon Connect storage configs that write to S3 (recordings, transcripts, reports) or Kinesis Video
 * Streams (live media) carry a KMS encryption config with a customer-managed key. ACGR does not
 * replicate storage configs, so both Regions' configs are checked by this one rule.
 */
export const connectStorageEncryption = defineResourceRule({
    name: "connect-storage-encryption",
    description: "Amazon Connect S3 and Kinesis Video Streams storage configs use KMS encryption with a customer-managed key.",
    enforcementLevel: "mandatory",
    remediation:
        "Set storageConfig.s3Config.encryptionConfig (or kinesisVideoStreamConfig.encryptionConfig) to " +
        "{ encryptionType: \"KMS\", keyId: <customer-managed key ARN> }.",
    controls: [...ENCRYPTION_AT_REST_CONTROLS, CONTROLS.hipaa.transmissionSecurity],
    resourceTypes: [AwsType.connectStorageConfig],
    validate: (args, report) => {
        const storageType = readPath(args.props, ["storageConfig", "storageType"]);
        if (!storageType.known) {
            return;
        }
        const target =
            storageType.value === "S3" ? "s3Config" : storageType.value === "KINESIS_VIDEO_STREAM" ? "kinesisVideoStreamConfig" : undefined;
        if (target === undefined) {
            return args.notApplicable(`storage type ${String(storageType.value)} is encrypted by the target stream's own settings`);
        }
        const encryption = readPath(args.props, ["storageConfig", target, "encryptionConfig"]);
        if (!encryption.known) {
            return;
        }
        const resourceType = readProperty(args.props, "resourceType");
        const subject = resourceType.known ? `The ${String(resourceType.value)} storage config` : "The storage config";
        if (encryption.value === undefined || encryption.value === null) {
            report(`${subject} has no ${target}.encryptionConfig: add one with encryptionType "KMS".`);
            return;
        }
        const type = readProperty(encryption.value, "encryptionType");
        if (type.known && type.value !== "KMS") {
            report(`${subject} has encryptionType ${JSON.stringify(type.value)}: set it to "KMS".`);
        }
        const problem = customerManagedKeyProblem(subject, `${target}.encryptionConfig.keyId`, classifyKeyReference(readProperty(encryption.value, "keyId")));
        if (problem) {
            report(problem);
        }
    },
});
