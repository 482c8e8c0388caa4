import { readProperty } from "../inspection/known-value";
import { classifyKeyReference, customerManagedKeyProblem } from "../inspection/kms-key-reference";
import { ENCRYPTION_AT_REST_CONTROLS } from "../customer-managed-key-rule";
import { AwsType } from "../resource-types";
import { defineResourceRule } from "../rule-definition";

/** Kinesis data streams (contact trace records, agent events) use KMS with a customer-managed key. */
export const kinesisStreamCmk = defineResourceRule({
    name: "kinesis-stream-cmk",
    description: "Kinesis data streams are encrypted with KMS using a customer-managed key.",
    enforcementLevel: "mandatory",
    remediation: "Set encryptionType: \"KMS\" and kmsKeyId to a customer-managed key (not alias/aws/kinesis).",
    controls: ENCRYPTION_AT_REST_CONTROLS,
    resourceTypes: [AwsType.kinesisStream],
    validate: (args, report) => {
        const encryptionType = readProperty(args.props, "encryptionType");
        if (encryptionType.known && encryptionType.value !== "KMS") {
            report(`encryptionType is ${JSON.stringify(encryptionType.value ?? "NONE")}: set it to "KMS".`);
            return;
        }
        const problem = customerManagedKeyProblem("The stream", "kmsKeyId", classifyKeyReference(readProperty(args.props, "kmsKeyId")));
        if (problem) {
            report(problem);
        }
    },
});
