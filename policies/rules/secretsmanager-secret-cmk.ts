import { defineCustomerManagedKeyRule } from "../customer-managed-key-rule";
import { AwsType } from "../resource-types";

/** Secrets are encrypted with a customer-managed key rather than aws/secretsmanager. */
export const secretsmanagerSecretCmk = defineCustomerManagedKeyRule({
    name: "secretsmanager-secret-cmk",
    description: "Secrets Manager secrets are encrypted with a customer-managed KMS key.",
    resourceType: AwsType.secret,
    subject: "The secret",
    keyProperty: "kmsKeyId",
    remediation: "Set kmsKeyId to a customer-managed key (not alias/aws/secretsmanager).",
});
