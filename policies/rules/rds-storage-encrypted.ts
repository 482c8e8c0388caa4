import { readProperty } from "../inspection/known-value";
import { classifyKeyReference } from "../inspection/kms-key-reference";
import { ENCRYPTION_AT_REST_CONTROLS } from "../customer-managed-key-rule";
import { AwsType } from "../resource-types";
import { defineResourceRule } from "../rule-definition";

/** RDS instances and Aurora clusters encrypt storage, with a customer-managed key when one is named. */
export const rdsStorageEncrypted = defineResourceRule({
    name: "rds-storage-encrypted",
    description: "RDS instances and Aurora clusters have storage encryption enabled with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    remediation: "Set storageEncrypted: true and kmsKeyId to a customer-managed key (not alias/aws/rds).",
    controls: ENCRYPTION_AT_REST_CONTROLS,
    resourceTypes: [AwsType.rdsInstance, AwsType.rdsCluster],
    validate: (args, report) => {
        const encrypted = readProperty(args.props, "storageEncrypted");
        if (encrypted.known && encrypted.value !== true) {
            report("Storage is not encrypted: set storageEncrypted to true (it cannot be changed after creation).");
            return;
        }
        const key = classifyKeyReference(readProperty(args.props, "kmsKeyId"));
        if (key.kind === "missing") {
            report("Storage is encrypted with the AWS-managed key aws/rds: set kmsKeyId to a customer-managed key.");
        } else if (key.kind === "aws-managed") {
            report(`kmsKeyId '${key.reference}' is an AWS-managed key: use a customer-managed key.`);
        }
    },
});
